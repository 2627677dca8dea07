"""How a number of points or a weight is printed on pages and sheets (the templates' `num`)."""

from __future__ import annotations

import pytest

from trainbook.render import number_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2, "2"),
        (2.0, "2"),
        (0.5, "0.5"),
        (1.25, "1.25"),
        (0.625, "0.625"),
        (33.3, "33.3"),
        (0.1 + 0.2, "0.3"),
        (1_000_000.0, "1000000"),
        (2 / 3, "2/3"),
        (10 / 3, "10/3"),
        (1 / 7, "1/7"),
    ],
)
def test_points_are_printed_exactly(value: float, text: str) -> None:
    assert number_text(value) == text


def test_a_share_that_is_no_simple_fraction_keeps_six_significant_digits() -> None:
    assert number_text(1 / 17) == "0.0588235"
