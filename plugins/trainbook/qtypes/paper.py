"""Marking what a candidate wrote on a printed paper, in the notation of the exam manifest.

The notation is the contract in FORMATS.md ("Exam pack manifest and paper responses"): letters
as printed on that variant, 对/错 (also √ × T F) for true_false, ``;`` between blanks. Each
question type's ``mark_paper`` uses the helpers here; the grading package calls it per cell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..messages import msg

#: Printed letters: options A–H, but ordering items and matching entries (with distractors) run further.
PAPER_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class BadResponseError(ValueError):
    """A cell that is not a possible answer (a letter with no option, an unknown mark)."""


@dataclass(frozen=True)
class PaperKey:
    """One markable item of a printed variant, as the manifest lists it."""

    type: str
    points: float
    answer: str | None
    #: for each printed position, the 0-based index of the bank's option / item / right entry
    order: tuple[int, ...] = ()
    partial: bool = False  # multiple: a strict subset with no wrong letter earns half


@dataclass(frozen=True)
class PaperMark:
    """Points earned and, for choice types, the bank option indices chosen (distractor analysis)."""

    points: float
    chosen: tuple[int, ...] = ()


_SEPARATORS = re.compile(r"[\s,，、;；/]+")
_TRAILING_PUNCT = re.compile(r"[\s.。,，;；:：!！?？、]+$")


def written_letters(written: str) -> str:
    """The letters of an answer as written, one character each: NFKC (full-width Ａ is A) and the
    separators people put between letters (spaces , ， 、 ; ； /) dropped. Both notations use it:
    the bank's answer keys (flat.parse_letters) and a candidate's paper responses (letters)."""
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", written))


def letter_index(ch: str, alphabet: str = PAPER_LETTERS, *, lower: bool = False) -> int:
    """0-based position of the letter *ch* in *alphabet* (lower case for matching entries), or -1."""
    if len(ch) != 1:
        return -1
    return (alphabet.lower() if lower else alphabet).find(ch.lower() if lower else ch.upper())


def letters(written: str, count: int, *, lower: bool = False) -> list[int]:
    """Printed positions of the letters in *written*; a letter beyond the printed ones is an error."""
    out = []
    for ch in written_letters(written):
        index = letter_index(ch)
        if index < 0 or index >= count:
            last = PAPER_LETTERS[count - 1] if count else "A"
            shown = f"A–{last}".lower() if lower else f"A–{last}"
            raise BadResponseError(msg("paper.bad_letter", letter=ch, shown=shown))
        out.append(index)
    return out


def normalize_text(value: str) -> str:
    """Fill-blank comparison: NFKC (full/half width), trimmed, case-folded, trailing punctuation dropped."""
    text = unicodedata.normalize("NFKC", value).strip().casefold()
    return _TRAILING_PUNCT.sub("", text)


TRUE_MARKS = frozenset({"对", "√", "✓", "✔", "t", "true", "正确", "是"})
FALSE_MARKS = frozenset({"错", "×", "✗", "✘", "x", "f", "false", "错误", "否"})


def truth(written: str) -> bool:
    text = unicodedata.normalize("NFKC", written).strip().casefold()
    # NFKC turns × into itself but full-width letters into ASCII; both tables are case-folded.
    if text in TRUE_MARKS:
        return True
    if text in FALSE_MARKS:
        return False
    raise BadResponseError(msg("paper.bad_tf", written=written))


def points(written: str, worth: float) -> float:
    try:
        value = float(unicodedata.normalize("NFKC", written).strip())
    except ValueError:
        raise BadResponseError(msg("paper.bad_points", written=written, worth=f"{worth:g}")) from None
    if not 0 <= value <= worth:
        raise BadResponseError(msg("paper.points_range", value=f"{value:g}", worth=f"{worth:g}"))
    return value
