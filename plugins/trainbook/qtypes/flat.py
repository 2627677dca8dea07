"""A question's type-specific data as flat cells: one spreadsheet row, one block of plain text.

Importers (``trainbook.interchange``) read this shape and the xlsx exporter writes it; each
type converts its body to and from it (``QuestionKind.flatten`` / ``unflatten``), so a type's
answer notation is defined once, with the type. The notation is the one candidates write on
paper (the exam-pack manifest of the authoring contract): single ``B``; multiple ``ACD``;
true_false 对 / 错; fill_blank ``;`` between blanks and ``|`` between alternatives; ordering the
option letters in the right order; matching the right-hand letters (a, b, …) in the order of
the left-hand items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..messages import Text, msg
from ..model import LETTERS, RubricPoint
from .paper import PAPER_LETTERS, BadResponseError, letter_index, truth, written_letters

#: Option columns a sheet may have: A–H for choices, up to J for ordering items (2–10).
OPTION_LETTERS = PAPER_LETTERS[:10]


@dataclass(frozen=True)
class Flat:
    """The cells of one question besides the common fields (stem, explanation, tags, …)."""

    options: tuple[str, ...] = ()  # 选项A, 选项B, … (choices, ordering items, matching left side)
    answer: str = ""  # the type's answer notation; short_answer: the reference answer
    matches: tuple[str, ...] = ()  # matching: the right-hand column a, b, … (with distractors)
    rubric: tuple[RubricPoint, ...] = ()
    partial: bool = False
    shuffle: bool = True
    case: str | None = None


class NotationError(ValueError):
    """A cell that does not fit its type's notation; the message names the cell for the author."""


# -- letters ----------------------------------------------------------------------------------


def letters_of(indices: Iterable[int], lower: bool = False) -> str:
    text = "".join(OPTION_LETTERS[i] for i in indices)
    return text.lower() if lower else text


def parse_letters(text: str, count: int, what: Text | None = None, lower: bool = False) -> tuple[int, ...]:
    """``A``, ``ACD``, ``A,C,D``, ``A、C``, ``[A, C]`` → 0-based indices in the order written.

    *count* is how many entries the letters may name (options, or right-hand items).
    """
    what = what or msg("flat.answer")
    cleaned = written_letters(text).strip("[]()（）")
    if not cleaned:
        raise NotationError(msg("flat.empty", what=what))
    out: list[int] = []
    alphabet = OPTION_LETTERS.lower() if lower else OPTION_LETTERS
    for ch in cleaned:
        letter = ch.lower() if lower else ch.upper()
        index = letter_index(ch, OPTION_LETTERS, lower=lower)
        if index < 0 or len(letter) != 1:
            raise NotationError(
                msg("flat.not_letter", what=what, text=text, ch=ch, first=alphabet[0], last=alphabet[-1])
            )
        if index >= count:
            last = alphabet[count - 1] if count else alphabet[0]
            raise NotationError(
                msg("flat.no_such_letter", what=what, text=text, letter=letter, first=alphabet[0], last=last)
            )
        if index in out:
            raise NotationError(msg("flat.letter_twice", what=what, text=text, letter=letter))
        out.append(index)
    return tuple(out)


def choice_letters(text: str, count: int) -> tuple[int, ...]:
    if count > len(LETTERS):
        raise NotationError(msg("flat.too_many_options", max=len(LETTERS), count=count))
    return parse_letters(text, count)


# -- true / false: the marks of the paper notation (paper.py), one table for both ----------------


def is_truth_mark(text: str) -> bool:
    try:
        truth(text)
    except BadResponseError:
        return False
    return True


def parse_truth(text: str, what: Text | None = None) -> bool:
    try:
        return truth(text.strip().rstrip("。."))
    except BadResponseError:
        raise NotationError(msg("flat.not_truth", what=what or msg("flat.answer"), text=text)) from None


def truth_text(value: bool | None) -> str:
    return "对" if value else "错"


# -- separated lists with backslash escapes -----------------------------------------------------


def split_escaped(text: str, seps: str, escapable: str = "", keep_escapes: bool = False) -> list[str]:
    """Split at any of *seps* not preceded by a backslash.

    ``\\x`` stands for a literal x when x is a separator, a backslash or in *escapable*; any other
    backslash is kept as typed. With *keep_escapes* the parts keep their escapes, for a second
    split (fill-blank: blanks first, then the alternatives of each).
    """
    known = seps + escapable + "\\"
    parts: list[str] = []
    cur: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in known:
            cur.append(text[i : i + 2] if keep_escapes else text[i + 1])
            i += 2
            continue
        if ch in seps:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    parts.append("".join(cur))
    return parts


def join_escaped(parts: list[str] | tuple[str, ...], sep: str, specials: str) -> str:
    """The inverse of :func:`split_escaped`: backslashes doubled, *specials* escaped."""

    def esc(s: str) -> str:
        return "".join("\\" + ch if ch in specials or ch == "\\" else ch for ch in s)

    return sep.join(esc(p) for p in parts)


# -- rubric lines: "要点（2分）" ------------------------------------------------------------------

_RUBRIC_RE = re.compile(r"^(?P<text>.*?)\s*[（(]\s*(?P<n>\d+(?:\.\d+)?)\s*分?\s*[)）]\s*$", re.S)


def parse_rubric(text: str, what: Text | None = None) -> tuple[RubricPoint, ...]:
    points = []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _RUBRIC_RE.match(line.strip())
        if not m or not m.group("text"):
            raise NotationError(msg("flat.rubric_line", what=what or msg("flat.rubric"), line=line.strip()))
        n = float(m.group("n"))
        points.append(RubricPoint(m.group("text"), int(n) if n.is_integer() else n))
    return tuple(points)


def rubric_text(points: tuple[RubricPoint, ...]) -> str:
    return "\n".join(f"{p.point}（{p.points:g}分）" for p in points)
