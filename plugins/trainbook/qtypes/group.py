"""group: sub-questions sharing a stem (a case's scenario and/or their own stem)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..diagnostics import Report
from ..messages import msg
from ..model import Body, Case, Group, Project, Question
from ..yamlsource import Map, entries
from .base import QuestionKind, ReadContext
from .flat import Flat, NotationError

if TYPE_CHECKING:
    from ..render import Renderer


class GroupKind(QuestionKind):
    name = "group"
    label_zh = "案例分析题"
    label_en = "Case study"
    keys = ("questions", "case")
    required = ("questions",)
    body_type = Group
    in_group = False
    aliases = ("题组", "组合题", "案例分析", "材料题")

    def read(self, ctx: ReadContext, m: Map, what: str) -> Group:
        case = ctx.r.ident(m, "case", what)
        if "case" not in m and "stem" not in m:
            ctx.report.error(m.pos, msg("q.group_stem", what=what))
        if "points" in m:
            ctx.report.warning(m.key_at("points"), msg("q.group_points", what=what))
        parent = Question(**{**ctx.fields, "body": Group(case)})
        subs = []
        seq = ctx.r.seq(m, "questions", what)
        for i, item, at in entries(seq):
            q = ctx.read_sub(item, at, msg("what.sub_question_of", n=i + 1, what=what), parent)
            if q is not None:
                subs.append(q)
        if seq is not None and not seq:
            ctx.report.error(m.at("questions"), msg("read.empty", key="questions", what=what))
        return Group(case, tuple(subs))

    def points(self, body: Body, authored: float) -> float:
        assert isinstance(body, Group)
        return sum(q.points for q in body.questions)

    def check(self, q: Question, project: Project, report: Report) -> None:
        if q.case and project.case(q.case) is None and q.case not in project.unread:
            report.error(q.at("case"), msg("q.case_missing", what=msg("what.question", id=q.id), case=q.case))

    def to_yaml(self, body: Body) -> dict[str, Any]:
        # The sub-questions are written by the caller, after the group's own keys.
        assert isinstance(body, Group)
        return {"case": body.case} if body.case else {}

    def flatten(self, body: Body) -> Flat:
        assert isinstance(body, Group)
        return Flat(case=body.case)

    def unflatten(self, flat: Flat, stem: str) -> Group:
        if flat.options or flat.answer.strip():
            raise NotationError(msg("flat.group_cells"))
        if not flat.case and not stem.strip():
            raise NotationError(msg("flat.group_needs"))
        return Group(flat.case)

    def schema_properties(self) -> dict[str, Any]:
        return {"points": False}  # worth the sum of its sub-questions

    def schema_rules(self) -> dict[str, Any]:
        return {"anyOf": [{"required": ["case"]}, {"required": ["stem"]}]}

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        case = cases.get(q.case) if q.case else None
        shared = case.scenario if case is not None else ""
        if q.stem:
            shared = f"{shared}\n\n{q.stem}" if shared else q.stem
        return {
            "stem": renderer.md.block_str(shared),
            "case_title": case.title if case is not None else None,
            "questions": [renderer.question_data(sub, points=points, cases=cases) for sub in q.subs],
        }
