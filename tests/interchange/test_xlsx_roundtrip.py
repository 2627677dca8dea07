"""Every bank of the example handbook → xlsx → import gives back the same questions."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainbook.interchange import ImportOptions, export, import_file, select
from trainbook.model import Project

from .conftest import EXAMPLE
from .helpers import load_bank_text, without_positions


@pytest.fixture(scope="module")
def workbook(example: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("xlsx") / "all.xlsx"
    export("xlsx", example, select(example, [], None, None, "any"), out)
    return out


@pytest.mark.parametrize("bank_id", sorted(p.stem for p in (EXAMPLE / "banks").glob("*.yml")))
def test_every_example_bank_survives_xlsx_export_and_import(example: Project, workbook: Path, bank_id: str) -> None:
    bank = example.bank(bank_id)
    assert bank is not None
    # Re-importing over the bank's own file (--force): its ids are not collisions, everything else is.
    opts = ImportOptions(
        bank=bank.id, out=Path(bank.pos.path), module=bank.module, content=EXAMPLE, dry_run=True, replace=True
    )
    result = import_file("xlsx", workbook, opts, sheet=bank.id)
    assert result.text is not None, [str(p) for p in result.errors]
    assert not result.written
    again, report = load_bank_text(result.text)
    assert again is not None and not report.errors
    assert (again.id, again.title, again.module) == (bank.id, bank.title, bank.module)
    before = [without_positions(q) for q in bank.questions]
    after = [without_positions(q) for q in again.questions]
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert new == old, old.id


def test_the_xlsx_has_one_sheet_per_bank_with_title_and_header(example: Project, workbook: Path) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(workbook, read_only=True)
    assert wb.sheetnames == [b.id for b in example.banks]
    first = next(wb[example.banks[0].id].iter_rows(max_row=2, values_only=True))
    assert first[0] == example.banks[0].title
    header = list(next(wb[example.banks[0].id].iter_rows(min_row=2, max_row=2, values_only=True)))
    assert header[:4] == ["编号", "题型", "题干", "选项A"] and "答案" in header and "解析" in header


def test_exporting_again_gives_the_same_bytes(example: Project, workbook: Path, tmp_path: Path) -> None:
    # openpyxl stamps the time of saving; an export kept in Git would change on every run.
    again = tmp_path / "again.xlsx"
    export("xlsx", example, select(example, [], None, None, "any"), again)
    assert again.read_bytes() == workbook.read_bytes()
