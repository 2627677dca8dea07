"""Aiken: the plainest quiz format (Moodle, many exam apps) — single choice only.

One line of stem, options ``A. …``, ``ANSWER: B``, a blank line. Losses: every other type is
skipped; Markdown becomes plain text on one line; explanation, points, tags and
``shuffle: false`` are not carried.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from ..model import Case, Choice
from .common import context, leaves, plain
from .losses import Losses, loss
from .select import Selection

LOSS_TYPE = loss("questions skipped (not single choice)", "题被跳过（不是单选题）")
LOSS_GROUP = loss(
    "groups split into their sub-questions (the shared stem is put before each)",
    "个题组拆成小题（共同题干放在每道小题前）",
)
LOSS_FLAT = loss("questions whose Markdown was flattened to one line of plain text", "题的 Markdown 被压成一行纯文本")
LOSS_META = loss(
    "questions whose explanation, points and tags are not carried (Aiken has no place for them)",
    "题的解析、分值和标签没有带上（Aiken 没有对应位置）",
)
LOSSES = (LOSS_TYPE, LOSS_GROUP, LOSS_FLAT, LOSS_META)
_LETTERS = "ABCDEFGH"


def _line(text: str, ctx_html: str) -> tuple[str, bool]:
    flat = re.sub(r"\s*\n\s*", " ", plain(ctx_html)).strip()
    return flat, flat != text.strip()


def build(selection: Selection, cases: Mapping[str, Case]) -> tuple[str, Losses]:
    ctx = context("aiken", cases)
    out = []
    for part in selection.parts:
        for q, shared in leaves(part.questions, ctx, LOSS_GROUP):
            if q.type != "single":
                ctx.losses.add(LOSS_TYPE, q.id)
                continue
            assert isinstance(q.body, Choice)
            source = f"{shared}\n\n{q.stem}" if shared else q.stem
            stem, changed = _line(source, ctx.html(source))
            lines = [stem]
            for i, option in enumerate(q.body.options):
                text, opt_changed = _line(option, ctx.html(option))
                changed = changed or opt_changed
                lines.append(f"{_LETTERS[i]}. {text}")
            lines.append(f"ANSWER: {_LETTERS[q.body.answer[0]]}")
            if changed:
                ctx.losses.add(LOSS_FLAT, q.id)
            if q.explanation or q.tags:
                ctx.losses.add(LOSS_META, q.id)
            out.append("\n".join(lines))
    return "\n\n".join(out) + ("\n" if out else ""), ctx.losses


def write(selection: Selection, out: Path, cases: Mapping[str, Case]) -> Losses:
    data, losses = build(selection, cases)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(data, encoding="utf-8")
    return losses
