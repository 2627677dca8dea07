"""true_false: YAML true or false only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..messages import Text, describe, msg, value_hint
from ..model import Body, Case, Question, TrueFalse
from ..yamlsource import Map
from . import paper
from .base import QuestionKind, ReadContext
from .flat import Flat, NotationError, parse_truth, truth_text
from .paper import PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer


class TrueFalseKind(QuestionKind):
    name = "true_false"
    label_zh = "判断题"
    label_en = "True or false"
    response_zh = "对 或 错（也可写 √、×、T、F）"
    response_en = "对 or 错 (also √, ×, T, F)"
    aliases = ("判断", "是非题", "对错题", "判断正误")
    keys = ("answer",)
    required = ("stem", "answer")
    body_type = TrueFalse

    def read(self, ctx: ReadContext, m: Map, what: str) -> TrueFalse:
        value = m.get("answer")
        written = getattr(m, "loose_bools", {}).get("answer")
        if written is not None:  # yes/no/on/off: YAML 1.1 guesses a boolean; the contract does not
            ctx.report.error(m.at("answer"), msg("q.truth_written", what=what, written=written))
            return TrueFalse(None)
        if value is not None and not isinstance(value, bool):
            message = msg("q.truth", what=what, found=describe(value))
            hint = value_hint(value)
            ctx.report.error(m.at("answer"), Text(message + hint, message.zh + hint.zh))
        return TrueFalse(value if isinstance(value, bool) else None)

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, TrueFalse)
        return {"answer": body.answer}

    def flatten(self, body: Body) -> Flat:
        assert isinstance(body, TrueFalse)
        return Flat(answer=truth_text(body.answer))

    def unflatten(self, flat: Flat, stem: str) -> TrueFalse:
        if flat.options:
            raise NotationError(msg("flat.tf_options"))
        return TrueFalse(parse_truth(flat.answer))

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, TrueFalse)
        return {"answer": q.body.answer}

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        assert isinstance(q.body, TrueFalse)
        return "对" if q.body.answer else "错"

    def sheet_marks(self, q: Question) -> tuple[str, ...]:
        return ("√", "×")

    def schema_properties(self) -> dict[str, Any]:
        return {
            "answer": {
                "description": '判断题答案：只能是 YAML 的 true / false（"对" 之类的字符串是错误） / '
                'true_false: YAML true or false only (a string such as "对" is an error)',
                "type": "boolean",
            }
        }

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        right = paper.truth(written) == paper.truth(key.answer or "")
        return PaperMark(key.points if right else 0)
