"""matching: [left, right] pairs, the right side shown shuffled with optional distractors."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from ..messages import Text, describe, msg
from ..model import Body, Case, Matching, Question
from ..yamlsource import Map
from . import paper
from .base import QuestionKind, ReadContext, shuffled
from .flat import Flat, NotationError, letters_of, parse_letters
from .paper import PAPER_LETTERS, PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer


class MatchingKind(QuestionKind):
    name = "matching"
    label_zh = "匹配题"
    label_en = "Matching"
    response_zh = "按左侧各项的顺序写考生配的右侧字母，如 bac"
    response_en = "The right-hand letters the candidate matched, in the order of the left-hand items, e.g. bac"
    aliases = ("匹配", "连线题", "连线", "配对题")
    keys = ("pairs", "distractors", "partial")
    required = ("stem", "pairs")
    body_type = Matching

    def read(self, ctx: ReadContext, m: Map, what: str) -> Matching:
        seq = ctx.r.seq(m, "pairs", what)
        pairs = []
        for i, pair in enumerate(seq or ()):
            assert seq is not None
            problem = _pair_problem(pair)
            if problem is not None:
                ctx.report.error(seq.at(i), msg("q.pair_form", n=i + 1, what=what, found=problem))
                continue
            pairs.append((str(pair[0]), str(pair[1])))
        if seq is not None and not 2 <= len(seq) <= 10:
            ctx.report.error(m.at("pairs"), msg("q.pairs_count", what=what, n=len(seq)))
        rights = [p[1] for p in pairs]
        if len(set(rights)) != len(rights):
            ctx.report.error(m.at("pairs"), msg("q.pairs_same_right", what=what))
        distractors = ctx.r.texts(m, "distractors", what)
        entries = len(pairs) + len(distractors)
        if entries > len(PAPER_LETTERS):
            at = m.at("distractors") if "distractors" in m else m.at("pairs")
            problem = msg(
                "q.matching_letters",
                what=what,
                n=entries,
                pairs=len(pairs),
                distractors=len(distractors),
                max=len(PAPER_LETTERS),
            )
            ctx.report.error(at, problem)
        # A distractor equal to a right side, or to another distractor, shows the learner two entries
        # that cannot be told apart, one of them wrong.
        right_of = {right.strip(): n for n, (_, right) in enumerate(pairs, 1)}
        for n, text, pos in ctx.r.text_items(m, "distractors"):
            if text in right_of:
                ctx.report.error(pos, msg("q.distractor_is_right", what=what, n=n, text=text, pair=right_of[text]))
        for n, first, text, pos in ctx.r.repeated(m, "distractors"):
            if text not in right_of:
                ctx.report.error(pos, msg("q.distractor_twice", what=what, n=n, first=first, text=text))
        return Matching(tuple(pairs), distractors, ctx.r.boolean(m, "partial", what))

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, Matching)
        out: dict[str, Any] = {"pairs": [list(p) for p in body.pairs]}
        if body.distractors:
            out["distractors"] = list(body.distractors)
        if body.partial:
            out["partial"] = True
        return out

    def flatten(self, body: Body) -> Flat:
        # Left sides as options A, B, …; right sides (then distractors) as matches a, b, …
        assert isinstance(body, Matching)
        n = len(body.pairs)
        return Flat(
            options=tuple(p[0] for p in body.pairs),
            matches=tuple(p[1] for p in body.pairs) + body.distractors,
            answer=letters_of(range(n), lower=True),
        )

    def unflatten(self, flat: Flat, stem: str) -> Matching:
        if not 2 <= len(flat.options) <= 10:
            raise NotationError(msg("flat.matching_count", count=len(flat.options)))
        picks = parse_letters(flat.answer, len(flat.matches), lower=True)
        if len(picks) != len(flat.options):
            raise NotationError(msg("flat.matching_answer", answer=flat.answer, count=len(flat.options)))
        pairs = tuple((left, flat.matches[i]) for left, i in zip(flat.options, picks, strict=True))
        distractors = tuple(m for i, m in enumerate(flat.matches) if i not in picks)
        return Matching(pairs, distractors)

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, Matching)
        return {
            "left": [renderer.md.inline_str(p[0]) for p in q.body.pairs],
            "right": [renderer.md.inline_str(p[1]) for p in q.body.pairs],
            "distractors": [renderer.md.inline_str(d) for d in q.body.distractors],
            "partial": q.body.partial,
        }

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        given = paper.letters(written, len(key.order), lower=True)
        right = given == paper.letters(key.answer or "", len(key.order), lower=True)
        return PaperMark(key.points if right else 0)

    def paper_order(
        self, q: Question, rng: random.Random, shuffle_options: bool, answer_at: int | None = None
    ) -> tuple[int, ...]:
        """Order of the right-hand column: pair i's right side is entry i, distractors follow the pairs."""
        assert isinstance(q.body, Matching)
        return shuffled(len(q.body.pairs) + len(q.body.distractors), rng)

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        assert isinstance(q.body, Matching)
        return "".join(PAPER_LETTERS[order.index(i)].lower() for i in range(len(q.body.pairs)))


def _is_text(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not isinstance(value, bool)


def _pair_problem(pair: Any) -> Text | None:
    """What is wrong with one entry of 'pairs' (None: a [left, right] of two texts): the count of
    items, or the side that is empty or not text, not just "a list"."""
    if not isinstance(pair, list):
        return describe(pair)
    if len(pair) != 2:
        return msg("q.pair_items", n=len(pair))
    for side, value in zip((msg("q.side_left"), msg("q.side_right")), pair, strict=True):
        if value is None or value == "":
            return msg("q.pair_side_empty", side=side)
        if not _is_text(value):
            return msg("q.pair_side", side=side, found=describe(value))
    return None
