"""Numbers as a trainer rounds them by hand: half up (四舍五入), in every output of `grade`."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def fixed(value: float | None, digits: int = 2) -> str:
    """Rounded half up as a trainer rounds by hand (0.425 → 0.43), not as binary floats fall."""
    if value is None:
        return ""
    return str(Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> str:
    """*part* of *whole* as a whole percentage, rounded half up (1 of 8 is 13%, not 12%)."""
    return fixed(part * 100 / whole if whole else 0.0, 0) + "%"


def share(fraction: float, whole: int) -> str:
    """A share counted out of *whole* (an option chosen by 1 of 8 is 13%)."""
    return percent(round(fraction * whole), whole)
