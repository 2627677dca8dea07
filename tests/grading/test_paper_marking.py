"""Marking single cells in the paper notation (FORMATS.md), type by type."""

from __future__ import annotations

import pytest

from trainbook.qtypes import TYPES
from trainbook.qtypes.paper import BadResponseError, PaperKey


def mark(qtype: str, written: str, answer: str | None, order: tuple[int, ...] = (), partial: bool = False) -> float:
    return TYPES[qtype].mark_paper(written, PaperKey(qtype, 2, answer, order, partial)).points


def test_multiple_letters_in_any_order_and_case() -> None:
    assert mark("multiple", "ca", "AC", (0, 1, 2, 3)) == 2
    assert mark("multiple", "A、C", "AC", (0, 1, 2, 3)) == 2


def test_multiple_partial_subset_earns_half_and_a_wrong_letter_nothing() -> None:
    assert mark("multiple", "A", "ACD", (0, 1, 2, 3), partial=True) == 1
    assert mark("multiple", "AB", "ACD", (0, 1, 2, 3), partial=True) == 0
    assert mark("multiple", "A", "ACD", (0, 1, 2, 3), partial=False) == 0


def test_single_with_two_letters_is_wrong_not_an_error() -> None:
    assert mark("single", "AB", "A", (0, 1, 2, 3)) == 0


@pytest.mark.parametrize("written", ["对", "√", "T", "t", "✓"])
def test_true_marks(written: str) -> None:
    assert mark("true_false", written, "对") == 2 and mark("true_false", written, "错") == 0


@pytest.mark.parametrize("written", ["错", "×", "F", "f"])
def test_false_marks(written: str) -> None:
    assert mark("true_false", written, "错") == 2


def test_fill_blank_trims_widths_case_and_trailing_punctuation_per_blank() -> None:
    answer = "SOP|标准作业程序;24"
    assert mark("fill_blank", " ｓｏｐ。;２４", answer) == 2
    assert mark("fill_blank", "标准作业程序;12", answer) == 1
    assert mark("fill_blank", "标准作业程序", answer) == 1


def test_ordering_and_matching_letters_beyond_h() -> None:
    order = tuple(range(10))
    assert mark("ordering", "ABCDEFGHIJ", "ABCDEFGHIJ", order) == 2
    assert mark("matching", "JIHGFEDCBA".lower(), "jihgfedcba", order) == 2
    with pytest.raises(BadResponseError, match="'K' is not an option letter here \\(the paper prints A–J\\)"):
        mark("ordering", "ABCDEFGHIK", "ABCDEFGHIJ", order)


def test_short_answer_takes_the_markers_points() -> None:
    assert mark("short_answer", "1.5", None) == 1.5
    with pytest.raises(BadResponseError):
        mark("short_answer", "很好", None)
