"""Counts that show trainers where a handbook's question banks are thin."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any

from trainbook.messages import localize, msg
from trainbook.model import LETTERS, Bank, Choice, Project, TrueFalse
from trainbook.qtypes import QUESTION_TYPES, TYPES

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


def _width(text: str) -> int:
    # Columns as a terminal shows them: a Chinese character takes two.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _left(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _right(text: str, width: int) -> str:
    return " " * max(0, width - _width(text)) + text


def as_text(data: dict[str, Any], language: str = "en") -> str:
    """The report for a person, in *language* (zh, en); the JSON form is the same in both."""

    def w(name: str, **values: Any) -> str:
        return localize(msg(f"stats.{name}", **values), language)

    def type_name(t: str) -> str:
        return t if language == "en" else TYPES[t].label_zh.removesuffix("题")

    difficulty = {"1": w("easy"), "2": w("medium"), "3": w("hard")}
    pool = {"practice": w("practice"), "exam": w("exam")}
    total = data["total"]
    out = [w("summary", total=total, cases=data["cases"], groups=data["groups_on_cases"]) + "\n\n"]
    out.append(
        _left(w("bank"), 16)
        + _left(w("module"), 20)
        + _right(w("total"), 6)
        + _right(w("practice"), 10)
        + _right(w("exam"), 6)
        + f"  {w('types')}\n"
    )
    for b in data["banks"]:
        types = " ".join(f"{type_name(t)}={n}" for t, n in b["types"].items())
        out.append(
            f"{b['bank']:<16}{(b['module'] or '—'):<20}{b['questions']:>6}{b['practice']:>10}{b['exam']:>6}  {types}\n"
        )

    def block(title: str, rows: dict[str, int], names: dict[str, str] | None = None) -> str:
        return f"{title}\n" + "".join(
            f"  {_left((names or {}).get(k, k), 14)}{_pct(n, total)}\n" for k, n in rows.items()
        )

    out.append("\n" + block(w("by_type"), {type_name(t): n for t, n in data["types"].items()}))
    out.append(block(w("by_difficulty"), data["difficulty"], difficulty))
    out.append(block(w("by_pool"), data["pool"], pool))
    out.append(f"{w('by_module')}\n" + "".join(f"  {m:<20}{n:>5}\n" for m, n in data["modules"].items()))
    out.append("\n" + w("coverage", minimum=data["minimum"]) + "\n")
    for o in data["objectives"]:
        mark = "  <-- " + w("too_few") if o["flag"] else ""
        out.append(f"  {o['module']:<20}{o['objective']:<10}{o['questions']:>4}  {o['text']}{mark}\n")
    share = f"{MAX_LETTER_SHARE:.0%}"
    band = f"{TRUE_SHARE[0]:.0%}–{TRUE_SHARE[1]:.0%}"
    out.append("\n" + w("positions", share=share, band=band) + "\n")
    for b in data["banks"]:
        a = b["answers"]
        letters = " ".join(f"{k}={v}" for k, v in a["single"].items()) or "—"
        tf = a["true_false"]
        true_share = "" if a["true_share"] is None else w("true_share", share=f"{a['true_share']:.0%}")
        mark = "  <-- " + w("unbalanced") if a["flag_single"] or a["flag_true_false"] else ""
        fixed = w("fixed", n=a["single_fixed_order"]) if a["single_fixed_order"] else ""
        line = w("position_line", letters=letters, fixed=fixed, true=tf["true"], false=tf["false"], share=true_share)
        out.append(f"  {b['bank']:<16}{line}{mark}\n")
    flagged = data["flagged"]
    out.append(
        "\n"
        + w("flagged", n=len(flagged), minimum=data["minimum"])
        + (w("flagged_list", ids=", ".join(flagged)) if flagged else "")
        + "\n"
    )
    return "".join(out)
