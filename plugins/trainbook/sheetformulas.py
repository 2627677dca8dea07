"""Formulas a workbook holds without their results.

Both workbook readers (``trainbook grade``'s scores, ``trainbook import``'s 题库) read the values
a spreadsheet program saved beside each formula. Excel and WPS always save one; a workbook written
by a script (openpyxl, pandas) usually does not, and such a cell reads as empty: a missing score, an
empty stem. Readers report those cells instead of guessing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


def formulas_without_results(path: Path, sheet: str | int, saved: Sequence[Sequence[object]]) -> list[tuple[int, str]]:
    """(row number, cell such as ``C5``) of every formula in *sheet* (a name, or an index) whose
    saved value in *saved* (the sheet's values as read with ``data_only=True``) is missing."""
    import openpyxl  # only the workbook commands need it
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        ws = book.worksheets[sheet] if isinstance(sheet, int) else book[sheet]
        found = []
        for n, (values, formulas) in enumerate(zip(saved, ws.iter_rows(values_only=True), strict=False), 1):
            for col, formula in enumerate(formulas):
                if isinstance(formula, str) and formula.startswith("=") and (col >= len(values) or values[col] is None):
                    found.append((n, f"{get_column_letter(col + 1)}{n}"))
        return found
    finally:
        book.close()
