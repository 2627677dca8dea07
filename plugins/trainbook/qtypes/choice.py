"""single and multiple choice."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from ..messages import EMPTY, Text, chinese_quoted, describe, msg, value_hint
from ..model import LETTERS, Body, Case, Choice, Question
from ..yamlsource import Map
from . import paper
from .base import QuestionKind, ReadContext
from .flat import Flat, NotationError, choice_letters, letters_of
from .paper import PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer

#: Separators authors put between letters: "A, C", "A，C", "A、C", "A C".
SEPARATORS = " ,，、"
_SEP = "[\\s,，、]*"


def split_letters(value: str) -> list[str]:
    return [c for c in re.sub("[\\s,，、]", "", value)]


# An explanation naming options by letter ("B 项", "A、D", "选 C"): the site and the papers show
# the options shuffled, so the letters would point at other options than the author's. Letters
# that name classes or places ("A、B 类火灾", "A、B 座") are not options.
_LETTER_REF = re.compile(
    r"(?<![A-Za-z])[A-H](?:\s*[、，,和及与]\s*[A-H])+(?![A-Za-z]|\s*[类级型座栋区楼号证照])"
    r"|(?<![A-Za-z])[A-H]\s*(?:项|选项)|选\s*[A-H](?![A-Za-z])"
)


class _ChoiceKind(QuestionKind):
    keys: ClassVar[tuple[str, ...]] = ("options", "answer", "shuffle")
    required = ("stem", "options", "answer")
    body_type = Choice
    multi = False

    def _options(self, ctx: ReadContext, m: Map, what: str) -> tuple[str, ...]:
        options = ctx.r.texts(m, "options", what)
        if isinstance(m.get("options"), list) and not 2 <= len(options) <= 8:
            counted = msg("q.options_count", what=what, n=len(options))
            # [甲、乙、丙] is one option: say why, as for any list typed with Chinese separators.
            hint = value_hint(options[0]) if len(options) == 1 else EMPTY
            ctx.report.error(m.at("options"), Text(counted + hint, counted.zh + hint.zh))
        for n, first, text, pos in ctx.r.repeated(m, "options"):
            ctx.report.error(pos, msg("q.option_twice", what=what, n=n, first=first, text=text))
        return options

    def _letters(self, ctx: ReadContext, m: Map, what: str, n_options: int) -> tuple[int, ...]:
        value = m.get("answer")
        if value is None:
            return ()
        if isinstance(value, str):
            letters = split_letters(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            letters = [v.strip() for v in value]
        else:
            ctx.report.error(m.at("answer"), msg("q.letters_form", what=what, found=describe(value)))
            return ()
        if isinstance(value, str) and chinese_quoted(value):
            # “A”: one message for the quotes, not one per quote mark
            hinted = msg("q.letters_form", what=what, found=describe(value))
            hint = value_hint(value)
            ctx.report.error(m.at("answer"), Text(hinted + hint, hinted.zh + hint.zh))
            return ()
        out: list[int] = []
        for letter in letters:
            up = letter.upper()
            if len(up) != 1 or up not in LETTERS:
                refused = msg("q.not_letter", what=what, letter=letter)
                hint = value_hint(letter)
                ctx.report.error(m.at("answer"), Text(refused + hint, refused.zh + hint.zh))
                continue
            index = LETTERS.index(up)
            if n_options and index >= n_options:
                last = LETTERS[n_options - 1]
                ctx.report.error(
                    m.at("answer"), msg("q.letter_no_option", what=what, letter=up, n=n_options, last=last)
                )
                continue
            if index in out:
                ctx.report.error(m.at("answer"), msg("q.letter_twice", what=what, letter=up))
                continue
            out.append(index)
        return tuple(sorted(out))

    def read(self, ctx: ReadContext, m: Map, what: str) -> Choice:
        options = self._options(ctx, m, what)
        reported = len(ctx.report.items)
        # Letters are checked against the options only when those are a valid list: after "needs 2
        # to 8 options, found 1", "no option B" would be the same mistake told again.
        valid = 2 <= len(options) <= 8
        letters = self._letters(ctx, m, what, len(options) if valid else 0)
        # One mistake, one message: a letter already refused is not counted again.
        if m.get("answer") is not None and len(ctx.report.items) == reported:
            self._check_count(ctx, m, what, letters)
        shuffle = ctx.r.boolean(m, "shuffle", what, True)
        explanation = m.get("explanation")
        if shuffle and isinstance(explanation, str):
            named = _LETTER_REF.search(explanation)
            if named is not None:
                ctx.report.warning(
                    m.key_at("explanation"), msg("q.explanation_letters", what=what, found=named.group(0))
                )
        return Choice(
            options=options,
            answer=letters,
            partial=ctx.r.boolean(m, "partial", what) if "partial" in self.keys else False,
            shuffle=shuffle,
        )

    def _check_count(self, ctx: ReadContext, m: Map, what: str, letters: tuple[int, ...]) -> None:
        raise NotImplementedError

    def paper_order(
        self, q: Question, rng: random.Random, shuffle_options: bool, answer_at: int | None = None
    ) -> tuple[int, ...]:
        assert isinstance(q.body, Choice)
        order = list(range(len(q.body.options)))
        if not (shuffle_options and q.body.shuffle):
            return tuple(order)
        rng.shuffle(order)
        if answer_at is not None and len(q.body.answer) == 1:
            order.remove(q.body.answer[0])
            order.insert(answer_at, q.body.answer[0])
        return tuple(order)

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        assert isinstance(q.body, Choice)
        return "".join(sorted(LETTERS[order.index(i)] for i in q.body.answer))

    def sheet_marks(self, q: Question) -> tuple[str, ...]:
        assert isinstance(q.body, Choice)
        return tuple(LETTERS[: len(q.body.options)])

    def to_yaml(self, body: Body) -> dict[str, Any]:
        assert isinstance(body, Choice)
        out: dict[str, Any] = {"options": list(body.options), "answer": letters_of(body.answer)}
        if self.multi and body.partial:
            out["partial"] = True
        if not body.shuffle:
            out["shuffle"] = False
        return out

    def flatten(self, body: Body) -> Flat:
        assert isinstance(body, Choice)
        return Flat(options=body.options, answer=letters_of(body.answer), partial=body.partial, shuffle=body.shuffle)

    def unflatten(self, flat: Flat, stem: str) -> Choice:
        if not 2 <= len(flat.options) <= len(LETTERS):
            kind = Text(self.label_en.lower(), self.label_zh)
            raise NotationError(msg("flat.option_count", type=kind, max=len(LETTERS), count=len(flat.options)))
        answer = tuple(sorted(choice_letters(flat.answer, len(flat.options))))
        if self.multi and len(answer) < 2:
            raise NotationError(msg("flat.multi_letters", answer=flat.answer))
        if not self.multi and len(answer) != 1:
            raise NotationError(msg("flat.single_letter", answer=flat.answer))
        return Choice(flat.options, answer, flat.partial and self.multi, flat.shuffle)

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        assert isinstance(q.body, Choice)
        data: dict[str, Any] = {
            "options": [renderer.md.inline_str(o) for o in q.body.options],
            "answer": list(q.body.answer),
            "shuffle": q.body.shuffle,
        }
        if self.multi:
            data["partial"] = q.body.partial
        return data

    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        picked = dict.fromkeys(paper.letters(written, len(key.order)))
        right = dict.fromkeys(paper.letters(key.answer or "", len(key.order)))
        chosen = tuple(key.order[i] for i in picked)
        if picked.keys() == right.keys():
            return PaperMark(key.points, chosen)
        if self.multi and key.partial and picked.keys() < right.keys():
            return PaperMark(key.points / 2, chosen)
        return PaperMark(0, chosen)


class Single(_ChoiceKind):
    name = "single"
    label_zh = "单项选择题"
    label_en = "Single choice"
    response_zh = "写考生选的字母，如 B"
    response_en = "The letter the candidate chose, e.g. B"
    balanced = True
    aliases = ("单选", "单选题", "单项选择", "选择题", "单项题")

    def _check_count(self, ctx: ReadContext, m: Map, what: str, letters: tuple[int, ...]) -> None:
        if len(letters) != 1:
            ctx.report.error(m.at("answer"), msg("q.single_one_letter", what=what, n=len(letters)))

    def schema_properties(self) -> dict[str, Any]:
        one = f"^{_SEP}[A-Ha-h]{_SEP}$"
        return {
            "answer": {
                "description": "单选题答案：一个字母 A–H（大小写均可） / single: one letter A–H (either case)",
                "anyOf": [
                    {"type": "string", "pattern": one},
                    {"type": "array", "items": {"type": "string", "pattern": one}, "minItems": 1, "maxItems": 1},
                ],
            },
        }


class Multiple(_ChoiceKind):
    name = "multiple"
    label_zh = "多项选择题"
    label_en = "Multiple choice"
    response_zh = "写考生选的全部字母，如 AC（顺序、大小写不限）"
    response_en = "Every letter the candidate chose, e.g. AC (any order or case)"
    aliases = ("多选", "多选题", "多项选择", "不定项选择", "不定项选择题", "不定项")
    keys = ("options", "answer", "partial", "shuffle")
    multi = True

    def _check_count(self, ctx: ReadContext, m: Map, what: str, letters: tuple[int, ...]) -> None:
        if len(letters) < 2:
            ctx.report.error(m.at("answer"), msg("q.multiple_two_letters", what=what, n=len(letters)))

    def schema_properties(self) -> dict[str, Any]:
        return {
            "answer": {
                "description": "多选题答案：字母串如 ACD、A,C,D、A、C，或字母列表 [A, C, D]，至少 2 个 / "
                "multiple: letters like ACD, A,C,D or A、C, or a list [A, C, D], at least 2",
                "anyOf": [
                    {"type": "string", "pattern": f"^{_SEP}[A-Ha-h]({_SEP}[A-Ha-h])+{_SEP}$"},
                    {
                        "type": "array",
                        "items": {"type": "string", "pattern": "^\\s*[A-Ha-h]\\s*$"},
                        "minItems": 2,
                        "maxItems": 8,
                    },
                ],
            },
        }
