"""ordering: items written in the right order, shown shuffled."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..messages import msg
from ..model import Body, Case, Ordering, Question
from ..yamlsource import Map
from . import paper
from .base import QuestionKind, ReadContext, shuffled
from .flat import Flat, NotationError, letters_of, parse_letters
from .paper import PAPER_LETTERS, PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer


class OrderingKind(QuestionKind):
    name = "ordering"
    label_zh = "排序题"
    label_en = "Ordering"
    response_zh = "按考生排的顺序写字母，如 CADB"
    response_en = "The letters in the candidate's order, e.g. CADB"
    aliases = ("排序", "排序题目", "顺序题")
    keys = ("items",)
    required = ("stem", "items")
    body_type = Ordering

    def read(self, ctx: ReadContext, m: Map, what: str) -> Ordering:
        items = ctx.r.texts(m, "items", what)
        if "items" in m and not 2 <= len(items) <= 10:
            ctx.report.error(m.at("items"), msg("q.items_count", what=what, n=len(items)))
        if len(set(items)) != len(items):
            ctx.report.error(m.at("items"), msg("q.items_twice", what=what))
        return Ordering(items)

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, Ordering)
        return {"items": list(body.items)}

    def flatten(self, body: Body) -> Flat:
        # Items as options in the right order; the answer names them in that order (ABCD…).
        assert isinstance(body, Ordering)
        return Flat(options=body.items, answer=letters_of(range(len(body.items))))

    def unflatten(self, flat: Flat, stem: str) -> Ordering:
        if not 2 <= len(flat.options) <= 10:
            raise NotationError(msg("flat.ordering_count", count=len(flat.options)))
        order = parse_letters(flat.answer, len(flat.options))
        if len(order) != len(flat.options):
            raise NotationError(msg("flat.ordering_answer", answer=flat.answer, count=len(flat.options)))
        return Ordering(tuple(flat.options[i] for i in order))

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, Ordering)
        return {"items": [renderer.md.inline_str(i) for i in q.body.items]}

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        given = paper.letters(written, len(key.order))
        right = given == paper.letters(key.answer or "", len(key.order))
        return PaperMark(key.points if right else 0)

    def paper_order(
        self, q: Question, rng: random.Random, shuffle_options: bool, answer_at: int | None = None
    ) -> tuple[int, ...]:
        assert isinstance(q.body, Ordering)
        return shuffled(len(q.body.items), rng)  # always: an ordering question in order answers itself

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        assert isinstance(q.body, Ordering)
        return "".join(PAPER_LETTERS[order.index(i)] for i in range(len(q.body.items)))
