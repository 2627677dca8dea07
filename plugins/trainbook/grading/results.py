"""Weighted totals, grade bands, pass/fail, rank and notes for each person of a scheme."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..messages import Text, msg
from ..model import Project, Scheme
from .scores import Person


@dataclass(frozen=True)
class Result:
    person: Person
    scores: Mapping[str, float | None]  # component id -> score used (None: no score, counted as 0)
    total: float  # one decimal, rounded half up (四舍五入)
    grade: str
    passed: bool
    rank: int = 0
    notes: tuple[Text, ...] = ()  # both languages: results.csv keeps the Chinese, report.html its own


def round1(value: float) -> float:
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def pass_min(scheme: Scheme) -> float:
    """The lowest total that passes: the lowest grade band is the failing one."""
    mins = sorted(g.min for g in scheme.grades)
    return mins[1] if len(mins) > 1 else 0.0


def fail_label(scheme: Scheme) -> str:
    return min(scheme.grades, key=lambda g: g.min).label if scheme.grades else "不合格"


def compute(
    scheme: Scheme,
    people: Sequence[Person],
    project: Project,
    supplied: Mapping[str, Mapping[str, float]] | None = None,
) -> list[Result]:
    """*supplied*: component id -> person id -> score from another source (the marked exam). It
    is the score: a value the scores sheet has as well is noted when it differs, and not used."""
    supplied = supplied or {}
    threshold = pass_min(scheme)
    out: list[Result] = []
    for p in people:
        scores: dict[str, float | None] = {}
        notes: list[Text] = []
        exact = Decimal(0)  # decimal arithmetic: 66.5 × 30 % is 19.95, not 19.9499…
        for c in scheme.components:
            value = p.scores.get(c.id)
            marked = supplied.get(c.id, {}).get(p.id)
            if marked is not None:
                if value is not None and value != marked:
                    notes.append(
                        msg("grade.note_marked_over_sheet", component=c.name, sheet=f"{value:g}", marked=f"{marked:g}")
                    )
                value = marked
            scores[c.id] = value
            if value is None:
                notes.append(msg("grade.note_no_score", component=c.name))
            else:
                exact += Decimal(repr(value)) * Decimal(repr(c.weight)) / 100
        total = float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
        grade = scheme.grade_for(total) or fail_label(scheme)
        passed = total >= threshold
        for cid in p.vetoed:
            c = next(c for c in scheme.components if c.id == cid)
            rubric = next((r for r in project.rubrics if r.id == c.rubric), None)
            items = "、".join(cr.name for cr in rubric.criteria if cr.critical) if rubric else ""
            notes.append(
                msg("grade.note_veto_items", component=c.name, items=items)
                if items
                else msg("grade.note_veto", component=c.name)
            )
            passed = False
            grade = fail_label(scheme)
        out.append(Result(p, scores, total, grade, passed, notes=tuple(notes)))
    return rank(out)


def rank(results: list[Result]) -> list[Result]:
    """Competition ranking by total (1, 2, 2, 4); listed by rank, then 工号."""
    ordered = sorted(results, key=lambda r: (-r.total, r.person.id))
    ranked: list[Result] = []
    for i, r in enumerate(ordered):
        place = ranked[-1].rank if ranked and ranked[-1].total == r.total else i + 1
        ranked.append(Result(r.person, r.scores, r.total, r.grade, r.passed, place, r.notes))
    return ranked
