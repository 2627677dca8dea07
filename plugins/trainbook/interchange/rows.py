"""Rows ↔ questions: the common cells (难度, 分值, 知识点, …) here, the type's cells in qtypes.

``question_rows`` flattens a loaded question for the xlsx export; ``read_row`` turns one row
of an import into a :class:`Draft` (a question not yet given its id) or a problem message.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..messages import Text, msg
from ..model import Body, Question
from ..qtypes import BLANK_RE, TYPES
from ..qtypes.flat import (
    Flat,
    NotationError,
    is_truth_mark,
    join_escaped,
    parse_letters,
    parse_rubric,
    parse_truth,
    rubric_text,
    split_escaped,
)
from ..reader import ID_RE
from .layout import Row

DIFFICULTY_WORDS = {1: "易", 2: "中", 3: "难"}
_DIFFICULTY = {
    **{w: 1 for w in ("1", "易", "容易", "简单", "较易", "低", "初级", "easy")},
    **{w: 2 for w in ("2", "中", "中等", "一般", "适中", "普通", "中级", "medium")},
    **{w: 3 for w in ("3", "难", "困难", "较难", "高", "高级", "hard", "difficult")},
}
POOL_WORDS = {"practice": "练习", "exam": "考试"}
_POOL = {
    **{w: "practice" for w in ("练习", "自测", "练习题", "practice")},
    **{w: "exam" for w in ("考试", "正式考试", "考试题", "exam")},
}
#: What separates tags and objective ids in one cell: 首问负责制、报修 / a, b / one per line.
LIST_SEPARATORS = ",，、;；\n"


class RowError(ValueError):
    """A problem with one row, already worded for the author."""


@dataclass
class Draft:
    """A question read from one row, before ids are given out and YAML is written."""

    row: Row
    type: str
    fields: dict[str, Any]  # common fields: stem, explanation, objectives, tags, difficulty, points, pool, source
    body: Body
    requested_id: str | None = None  # the 编号 cell when it is a valid id
    id: str = ""
    subs: list[Draft] = field(default_factory=list)


# -- model → row ---------------------------------------------------------------------------------


def _number(value: float) -> str:
    return f"{value:g}"


def question_rows(q: Question) -> list[Row]:
    """The question as rows of the layout: one, or a group's row followed by its sub-questions'."""
    kind = TYPES[q.type]
    flat = kind.flatten(q.body)
    row = Row(
        where=q.id,
        label=q.id,
        type=kind.label_zh,
        stem=q.stem,
        options=flat.options,
        answer=flat.answer,
        explanation=q.explanation,
        difficulty=DIFFICULTY_WORDS[q.difficulty],
        tags=join_escaped(q.tags, "、", LIST_SEPARATORS),
        points="" if q.subs else _number(q.points),
        objectives="、".join(q.objectives),
        source=q.source or "",
        pool="" if q.parent else POOL_WORDS[q.pool],
        group=q.parent or "",
        case=flat.case or "",
        matches="\n".join(flat.matches),
        rubric=rubric_text(flat.rubric),
        shuffle="" if flat.shuffle else "否",
        partial="是" if flat.partial else "",
    )
    return [row] + [r for sub in q.subs for r in question_rows(sub)]


# -- row → draft ---------------------------------------------------------------------------------

_TYPE_NAMES = {unicodedata.normalize("NFKC", n).lower(): k.name for k in TYPES.values() for n in k.names()}


def type_of(row: Row) -> str:
    """The row's type: its 题型 cell, or inferred from what the row holds when the cell is empty."""
    if row.type.strip():
        name = _TYPE_NAMES.get(unicodedata.normalize("NFKC", row.type).strip().lower())
        if name is None:
            known = ", ".join(k.label_zh.removesuffix("题") for k in TYPES.values())
            raise RowError(msg("import.type", type=row.type, known=known))
        return name
    return infer_type(row)


def infer_type(row: Row) -> str:
    answer = row.answer.strip()
    if row.options and row.matches.strip():
        return "matching"
    if row.options:
        try:
            letters = parse_letters(answer, len(row.options))
        except NotationError:
            return "single"  # the single-choice reader explains what is wrong with the answer
        return "multiple" if len(letters) > 1 else "single"
    if is_truth_mark(answer.rstrip("。.")):
        return "true_false"
    if BLANK_RE.search(row.stem):
        return "fill_blank"
    if row.case.strip() and not answer:
        return "group"
    return "short_answer"


def _split(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in split_escaped(text, LIST_SEPARATORS) if p.strip())


def _flag(text: str, default: bool, what: Text) -> bool:
    word = unicodedata.normalize("NFKC", text).strip()
    if not word:
        return default
    if word in ("1", "0", "不", "不乱序"):
        return word == "1"
    try:
        return parse_truth(word, what)
    except NotationError:
        raise RowError(msg("import.flag", what=what, text=text)) from None


def _difficulty(text: str) -> int | None:
    word = unicodedata.normalize("NFKC", text).strip().lower()
    if not word:
        return None
    if word.endswith(".0"):
        word = word[:-2]
    if word not in _DIFFICULTY:
        raise RowError(msg("import.difficulty", text=text))
    return _DIFFICULTY[word]


def _points(text: str) -> float | None:
    word = unicodedata.normalize("NFKC", text).strip().removesuffix("分").strip()
    if not word:
        return None
    try:
        value = float(word)
    except ValueError:
        raise RowError(msg("import.points", text=text)) from None
    if value < 0 or value != value or value == float("inf"):
        raise RowError(msg("import.points_negative", text=text))
    return int(value) if value.is_integer() else value


def _pool(text: str) -> str | None:
    word = unicodedata.normalize("NFKC", text).strip().lower()
    if not word:
        return None
    if word not in _POOL:
        raise RowError(msg("import.pool", text=text))
    return _POOL[word]


def read_row(row: Row) -> Draft:
    """One row → a draft; raises :class:`RowError` naming the cell that is wrong."""
    qtype = type_of(row)
    kind = TYPES[qtype]
    if row.group.strip() and not kind.in_group:
        raise RowError(msg("import.not_in_group", type=qtype, group=row.group))
    if not row.stem.strip() and qtype != "group":
        raise RowError(msg("import.no_stem"))
    objectives = _split(row.objectives)
    for obj in objectives:
        if not ID_RE.match(obj):
            raise RowError(msg("import.objective", objective=obj))
    try:
        flat = Flat(
            options=tuple(row.options),
            answer=row.answer,
            matches=tuple(m.strip() for m in row.matches.splitlines() if m.strip()),
            rubric=parse_rubric(row.rubric, Text("评分要点")),
            partial=_flag(row.partial, False, Text("少选得分")),
            shuffle=_flag(row.shuffle, True, Text("选项乱序")),
            case=row.case.strip() or None,
        )
        body = kind.unflatten(flat, row.stem)
    except NotationError as exc:
        raise RowError(exc.args[0]) from None
    if flat.case and not ID_RE.match(flat.case):
        raise RowError(msg("import.case", case=flat.case))
    label = row.label.strip()
    return Draft(
        row=row,
        type=qtype,
        fields={
            "stem": row.stem,
            "explanation": row.explanation,
            "objectives": objectives,
            "tags": _split(row.tags),
            "difficulty": _difficulty(row.difficulty),
            "points": _points(row.points),
            "pool": _pool(row.pool),
            "source": row.source.strip() or None,
        },
        body=body,
        requested_id=label if ID_RE.match(label) else None,
    )


_NUMBERED = re.compile(r"^(?P<prefix>.+)-(?P<n>\d+)$")


def next_number(prefix: str, taken: set[str]) -> int:
    """One past the highest number already used as ``prefix-N``, so new ids never collide."""
    best = 0
    for qid in taken:
        m = _NUMBERED.match(qid)
        if m and m.group("prefix") == prefix:
            best = max(best, int(m.group("n")))
    return best + 1
