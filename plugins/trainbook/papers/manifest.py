"""The exam pack manifest ("trainbook-exam-manifest/1", see the authoring contract):
per variant, every markable item in paper order with its id, option order, points and
the answer as written on that paper, so results join back to the bank."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from ..grading.manifest import FORMAT
from ..messages import msg
from .arrange import PaperItem, VariantPaper
from .errors import PackError

CSV_COLUMNS = ("variant", "no", "id", "group", "section", "type", "points", "order", "answer")


def _number(x: float) -> int | float:
    return int(x) if float(x).is_integer() else x


def entry(item: PaperItem) -> dict[str, Any]:
    data: dict[str, Any] = {"no": item.no, "id": item.question.id}
    if item.group:
        data["group"] = item.group
    data.update(section=item.section, type=item.kind, points=_number(item.points))
    if item.order:
        data["order"] = list(item.order)
    data["answer"] = item.answer
    return data


def manifest(papers: Sequence[VariantPaper]) -> dict[str, Any]:
    first = papers[0]
    exam = first.exam
    return {
        "format": FORMAT,
        "exam": exam.id,
        "title": exam.title,
        "seed": first.seed,
        "pass": _number(exam.pass_mark) if exam.pass_mark is not None else None,
        "total": _number(first.total),
        "variants": {p.variant: [entry(i) for i in p.markable()] for p in papers},
    }


def _dumps(value: Any, exam: str) -> str:
    try:
        # NaN and Infinity are not JSON: no reader of the contract could load the manifest.
        return json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise PackError(msg("pack.not_finite", exam=exam)) from None


def manifest_json(papers: Sequence[VariantPaper]) -> str:
    """Indented JSON with one line per entry, so a diff between two builds reads item by item."""
    data = manifest(papers)
    exam = data["exam"]
    head = {k: v for k, v in data.items() if k != "variants"}
    lines = ["{"] + [f"  {json.dumps(k)}: {_dumps(v, exam)}," for k, v in head.items()]
    lines.append('  "variants": {')
    for vi, (variant, entries) in enumerate(data["variants"].items()):
        lines.append(f"    {_dumps(variant, exam)}: [")
        lines += [f"      {_dumps(e, exam)}{',' if i < len(entries) - 1 else ''}" for i, e in enumerate(entries)]
        lines.append("    ]" + ("," if vi < len(data["variants"]) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


def manifest_csv(papers: Sequence[VariantPaper]) -> str:
    """The same entries as a flat table (BOM first, so spreadsheet programs read the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for p in papers:
        for e in manifest([p])["variants"][p.variant]:
            writer.writerow(
                [
                    p.variant,
                    e["no"],
                    e["id"],
                    e.get("group", ""),
                    e["section"],
                    e["type"],
                    e["points"],
                    " ".join(map(str, e.get("order", ()))),
                    "" if e["answer"] is None else e["answer"],
                ]
            )
    return "\ufeff" + out.getvalue()
