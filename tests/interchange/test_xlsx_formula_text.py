"""Text that looks like a spreadsheet formula stays text in an exported workbook: Excel shows
=HYPERLINK(…) as written and never runs it."""

from __future__ import annotations

from pathlib import Path

from trainbook.interchange import export, select
from trainbook.model import Project

from .helpers import load_bank_text

STEMS = ['=HYPERLINK("http://x","点我")', "+1+1 等于几", "-1+1 等于几", "@SUM(A1) 是什么"]


def test_formula_like_cells_are_written_as_text(tmp_path: Path) -> None:
    import openpyxl

    questions = "".join(
        f"  - id: f-{i}\n    type: true_false\n    stem: '{stem}'\n    answer: true\n    explanation: 略\n"
        for i, stem in enumerate(STEMS)
    )
    bank, report = load_bank_text(f"id: f\ntitle: 公式\nquestions:\n{questions}")
    assert bank is not None and not report.errors
    project = Project("content", "content/handbook", banks=(bank,))
    out = tmp_path / "f.xlsx"
    export("xlsx", project, select(project, [], None, None, "any"), out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    cells = {c.value: c for row in sheet.iter_rows(min_row=3) for c in row if c.value in STEMS}
    assert sorted(cells) == sorted(STEMS)
    assert {c.data_type for c in cells.values()} == {"s"}
