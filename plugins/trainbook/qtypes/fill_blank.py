"""fill_blank: blanks written ___ in the stem, one answer entry per blank."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from ..messages import describe, msg
from ..model import Body, Case, FillBlank, Question
from ..yamlsource import Map, Seq
from . import paper
from .base import QuestionKind, ReadContext
from .flat import Flat, NotationError, join_escaped, split_escaped
from .paper import PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer

BLANK_RE = re.compile(r"_{3,}")
_TOKEN = "TBBLANKTOKEN{}TB"
_TOKEN_RE = re.compile(r"TBBLANKTOKEN(\d+)TB")
_BLANK_IN_TAG = re.compile(r"<[A-Za-z][^<>]*_{3,}[^<>]*>")
_TEXT = {"type": ["string", "number"], "minLength": 1}


#: Between blanks (either width) and between a blank's accepted answers; a literal one is written
#: with a backslash (\; \| \\), so every answer text survives the round trip.
BLANK_SEPS = ";；"
ALTERNATIVE_SEPS = "|｜"


def answer_notation(blanks: tuple[tuple[str, ...], ...]) -> str:
    """The answer as the manifest and a 题库 cell write it: ``a|b;c``, separators in the text escaped."""
    return ";".join(join_escaped(b, "|", BLANK_SEPS + ALTERNATIVE_SEPS) for b in blanks)


def read_answer(answer: str) -> tuple[tuple[str, ...], ...]:
    """The accepted answers per blank of :func:`answer_notation`. Alternatives split at ``|`` only,
    as they always did: a manifest written before escaping reads as it always read."""
    return tuple(
        tuple(split_escaped(entry, "|", BLANK_SEPS + "｜"))
        for entry in split_escaped(answer, BLANK_SEPS, ALTERNATIVE_SEPS, keep_escapes=True)
    )


class FillBlankKind(QuestionKind):
    name = "fill_blank"
    label_zh = "填空题"
    label_en = "Fill in the blanks"
    response_zh = "按空的顺序写考生填的内容，空与空之间用 ; 隔开"
    response_en = "What the candidate wrote in each blank, in order, with ; between blanks"
    aliases = ("填空", "填空题目")
    keys = ("answer",)
    required = ("stem", "answer")
    body_type = FillBlank

    def read(self, ctx: ReadContext, m: Map, what: str) -> FillBlank:
        value = m.get("answer")
        blanks: list[tuple[str, ...]] = []
        if value is None:
            return FillBlank()
        if not isinstance(value, Seq):
            ctx.report.error(m.at("answer"), msg("q.fill_list", what=what, found=describe(value)))
            return FillBlank()
        for i, entry in enumerate(value):
            accepted = entry if isinstance(entry, list) else [entry]
            good = [str(a) for a in accepted if isinstance(a, (str, int, float)) and not isinstance(a, bool)]
            if len(good) != len(accepted) or not good:
                ctx.report.error(value.at(i), msg("q.fill_entry", n=i + 1, what=what, found=describe(entry)))
            elif not all(a.strip() for a in good):
                # An empty accepted answer would give the points for a blank left empty.
                ctx.report.error(value.at(i), msg("q.fill_empty", n=i + 1, what=what))
            blanks.append(tuple(good))
        n = len(BLANK_RE.findall(ctx.fields["stem"]))
        if _BLANK_IN_TAG.search(ctx.fields["stem"]):
            # Markdown reads "<a ___ b>" as an HTML tag: the blank would vanish from the page and exports.
            ctx.report.error(m.at("stem"), msg("q.fill_in_tag", what=what))
        elif n != len(blanks):
            ctx.report.error(m.at("answer"), msg("q.fill_count", what=what, entries=len(blanks), n=n))
        return FillBlank(tuple(blanks))

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, FillBlank)
        return {"answer": [b[0] if len(b) == 1 else list(b) for b in body.blanks]}

    def flatten(self, body: Body) -> Flat:
        # ";" between blanks, "|" between alternatives; a literal ; or | is written \; or \|.
        assert isinstance(body, FillBlank)
        return Flat(answer=answer_notation(body.blanks))

    def unflatten(self, flat: Flat, stem: str) -> FillBlank:
        blanks = []
        for i, entry in enumerate(split_escaped(flat.answer, ";；", "|｜", keep_escapes=True)):
            accepted = tuple(a.strip() for a in split_escaped(entry, "|｜", ";；"))
            if not all(accepted):
                raise NotationError(msg("flat.blank_empty", answer=flat.answer, n=i + 1))
            blanks.append(accepted)
        n = len(BLANK_RE.findall(stem))
        if n == 0:
            raise NotationError(msg("flat.no_blanks"))
        if n != len(blanks):
            raise NotationError(msg("flat.blank_count", answer=flat.answer, given=len(blanks), n=n))
        return FillBlank(tuple(blanks))

    def stem_html(self, q: Question, renderer: Renderer) -> Markup:
        # Blanks become placeholders the quiz engine turns into inputs; a token survives Markdown.
        counter = iter(range(1000))
        tokenised = BLANK_RE.sub(lambda _m: _TOKEN.format(next(counter)), q.stem)
        html = str(renderer.md.block(tokenised))
        return Markup(
            _TOKEN_RE.sub(lambda m: f'<span class="tb-blank" data-blank="{m.group(1)}">＿＿＿＿</span>', html)
        )

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, FillBlank)
        return {"answer": [list(b) for b in q.body.blanks]}

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        assert isinstance(q.body, FillBlank)
        return answer_notation(q.body.blanks)

    def schema_properties(self) -> dict[str, Any]:
        return {
            "answer": {
                "description": "填空题答案：列表，每个空一项；每项是一个字符串或可接受字符串的列表"
                "（纯数字按文字处理） / "
                "fill_blank: a list with one entry per blank; each entry a string or a list of accepted "
                "strings (bare numbers are read as text)",
                "type": "array",
                "minItems": 1,
                "items": {"anyOf": [_TEXT, {"type": "array", "minItems": 1, "items": _TEXT}]},
            },
            "stem": {
                "description": "填空题题干须含 ___（3 个及以上下划线）表示空 / fill_blank stem must mark blanks "
                "with ___ (3+ underscores)",
                "type": "string",
                "pattern": "_{3,}",
            },
        }

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        # Per-blank credit, as the online quiz gives it.
        accepted = [{paper.normalize_text(a) for a in b} for b in read_answer(key.answer or "")]
        given = [paper.normalize_text(g) for g in split_escaped(written, BLANK_SEPS, ALTERNATIVE_SEPS)]
        right = sum(1 for i, ok in enumerate(accepted) if i < len(given) and given[i] in ok)
        return PaperMark(key.points * right / len(accepted) if accepted else 0)
