"""Moodle XML: a category per bank (or exam section), one <question> per question.

single/multiple → multichoice (answernumbering ABCD, shuffleanswers unless ``shuffle: false``);
true_false → truefalse; fill_blank → shortanswer (one blank) or cloze (several);
ordering → ordering (the qtype_ordering plugin, all-or-nothing); matching → matching;
short_answer → essay with the reference and rubric in graderinfo; group → its sub-questions,
each with the shared stem before its own. idnumber = question id, defaultgrade = points,
tags = tags.

Losses (printed with counts): groups split; multiple-choice scoring (Moodle gives credit per
right option, where trainbook is all-or-nothing or half for a subset); fill-blank points that
cannot be whole per-blank weights; the essay's self-assessment. Partial-credit fractions are
snapped to the values Moodle accepts, with a warning naming each question whose value changed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path

from ..messages import msg
from ..model import Case, Choice, FillBlank, Matching, Ordering, Question, ShortAnswer, TrueFalse
from .common import ExportContext, context, leaves
from .losses import Losses, loss
from .select import Selection

#: Moodle's allowed answer fractions (question_bank::fraction_options_full), in percent.
FRACTIONS = (
    100.0,
    90.0,
    83.33333,
    80.0,
    75.0,
    70.0,
    66.66667,
    60.0,
    50.0,
    40.0,
    33.33333,
    30.0,
    25.0,
    20.0,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10.0,
    5.0,
    0.0,
)

LOSS_GROUP = loss(
    "groups split into separate questions (the shared stem repeated in each)", "个题组拆成单独的题（每题重复共同题干）"
)
LOSS_ALL_OR_NOTHING = loss(
    "multiple-choice questions scored all-or-nothing here get credit per right option in Moodle",
    "道在这里全对才得分的多选题，在 Moodle 中按选对的选项给分",
)
LOSS_HALF = loss(
    "multiple-choice questions with partial: true get credit per right option in Moodle, not half",
    "道 partial: true 的多选题在 Moodle 中按选对的选项给分，而不是一半",
)
LOSS_BLANK_WEIGHT = loss(
    "fill-blank questions whose points are not a whole number per blank (each blank weighs 1)",
    "道填空题的分值不是每空整数（每空按 1 计）",
)
LOSS_SELF_ASSESSED = loss(
    "short-answer questions become essays marked by a teacher (no self-assessment)",
    "道简答题变为由教师评分的论述题（没有自评）",
)
LOSSES = (LOSS_GROUP, LOSS_ALL_OR_NOTHING, LOSS_HALF, LOSS_BLANK_WEIGHT, LOSS_SELF_ASSESSED)


def snap(percent: float) -> float:
    """The allowed fraction nearest *percent* (sign kept)."""
    sign = -1.0 if percent < 0 else 1.0
    return sign * min(FRACTIONS, key=lambda f: abs(f - abs(percent)))


def fraction(percent: float, q: Question, losses: Losses) -> str:
    snapped = snap(percent)
    if abs(snapped - percent) > 1e-4:
        losses.warnings.append(msg("export.snapped", id=q.id, percent=f"{percent:.5g}", snapped=f"{snapped:g}"))
    return f"{snapped:.7g}"


def _text(parent: ET.Element, tag: str, value: str, fmt: str | None = "html") -> ET.Element:
    el = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(el, "text").text = value
    return el


def _el(parent: ET.Element, tag: str, value: str) -> ET.Element:
    el = ET.SubElement(parent, tag)
    el.text = value
    return el


def _feedbacks(el: ET.Element) -> None:
    for tag in ("correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        _text(el, tag, "")


def _multichoice(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, Choice)
    b = q.body
    multi = q.type == "multiple"
    _el(el, "single", "false" if multi else "true")
    _el(el, "shuffleanswers", "true" if b.shuffle else "false")
    _el(el, "answernumbering", "ABCD")
    _el(el, "showstandardinstruction", "0")
    _feedbacks(el)
    if multi:
        ET.SubElement(el, "shownumcorrect")
        ctx.losses.add(LOSS_HALF if b.partial else LOSS_ALL_OR_NOTHING, q.id)
    right = len(b.answer)
    wrong = len(b.options) - right
    for i, option in enumerate(b.options):
        percent = 100.0 / right if i in b.answer else -100.0 if multi and wrong else 0.0
        a = ET.SubElement(el, "answer", {"fraction": fraction(percent, q, ctx.losses), "format": "html"})
        _el(a, "text", ctx.inline(option))
        _text(a, "feedback", "")


def _truefalse(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, TrueFalse)
    for value in (True, False):
        a = ET.SubElement(
            el, "answer", {"fraction": "100" if q.body.answer is value else "0", "format": "moodle_auto_format"}
        )
        _el(a, "text", "true" if value else "false")
        _text(a, "feedback", "")


def cloze_escape(text: str) -> str:
    """Characters with a meaning inside a cloze {…} answer, escaped with a backslash."""
    out = text.replace("\\", "\\\\")
    for ch in '}#~/"':
        out = out.replace(ch, "\\" + ch)
    return out


def _fill_blank(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, FillBlank)
    blanks = q.body.blanks
    if len(blanks) == 1:
        el.set("type", "shortanswer")
        el.find("questiontext/text").text = ctx.stem_html(q)  # type: ignore[union-attr]
        _el(el, "usecase", "0")
        for accepted in blanks[0]:
            a = ET.SubElement(el, "answer", {"fraction": "100", "format": "moodle_auto_format"})
            _el(a, "text", accepted)
            _text(a, "feedback", "")
        return
    el.set("type", "cloze")
    weight = q.points / len(blanks)
    if not weight.is_integer() or weight < 1:
        ctx.losses.add(LOSS_BLANK_WEIGHT, q.id)
        weight = 1
    codes = [
        f"{{{int(weight)}:SHORTANSWER:" + "~".join(f"={cloze_escape(a)}" for a in accepted) + "}" for accepted in blanks
    ]
    el.find("questiontext/text").text = ctx.stem_html(q, lambda i: codes[i])  # type: ignore[union-attr]
    # Moodle computes a cloze question's grade from its blanks' weights.
    dg = el.find("defaultgrade")
    if dg is not None:
        dg.text = f"{int(weight) * len(blanks)}"


def _ordering(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, Ordering)
    _el(el, "layouttype", "VERTICAL")
    _el(el, "selecttype", "ALL")
    _el(el, "selectcount", "0")
    _el(el, "gradingtype", "ALL_OR_NOTHING")
    _el(el, "showgrading", "SHOW")
    _feedbacks(el)
    for i, item in enumerate(q.body.items, 1):
        a = ET.SubElement(el, "answer", {"fraction": str(i), "format": "html"})
        _el(a, "text", ctx.inline(item))


def _matching(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, Matching)
    _el(el, "shuffleanswers", "true")
    _feedbacks(el)
    for left, right in q.body.pairs:
        sub = _text(el, "subquestion", ctx.inline(left))
        ans = ET.SubElement(sub, "answer")
        _el(ans, "text", right)
    for extra in q.body.distractors:
        sub = _text(el, "subquestion", "")  # Moodle's way of an extra right-hand answer
        ans = ET.SubElement(sub, "answer")
        _el(ans, "text", extra)


def _essay(el: ET.Element, q: Question, ctx: ExportContext) -> None:
    assert isinstance(q.body, ShortAnswer)
    ctx.losses.add(LOSS_SELF_ASSESSED, q.id)
    _el(el, "responseformat", "editor")
    _el(el, "responserequired", "1")
    _el(el, "responsefieldlines", "10")
    _el(el, "attachments", "0")
    _el(el, "attachmentsrequired", "0")
    info = "<h4>参考答案</h4>" + ctx.html(q.body.reference)
    if q.body.rubric:
        items = "".join(f"<li>{ctx.inline(p.point)}（{p.points:g} 分）</li>" for p in q.body.rubric)
        info += f"<h4>评分要点</h4><ol>{items}</ol>"
    _text(el, "graderinfo", info)
    _text(el, "responsetemplate", "")


#: trainbook type → (Moodle question type, writer of the type's elements).
WRITERS: Mapping[str, tuple[str, Callable[[ET.Element, Question, ExportContext], None]]] = {
    "single": ("multichoice", _multichoice),
    "multiple": ("multichoice", _multichoice),
    "true_false": ("truefalse", _truefalse),
    "fill_blank": ("shortanswer", _fill_blank),
    "ordering": ("ordering", _ordering),
    "matching": ("matching", _matching),
    "short_answer": ("essay", _essay),
}


def _question(quiz: ET.Element, q: Question, shared: str, ctx: ExportContext) -> None:
    mtype, write_type = WRITERS[q.type]
    el = ET.SubElement(quiz, "question", {"type": mtype})
    name = ET.SubElement(el, "name")
    _el(name, "text", q.id)
    stem = ctx.stem_html(q)
    if shared:
        stem = f'<div class="shared-stem">{ctx.html(shared)}</div>{stem}'
    _text(el, "questiontext", stem)
    _text(el, "generalfeedback", ctx.html(q.explanation))
    _el(el, "defaultgrade", f"{q.points:g}")
    _el(el, "penalty", "0")
    _el(el, "hidden", "0")
    _el(el, "idnumber", q.id)
    write_type(el, q, ctx)
    if shared:  # cloze rewrote the question text: keep the shared stem in front
        text = el.find("questiontext/text")
        assert text is not None
        if not (text.text or "").startswith('<div class="shared-stem">'):
            text.text = f'<div class="shared-stem">{ctx.html(shared)}</div>{text.text}'
    tags = [*q.tags, f"difficulty-{q.difficulty}", f"pool-{q.pool}"]
    if q.parent:
        tags.append(f"group-{q.parent}")
    tag_el = ET.SubElement(el, "tags")
    for tag in tags:
        _el(ET.SubElement(tag_el, "tag"), "text", tag)


def build(selection: Selection, cases: Mapping[str, Case], ctx: ExportContext | None = None) -> tuple[bytes, Losses]:
    ctx = ctx or context("moodle", cases)
    quiz = ET.Element("quiz")
    for part in selection.parts:
        cat = ET.SubElement(quiz, "question", {"type": "category"})
        path = "/".join(seg.replace("/", "//") for seg in part.path)  # "//" is a slash inside a name
        _text(cat, "category", f"$course$/top/{path}", None)
        _text(cat, "info", f"trainbook: {part.name}", "moodle_auto_format")
        _el(cat, "idnumber", part.name)
        for q, shared in leaves(part.questions, ctx, LOSS_GROUP):
            _question(quiz, q, shared, ctx)
    ET.indent(quiz, "  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n", ctx.losses


def write(selection: Selection, out: Path, cases: Mapping[str, Case]) -> Losses:
    data, losses = build(selection, cases)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return losses
