"""short_answer: a reference answer and optional scoring points (self-assessed online)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..diagnostics import Report
from ..messages import msg
from ..model import Body, Case, Project, Question, RubricPoint, ShortAnswer
from ..yamlsource import Map
from . import paper
from .base import QuestionKind, ReadContext
from .flat import Flat, NotationError
from .paper import PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer


class ShortAnswerKind(QuestionKind):
    name = "short_answer"
    label_zh = "简答题"
    label_en = "Short answer"
    response_zh = "阅卷人给的分数，0 到本题分值"
    response_en = "The points the marker gave, from 0 to the question's points"
    aliases = ("简答", "问答题", "问答", "论述题", "主观题")
    keys = ("reference", "rubric")
    required = ("stem", "reference")
    body_type = ShortAnswer

    def read(self, ctx: ReadContext, m: Map, what: str) -> ShortAnswer:
        points = []
        for i, rm in ctx.r.maps(m, "rubric", what, "what.rubric_point_of", what=what):
            label = msg("what.rubric_point_of", n=i + 1, what=what)
            ctx.r.check_keys(rm, ("point", "points"), ("point", "points"), label)
            points.append(
                RubricPoint(
                    ctx.r.text(rm, "point", label) or "", ctx.r.number(rm, "points", label, lo=0, default=0) or 0
                )
            )
        return ShortAnswer(ctx.r.text(m, "reference", what) or "", tuple(points))

    def check(self, q: Question, project: Project, report: Report) -> None:
        assert isinstance(q.body, ShortAnswer)
        if q.body.rubric:
            total = sum(p.points for p in q.body.rubric)
            if abs(total - q.points) > 1e-9:
                what = msg("what.question", id=q.id)
                report.error(q.at("rubric"), msg("q.rubric_sum", what=what, total=total, points=q.points))

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, ShortAnswer)
        out: dict[str, Any] = {"reference": body.reference}
        if body.rubric:
            out["rubric"] = [{"point": p.point, "points": p.points} for p in body.rubric]
        return out

    def flatten(self, body: Body) -> Flat:
        assert isinstance(body, ShortAnswer)
        return Flat(answer=body.reference, rubric=body.rubric)

    def unflatten(self, flat: Flat, stem: str) -> ShortAnswer:
        if not flat.answer.strip():
            raise NotationError(msg("flat.short_answer"))
        return ShortAnswer(flat.answer, flat.rubric)

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, ShortAnswer)
        return {
            "reference": renderer.md.block_str(q.body.reference),
            "rubric": [{"point": renderer.md.inline_str(p.point), "points": p.points} for p in q.body.rubric],
        }

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        return PaperMark(paper.points(written, key.points))
