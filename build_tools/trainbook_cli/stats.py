"""Counts that show trainers where a handbook's question banks are thin."""

from __future__ import annotations

from collections import Counter
from typing import Any

from trainbook.model import Project
from trainbook.qtypes import QUESTION_TYPES

MIN_PER_OBJECTIVE = 3


def collect(project: Project, minimum: int = MIN_PER_OBJECTIVE) -> dict[str, Any]:
    questions = project.questions()
    by_objective: Counter[str] = Counter()
    for top in questions:
        # A group counts once for each objective any of its parts covers.
        for objective_id in top.all_objectives:
            by_objective[objective_id] += 1
    objectives = []
    for page in project.pages:
        for obj in page.objectives:
            n = by_objective[obj.id]
            objectives.append(
                {"module": page.id, "objective": obj.id, "text": obj.text, "questions": n, "flag": n < minimum}
            )
    banks = []
    for b in project.banks:
        banks.append(
            {
                "bank": b.id,
                "module": b.module,
                "questions": len(b.questions),
                "sub_questions": sum(len(q.subs) for q in b.questions),
                "exam": sum(q.pool == "exam" for q in b.questions),
                "practice": sum(q.pool == "practice" for q in b.questions),
                "types": dict(Counter(q.type for q in b.questions)),
                "difficulty": {str(k): v for k, v in sorted(Counter(q.difficulty for q in b.questions).items())},
            }
        )
    modules = Counter(next((b.module or "—" for b in project.banks if b.id == q.bank), "—") for q in questions)
    return {
        "total": len(questions),
        "banks": banks,
        "types": {t: sum(q.type == t for q in questions) for t in QUESTION_TYPES},
        "difficulty": {str(d): sum(q.difficulty == d for q in questions) for d in (1, 2, 3)},
        "pool": {p: sum(q.pool == p for q in questions) for p in ("practice", "exam")},
        "modules": dict(sorted(modules.items())),
        "cases": len(project.cases),
        "groups_on_cases": sum(q.type == "group" and q.case is not None for q in questions),
        "objectives": objectives,
        "minimum": minimum,
        "flagged": [o["objective"] for o in objectives if o["flag"]],
    }


def _pct(n: int, total: int) -> str:
    return f"{n:>5} ({100 * n / total:5.1f}%)" if total else f"{n:>5}"


def as_text(data: dict[str, Any]) -> str:
    total = data["total"]
    out = [
        f"Questions: {total} top-level, {data['cases']} case studies, {data['groups_on_cases']} case-based groups\n\n"
    ]
    out.append(f"{'bank':<16}{'module':<20}{'total':>6}{'practice':>10}{'exam':>6}  types\n")
    for b in data["banks"]:
        types = " ".join(f"{t}={n}" for t, n in b["types"].items())
        out.append(
            f"{b['bank']:<16}{(b['module'] or '—'):<20}{b['questions']:>6}{b['practice']:>10}{b['exam']:>6}  {types}\n"
        )
    out.append("\nBy type:\n" + "".join(f"  {t:<14}{_pct(n, total)}\n" for t, n in data["types"].items()))
    out.append("By difficulty:\n" + "".join(f"  {d:<14}{_pct(n, total)}\n" for d, n in data["difficulty"].items()))
    out.append("By pool:\n" + "".join(f"  {p:<14}{_pct(n, total)}\n" for p, n in data["pool"].items()))
    out.append("By module:\n" + "".join(f"  {m:<20}{n:>5}\n" for m, n in data["modules"].items()))
    out.append(f"\nObjective coverage (flag: fewer than {data['minimum']} questions):\n")
    for o in data["objectives"]:
        mark = "  <-- too few" if o["flag"] else ""
        out.append(f"  {o['module']:<20}{o['objective']:<10}{o['questions']:>4}  {o['text']}{mark}\n")
    flagged = data["flagged"]
    out.append(
        f"\n{len(flagged)} objective(s) below {data['minimum']} questions"
        + (f": {', '.join(flagged)}\n" if flagged else "\n")
    )
    return "".join(out)
