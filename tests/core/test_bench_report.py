"""`make bench`'s arithmetic: the instruction report and trainbook's cost per question, from
given numbers (the builds themselves are the benchmark's business, never a test's)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def load_bench() -> Any:
    spec = importlib.util.spec_from_file_location("trainbook_bench", ROOT / "build_tools" / "bench" / "bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = load_bench()


def test_instruction_report_gives_the_ratio_and_both_steps_per_thousand_questions() -> None:
    counts = {
        "plain": 28_620_000_000,
        "trainbook": 43_130_000_000,
        "trainbook_large": 62_200_000_000,
        "trainbook_one": 24_380_000_000,
    }
    lines = bench.instructions_report(counts, pages=200, small=10_000, large=20_000)
    assert "trainbook 43.13 (1.51x plain) at 10,000 questions" in lines[0]
    assert "1.913 G up to 10,000, 1.907 G from 10,000 to 20,000 (1.00x)" in lines[2]
    assert "the extras over plain grow 2.31x" in lines[2]


def test_instruction_report_without_a_larger_corpus_gives_the_ratio_only() -> None:
    lines = bench.instructions_report({"plain": 10**10, "trainbook": 15 * 10**9}, pages=10, small=100, large=None)
    assert lines == ["instructions (G): plain 10.00, trainbook 15.00 (1.50x plain) at 100 questions"]


def test_cost_per_question_is_taken_from_the_larger_corpus_alternation() -> None:
    small = {"pages": 200, "questions": 10_000}
    large = {
        "pages": 200,
        "questions": 20_000,
        "plain": {"cpu_s": 3.0},
        "trainbook": {"cpu_s": 7.4},
        "trainbook_smaller": {"cpu_s": 5.4},
        "trainbook_one": {"cpu_s": 3.436},
    }
    info = bench.per_question(small, large)
    assert info is not None
    assert "0.200 from 200 to 10,000, 0.200 from 10,000 to 20,000 (1.00x)" in info
    assert "trainbook 3.44 s, plain 3.00 s" in info
    assert bench.per_question(small, None) is None


def test_second_level_cache_report_gives_misses_per_question_in_both_steps() -> None:
    misses = {
        "plain": 20_000_000,
        "trainbook": 26_624_031,
        "trainbook_large": 31_916_965,
        "trainbook_one": 21_656_574,
    }
    lines = bench.l2_report(misses, pages=50, small=2_500, large=5_000, kib=512)
    assert lines[0] == "second-level cache misses (512 KiB simulated, M): plain 20.00, trainbook 26.62"
    assert lines[1] == "per question: 2,028 up to 2,500, 2,117 from 2,500 to 5,000 (1.04x)"


def test_second_level_cache_report_without_a_larger_corpus_gives_the_counts_only() -> None:
    lines = bench.l2_report({"plain": 10**7, "trainbook": 2 * 10**7}, pages=10, small=100, large=None, kib=256)
    assert lines == ["second-level cache misses (256 KiB simulated, M): plain 10.00, trainbook 20.00"]


def test_the_builds_compared_with_plain_follow_it_and_the_peer_closes_each_round() -> None:
    # mkdocs-quiz's build lasts as long as the others together: between plain's and trainbook's
    # builds it would let the host drift for a minute.
    assert bench.round_order([]) == ["plain", "trainbook", "quiz"]
    assert bench.round_order(["trainbook_smaller", "trainbook_one"]) == [
        "plain",
        "trainbook",
        "trainbook_smaller",
        "trainbook_one",
        "quiz",
    ]


def test_example_index_target_passes_at_half_the_index_of_issue_12_with_every_term_found() -> None:
    _, ok, value = bench.example_target({"search_index_bytes": 990_000, "terms_missing": []})
    assert ok and value == "990 KB (0.50x), all four terms found whole"


def test_example_index_target_fails_above_half_the_index_of_issue_12() -> None:
    _, ok, value = bench.example_target({"search_index_bytes": 990_001, "terms_missing": []})
    assert not ok and "(0.50x)" in value


def test_example_index_target_fails_and_names_a_term_no_longer_found_whole() -> None:
    _, ok, value = bench.example_target({"search_index_bytes": 700_000, "terms_missing": ["业委会"]})
    assert not ok and value.endswith("not found whole: 业委会")
