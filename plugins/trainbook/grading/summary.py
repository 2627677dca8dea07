"""Class-level figures of a grading run: overall, per grade band, per department, per component."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..model import Scheme
from .results import Result


@dataclass(frozen=True)
class Department:
    name: str
    count: int
    mean: float
    passed: int
    grades: tuple[int, ...]  # people per grade band, in scheme order

    @property
    def pass_rate(self) -> float:
        return self.passed / self.count if self.count else 0.0


@dataclass(frozen=True)
class Summary:
    count: int
    mean: float
    median: float
    highest: float
    lowest: float
    passed: int
    grades: tuple[tuple[str, int], ...]
    histogram: tuple[tuple[str, int], ...]  # 0–9, 10–19, …, 90–100
    components: tuple[tuple[str, float | None], ...]  # name -> mean of the people with a score
    departments: tuple[Department, ...]

    @property
    def pass_rate(self) -> float:
        return self.passed / self.count if self.count else 0.0


def _mean(values: Sequence[float]) -> float:
    # Decimal sums: the mean of 93.5 and 77.0 is exactly 85.25, which then rounds half up to 85.3.
    return float(sum((Decimal(repr(v)) for v in values), Decimal(0)) / len(values)) if values else 0.0


def summarize(scheme: Scheme, results: Sequence[Result]) -> Summary:
    totals = sorted(r.total for r in results)
    n = len(totals)
    median = _mean([totals[(n - 1) // 2], totals[n // 2]])
    labels = [g.label for g in scheme.grades]
    grade_counts = [sum(1 for r in results if r.grade == label) for label in labels]
    bins = [0] * 10
    for t in totals:
        bins[min(9, int(t // 10))] += 1
    histogram = tuple((f"{10 * i}–{10 * i + 9 if i < 9 else 100}", c) for i, c in enumerate(bins))
    components = []
    for c in scheme.components:
        values = [r.scores[c.id] for r in results if r.scores[c.id] is not None]
        components.append((c.name, _mean(values) if values else None))  # type: ignore[arg-type]
    by_dept: dict[str, list[Result]] = {}
    for r in results:
        by_dept.setdefault(r.person.dept or "（未填部门）", []).append(r)
    departments = tuple(
        Department(
            name,
            len(rs),
            _mean([r.total for r in rs]),
            sum(1 for r in rs if r.passed),
            tuple(sum(1 for r in rs if r.grade == label) for label in labels),
        )
        for name, rs in sorted(by_dept.items(), key=lambda kv: (-_mean([r.total for r in kv[1]]), kv[0]))
    )
    return Summary(
        n,
        _mean(totals),
        median,
        totals[-1] if totals else 0.0,
        totals[0] if totals else 0.0,
        sum(1 for r in results if r.passed),
        tuple(zip(labels, grade_counts, strict=True)),
        histogram,
        tuple(components),
        departments,
    )
