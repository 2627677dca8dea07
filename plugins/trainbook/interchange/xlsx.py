"""Excel 题库: read (the common Chinese layout, headers matched tolerantly) and write (that layout).

Loses nothing: every field of every type has a column (``layout.COLUMNS``). Limits of the
layout: a matching right-hand item or a rubric point is one line of its cell.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import msg
from ..model import Case
from ..sheetformulas import formulas_without_results
from ..workbookfile import load_errors, not_xlsx
from ..workbookwrite import workbook_bytes
from .importer import Problem
from .layout import Row, headers, match_header
from .losses import Losses
from .rows import question_rows
from .select import Selection

LOSSES: tuple[str, ...] = ()
_HEADER_SCAN = 10  # rows searched for the header (a title row or notes may come first)


@dataclass(frozen=True)
class SheetRead:
    rows: list[Row]
    problems: list[Problem]
    title: str | None  # a title line above the header, if any


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "对" if value else "错"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    return str(value)


def _header_index(values: list[list[str]]) -> tuple[int, dict[int, str]] | None:
    for i, row in enumerate(values[:_HEADER_SCAN]):
        found = {c: match_header(v) for c, v in enumerate(row)}
        keys = {k for k in found.values() if k}
        if "stem" in keys and ("answer" in keys or "type" in keys):
            return i, {c: k for c, k in found.items() if k}
    return None


def read_sheet(name: str, values: list[list[str]], label: str) -> SheetRead:
    """One sheet's cell texts → rows; *label* is ``FILE:SHEET`` for messages."""
    found = _header_index(values)
    if found is None:
        return SheetRead([], [], None)
    hi, columns = found
    problems = []
    seen: dict[str, int] = {}
    for c, key in sorted(columns.items()):
        if key in seen:
            problems.append(
                Problem(
                    f"{label}:{hi + 1}", msg("import.repeated_column", n=c + 1, name=values[hi][c], first=seen[key] + 1)
                )
            )
        seen.setdefault(key, c)
    for c, text in enumerate(values[hi]):
        if text.strip() and c not in columns:
            problems.append(Problem(f"{label}:{hi + 1}", msg("import.unknown_column", name=text.strip()), "warning"))
    title = next((v.strip() for row in values[:hi] for v in row if v.strip()), None)
    rows = []
    for ri in range(hi + 1, len(values)):
        cells = values[ri]
        if not any(v.strip() for v in cells):
            continue
        data: dict[str, str] = {}
        options: dict[int, str] = {}
        for key, c in seen.items():
            text = cells[c] if c < len(cells) else ""
            if key.startswith("option:"):
                options[int(key[7:])] = text
            else:
                data[key] = text
        where = f"{label}:{ri + 1}"
        last = max((i for i, v in options.items() if v.strip()), default=-1)
        opts = [options.get(i, "") for i in range(last + 1)]
        gap = next((i for i, v in enumerate(opts) if not v.strip()), None)
        if gap is not None:
            letter = "ABCDEFGHIJ"[gap]
            problems.append(Problem(where, msg("import.option_gap", letter=letter)))
            continue
        rows.append(Row(where=where, options=tuple(opts), **data))
    return SheetRead(rows, problems, title)


def read(path: Path, sheet: str | None = None) -> SheetRead:
    """Every sheet with a question header (or just *sheet*) → rows in sheet and row order."""
    import openpyxl  # imported here: only the xlsx commands need it

    reason = not_xlsx(path)
    if reason is not None:
        return SheetRead([], [Problem(str(path), msg("import.workbook", error=reason))], None)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except load_errors() as exc:
        return SheetRead([], [Problem(str(path), msg("import.workbook", error=exc))], None)
    try:
        names = wb.sheetnames
        if sheet is not None and sheet not in names:
            return SheetRead(
                [], [Problem(str(path), msg("import.no_sheet", sheet=sheet, known=", ".join(names)))], None
            )
        rows: list[Row] = []
        problems: list[Problem] = []
        title = None
        for name in [sheet] if sheet is not None else names:
            saved = list(wb[name].iter_rows(values_only=True))
            unsaved = formulas_without_results(path, name, saved)
            if unsaved:  # the sheet's other messages would be about cells read as empty
                problems += [Problem(f"{path}:{name}:{n}", msg("sheet.formula_unsaved", cell=c)) for n, c in unsaved]
                continue
            values = [[_cell(v) for v in r] for r in saved]
            part = read_sheet(name, values, f"{path}:{name}")
            rows += part.rows
            problems += part.problems
            title = title or part.title
        if not rows and not problems:
            problems.append(Problem(str(path), msg("import.no_header")))
        return SheetRead(rows, problems, title)
    finally:
        wb.close()


def _sheet_name(text: str, used: set[str]) -> str:
    base = "".join(ch for ch in text if ch not in "[]:*?/\\")[:31] or "sheet"
    name, n = base, 2
    while name in used:
        suffix = f"-{n}"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(name)
    return name


def write(selection: Selection, out: Path, cases: Mapping[str, Case]) -> Losses:
    """One sheet per bank (or exam section), title in row 1, header in row 2. Loses nothing."""
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    for blank in list(wb.worksheets):
        wb.remove(blank)
    used: set[str] = set()
    for part in selection.parts:
        ws = wb.create_sheet(_sheet_name(part.name, used))
        rows = [r for q in part.questions for r in question_rows(q)]
        n_options = max((len(r.options) for r in rows), default=0)
        head = headers(n_options)
        ws.append([part.title])
        ws["A1"].font = Font(bold=True, size=14)
        ws.append(head)
        for cell in ws[2]:
            cell.font = Font(bold=True)
        n_opt_cols = sum(1 for h in head if h.startswith("选项") and len(h) == 3)
        for r in rows:
            cells: list[str] = []
            for h in head:
                key = match_header(h)
                assert key is not None
                if key.startswith("option:"):
                    i = int(key[7:])
                    cells.append(r.options[i] if i < len(r.options) else "")
                else:
                    cells.append(getattr(r, key))
            ws.append(cells)
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # text that looks like a formula stays text, never runs in Excel
        assert n_opt_cols >= n_options
        ws.freeze_panes = "A3"
        for col, width in (("A", 12), ("B", 10), ("C", 50)):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(workbook_bytes(wb))  # the same banks, the same bytes: a diff in Git means a change
    return Losses("xlsx")
