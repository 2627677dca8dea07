"""A fill-blank answer may itself hold the notation's separators (; ； | ｜ and the backslash):
the manifest writes them escaped, grading reads exactly the accepted answers back, and a
manifest written before escaping (no backslashes) reads as it always did."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from trainbook.qtypes import TYPES
from trainbook.qtypes.fill_blank import answer_notation, read_answer
from trainbook.qtypes.paper import PaperKey
from trainbook_cli.main import main

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "pack"
BLANKS = (("a;b", "c|d", "e"), ("回访闭环",))


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pack handbook with fb-01's first blank accepting 'a;b', 'c|d' or 'e'; its pack built."""
    root = tmp_path_factory.mktemp("separators")
    shutil.copytree(PACK, root / "handbook")
    bank = root / "handbook/content/banks/pack.yml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(
        text.replace("answer: [[首问负责制, 首问责任制], 回访闭环]", 'answer: [[a;b, "c|d", e], 回访闭环]'), "utf-8"
    )
    content = str(root / "handbook/content")
    assert (
        main(["exam", "build", "pack-exam", "--content", content, "--format", "html", "--out", str(root / "exams")])
        == 0
    )
    return root


def manifest_entry(work: Path) -> tuple[str, dict]:
    manifest = json.loads((work / "exams/pack-exam/manifest.json").read_text(encoding="utf-8"))
    return next((v, e) for v, entries in manifest["variants"].items() for e in entries if e["id"] == "fb-01")


def test_the_manifest_escapes_separators_inside_an_answer(work: Path) -> None:
    _, entry = manifest_entry(work)
    assert entry["answer"] == "a\\;b|c\\|d|e;回访闭环"
    assert read_answer(entry["answer"]) == BLANKS


def test_grading_reads_the_accepted_answers_back_exactly(work: Path) -> None:
    variant, entry = manifest_entry(work)
    manifest = json.loads((work / "exams/pack-exam/manifest.json").read_text(encoding="utf-8"))
    numbers = [e["no"] for e in manifest["variants"][variant]]
    written = {
        "P1": "e;回访闭环",  # both blanks right
        "P2": "a\\;b；回访闭环",  # a literal ; escaped by whoever typed the sheet in: both right
        "P3": "c|d;错",  # first blank right
        "P4": "a;b",  # 'a' and 'b' in two blanks: neither right
    }
    with (work / "responses.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["工号", "试卷", *numbers])
        for person, cell in written.items():
            w.writerow([person, variant, *(cell if n == entry["no"] else "" for n in numbers)])
    people = "".join(f"{p},{p},客服部,80\n" for p in written)
    (work / "scores.csv").write_text("工号,姓名,部门,情景模拟\n" + people, encoding="utf-8")
    args = ["grade", "annual", "--content", str(work / "handbook/content"), "--scores", str(work / "scores.csv")]
    args += ["--responses", str(work / "responses.csv"), "--manifest", str(work / "exams/pack-exam/manifest.json")]
    assert main([*args, "--out", str(work / "out"), "--lang", "en"]) == 0
    item = next(r for r in read_csv(work / "out/items.csv") if r["题目ID"] == "fb-01")
    assert item["难度P"] == "0.63"  # (1 + 1 + 0.5 + 0) / 4


@pytest.mark.parametrize(
    "blanks",
    [
        BLANKS,
        (("x\\",), ("\\;",), ("\\\\|",)),
        (("全角；分号", "全角｜竖线"), ("a\\b", "C:\\new")),
        ((";", "|", "；", "｜"),),
    ],
)
def test_answer_notation_round_trips_every_text(blanks: tuple[tuple[str, ...], ...]) -> None:
    assert read_answer(answer_notation(blanks)) == blanks


def test_a_manifest_written_before_escaping_reads_as_before() -> None:
    assert read_answer("SOP|标准作业程序;24") == (("SOP", "标准作业程序"), ("24",))
    assert read_answer("首问负责制|首问责任制；回访闭环") == (("首问负责制", "首问责任制"), ("回访闭环",))
    key = PaperKey("fill_blank", 2, "SOP|标准作业程序;24")
    assert TYPES["fill_blank"].mark_paper("标准作业程序；24", key).points == 2
