"""`trainbook stats` shows where a bank's answers sit, so a learner cannot game it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook_cli import stats
from trainbook_cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def _bank(singles: str, verdicts: str) -> str:
    """A bank with one single-choice question per letter in `singles`, one true/false per t/f."""
    out = ["id: positions", "title: 位置", "module: complaint-handling", "questions:"]
    for i, letter in enumerate(singles):
        out += [
            f"  - id: pos-s{i}",
            "    type: single",
            f"    stem: 第 {i} 题（　）。",
            "    options: [甲, 乙, 丙, 丁]",
            f"    answer: {letter}",
            "    objectives: [cmp-1]",
        ]
    for i, v in enumerate(verdicts):
        out += [
            f"  - id: pos-t{i}",
            "    type: true_false",
            f"    stem: 第 {i} 句。",
            f"    answer: {'true' if v == 't' else 'false'}",
            "    objectives: [cmp-1]",
        ]
    return "\n".join(out) + "\n"


def _positions(site: Path, singles: str, verdicts: str) -> dict[str, object]:
    (site / "content" / "banks" / "positions.yml").write_text(_bank(singles, verdicts), encoding="utf-8")
    report = Report()
    project = load_project(site / "content", report)
    assert not report.errors, report.items
    bank = next(b for b in project.banks if b.id == "positions")
    return stats.answer_positions(bank)


def test_a_bank_where_one_letter_holds_most_single_answers_is_flagged(mini_site: Path) -> None:
    a = _positions(mini_site, "AAAABBCD", "tftft")
    assert a["single"] == {"A": 4, "B": 2, "C": 1, "D": 1}
    assert a["most_common"] == "A" and a["flag_single"] is True


def test_a_bank_whose_true_false_answers_are_mostly_false_is_flagged(mini_site: Path) -> None:
    a = _positions(mini_site, "ABCDABCD", "tffff")
    assert a["true_share"] == pytest.approx(0.2)
    assert a["flag_true_false"] is True and a["flag_single"] is False


def test_a_balanced_bank_is_not_flagged(mini_site: Path) -> None:
    a = _positions(mini_site, "ABCDABCDA", "tfftf")
    assert a["flag_single"] is False and a["flag_true_false"] is False


def test_stats_prints_the_answer_positions_and_marks_an_unbalanced_bank(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _positions(mini_site, "BBBBBBCD", "ffffff")
    assert main(["stats", "--content", "content", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if x.strip().startswith("positions") and "single " in x)
    assert "B=6" in line and "0/6" in line and "unbalanced" in line


def test_the_example_handbook_banks_have_balanced_answer_positions() -> None:
    report = Report()
    project = load_project(ROOT / "content", report)
    data = stats.collect(project)
    assert data["answers_flagged"] == [], [
        (b["bank"], b["answers"]) for b in data["banks"] if b["bank"] in data["answers_flagged"]
    ]


def test_min_sets_how_few_questions_flag_an_objective(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def flagged(minimum: str) -> list[str]:
        assert main(["stats", "--content", "content", "--format", "json", "--min", minimum]) == 0
        return json.loads(capsys.readouterr().out)["flagged"]

    everything = flagged("1000")
    assert everything and flagged("0") == []
    objectives = stats.collect(load_project(Path("content"), Report()))["objectives"]
    counts = {o["objective"]: o["questions"] for o in objectives}
    assert flagged("2") == [o for o in everything if counts[o] < 2]
