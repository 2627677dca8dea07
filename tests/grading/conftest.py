"""A class of ten graded by hand: tests/grading/fixtures holds a small handbook (content/), the
exam manifest of its two-variant paper, the candidates' responses and the scores sheet.

Hand-worked marks (bank items; variant B prints questions and options in another order):

         q1 q2 q3 q4 q5 q6 q7 g8a g8b | paper /20 | 理论笔试
    E01   2  2  2  2  0  2  4   2   2 |   18      |  90
    E02   2  2  2  2  0  2  3   0   2 |   15      |  75
    E03   2  1  2  2  0  2  3   0   2 |   14      |  70
    E04   0  2  2  1  2  2  2   0   2 |   13      |  65
    E05   2  0  0  2  0  2  2   0   2 |   10      |  50
    E06   2  1  2  0  0  0  1   0   2 |    8      |  40
    E07   0  0  2  0  0  2  1   0   2 |    7      |  35
    E08   0  1  0  0  2  0  1   0   2 |    6      |  30
    E09   0  0  0  0  2  0  0   0   2 |    4      |  20
    E10   0  0  0  0  0  0  0   0   2 |    2      |  10
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from trainbook_cli.main import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def class_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private copy of the fixtures; the test runs inside it."""
    target = tmp_path / "class"
    shutil.copytree(FIXTURES, target)
    monkeypatch.chdir(target)
    return target


def grade_args(out: str = "out", *extra: str, responses: bool = True) -> list[str]:
    args = ["grade", "class-scheme", "--content", "content", "--scores", "scores.csv", "--out", out]
    if responses:
        args += ["--responses", "responses.csv", "--manifest", "manifest.json"]
    return [*args, *extra]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One graded run of the class, shared by the tests that only read its outputs."""
    root = tmp_path_factory.mktemp("graded")
    shutil.copytree(FIXTURES, root, dirs_exist_ok=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        assert main(grade_args("out", "--site-url", "https://handbook.example/")) == 0
    return root / "out"
