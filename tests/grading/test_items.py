"""Item analysis of the class's paper, against values worked out by hand (see conftest.py).

Upper group (27 % of 10 → 3): E01, E02, E03; lower group: E08, E09, E10.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from trainbook.grading.errors import Problems
from trainbook.grading.items import Analysis, analyse
from trainbook.grading.manifest import read_manifest
from trainbook.grading.responses import Sheet, mark_responses
from trainbook.grading.tables import read_table
from trainbook.validate import validate

from .conftest import FIXTURES, read_csv


@pytest.fixture(scope="module")
def items(graded: Path) -> dict[str, dict[str, str]]:
    return {r["题目ID"]: r for r in read_csv(graded / "items.csv")}


def _analysed(folder: Path) -> tuple[list[Sheet], Analysis]:
    """The class's papers in *folder* (manifest.json, responses.csv) marked and analysed."""
    project, _ = validate(FIXTURES / "content")
    manifest = read_manifest(folder / "manifest.json", "class-exam", project)
    problems = Problems()
    sheets = mark_responses(read_table(folder / "responses.csv"), manifest, problems)
    assert problems.items == []
    return sheets, analyse(sheets, project)


@pytest.fixture(scope="module")
def analysis():
    return _analysed(FIXTURES)


def test_items_csv_has_the_documented_columns(graded: Path) -> None:
    header = (graded / "items.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "题目ID,题型,难度P,区分度D,点二列相关,各选项选择率,标记"


def test_paper_scores_undo_each_variants_order(analysis) -> None:
    sheets, _ = analysis
    assert {s.person: s.score for s in sheets} == {
        "E01": 18, "E02": 15, "E03": 14, "E04": 13, "E05": 10, "E06": 8, "E07": 7, "E08": 6, "E09": 4, "E10": 2,
    }  # fmt: skip


def test_difficulty_is_the_share_correct_or_mean_fraction_for_partial_items(items) -> None:
    assert items["q1"]["难度P"] == "0.50"  # E01 E02 E03 E05 E06 right
    assert items["q2"]["难度P"] == "0.45"  # (1 + 1 + .5 + 1 + 0 + .5 + 0 + .5 + 0 + 0) / 10, half for a subset
    assert items["q4"]["难度P"] == "0.45"  # blanks: (1 + 1 + 1 + .5 + 1) / 10
    assert items["q7"]["难度P"] == "0.43"  # (4 + 3 + 3 + 2 + 2 + 1 + 1 + 1 + 0 + 0) / 40 = 0.425


def test_discrimination_is_upper_minus_lower_27_percent(items) -> None:
    assert items["q1"]["区分度D"] == "1.00"  # 3/3 − 0/3
    assert items["q2"]["区分度D"] == "0.67"  # (1 + 1 + .5)/3 − (.5 + 0 + 0)/3
    assert items["q5"]["区分度D"] == "-0.67"  # 0/3 − 2/3
    assert items["q7"]["区分度D"] == "0.75"  # (1 + .75 + .75)/3 − (.25 + 0 + 0)/3


def test_point_biserial_correlates_with_the_rest_score(analysis) -> None:
    _, result = analysis
    stats = {s.question.id: s for s in result.items}
    # q1: x = 1 for E01 E02 E03 E05 E06; rest = 16 13 12 13 8 6 7 6 4 2 (mean 8.7, Σ² 943):
    # Σdxdy = .5 × (55 − 32) = 11.5, Σdx² = 2.5, Σdy² = 943 − 756.9 = 186.1 → 11.5 / √465.25
    assert stats["q1"].r == pytest.approx(0.53316, abs=1e-4)
    # q3: x = 1 for E01–E04 E06 E07; rest = 16 13 12 11 10 6 5 6 4 2 (mean 8.5, Σ² 907):
    # Σxy − nx̄ȳ = 63 − 51 = 12, Σdx² = 2.4, Σdy² = 907 − 722.5 = 184.5 → 12 / √442.8
    assert stats["q3"].r == pytest.approx(0.57026, abs=1e-4)
    assert stats["g8b"].r is None  # everyone right: no variance, no correlation


def test_option_shares_are_by_bank_option_whatever_the_printed_letter(items) -> None:
    # Variant B prints q1's options as C A D B; E02, E06 wrote B (= bank A), E04, E10 wrote D (= bank B).
    assert items["q1"]["各选项选择率"] == "A* 50%; B 20%; C 10%; D 10%; 未答 10%"
    assert items["q2"]["各选项选择率"] == "A* 70%; B 20%; C* 50%; D 20%; 未答 10%"


def test_flags_mark_too_hard_too_easy_and_negative_discrimination(items) -> None:
    assert items["g8a"]["标记"] == "过难"  # P = 0.1
    assert items["g8b"]["标记"] == "过易"  # P = 1.0
    assert items["q5"]["标记"] == "区分度为负"
    assert items["q1"]["标记"] == ""


def test_objective_mastery(analysis) -> None:
    _, result = analysis
    objectives = {o.id: o for o in result.objectives}
    # svc-1 = q1 + q2 + q7 (8 points each): 8 7 6 4 4 4 1 2 0 0 → 36 / 80; ≥ 4.8 points: 3 of 10
    assert objectives["svc-1"].rate == pytest.approx(0.45)
    assert objectives["svc-1"].mastered == pytest.approx(0.3)
    # svc-2 = q3 q4 q5 q6 and the group g8 (its parts inherit): 10 8 8 9 6 4 6 4 4 2 → 61 / 120; ≥ 7.2: 4
    assert objectives["svc-2"].rate == pytest.approx(61 / 120)
    assert objectives["svc-2"].mastered == pytest.approx(0.4)
    assert result.weak["E04"] == ("svc-1",) and "E01" not in result.weak


def test_variants_worth_different_totals_are_ranked_by_their_share_of_full_marks(tmp_path: Path) -> None:
    """Doubling every point of variant B (its markers' points for short answers too) changes no
    candidate's standing, so no item statistic: B's 30 of 40 ranks as A's 15 of 20."""
    manifest = json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))
    short = {e["no"] for e in manifest["variants"]["B"] if e["type"] == "short_answer"}
    for entry in manifest["variants"]["B"]:
        entry["points"] *= 2
    (tmp_path / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    with (FIXTURES / "responses.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    for row in rows[1:]:
        for i, no in enumerate(rows[0]):
            if row[1] == "B" and no in short and row[i]:
                row[i] = str(2 * float(row[i]))
    with (tmp_path / "responses.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)

    def stats(folder: Path) -> dict[str, tuple[float, float | None, float | None]]:
        return {s.question.id: (s.p, s.d, s.r) for s in _analysed(folder)[1].items}

    doubled, original = stats(tmp_path), stats(FIXTURES)
    assert doubled.keys() == original.keys()
    for qid, (p, d, r) in original.items():
        assert doubled[qid] == (pytest.approx(p), pytest.approx(d), pytest.approx(r)), qid
