"""The results files are safe to open in Excel, a scores sheet is read exactly as written, and an
--out that cannot be written is one line, exit 1, nothing left behind."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from trainbook.grading.output import as_text
from trainbook_cli.main import main

from .conftest import grade_args, read_csv


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_cells_excel_would_run_as_formulas_are_written_as_text(class_dir: Path) -> None:
    edit(class_dir / "scores.csv", "E01,张三,客服一部,", 'E01,"=HYPERLINK(""http://x"",""点我"")",+客服一部,')
    edit(class_dir / "scores.csv", "E02,李四,客服一部,", "@E02,-李四,客服一部,")
    edit(class_dir / "responses.csv", "E02,", "@E02,")
    assert main(grade_args()) == 0
    rows = {r["姓名"]: r for r in read_csv(class_dir / "out/results.csv")}
    assert rows['\'=HYPERLINK("http://x","点我")']["部门"] == "'+客服一部"
    assert rows["'-李四"]["工号"] == "'@E02"
    assert rows["王五"]["工号"] == "E03"  # ordinary text is untouched


@pytest.mark.parametrize("number", ["-0.25", "+3", "-12%", "0.5"])
def test_numbers_stay_numbers(number: str) -> None:
    assert as_text(number) == number  # a negative discrimination in items.csv is no formula


@pytest.mark.parametrize("cell", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", '=HYPERLINK("http://x")'])
def test_formula_like_text_gets_an_apostrophe(cell: str) -> None:
    assert as_text(cell) == "'" + cell


def test_a_scores_row_ending_early_has_empty_cells_at_its_end(class_dir: Path) -> None:
    # Excel leaves out the commas of empty cells at the end of some rows when it saves CSV.
    edit(class_dir / "scores.csv", "E04,赵六,客服二部,70,否,100\n", "E04,赵六,客服二部,70\n")
    assert main(grade_args()) == 0
    row = next(r for r in read_csv(class_dir / "out/results.csv") if r["工号"] == "E04")
    assert row["培训出勤"] == "" and "培训出勤无成绩，按 0 分计" in row["备注"]


def test_an_empty_cell_still_means_no_score(class_dir: Path) -> None:
    edit(class_dir / "scores.csv", "E04,赵六,客服二部,70,否,100\n", "E04,赵六,客服二部,70,否,\n")
    assert main(grade_args()) == 0
    row = next(r for r in read_csv(class_dir / "out/results.csv") if r["工号"] == "E04")
    assert row["培训出勤"] == "" and "培训出勤无成绩，按 0 分计" in row["备注"]


def test_a_short_responses_row_is_unanswered_as_documented(class_dir: Path) -> None:
    lines = (class_dir / "responses.csv").read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].rstrip(",")  # FORMATS.md: an empty cell is unanswered
    (class_dir / "responses.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(grade_args()) == 0


def test_a_scores_sheet_without_candidates_is_an_error(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    header = (class_dir / "scores.csv").read_text(encoding="utf-8").splitlines()[0]
    (class_dir / "scores.csv").write_text(header + "\n", encoding="utf-8")
    assert main(grade_args()) == 1
    err = capsys.readouterr().err
    assert "scores.csv: the sheet has a header but no candidates" in err
    assert not (class_dir / "out").exists()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("scores.csv/res", "scores.csv/res: error: cannot be written: a part of the path is a file, not a folder"),
        pytest.param(
            "/proc/res",
            "/proc/res: error: cannot be written: the folder does not exist",
            marks=pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's"),
        ),
    ],
)
def test_an_out_that_cannot_be_written_is_one_line(
    class_dir: Path, out: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sorted(p.name for p in class_dir.iterdir())
    assert main(grade_args(out)) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.endswith(message)
    assert sorted(p.name for p in class_dir.iterdir()) == before
