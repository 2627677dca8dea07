"""Every bad input: FILE:ROW: message, exit 1, no traceback, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainbook_cli.main import main

from .conftest import grade_args


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_last_column(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", encoding="utf-8")


# (file to change, text to replace — or DROP_LAST for the whole last column —, replacement, expected message)
DROP_LAST = "<drop the last column>"
CASES = {
    "missing column": ("scores.csv", DROP_LAST, "", "scores.csv:1: missing column '培训出勤'"),
    "unknown column": ("scores.csv", "培训出勤\n", "培训出勤,加分\n", "scores.csv:1: unknown column '加分'"),
    "score above 100": (
        "scores.csv",
        "E02,李四,客服一部,80,",
        "E02,李四,客服一部,120,",
        "scores.csv:3: column '情景模拟': score 120 is out of range (0 to 100)",
    ),
    "negative score": (
        "scores.csv",
        "E04,赵六,客服二部,70,否,100",
        "E04,赵六,客服二部,70,否,-5",
        "scores.csv:5: column '培训出勤': score -5 is out of range",
    ),
    "score not a number": (
        "scores.csv",
        "E05,钱七,客服二部,75,",
        "E05,钱七,客服二部,七十五,",
        "scores.csv:6: column '情景模拟': expected a score from 0 to 100, found '七十五'",
    ),
    "duplicate person": (
        "scores.csv",
        "E03,王五,",
        "E01,王五,",
        "scores.csv:4: '工号' E01 appears twice (first on row 2)",
    ),
    "veto neither yes nor no": (
        "scores.csv",
        "E04,赵六,客服二部,70,否",
        "E04,赵六,客服二部,70,可能",
        "scores.csv:5: column '情景模拟一票否决': expected 是 or 否, found '可能'",
    ),
    "variant not in manifest": (
        "responses.csv",
        "E03,A,",
        "E03,C,",
        "responses.csv:4: column '试卷': variant 'C' is not in the manifest of 'class-exam'",
    ),
    "letter that is no option": (
        "responses.csv",
        "E07,A,C,",
        "E07,A,E,",
        "responses.csv:8: column '1' (question 'q1'): 'E' is not an option letter here (the paper prints A–D)",
    ),
    "multiple letter that is no option": (
        "responses.csv",
        "E09,A,D,ACD,",
        "E09,A,D,ACX,",
        "responses.csv:10: column '2' (question 'q2'): 'X' is not an option letter here",
    ),
    "matching letter that is no option": (
        "responses.csv",
        ",BCA,ca,2,",
        ",BCA,cd,2,",
        "responses.csv:5: column '6' (question 'q6'): 'd' is not an option letter here (the paper prints a–c)",
    ),
    "true/false mark unknown": (
        "responses.csv",
        "E03,A,A,A,F,",
        "E03,A,A,A,也许,",
        "responses.csv:4: column '3' (question 'q3'): '也许' is not a true/false mark",
    ),
    "short answer over its points": (
        "responses.csv",
        ",ab,4,A,对",
        ",ab,5,A,对",
        "responses.csv:2: column '7' (question 'q7'): 5 points is outside 0 to 4",
    ),
    "response column missing": ("responses.csv", DROP_LAST, "", "responses.csv:1: missing column '8.2'"),
    "response column unknown": ("responses.csv", ",8.2\n", ",8.2,9\n", "responses.csv:1: unknown column '9'"),
    # Typed into a spreadsheet, the header 8.10 becomes the number 8.1: say so, not only "twice".
    "question number that a spreadsheet made twice": (
        "responses.csv",
        ",8.1,8.2\n",
        ",8.1,8.1\n",
        "responses.csv:1: column '8.1' appears twice in the header: a spreadsheet turns a typed 8.10 into"
        " the number 8.1",
    ),
    "duplicate response": (
        "responses.csv",
        "E04,B,",
        "E02,B,",
        "responses.csv:5: '工号' E02 appears twice (first on row 3)",
    ),
    "responses of someone not scored": (
        "responses.csv",
        "E10,B,",
        "E99,B,",
        "responses.csv:11: '工号' E99 is not in the scores file",
    ),
    "manifest question not in the bank": (
        "manifest.json",
        '"id": "q7"',
        '"id": "q99"',
        "manifest.json: variant 'A' item 7: question 'q99' is not in any bank",
    ),
    "manifest points that are not a number": (
        "manifest.json",
        '"id": "q2", "section": 1, "type": "multiple", "points": 2',
        '"id": "q2", "section": 1, "type": "multiple", "points": "2"',
        "manifest.json: variant 'A' item 2: 'points' must be a number of 0 or more, found \"2\"",
    ),
    # Python's JSON reader takes NaN, Infinity and integers of any length; no paper is worth them.
    "manifest points NaN": (
        "manifest.json",
        '"id": "q2", "section": 1, "type": "multiple", "points": 2',
        '"id": "q2", "section": 1, "type": "multiple", "points": NaN',
        "manifest.json: variant 'A' item 2: 'points' must be a number of 0 or more, found NaN",
    ),
    "manifest points beyond any float": (
        "manifest.json",
        '"id": "q2", "section": 1, "type": "multiple", "points": 2',
        '"id": "q2", "section": 1, "type": "multiple", "points": 1' + "0" * 400,
        "manifest.json: variant 'A' item 2: 'points' must be a number of 0 or more, found 1000",
    ),
    "manifest points negative": (
        "manifest.json",
        '"id": "q2", "section": 1, "type": "multiple", "points": 2',
        '"id": "q2", "section": 1, "type": "multiple", "points": -2',
        "manifest.json: variant 'A' item 2: 'points' must be a number of 0 or more, found -2",
    ),
    "manifest number listed twice": (
        "manifest.json",
        '{"no": "2", "id": "q2"',
        '{"no": "1", "id": "q2"',
        "manifest.json: variant 'A' item 2: number '1' is already an item of variant 'A'",
    ),
    "manifest of another format": (
        "manifest.json",
        "trainbook-exam-manifest/1",
        "trainbook-exam-manifest/9",
        "manifest.json: expected 'format': 'trainbook-exam-manifest/1'",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_reported_with_file_and_row_and_nothing_is_written(
    case: str, class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    name, old, new, message = CASES[case]
    if old == DROP_LAST:
        drop_last_column(class_dir / name)
    else:
        edit(class_dir / name, old, new)
    assert main(grade_args()) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err and "nothing was written" in err
    assert not (class_dir / "out").exists()
    assert not [p for p in class_dir.iterdir() if p.name.startswith(".")]  # no staging folder left


def name_e02(class_dir: Path, name: str) -> None:
    """The responses get a 姓名 column (the last), filled in for E02 only (李四 in the scores)."""
    edit(class_dir / "responses.csv", ",8.2\n", ",8.2,姓名\n")
    row = "E02,B,B,×,bd,首问责任制；24,ABC,ca,3,A,√"
    edit(class_dir / "responses.csv", row, f"{row},{name}")


def test_a_name_that_is_not_the_scores_sheets_for_that_id_is_an_error(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An optional 姓名 column catches a mistyped 工号, which would give someone else the marks.
    name_e02(class_dir, "王五")
    assert main(grade_args()) == 1
    err = capsys.readouterr().err
    assert "responses.csv:3: '姓名' is 王五, but '工号' E02 is 李四 in the scores file scores.csv" in err
    assert "nothing was written" in err and not (class_dir / "out").exists()


def test_a_name_column_that_agrees_with_the_scores_sheet_is_accepted(class_dir: Path) -> None:
    name_e02(class_dir, "李　四")
    assert main(grade_args()) == 0


def test_all_problems_are_reported_at_once(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(class_dir / "scores.csv", "E02,李四,客服一部,80,", "E02,李四,客服一部,120,")
    edit(class_dir / "responses.csv", "E07,A,C,", "E07,A,E,")
    assert main(grade_args()) == 1
    err = capsys.readouterr().err
    assert "scores.csv:3:" in err and "responses.csv:8:" in err


def test_a_failed_run_leaves_earlier_results_untouched(class_dir: Path) -> None:
    assert main(grade_args()) == 0
    before = {p.name: p.read_bytes() for p in (class_dir / "out").iterdir()}
    edit(class_dir / "scores.csv", "E03,王五,", "E01,王五,")
    assert main(grade_args()) == 1
    assert {p.name: p.read_bytes() for p in (class_dir / "out").iterdir()} == before


@pytest.mark.parametrize("out", ["content/results", "site/grades", "site"])
def test_results_are_never_written_into_the_site_or_the_content(
    out: str, class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (class_dir / "site").mkdir()
    assert main(grade_args(out)) == 1
    assert "results are personal data" in capsys.readouterr().err
    assert not (class_dir / out / "results.csv").exists()


def test_a_missing_manifest_says_how_to_make_one(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [a for a in grade_args() if a not in ("--manifest", "manifest.json")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "dist/exams/class-exam/manifest.json: exam manifest not found" in err


def test_an_unknown_scheme_is_named(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = grade_args()
    args[1] = "no-such-scheme"
    assert main(args) == 1
    assert "scheme 'no-such-scheme' does not exist (schemes: class-scheme)" in capsys.readouterr().err


def test_scores_saved_as_an_old_xls_say_how_to_save_them_as_xlsx(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (class_dir / "scores.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    args = grade_args()
    args[args.index("scores.csv")] = "scores.xlsx"
    assert main([*args, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "scores.xlsx: cannot be read as xlsx: it is an Excel 97–2003 workbook (.xls) or a WPS spreadsheet" in err
    assert "save it as an Excel workbook (*.xlsx)" in err and "Traceback" not in err


def test_a_manifest_that_is_not_json_is_an_error(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (class_dir / "manifest.json").write_text("{not json", encoding="utf-8")
    assert main(grade_args()) == 1
    assert "manifest.json: not a valid JSON manifest" in capsys.readouterr().err
    assert json  # the module is used for the fixture format above


def test_problems_are_in_chinese_with_lang_zh(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(class_dir / "scores.csv", "E02,李四,客服一部,80,", "E02,李四,客服一部,120,")
    edit(class_dir / "responses.csv", "E07,A,C,", "E07,A,E,")
    assert main(grade_args("out", "--lang", "zh")) == 1
    err = capsys.readouterr().err
    assert "scores.csv:3: 列 '情景模拟'：分数 120 超出范围（0 到 100）" in err
    assert "responses.csv:8: 列 '1'（题目 'q1'）：'E' 不是这道题的选项字母（试卷上印的是 A–D）" in err
    assert "2 个问题；没有写出任何文件" in err
    assert "out of range" not in err


def test_problems_follow_the_handbook_language(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (class_dir / "mkdocs.yml").write_text("site_name: 培训手册\ntheme:\n  language: zh\n", encoding="utf-8")
    edit(class_dir / "scores.csv", "E03,王五,", "E01,王五,")
    assert main(grade_args()) == 1
    assert "scores.csv:4: '工号' E01 出现了两次（第一次在第 2 行）" in capsys.readouterr().err


def test_a_graded_run_is_summed_up_in_the_chosen_language(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(grade_args("out", "--lang", "zh")) == 0
    assert "out：已评 10 人，" in capsys.readouterr().err


def test_a_scheme_with_two_components_of_one_name_is_refused_before_grading(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The score sheet's columns are found by component name: one 培训出勤 column would have scored both.
    edit(class_dir / "content/schemes/class-scheme.yml", "name: 情景模拟", "name: 培训出勤")
    assert main(grade_args("out", "--lang", "en", responses=False)) == 1
    err = capsys.readouterr().err
    assert "content/schemes/class-scheme.yml:5:27: error: component name '培训出勤' is used twice" in err
    assert "content/schemes/class-scheme.yml:6:28: error: component name '培训出勤' is used twice" in err
    assert not (class_dir / "out").exists()


def test_an_exam_the_scheme_does_not_use_is_refused_rather_than_zeroing_the_written_part(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exams = class_dir / "content/exams"
    text = (exams / "class-exam.yml").read_text(encoding="utf-8")
    (exams / "other-exam.yml").write_text(text.replace("id: class-exam", "id: other-exam", 1), encoding="utf-8")
    assert main(grade_args("out", "--exam", "other-exam")) == 1
    err = capsys.readouterr().err
    assert "scheme 'class-scheme' has no component for exam 'other-exam' (its components' exams: class-exam)" in err
    assert not (class_dir / "out").exists()


def test_a_folder_given_as_the_scores_says_it_is_a_folder(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (class_dir / "scores").mkdir()
    args = grade_args()
    args[args.index("scores.csv")] = "scores"
    assert main([*args, "--lang", "zh"]) == 1
    assert "scores: 这是文件夹，请给出表格文件" in capsys.readouterr().err


def test_a_workbook_renamed_to_txt_is_named_as_a_workbook(class_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["工号", "姓名"])
    book.save(class_dir / "scores.txt")
    args = grade_args()
    args[args.index("scores.csv")] = "scores.txt"
    assert main([*args, "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "scores.txt: 这是一个 Excel 工作簿，文件名却是 '.txt'" in err and "codec" not in err


def test_excels_unicode_text_with_tabs_grades_like_the_csv(class_dir: Path) -> None:
    text = (class_dir / "scores.csv").read_text(encoding="utf-8").replace(",", "\t")
    (class_dir / "scores.txt").write_bytes(text.encode("utf-16"))  # with its byte order mark, as Excel saves it
    args = grade_args("unicode")
    args[args.index("scores.csv")] = "scores.txt"
    assert main(args) == 0
    assert main(grade_args("csv")) == 0
    assert (class_dir / "unicode/results.csv").read_bytes() == (class_dir / "csv/results.csv").read_bytes()


def test_text_in_neither_utf8_nor_gb18030_asks_for_csv_utf8(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (class_dir / "scores.csv").write_bytes(b"\x81\x30\x81")  # a cut-off GB18030 sequence: not text
    assert main([*grade_args(), "--lang", "zh"]) == 1
    err = capsys.readouterr().err
    assert "scores.csv: 文本既不是 UTF-8 也不是 GB18030（GBK）编码" in err and "codec" not in err


def test_the_packs_manifest_csv_given_as_the_manifest_points_to_manifest_json(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (class_dir / "manifest.csv").write_text("\ufeffvariant,no\n", encoding="utf-8")
    args = grade_args()
    args[args.index("manifest.json")] = "manifest.csv"
    assert main([*args, "--lang", "zh"]) == 1
    assert "manifest.csv: 'manifest.csv' 不是试卷包的 manifest.json" in capsys.readouterr().err


def test_exam_without_responses_is_a_usage_error_not_ignored(
    class_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*grade_args(responses=False), "--exam", "class-exam", "--lang", "zh"]) == 2
    assert "--exam 和 --manifest 要和 --responses（要判分的答卷）一起用" in capsys.readouterr().err
    assert not (class_dir / "out").exists()
