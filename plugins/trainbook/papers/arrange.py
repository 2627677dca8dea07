"""One variant of an exam as printed: numbered items, option orders and the answers as written.

A variant depends only on (seed, variant id, the ids its rules can draw): the draw is
seeded that way (``..draw``), each question's order has its own stream seeded from
(seed, variant, question id), and the spreading of single-choice answers over the
letters is seeded from (seed, variant, the drawn ids in paper order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from ..diagnostics import ContentError, Diagnostic
from ..draw import draw_paper, rng_for
from ..model import Case, Choice, Exam, Project, Question
from ..qtypes import TYPES

_DIGITS = "一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """*n* as a section of a Chinese paper is numbered (一 … 十, 十一, 二十, 九十九); digits from 100."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else "十" if tens == 1 else _DIGITS[tens - 1] + "十"
    return head + (_DIGITS[ones - 1] if ones else "")


@dataclass(frozen=True)
class PaperItem:
    """A question as printed on one variant; a group holds its sub-questions in ``subs``."""

    no: str  # "12", or "21.1" for the first sub-question of group 21
    question: Question
    section: int  # 1-based
    points: float
    order: tuple[int, ...]  # printed position -> authored index; () when nothing is reordered
    answer: str | None  # as the candidate writes it; None: marked by hand (or a group)
    group: str | None = None  # id of the group it belongs to
    subs: tuple[PaperItem, ...] = ()
    case: Case | None = None
    # The section's `points` sets every question's worth (its instructions state it), so the
    # paper need not repeat it per question; otherwise each question prints its own.
    fixed_points: bool = False

    @property
    def kind(self) -> str:
        return self.question.type

    @property
    def template(self) -> str:
        return TYPES[self.question.type].paper_template

    @property
    def marks(self) -> tuple[str, ...]:
        return TYPES[self.question.type].sheet_marks(self.question)

    def markable(self) -> tuple[PaperItem, ...]:
        """What a marker scores: the item itself, or a group's sub-questions."""
        return self.subs if self.question.type == "group" else (self,)


@dataclass(frozen=True)
class PaperSection:
    no: int  # 1-based
    title: str
    instructions: str | None
    items: tuple[PaperItem, ...]

    @property
    def numeral(self) -> str:
        return chinese_numeral(self.no)

    @property
    def total(self) -> float:
        return sum(i.points for i in self.items)


@dataclass(frozen=True)
class VariantPaper:
    exam: Exam
    variant: str
    seed: int
    sections: tuple[PaperSection, ...]

    @property
    def total(self) -> float:
        return sum(s.total for s in self.sections)

    def items(self) -> Iterator[PaperItem]:
        for s in self.sections:
            yield from s.items

    def markable(self) -> tuple[PaperItem, ...]:
        return tuple(m for item in self.items() for m in item.markable())


def _answer_slots(questions: list[Question], exam: Exam, seed: int, variant: str) -> dict[str, int]:
    """Where each shuffled single-choice answer goes: always to a least-used letter so far.

    Answers whose position is fixed (``shuffle: false``) count first; ties are broken by a
    stream seeded from the drawn ids, so the result is deterministic.
    """
    balanced = [q for q in questions if TYPES[q.type].balanced and isinstance(q.body, Choice)]
    movable = [q for q in balanced if exam.shuffle_options and isinstance(q.body, Choice) and q.body.shuffle]
    used: Counter[int] = Counter()
    for q in balanced:
        if q not in movable and isinstance(q.body, Choice):
            used.update(q.body.answer)
    rng = rng_for(seed, variant, "answer-slots", ",".join(q.id for q in movable))
    slots: dict[str, int] = {}
    for q in movable:
        assert isinstance(q.body, Choice)
        n = len(q.body.options)
        least = min(used[i] for i in range(n))
        slot = rng.choice([i for i in range(n) if used[i] == least])
        used[slot] += 1
        slots[q.id] = slot
    return slots


def _place(
    q: Question,
    no: str,
    section: int,
    points: float | None,
    exam: Exam,
    seed: int,
    variant: str,
    slots: dict[str, int],
) -> PaperItem:
    """*points*: the section's per-question points, or None where the question's own count."""
    kind = TYPES[q.type]
    order = kind.paper_order(q, rng_for(seed, variant, "order", q.id), exam.shuffle_options, slots.get(q.id))
    worth = q.points_with(points)
    return PaperItem(no, q, section, worth, order, kind.paper_answer(q, order), fixed_points=points is not None)


def arrange(project: Project, exam: Exam, variant: str, seed: int | None = None) -> VariantPaper:
    """Draw and lay out one variant; a rule that cannot be filled is a ContentError."""
    seed = exam.seed if seed is None else seed
    drawn = draw_paper(project, replace(exam, seed=seed), variant)
    if drawn.shortfalls:
        problems = []
        for sf in drawn.shortfalls:
            pos, text = sf.message(exam, "check.shortfall_seed", variant=variant, seed=seed)
            problems.append(Diagnostic(pos, "error", text))
        raise ContentError(problems)
    flat = [sub for s in drawn.sections for q in s.questions for sub in q.walk()]
    slots = _answer_slots(flat, exam, seed, variant)
    cases = {c.id: c for c in project.cases}
    sections = []
    number = 0
    for si, s in enumerate(drawn.sections, 1):
        items = []
        for q in s.questions:
            number += 1
            no = str(number)
            if q.type == "group":
                subs = tuple(
                    replace(_place(sub, f"{no}.{k}", si, s.points, exam, seed, variant, slots), group=q.id)
                    for k, sub in enumerate(q.subs, 1)
                )
                case = cases.get(q.case) if q.case else None
                worth = sum(x.points for x in subs)
                fixed = s.points is not None
                items.append(PaperItem(no, q, si, worth, (), None, subs=subs, case=case, fixed_points=fixed))
            else:
                items.append(_place(q, no, si, s.points, exam, seed, variant, slots))
        section = exam.sections[si - 1]
        sections.append(PaperSection(si, s.title, section.instructions, tuple(items)))
    return VariantPaper(exam, variant, seed, tuple(sections))
