"""GIFT (Moodle's text format): ``::id::[html]stem{answers####explanation}``.

Every text is HTML rendered from the Markdown, on one line, with GIFT's special characters
``~ = # { } :`` and the backslash escaped. single/multiple → choices (multiple with ``%n%``
credit per right option and -100% per wrong one); true_false → ``{TRUE}``/``{FALSE}``;
fill_blank with one blank → the missing-word form; matching → ``=left -> right``;
short_answer → essay ``{}``; ids and tags go in a ``// [id:…] [tag:…]`` comment line that
Moodle reads. Losses: ordering and fill-blank with several blanks are skipped (GIFT has no
form for them), groups are split, points are not carried, matching distractors are dropped,
``shuffle: false`` is not carried, multiple-choice scoring becomes credit per right option.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from ..model import Case, Choice, FillBlank, Matching, Question, ShortAnswer, TrueFalse
from .common import ExportContext, context, leaves
from .losses import Losses, loss
from .moodle import fraction
from .select import Selection

SPECIALS = "~=#{}:"
LOSS_SKIPPED_ORDERING = loss(
    "ordering questions skipped (GIFT has no ordering form)", "道排序题被跳过（GIFT 没有排序题）"
)
LOSS_SKIPPED_BLANKS = loss(
    "fill-blank questions with several blanks skipped (GIFT holds one blank)", "道多空填空题被跳过（GIFT 只支持一个空）"
)
LOSS_GROUP = loss(
    "groups split into separate questions (the shared stem repeated in each)", "个题组拆成单独的题（每题重复共同题干）"
)
LOSS_POINTS = loss(
    "questions whose points are not carried (GIFT has no grade; Moodle gives each 1)",
    "题的分值没有带上（GIFT 没有分值；Moodle 每题记 1 分）",
)
LOSS_DISTRACTORS = loss("matching questions whose distractors are dropped", "道匹配题的干扰项被丢弃")
LOSS_ORDER = loss(
    "questions with shuffle: false whose fixed option order is not carried",
    "道 shuffle: false 的题没有保留固定的选项顺序",
)
LOSS_SCORING = loss(
    "multiple-choice questions get credit per right option (trainbook: all-or-nothing or half)",
    "道多选题改为按选对的选项给分（trainbook：全对才得分或少选得一半）",
)
LOSSES = (
    LOSS_SKIPPED_ORDERING,
    LOSS_SKIPPED_BLANKS,
    LOSS_GROUP,
    LOSS_POINTS,
    LOSS_DISTRACTORS,
    LOSS_ORDER,
    LOSS_SCORING,
)


def escape(text: str) -> str:
    """Text safe anywhere in GIFT: specials and backslash escaped, on one line."""
    out = text.replace("\\", "\\\\")
    for ch in SPECIALS:
        out = out.replace(ch, "\\" + ch)
    return re.sub(r"\s*\n\s*", " ", out).strip()


def _choice(q: Question, ctx: ExportContext) -> str:
    assert isinstance(q.body, Choice)
    b = q.body
    if not b.shuffle:
        ctx.losses.add(LOSS_ORDER, q.id)
    if q.type == "single":
        return "".join(f"\n{'=' if i in b.answer else '~'}{escape(ctx.inline(o))}" for i, o in enumerate(b.options))
    ctx.losses.add(LOSS_SCORING, q.id)
    right, wrong = len(b.answer), len(b.options) - len(b.answer)
    parts = []
    for i, o in enumerate(b.options):
        percent = 100.0 / right if i in b.answer else (-100.0 if wrong else 0.0)
        parts.append(f"\n~%{fraction(percent, q, ctx.losses)}%{escape(ctx.inline(o))}")
    return "".join(parts)


def _true_false(q: Question, ctx: ExportContext) -> str:
    assert isinstance(q.body, TrueFalse)
    return "TRUE" if q.body.answer else "FALSE"


def _fill_blank(q: Question, ctx: ExportContext) -> str:
    assert isinstance(q.body, FillBlank)
    return "".join(f" ={escape(a)}" for a in q.body.blanks[0]) + " "


def _matching(q: Question, ctx: ExportContext) -> str:
    assert isinstance(q.body, Matching)
    if q.body.distractors:
        ctx.losses.add(LOSS_DISTRACTORS, q.id)
    return "".join(f"\n={escape(ctx.inline(left))} -> {escape(right)}" for left, right in q.body.pairs)


def _essay(q: Question, ctx: ExportContext) -> str:
    assert isinstance(q.body, ShortAnswer)
    return ""


#: trainbook type → answers block writer; a type missing here is skipped with its loss.
WRITERS: Mapping[str, Callable[[Question, ExportContext], str]] = {
    "single": _choice,
    "multiple": _choice,
    "true_false": _true_false,
    "fill_blank": _fill_blank,
    "matching": _matching,
    "short_answer": _essay,
}
SKIPPED = {"ordering": LOSS_SKIPPED_ORDERING}


def _comment(q: Question) -> str:
    safe = [t for t in q.tags if not re.search(r"[\[\]\s]", t)]
    return "// [id:" + q.id + "]" + "".join(f" [tag:{t}]" for t in safe)


def _question(q: Question, shared: str, ctx: ExportContext) -> str | None:
    if q.type in SKIPPED:
        ctx.losses.add(SKIPPED[q.type], q.id)
        return None
    if isinstance(q.body, FillBlank) and len(q.body.blanks) > 1:
        ctx.losses.add(LOSS_SKIPPED_BLANKS, q.id)
        return None
    if q.points != 1:
        ctx.losses.add(LOSS_POINTS, q.id)
    block = WRITERS[q.type](q, ctx)
    feedback = f"####{escape(ctx.html(q.explanation))}" if q.explanation else ""
    prefix = escape(ctx.html(shared)) + " " if shared else ""
    if isinstance(q.body, FillBlank):
        marker = "TBGIFTBLANK"
        stem = escape(ctx.stem_html(q, lambda _i: marker))
        before, _, after = stem.partition(marker)
        return f"{_comment(q)}\n::{q.id}::[html]{prefix}{before}{{{block}{feedback}}}{after}"
    stem = escape(ctx.stem_html(q))
    return f"{_comment(q)}\n::{q.id}::[html]{prefix}{stem}{{{block}{feedback}\n}}"


def build(selection: Selection, cases: Mapping[str, Case]) -> tuple[str, Losses]:
    ctx = context("gift", cases)
    chunks = []
    for part in selection.parts:
        path = "/".join(seg.replace("/", "//") for seg in part.path)
        chunks.append(f"$CATEGORY: $course$/top/{path}")
        for q, shared in leaves(part.questions, ctx, LOSS_GROUP):
            text = _question(q, shared, ctx)
            if text is not None:
                chunks.append(text)
    return "\n\n".join(chunks) + "\n", ctx.losses


def write(selection: Selection, out: Path, cases: Mapping[str, Case]) -> Losses:
    data, losses = build(selection, cases)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(data, encoding="utf-8")
    return losses
