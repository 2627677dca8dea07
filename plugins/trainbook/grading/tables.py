"""Reading a spreadsheet (csv or xlsx) into header + rows, keeping each row's number as the
trainer sees it in Excel (the header is row 1)."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import msg
from ..sheetformulas import formulas_without_results
from ..workbookfile import OLE2_MAGIC, ZIP_MAGIC, not_xlsx
from .errors import GradeError, Problems, located
from .manifest import mark_in

#: The column every table of a grading run has (scores and responses): it finds the data sheet.
ID_COLUMN = "工号"
#: A header such as 21.1: a question number, or what a spreadsheet made of 21.10 typed in.
DECIMAL = re.compile(r"\d+\.\d+")


@dataclass(frozen=True)
class Table:
    path: Path
    header: tuple[str, ...]
    # (row number, cells padded to the header). A row may end early: Excel leaves out the commas
    # of empty cells at the end of some rows when it saves CSV, so missing cells are empty ones.
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    #: The exam pack a workbook says it was made for (see .manifest.pack_mark); None for a csv
    #: or a workbook made some other way.
    mark: str | None = None

    def column(self, name: str) -> int:
        return self.header.index(name)


def read_table(path: str | Path) -> Table:
    path = Path(path)
    problems = Problems()
    if path.is_dir():
        raise GradeError([located(path, None, msg("grade.a_folder"))])
    if not path.is_file():
        raise GradeError([located(path, None, msg("grade.not_found"))])
    suffix = path.suffix.lower()
    mark = None
    try:
        if suffix == ".xlsx":
            reason = not_xlsx(path)
            if reason is not None:
                raise GradeError([located(path, None, msg("grade.unreadable", kind="xlsx", error=reason))])
            records, mark = _xlsx(path)
        elif suffix in (".csv", ".txt"):
            records = _csv(path)
        else:
            raise GradeError([located(path, None, msg("grade.table_kind", found=suffix or path.name))])
    except GradeError:
        raise
    except Exception as exc:  # a corrupt workbook or undecodable text: say so, no traceback
        kind = suffix[1:] or msg("grade.a_table")
        raise GradeError([located(path, None, msg("grade.unreadable", kind=kind, error=exc))]) from None
    records = [(n, cells) for n, cells in records if any(cells)]
    if not records:
        raise GradeError([located(path, None, msg("grade.empty"))])
    header_row, header = records[0]
    header = [h.strip() for h in header]
    while header and not header[-1]:
        header.pop()
    seen: dict[str, int] = {}
    for i, name in enumerate(header):
        if not name:
            problems.add(path, header_row, msg("grade.header_unnamed", n=i + 1))
        elif name in seen:
            if DECIMAL.fullmatch(name):
                problems.add(path, header_row, msg("grade.header_twice_number", name=name, typed=f"{name}0"))
            else:
                problems.add(path, header_row, msg("grade.header_twice", name=name))
        seen.setdefault(name, i)
    problems.raise_if_any()
    width = len(header)
    rows = []
    for n, cells in records[1:]:
        extra = [c for c in cells[width:] if c]
        if extra:
            problems.add(path, n, msg("grade.row_too_wide", cells=len(cells), width=width))
        padded = tuple(cells[:width]) + ("",) * (width - len(cells))
        rows.append((n, padded))
    problems.raise_if_any()
    return Table(path, tuple(header), tuple(rows), mark)


def _csv(path: Path) -> list[tuple[int, list[str]]]:
    raw = path.read_bytes()
    if raw.startswith((ZIP_MAGIC, OLE2_MAGIC)):
        # A workbook renamed (成绩.txt): say what it is rather than what it fails to decode as.
        raise GradeError([located(path, None, msg("grade.workbook_named_text", suffix=path.suffix))])
    delimiter = ","
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Excel's "Unicode 文本" (Unicode text): UTF-16, tabs between the cells.
        text = raw.decode("utf-16")
        delimiter = "\t"
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Excel on a Chinese Windows saves "CSV" in GB18030 (GBK).
            try:
                text = raw.decode("gb18030")
            except UnicodeDecodeError:
                raise GradeError([located(path, None, msg("grade.encoding"))]) from None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(i + 1, [c.strip() for c in row]) for i, row in enumerate(reader)]


def data_sheet(book: Any) -> int:
    """The index of the sheet that holds the table: the first whose first filled row has a 工号
    column, so that a notes sheet moved before it (or a cover sheet) is not read as the data;
    the first sheet when none has one (its header is then reported as it is)."""
    for index, ws in enumerate(book.worksheets):
        for row in ws.iter_rows(values_only=True):
            cells = [_cell(v) for v in row]
            if any(cells):
                if ID_COLUMN in cells:
                    return index
                break
    return 0


def _xlsx(path: Path) -> tuple[list[tuple[int, list[str]]], str | None]:
    import openpyxl  # only needed for workbooks

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = data_sheet(book)
        values = list(book.worksheets[sheet].iter_rows(values_only=True))
        mark = mark_in(book)
    finally:
        book.close()
    problems = Problems()
    for row, cell in formulas_without_results(path, sheet, values):
        problems.add(path, row, msg("sheet.formula_unsaved", cell=cell))
    problems.raise_if_any()
    return [(i + 1, [_cell(v) for v in row]) for i, row in enumerate(values)], mark


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
