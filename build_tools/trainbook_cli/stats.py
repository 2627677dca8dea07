"""Counts that show trainers where a handbook's question banks are thin."""

from __future__ import annotations

from collections import Counter
from typing import Any

from trainbook.model import LETTERS, Bank, Choice, Project, TrueFalse
from trainbook.qtypes import QUESTION_TYPES

MIN_PER_OBJECTIVE = 3
# A learner who always picks one letter, or always answers 错, should not pass: a bank is
# flagged when one letter holds more than this share of its single-choice answers ...
MAX_LETTER_SHARE = 0.35
# ... or when the true share of its true/false statements falls outside this band.
TRUE_SHARE = (0.40, 0.60)
# Below these counts a share says nothing (2 of 3 answers are "B" by chance).
MIN_SINGLES, MIN_TRUE_FALSE = 8, 5


def answer_positions(bank: Bank) -> dict[str, Any]:
    """Where a bank's authored answers sit: single-choice letters and the true share."""
    letters: Counter[str] = Counter()
    verdicts: Counter[bool] = Counter()
    fixed = 0
    for top in bank.questions:
        for q in top.walk():
            if isinstance(q.body, Choice) and q.type == "single" and q.body.answer:
                letters[LETTERS[q.body.answer[0]]] += 1
                fixed += not q.body.shuffle
            elif isinstance(q.body, TrueFalse) and q.body.answer is not None:
                verdicts[q.body.answer] += 1
    singles = sum(letters.values())
    top_letter, top_n = max(sorted(letters.items()), key=lambda kv: kv[1], default=("", 0))
    tf = verdicts[True] + verdicts[False]
    true_share = verdicts[True] / tf if tf else None
    return {
        "single": dict(sorted(letters.items())),
        "single_fixed_order": fixed,
        "most_common": top_letter,
        "most_common_share": top_n / singles if singles else None,
        "true_false": {"true": verdicts[True], "false": verdicts[False]},
        "true_share": true_share,
        "flag_single": singles >= MIN_SINGLES and top_n / singles > MAX_LETTER_SHARE,
        "flag_true_false": tf >= MIN_TRUE_FALSE
        and true_share is not None
        and not TRUE_SHARE[0] <= true_share <= TRUE_SHARE[1],
    }


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
    banks: list[dict[str, Any]] = []
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
                "answers": answer_positions(b),
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
        "answers_flagged": [b["bank"] for b in banks if b["answers"]["flag_single"] or b["answers"]["flag_true_false"]],
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
    out.append(
        f"\nAnswer positions (flag: one letter above {MAX_LETTER_SHARE:.0%} of a bank's single-choice answers,"
        f" or true/false outside {TRUE_SHARE[0]:.0%}–{TRUE_SHARE[1]:.0%} true):\n"
    )
    for b in data["banks"]:
        a = b["answers"]
        letters = " ".join(f"{k}={v}" for k, v in a["single"].items()) or "—"
        tf = a["true_false"]
        share = "" if a["true_share"] is None else f" ({a['true_share']:.0%} true)"
        mark = "  <-- unbalanced" if a["flag_single"] or a["flag_true_false"] else ""
        fixed = f", {a['single_fixed_order']} in fixed order" if a["single_fixed_order"] else ""
        out.append(f"  {b['bank']:<16}single {letters}{fixed}; true/false {tf['true']}/{tf['false']}{share}{mark}\n")
    flagged = data["flagged"]
    out.append(
        f"\n{len(flagged)} objective(s) below {data['minimum']} questions"
        + (f": {', '.join(flagged)}\n" if flagged else "\n")
    )
    return "".join(out)
