"""End to end: the example's printed pack is built, its manifest's answers are written on the
answer sheets of a small class, and `trainbook grade` marks them back through that manifest."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from trainbook.papers import build_exams
from trainbook_cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("pack-to-grade")
    build_exams(ROOT / "content", work / "exams", ["cs-basic"], formats=("html",))
    manifest = json.loads((work / "exams/cs-basic/manifest.json").read_text(encoding="utf-8"))
    variants = sorted(manifest["variants"])
    a, b = variants[0], variants[-1]
    numbers = [e["no"] for e in manifest["variants"][a]]

    def written(entry: dict[str, object]) -> str:
        # What a candidate who knows everything writes; short answers carry the marker's points.
        answer = entry["answer"]
        if answer is None:
            return f"{entry['points']:g}"
        return ";".join(blank.split("|")[0] for blank in str(answer).split(";"))  # first accepted per blank

    full = {e["no"]: written(e) for e in manifest["variants"][a]}
    with (work / "responses.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["工号", "试卷", *numbers])
        w.writerow(["P1", a, *(full[n] for n in numbers)])
        w.writerow(["P2", b, *("" for _ in numbers)])
    (work / "scores.csv").write_text(
        "工号,姓名,部门,情景模拟,应急演练,业主满意度,培训出勤\nP1,甲,客服部,80,80,80,80\nP2,乙,客服部,80,80,80,80\n",
        encoding="utf-8",
    )
    args = ["grade", "cs-annual", "--content", str(ROOT / "content"), "--scores", str(work / "scores.csv")]
    args += ["--responses", str(work / "responses.csv"), "--exam", "cs-basic"]
    args += ["--manifest", str(work / "exams/cs-basic/manifest.json"), "--out", str(work / "out")]
    assert main(args) == 0
    return work / "out"


def test_a_paper_written_from_the_key_scores_full_marks(graded: Path) -> None:
    rows = {r["工号"]: r for r in read_csv(graded / "results.csv")}
    assert float(rows["P1"]["理论笔试"]) == 100
    assert float(rows["P2"]["理论笔试"]) == 0


def test_every_question_of_the_pack_is_analysed(graded: Path) -> None:
    items = read_csv(graded / "items.csv")
    assert items and all(r["题目ID"] for r in items)
