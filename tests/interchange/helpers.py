"""Shared helpers of the interchange tests: comparing questions without positions, loading text."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from trainbook.diagnostics import Pos, Report
from trainbook.load import Loader
from trainbook.model import Bank, Group, Question
from trainbook.yamlsource import load_yaml

NOWHERE = Pos("")


def without_positions(q: Question) -> Question:
    """The question with every position blanked, so two loads of different files compare equal."""
    body = q.body
    if isinstance(body, Group):
        body = replace(body, questions=tuple(without_positions(s) for s in body.questions))
    return replace(q, pos=NOWHERE, body=body)


def load_bank_text(text: str, path: str = "bank.yml") -> tuple[Bank | None, Report]:
    report = Report()
    data = load_yaml(text, path, report)
    bank = Loader(report).bank(data, path) if data is not None else None
    return bank, report


def write_xlsx(path: Path, rows: list[list[object]], sheet: str = "题库") -> Path:
    """A workbook with one sheet holding *rows* as given (header included)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path
