"""The responses sheet an exam pack carries (responses-template.xlsx): the header `trainbook grade`
reads, text columns that keep 21.10 and 3.50 as typed, input rules, notes without the answers;
filled in, it is graded; a filled-in copy left in the pack is not built over."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from trainbook.grading.entrysheet import entry_workbook, numbers
from trainbook.grading.manifest import read_manifest
from trainbook.papers import build_exams, load_content
from trainbook.stablezip import ZIP_EPOCH
from trainbook_cli.main import main

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "tests/fixtures/pack/content"
SHEET = "responses-template.xlsx"


def column_of(ws, name: str) -> str:
    header = [c.value for c in ws[1]]
    return openpyxl.utils.get_column_letter(header.index(name) + 1)


@pytest.fixture(scope="module")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture handbook's pack (every question type, a case group): HTML only, for speed."""
    out = tmp_path_factory.mktemp("entry") / "exams"
    build_exams(PACK, out, ["pack-exam"], formats=("html",))
    return out / "pack-exam"


@pytest.fixture(scope="module")
def manifest(pack: Path) -> dict:
    return json.loads((pack / "manifest.json").read_text(encoding="utf-8"))


def test_the_header_is_what_grade_reads_every_number_of_every_variant(pack: Path) -> None:
    ws = openpyxl.load_workbook(pack / SHEET).worksheets[0]
    expected = read_manifest(pack / "manifest.json", "pack-exam", load_content(PACK)).numbers
    assert any("." in n for n in expected)  # a group's sub-questions: 5.1, 5.2, …
    assert [c.value for c in ws[1]] == ["工号", "姓名", "试卷", *expected]
    assert all(isinstance(c.value, str) for c in ws[1])
    assert ws.max_row == 1  # blank below the header
    assert ws.freeze_panes == "D2"


def test_answer_columns_are_text_and_columns_marked_by_hand_take_points_in_range(pack: Path, manifest: dict) -> None:
    ws = openpyxl.load_workbook(pack / SHEET).worksheets[0]
    by_hand = {e["no"]: e["points"] for v in manifest["variants"].values() for e in v if e["answer"] is None}
    assert by_hand
    rules = {str(r.sqref): r for r in ws.data_validations.dataValidation}
    for cell in ws[1][3:]:
        letter = cell.column_letter
        if cell.value in by_hand:
            assert ws.column_dimensions[letter].number_format == "General"
            rule = rules[f"{letter}2:{letter}5000"]
            assert (rule.type, rule.operator, rule.formula1) == ("decimal", "between", "0")
            assert float(rule.formula2) == by_hand[cell.value]
        else:
            assert ws.column_dimensions[letter].number_format == "@"
    for name in ("工号", "姓名", "试卷"):
        assert ws.column_dimensions[column_of(ws, name)].number_format == "@"
    paper = rules[f"{column_of(ws, '试卷')}2:{column_of(ws, '试卷')}5000"]
    assert (paper.type, paper.formula1) == ("list", '"A,B"')


def test_the_notes_say_how_each_type_is_entered_and_never_give_an_answer(pack: Path, manifest: dict) -> None:
    notes = openpyxl.load_workbook(pack / SHEET).worksheets[1]
    assert notes.title == "填写说明"
    cells = [str(v) for row in notes.iter_rows(values_only=True) for v in row if v is not None]
    text = "\n".join(cells)
    for expected in ("写考生选的全部字母", "空与空之间用 ; 隔开", "阅卷人给的分数", "--exam pack-exam"):
        assert expected in text
    answers = {
        part
        for v in manifest["variants"].values()
        for e in v
        if e["type"] == "fill_blank"
        for part in str(e["answer"]).replace("|", ";").split(";")
    }
    assert answers and not [a for a in answers if a in text]


def test_the_sheet_carries_no_date_or_host_so_the_pack_rebuilds_byte_for_byte(pack: Path) -> None:
    with zipfile.ZipFile(pack / SHEET) as z:
        assert {i.date_time for i in z.infolist()} == {ZIP_EPOCH}
        assert {i.create_system for i in z.infolist()} == {3}  # not the host's (0 on Windows)
        core = z.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core


def test_an_english_handbook_gets_english_notes_and_the_same_header(tmp_path: Path) -> None:
    build_exams(PACK, tmp_path / "out", ["pack-exam"], formats=("html",), language="en")
    book = openpyxl.load_workbook(tmp_path / "out/pack-exam" / SHEET)
    assert [c.value for c in book.worksheets[0][1]][:3] == ["工号", "姓名", "试卷"]
    assert book.worksheets[1].title == "How to fill in"
    assert "Every letter the candidate chose" in str(list(book.worksheets[1].values))


def test_a_filled_in_copy_left_in_the_pack_is_not_built_over(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "exams"
    build_exams(PACK, out, ["pack-exam"], formats=("html",))
    sheet = out / "pack-exam" / SHEET
    book = openpyxl.load_workbook(sheet)
    book.worksheets[0].append(["E01", "张三", "A", "B"])
    book.save(sheet)
    before = sheet.read_bytes()
    code = main(["exam", "build", "pack-exam", "--content", str(PACK), "--out", str(out), "--format", "html"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{SHEET}: the answers of 1 candidate(s) have been entered here" in err
    assert "Traceback" not in err
    assert sheet.read_bytes() == before


def test_an_unfilled_sheet_is_simply_rebuilt(pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "exams"
    build_exams(PACK, out, ["pack-exam"], formats=("html",))
    build_exams(PACK, out, ["pack-exam"], formats=("html",))
    assert (out / "pack-exam" / SHEET).read_bytes() == (pack / SHEET).read_bytes()


def test_the_filled_in_sheet_is_graded(tmp_path: Path) -> None:
    """The example's exam: one candidate writes the key of paper A, one leaves paper B blank. Typed
    as Excel stores it: text in the text columns, a number in the columns marked by hand; names as
    people type them (a two-character name padded with a full-width space)."""
    build_exams(ROOT / "content", tmp_path / "exams", ["cs-basic"], formats=("html",))
    pack = tmp_path / "exams/cs-basic"
    manifest = json.loads((pack / "manifest.json").read_text(encoding="utf-8"))
    book = openpyxl.load_workbook(pack / SHEET)
    ws = book.worksheets[0]
    header = [c.value for c in ws[1]]
    key = {e["no"]: e for e in manifest["variants"]["A"]}

    def typed(no: str) -> object:
        answer = key[no]["answer"]
        if answer is None:
            return key[no]["points"]  # a number: the marker's points
        return ";".join(blank.split("|")[0] for blank in answer.split(";"))

    ws.append(["P1", "王　芳", "A", *(typed(n) for n in header[3:])])
    ws.append(["P2", "", "B"])
    filled = tmp_path / "答卷.xlsx"
    book.save(filled)
    (tmp_path / "scores.csv").write_text(
        "工号,姓名,部门,情景模拟,应急演练,业主满意度,培训出勤\nP1,王芳,客服部,80,80,80,80\nP2,李四,客服部,80,80,80,80\n",
        encoding="utf-8",
    )
    args = ["grade", "cs-annual", "--content", str(ROOT / "content"), "--scores", str(tmp_path / "scores.csv")]
    args += ["--responses", str(filled), "--exam", "cs-basic", "--manifest", str(pack / "manifest.json")]
    assert main([*args, "--out", str(tmp_path / "out")]) == 0
    with (tmp_path / "out/results.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = {r["工号"]: r for r in csv.DictReader(f)}
    assert float(rows["P1"]["理论笔试"]) == 100
    assert float(rows["P2"]["理论笔试"]) == 0


def test_a_number_only_one_variant_has_stands_in_paper_order() -> None:
    def items(*nos: str) -> list[dict]:
        return [{"no": no, "answer": "A", "points": 1, "type": "single"} for no in nos]

    variants = {"A": items("1", "2.1", "2.2", "3"), "B": items("1", "2.1", "2.2", "2.3", "3", "10")}
    assert numbers(variants) == ["1", "2.1", "2.2", "2.3", "3", "10"]


def test_a_variant_list_too_long_for_an_excel_rule_gets_no_rule() -> None:
    # Excel "repairs" a file whose list rule is over 255 characters; the sheet must open cleanly.
    import io

    variants = {f"V{i:015d}": [{"no": "1", "answer": "A", "points": 1, "type": "single"}] for i in range(16)}
    data = entry_workbook({"exam": "many", "title": "多卷", "variants": variants}, "zh")
    ws = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert [r.type for r in ws.data_validations.dataValidation] == []
    few = entry_workbook({"exam": "two", "title": "两卷", "variants": dict(list(variants.items())[:2])}, "zh")
    assert [r.type for r in openpyxl.load_workbook(io.BytesIO(few)).worksheets[0].data_validations.dataValidation] == [
        "list"
    ]


def rebuild(out: Path) -> int:
    return main(["exam", "build", "pack-exam", "--content", str(PACK), "--out", str(out), "--format", "html"])


def test_a_copy_saved_under_another_name_in_the_pack_is_not_built_over(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Excel's "Save as" opens in the file's own folder: 答卷.xlsx lands beside the template.
    out = tmp_path / "exams"
    assert rebuild(out) == 0
    (out / "pack-exam/答卷.xlsx").write_bytes((out / "pack-exam" / SHEET).read_bytes())
    (out / "pack-exam/A/scan-001.pdf").write_bytes(b"%PDF-1.7")
    assert rebuild(out) == 1
    err = capsys.readouterr().err
    assert "pack-exam: not made by exam build: A/scan-001.pdf, 答卷.xlsx; building the pack again replaces" in err
    assert (out / "pack-exam/答卷.xlsx").is_file() and (out / "pack-exam/A/scan-001.pdf").is_file()


def test_files_a_desktop_leaves_in_the_pack_do_not_stop_a_build(tmp_path: Path) -> None:
    out = tmp_path / "exams"
    assert rebuild(out) == 0
    (out / "pack-exam/.DS_Store").write_bytes(b"\0")
    assert rebuild(out) == 0


def test_a_copy_that_cannot_be_read_is_not_built_over(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    # Excel stores a workbook protected with a password as an OLE file, which openpyxl cannot open.
    out = tmp_path / "exams"
    assert rebuild(out) == 0
    sheet = out / "pack-exam" / SHEET
    sheet.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert rebuild(out) == 1
    assert "this copy of the responses sheet cannot be read" in capsys.readouterr().err
    assert sheet.read_bytes().startswith(b"\xd0\xcf")


def test_a_pack_with_no_question_marked_by_hand_says_nothing_of_points() -> None:
    import io

    variants = {"A": [{"no": "1", "answer": "B", "points": 2, "type": "single"}]}
    book = openpyxl.load_workbook(io.BytesIO(entry_workbook({"exam": "e", "title": "t", "variants": variants}, "zh")))
    text = str(list(book.worksheets[1].values))
    assert "人工评分" not in text and "只填分数的列除外" not in text
    assert "各列已设为文本格式" in text


def test_the_points_rule_holds_every_digit_of_a_questions_worth() -> None:
    import io

    variants = {"A": [{"no": "1", "answer": None, "points": 100 / 3, "type": "short_answer"}]}
    book = openpyxl.load_workbook(io.BytesIO(entry_workbook({"exam": "e", "title": "t", "variants": variants}, "zh")))
    (rule,) = [r for r in book.worksheets[0].data_validations.dataValidation if r.type == "decimal"]
    assert float(rule.formula2) == 100 / 3


def test_every_question_type_with_a_cell_of_its_own_says_how_it_is_entered() -> None:
    from trainbook.qtypes import TYPES

    silent = [k.name for k in TYPES.values() if not (k.response_notation("zh") and k.response_notation("en"))]
    assert silent == ["group"]  # a case's sub-questions have the cells


def filled_example(tmp_path: Path, rows: list[list[object]], scores: str) -> list[str]:
    """The example's cs-basic pack; its responses sheet with *rows* typed in; grade's arguments."""
    build_exams(ROOT / "content", tmp_path / "exams", ["cs-basic"], formats=("html",))
    pack = tmp_path / "exams/cs-basic"
    book = openpyxl.load_workbook(pack / SHEET)
    for row in rows:
        book.worksheets[0].append(row)
    book.move_sheet(book.worksheets[1], offset=-1)  # the notes sheet first: the 答卷 sheet is still found
    filled = tmp_path / "答卷.xlsx"
    book.save(filled)
    (tmp_path / "scores.csv").write_text(
        "工号,姓名,部门,情景模拟,应急演练,业主满意度,培训出勤\n" + scores, encoding="utf-8"
    )
    args = ["grade", "cs-annual", "--content", str(ROOT / "content"), "--scores", str(tmp_path / "scores.csv")]
    args += ["--responses", str(filled), "--exam", "cs-basic", "--manifest", str(pack / "manifest.json")]
    return [*args, "--out", str(tmp_path / "out")]


def test_the_blank_sheet_given_as_it_is_is_an_error_not_a_class_of_zeros(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    args = filled_example(tmp_path, [], "P1,王芳,客服部,80,80,80,80\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "答卷.xlsx: 表格只有表头，没有考生的作答" in err  # the example handbook is in Chinese
    assert not (tmp_path / "out").exists()


def test_a_staff_number_that_lost_its_leading_zeros_is_pointed_out(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    args = filled_example(tmp_path, [["00123", "", "B"]], "123,王芳,客服部,80,80,80,80\n")
    assert main(args) == 1
    err = capsys.readouterr().err
    assert (
        "答卷.xlsx:2: '工号' 00123 不在成绩表" in err
        and "成绩表里有 123：未设为文本格式的单元格会丢掉数字前面的 0" in err
    )


def test_a_name_is_not_checked_against_an_empty_name_in_the_scores_sheet(tmp_path: Path) -> None:
    args = filled_example(tmp_path, [["P1", "王芳", "B"]], "P1,,客服部,80,80,80,80\n")
    assert main(args) == 0


def test_papers_numbered_rather_than_lettered_get_no_list_rule() -> None:
    import io

    variants = {v: [{"no": "1", "answer": "A", "points": 1, "type": "single"}] for v in ("1", "2")}
    ws = openpyxl.load_workbook(io.BytesIO(entry_workbook({"exam": "e", "title": "t", "variants": variants}, "zh")))
    assert [r.type for r in ws.worksheets[0].data_validations.dataValidation] == []


def test_the_sheet_names_the_pack_it_was_made_for(pack: Path, manifest: dict) -> None:
    from trainbook.grading.manifest import pack_mark
    from trainbook.grading.tables import read_table

    assert read_table(pack / SHEET).mark == pack_mark(manifest)
    assert pack_mark(manifest).startswith(f"{manifest['seed']}:")
    notes = "\n".join(str(v) for row in openpyxl.load_workbook(pack / SHEET).worksheets[1].values for v in row if v)
    assert f"种子 {manifest['seed']} 生成的试卷包（标记 {pack_mark(manifest)}）" in notes


def test_a_pack_built_with_another_seed_has_another_mark(pack: Path, tmp_path: Path) -> None:
    from trainbook.grading.tables import read_table

    build_exams(PACK, tmp_path / "resit", ["pack-exam"], seed=20270115, formats=("html",))
    assert read_table(tmp_path / "resit/pack-exam" / SHEET).mark not in (None, read_table(pack / SHEET).mark)


def test_a_sheet_graded_against_another_packs_manifest_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """The guide's resit, built over the first sitting's pack: the header is the same, the key is
    not; the first sitting's answers marked against it would give wrong scores without a word."""
    args = filled_example(tmp_path, [["P1", "王芳", "A"]], "P1,王芳,客服部,80,80,80,80\n")
    first_seed = json.loads((tmp_path / "exams/cs-basic/manifest.json").read_text(encoding="utf-8"))["seed"]
    build_exams(ROOT / "content", tmp_path / "exams", ["cs-basic"], seed=20270115, formats=("html",))
    assert main(args) == 1
    err = capsys.readouterr().err
    assert f"答卷.xlsx: 这份答卷录入表属于种子 {first_seed} 生成的试卷包" in err
    assert "是种子 20270115 生成的试卷包" in err
    assert f"trainbook exam build cs-basic --seed {first_seed} --out 文件夹" in err
    assert not (tmp_path / "out").exists()


def test_the_sheet_graded_with_its_own_pack_rebuilt_elsewhere_is_accepted(tmp_path: Path) -> None:
    args = filled_example(tmp_path, [["P1", "王芳", "A"]], "P1,王芳,客服部,80,80,80,80\n")
    build_exams(ROOT / "content", tmp_path / "again", ["cs-basic"], formats=("html",))
    args[args.index("--manifest") + 1] = str(tmp_path / "again/cs-basic/manifest.json")
    assert main(args) == 0


def test_the_printed_grading_command_names_every_argument_grade_requires(pack: Path) -> None:
    notes = "\n".join(str(v) for row in openpyxl.load_workbook(pack / SHEET).worksheets[1].values for v in row if v)
    command = next(line for line in notes.splitlines() if "trainbook grade" in line)
    for required in ("--scores", "--responses", "--exam pack-exam", "--out"):
        assert required in command


def test_a_key_corrected_after_the_sitting_keeps_the_packs_mark(manifest: dict) -> None:
    """The examiner fixes a wrong key or a question's points and grades the same sheet again."""
    from trainbook.grading.manifest import pack_mark

    fixed = json.loads(json.dumps(manifest))
    entry = next(e for v in fixed["variants"].values() for e in v if e["type"] == "single")
    entry["answer"] = "D" if entry["answer"] != "D" else "A"
    entry["points"] = entry["points"] + 1
    assert pack_mark(fixed) == pack_mark(manifest)
    entry["order"] = list(reversed(entry["order"]))  # another option order: another paper
    assert pack_mark(fixed) != pack_mark(manifest)
