"""The blank responses sheet an exam pack carries (``responses-template.xlsx``): the file that
``trainbook grade --responses`` reads, with its header already right, for whoever types in the
candidates' answers.

Typed by hand into an empty workbook, Excel turns a header 21.10 into the number 21.1 (which is
then the column of question 21.1 twice) and an answer 3.50 into 3.5. Here every column is text
but those of questions marked by hand, which take only points in range; the 试卷 column takes
only the pack's variants.
A second sheet says how each question type is entered and what each number is on each paper —
never its answer: the keys are printed separately.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..qtypes import TYPES
from ..strings import Strings
from ..workbookfile import load_errors
from ..workbookwrite import workbook_bytes
from .manifest import MARK_NAME, pack_mark, paper_order
from .responses import VARIANT
from .scores import ID, NAME
from .tables import data_sheet

#: Its name in the pack, next to manifest.json.
FILE_NAME = "responses-template.xlsx"
#: Excel's number format "text": what is typed stays as typed.
TEXT = "@"
#: Rows the input rules cover: more candidates than one exam sitting has.
ROWS = 5000
#: What Excel allows in an input rule: a list of 255 characters, an error message of 225 (longer
#: ones make it "repair" the file, dropping the rule).
LIST_MAX = 255
ERROR_MAX = 225
WIDTHS = {ID: 12.0, NAME: 10.0, VARIANT: 6.0}
NUMBER_WIDTH = 7.0


def entry_workbook(manifest: Mapping[str, Any], language: str) -> bytes:
    """The responses sheet of the exam whose manifest (``trainbook-exam-manifest/1``) is given."""
    import openpyxl
    from openpyxl.workbook.defined_name import DefinedName

    t = Strings(language)
    variants: Mapping[str, Sequence[Mapping[str, Any]]] = manifest["variants"]
    marked = by_hand(variants)
    book = openpyxl.Workbook()
    mark = pack_mark(manifest)
    _responses(book.active, t, variants, marked)
    _notes(book.create_sheet(t.plain("entry.notes_sheet")), t, manifest, variants, bool(marked), mark)
    # A defined name travels with the workbook through Excel's and WPS's saves and copies of the
    # file; grade reads it to refuse grading this sheet against another pack's manifest.
    book.defined_names[MARK_NAME] = DefinedName(MARK_NAME, attr_text=f'"{mark}"')
    return workbook_bytes(book)


def numbers(variants: Mapping[str, Sequence[Mapping[str, Any]]]) -> list[str]:
    """Every question number of any variant (the columns grade expects), in paper order."""
    return paper_order(e["no"] for entries in variants.values() for e in entries)


def _responses(
    ws: Any, t: Strings, variants: Mapping[str, Sequence[Mapping[str, Any]]], marked: Mapping[str, float]
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    ws.title = t.plain("entry.sheet")
    header = [ID, NAME, VARIANT, *numbers(variants)]
    ws.append(header)
    for col, name in enumerate(header, 1):
        letter = get_column_letter(col)
        dim = ws.column_dimensions[letter]
        dim.width = WIDTHS.get(name, NUMBER_WIDTH)
        cell = ws.cell(1, col)
        cell.number_format = TEXT
        cell.font = Font(bold=True)
        if name in marked:
            # Points: a number. Excel checks a number rule against what a text cell holds, text,
            # and would refuse every score typed in, so this column keeps the general format.
            # All the digits a float has: 33.333333 points is no less in the rule than on the paper.
            rule = DataValidation(
                type="decimal", operator="between", formula1="0", formula2=f"{marked[name]:.17g}", allow_blank=True
            )
            rule.showErrorMessage = True
            rule.errorTitle = t.plain("entry.points_error_title")
            rule.error = t.plain("entry.points_error", points=f"{marked[name]:g}")
            ws.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{ROWS}")
        else:
            dim.number_format = TEXT  # the style of every cell typed into the column later
    ws.freeze_panes = "D2"

    listed = ",".join(variants)
    error = t.plain("entry.variant_error", variants=listed)
    if len(listed) > LIST_MAX or len(error) > ERROR_MAX:  # more than Excel takes: no rule
        return
    if any(v.isdigit() for v in variants):
        # Papers 1 and 2: Excel may not match the text "1" of a text cell against the list's
        # number 1, and would then refuse every entry; no rule is the safe side.
        return
    paper = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True, showErrorMessage=True)
    paper.errorTitle = t.plain("entry.variant_error_title")
    paper.error = error
    ws.add_data_validation(paper)
    letter = get_column_letter(header.index(VARIANT) + 1)
    paper.add(f"{letter}2:{letter}{ROWS}")


def by_hand(variants: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, float]:
    """The numbers marked by hand on every paper that has them (their cells hold points), each
    with the most it is worth on any paper. A number that is a choice on another paper holds
    letters there, and is not one of them."""
    entries: dict[str, list[Mapping[str, Any]]] = {}
    for items in variants.values():
        for e in items:
            entries.setdefault(e["no"], []).append(e)
    return {
        no: max(float(e["points"]) for e in es) for no, es in entries.items() if all(e["answer"] is None for e in es)
    }


def _notes(
    ws: Any,
    t: Strings,
    manifest: Mapping[str, Any],
    variants: Mapping[str, Sequence[Mapping[str, Any]]],
    hand: bool,
    mark: str,
) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    lang = t.language
    listed = t.plain("list_sep").join(variants)
    ws.append([t.plain("entry.title", title=manifest.get("title") or manifest["exam"])])
    ws["A1"].font = Font(bold=True, size=14)
    lines = [
        t.plain("entry.rows", sheet=t.plain("entry.sheet"), variants=listed),
        t.plain("entry.as_written"),
        *([t.plain("entry.by_hand")] if hand else []),
        t.plain("entry.text_cells_but_points" if hand else "entry.text_cells"),
        t.plain("entry.copy"),
        t.plain("entry.grade", command=t.plain("entry.grade_command", exam=manifest["exam"])),
        t.plain("entry.mark", mark=mark, seed=manifest.get("seed")),
    ]
    for i, line in enumerate(lines, 1):
        ws.append([f"{i}. {line}"])

    ws.append([])
    ws.append([t.plain("entry.notation_heading")])
    ws.cell(ws.max_row, 1).font = bold
    ws.append([t.plain("entry.type"), t.plain("entry.notation")])
    for cell in ws[ws.max_row]:
        cell.font = bold
    kinds = dict.fromkeys(e["type"] for entries in variants.values() for e in entries)
    for name in kinds:
        kind = TYPES[name]
        ws.append([kind.label(lang), kind.response_notation(lang)])

    ws.append([])
    ws.append([t.plain("entry.items_heading")])
    ws.cell(ws.max_row, 1).font = bold
    ws.append([t.plain("paper.question_no"), *(t.plain("paper.variant", variant=v) for v in variants)])
    for cell in ws[ws.max_row]:
        cell.font = bold
    on_paper = {v: {e["no"]: e for e in entries} for v, entries in variants.items()}
    for no in numbers(variants):
        row = [no]
        for v in variants:
            e = on_paper[v].get(no)
            if e is None:
                row.append(t.plain("none"))
            else:
                row.append(t.plain("entry.item", type=TYPES[e["type"]].label(lang), points=f"{float(e['points']):g}"))
        ws.append(row)
        ws.cell(ws.max_row, 1).number_format = TEXT
    ws.column_dimensions["A"].width = 14
    for col in range(2, len(variants) + 2):
        ws.column_dimensions[get_column_letter(col)].width = 30


def entered_rows(path: Path) -> int | None:
    """How many rows below the header of *path*'s table hold anything: answers typed into the
    pack's own copy, which a new build would replace. 0 for no file; None for one that cannot be
    read (protected with a password, damaged), which may hold answers as well."""
    if not path.is_file():
        return 0
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except load_errors():
        return None
    try:
        rows = book.worksheets[data_sheet(book)].iter_rows(min_row=2, values_only=True)
        return sum(1 for row in rows if any(v not in (None, "") for v in row))
    finally:
        book.close()
