"""The CSV files of a grading run (UTF-8 with BOM so Excel opens them as Unicode)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..model import Scheme
from ..qtypes import TYPES
from .items import ItemStats, option_text
from .results import Result
from .rounding import fixed, percent
from .scores import DEPT, ID, NAME
from .summary import Department

RESULTS_COLUMNS_TAIL = ("总分", "等级", "是否合格", "排名", "备注")
ITEMS_COLUMNS = ("题目ID", "题型", "难度P", "区分度D", "点二列相关", "各选项选择率", "标记")
DEPARTMENT_COLUMNS = ("部门", "人数", "平均分", "合格人数", "合格率")


def fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return ""
    if digits == 1 and float(value).is_integer():
        return f"{value:.0f}"
    return f"{value:.{digits}f}"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def as_text(cell: str) -> str:
    """A cell Excel would run as a formula (=, +, -, @ first: 姓名 ``=HYPERLINK(…)``) with an
    apostrophe before it, so it shows as the text it is; numbers such as -0.12 stay numbers."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([as_text(c) for c in header])
        writer.writerows([as_text(c) for c in row] for row in rows)


def write_results(path: Path, scheme: Scheme, results: Sequence[Result], labels: dict[str, str] | None) -> None:
    header = (ID, NAME, DEPT, *(c.name for c in scheme.components), *RESULTS_COLUMNS_TAIL)
    rows = []
    for r in results:
        pid, name = (labels[r.person.id], labels[r.person.id]) if labels else (r.person.id, r.person.name)
        rows.append(
            (
                pid,
                name,
                r.person.dept,
                *(fmt(r.scores[c.id]) for c in scheme.components),
                f"{r.total:.1f}",
                r.grade,
                "是" if r.passed else "否",
                str(r.rank),
                "；".join(n.zh for n in r.notes),
            )
        )
    write_csv(path, header, rows)


def write_items(path: Path, items: Sequence[ItemStats]) -> None:
    rows = [
        (
            s.question.id,
            TYPES[s.question.type].label("zh"),
            fixed(s.p),
            fixed(s.d),
            fixed(s.r),
            option_text(s),
            "、".join(s.flags),
        )
        for s in items
    ]
    write_csv(path, ITEMS_COLUMNS, rows)


def write_departments(path: Path, departments: Sequence[Department]) -> None:
    rows = [(d.name, str(d.count), fixed(d.mean, 1), str(d.passed), percent(d.passed, d.count)) for d in departments]
    write_csv(path, DEPARTMENT_COLUMNS, rows)
