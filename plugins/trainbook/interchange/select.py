"""Which questions an export writes: whole banks, or the questions drawn for one exam variant."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..draw import draw_paper
from ..messages import Text, msg
from ..model import Group, Project, Question

POOL_CHOICES = ("practice", "exam", "any")


class SelectionError(ValueError):
    """The command named something that is not in the content."""


@dataclass(frozen=True)
class Part:
    """One category (Moodle), sheet (xlsx) or section of questions, groups whole."""

    name: str  # an id: the bank id, or exam-variant-section
    title: str
    questions: tuple[Question, ...]
    category: tuple[str, ...] = ()  # category path (Moodle); default (title,)

    @property
    def path(self) -> tuple[str, ...]:
        return self.category or (self.title,)


@dataclass(frozen=True)
class Selection:
    parts: tuple[Part, ...]
    notes: tuple[Text, ...] = ()  # said once to the user (exam-pool count, draw order)

    def questions(self) -> tuple[Question, ...]:
        return tuple(q for p in self.parts for q in p.questions)

    def exam_pool_count(self) -> int:
        return sum(1 for q in self.questions() if q.pool == "exam")


def _with_points(q: Question, override: float | None) -> Question:
    """The question worth what the exam section says (per sub-question for a group)."""
    if override is None:
        return q
    if isinstance(q.body, Group):
        subs = tuple(replace(s, points=override) for s in q.body.questions)
        return replace(q, body=replace(q.body, questions=subs), points=override * len(subs))
    return replace(q, points=override)


def from_banks(project: Project, bank_ids: Sequence[str], pool: str = "any") -> Selection:
    banks = project.banks
    if bank_ids:
        unknown = [b for b in bank_ids if project.bank(b) is None]
        if unknown:
            known = ", ".join(b.id for b in project.banks)
            raise SelectionError(msg("export.no_bank", bank=unknown[0], known=known))
        banks = tuple(b for bid in dict.fromkeys(bank_ids) for b in project.banks if b.id == bid)
    parts = tuple(Part(b.id, b.title, tuple(q for q in b.questions if pool == "any" or q.pool == pool)) for b in banks)
    return Selection(tuple(p for p in parts if p.questions))


def from_exam(project: Project, exam_id: str, variant: str) -> Selection:
    """The variant's drawn questions in paper order, options in bank order."""
    exam = next((e for e in project.exams if e.id == exam_id), None)
    if exam is None:
        known = ", ".join(e.id for e in project.exams)
        raise SelectionError(msg("export.no_exam", exam=exam_id, known=known))
    if variant not in exam.variants:
        raise SelectionError(msg("export.no_variant", exam=exam_id, variant=variant, known=", ".join(exam.variants)))
    paper = draw_paper(project, exam, variant)
    if paper.shortfalls:
        raise SelectionError(msg("export.shortfall", exam=exam_id))
    parts = []
    for i, (section, drawn) in enumerate(zip(exam.sections, paper.sections, strict=True), 1):
        questions = tuple(_with_points(q, drawn.points) for q in drawn.questions)
        paper_title = f"{exam.title}（{variant}卷）"
        parts.append(
            Part(
                f"{exam.id}-{variant.lower()}-{i}",
                f"{paper_title} {section.title}",
                questions,
                (paper_title, section.title),
            )
        )
    notes = (msg("export.exam_order", exam=exam_id, variant=variant),)
    return Selection(tuple(parts), notes)
