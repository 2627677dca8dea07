"""Importing an Excel 题库: tolerant headers, answer notations, ids, all-or-nothing, the YAML written."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainbook.interchange import ImportOptions, import_file
from trainbook.model import Choice, FillBlank, Matching, Ordering, ShortAnswer, TrueFalse
from trainbook.validate import validate

from .helpers import load_bank_text, write_xlsx

HEADER = ["题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "解析", "难度", "知识点", "分值"]


def run(tmp_path: Path, rows: list[list[object]], **kw: object) -> tuple[object, Path]:
    """Import *rows* (header first) from a workbook into the mini handbook copy at tmp_path/site."""
    book = write_xlsx(tmp_path / "题库.xlsx", rows)
    out = tmp_path / "site/content/banks/imported.yml"
    opts = ImportOptions(bank="imported", out=out, content=tmp_path / "site/content", **kw)  # type: ignore[arg-type]
    return import_file("xlsx", book, opts), out


@pytest.fixture
def site(tmp_path: Path, mini_site: Path) -> Path:
    # mini_site copies the small valid handbook to tmp_path/site-src; expose it as tmp_path/site.
    (tmp_path / "site").symlink_to(mini_site)
    return mini_site


def questions(result: object) -> list:
    assert result.text is not None, [str(p) for p in result.problems]  # type: ignore[attr-defined]
    bank, report = load_bank_text(result.text)  # type: ignore[attr-defined]
    assert bank is not None and not report.errors
    return list(bank.questions)


def test_common_layout_imports_every_type(tmp_path: Path, site: Path) -> None:
    rows = [
        [
            "编号",
            "题型",
            "题干",
            "选项A",
            "选项B",
            "选项C",
            "选项D",
            "答案",
            "解析",
            "难度",
            "知识点",
            "分值",
            "匹配项",
            "评分要点",
        ],
        [
            "",
            "单选",
            "业主报修漏水，首先应（　）。",
            "登记并派单",
            "让业主自己修",
            "拖到下周",
            "",
            "A",
            "首问负责。",
            "易",
            "报修、首问",
            2,
            "",
            "",
        ],
        [
            "",
            "多选题",
            "投诉处理包括（　）。",
            "受理",
            "核实",
            "推诿",
            "回访",
            "ABD",
            "六步法。",
            "中",
            "投诉",
            3,
            "",
            "",
        ],
        ["", "判断", "客服可以透露业主电话。", "", "", "", "", "错", "隐私。", "难", "", 1, "", ""],
        [
            "",
            "填空",
            "首问负责制的“首问人”是___接待的员工，应在___小时内回复。",
            "",
            "",
            "",
            "",
            "最先|第一个;24",
            "",
            "2",
            "",
            2,
            "",
            "",
        ],
        ["", "排序", "投诉处理的顺序是（　）。", "核实", "受理", "回访", "", "BAC", "", "", "", 3, "", ""],
        [
            "",
            "匹配",
            "把事件与级别连起来。",
            "电梯困人",
            "路灯不亮",
            "",
            "",
            "ba",
            "",
            "",
            "",
            2,
            "一般\n紧急\n咨询",
            "",
        ],
        [
            "",
            "简答",
            "简述首问负责制。",
            "",
            "",
            "",
            "",
            "最先接待的员工负责到底。",
            "",
            "",
            "",
            4,
            "",
            "受理登记（2分）\n跟踪反馈（2分）",
        ],
    ]
    result, out = run(tmp_path, rows)
    qs = questions(result)
    assert [q.type for q in qs] == [
        "single", "multiple", "true_false", "fill_blank", "ordering", "matching", "short_answer",
    ]  # fmt: skip
    assert out.is_file() and result.written  # type: ignore[attr-defined]
    single, multiple, tf, blank, order, match, short = (q.body for q in qs)
    assert isinstance(single, Choice) and single.answer == (0,) and single.options[0] == "登记并派单"
    assert isinstance(multiple, Choice) and multiple.answer == (0, 1, 3)
    assert isinstance(tf, TrueFalse) and tf.answer is False
    assert isinstance(blank, FillBlank) and blank.blanks == (("最先", "第一个"), ("24",))
    assert isinstance(order, Ordering) and order.items == ("受理", "核实", "回访")
    assert isinstance(match, Matching) and match.pairs == (("电梯困人", "紧急"), ("路灯不亮", "一般"))
    assert match.distractors == ("咨询",)
    assert isinstance(short, ShortAnswer) and [p.points for p in short.rubric] == [2, 2]
    assert [q.difficulty for q in qs[:4]] == [1, 2, 3, 2] and qs[0].tags == ("报修", "首问") and qs[1].points == 3
    _, report = validate(site / "content")
    assert not report.errors


@pytest.mark.parametrize(
    "header",
    [
        ["题型", "题干", "选项A", "选项B", "选项C", "答案", "解析"],
        [" 题 型 ", "题　干", "选项１", "选项２", "选项３", "正确答案", "答案解析"],
        ["*题型", "题目内容", "选项 A", "选项 b", "Ｃ", "标准答案：", "试题解析"],
        ["试题类型", "题目", "A", "B", "C", "答案", "解析"],
    ],
)
def test_headers_are_matched_tolerantly(tmp_path: Path, site: Path, header: list[str]) -> None:
    result, _ = run(tmp_path, [header, ["单项选择题", "题干（　）", "甲", "乙", "丙", "B", "因为乙。"]])
    (q,) = questions(result)
    assert isinstance(q.body, Choice) and q.body.options == ("甲", "乙", "丙") and q.body.answer == (1,)
    assert q.explanation == "因为乙。"


def test_a_title_row_and_notes_above_the_header_are_allowed(tmp_path: Path, site: Path) -> None:
    rows = [["物业客服题库（2026）"], ["说明：答案写字母"], HEADER, ["单选", "题干", "甲", "乙", "", "", "A"]]
    result, _ = run(tmp_path, rows)
    assert load_bank_text(result.text)[0].title == "物业客服题库（2026）"  # type: ignore[attr-defined, union-attr]


@pytest.mark.parametrize(
    ("answer", "letters"),
    [("ACD", (0, 2, 3)), ("A,C,D", (0, 2, 3)), ("A、C", (0, 2)), ("a c", (0, 2)), ("Ｂ，Ｄ", (1, 3))],
)
def test_multiple_choice_answer_notations(tmp_path: Path, site: Path, answer: str, letters: tuple[int, ...]) -> None:
    result, _ = run(tmp_path, [HEADER, ["多选", "题干", "甲", "乙", "丙", "丁", answer]])
    (q,) = questions(result)
    assert q.body.answer == letters


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("正确", True),
        ("错误", False),
        ("对", True),
        ("错", False),
        ("√", True),
        ("×", False),
        ("T", True),
        ("F", False),
    ],
)
def test_true_false_answer_notations(tmp_path: Path, site: Path, answer: str, value: bool) -> None:
    result, _ = run(tmp_path, [HEADER, ["判断", "题干", "", "", "", "", answer]])
    (q,) = questions(result)
    assert q.body == TrueFalse(value)


def test_excel_booleans_are_true_false_answers(tmp_path: Path, site: Path) -> None:
    result, _ = run(
        tmp_path, [HEADER, ["判断", "题干", "", "", "", "", True], ["判断", "题干二", "", "", "", "", False]]
    )
    assert [q.body.answer for q in questions(result)] == [True, False]


def test_fill_blank_separators_and_escapes(tmp_path: Path, site: Path) -> None:
    rows = [HEADER, ["填空", "___ 与 ___ 与 ___", "", "", "", "", "甲；乙｜丙;a\\;b|c\\|d"]]
    result, _ = run(tmp_path, rows)
    (q,) = questions(result)
    assert q.body.blanks == (("甲",), ("乙", "丙"), ("a;b", "c|d"))


def test_bad_rows_are_all_reported_and_nothing_is_written(tmp_path: Path, site: Path) -> None:
    rows = [
        HEADER,
        ["单选", "好题", "甲", "乙", "", "", "A"],
        ["单选", "答案超出选项", "甲", "乙", "", "", "E"],
        ["多选", "只给一个字母", "甲", "乙", "丙", "", "B"],
        ["判断", "判断写成字母", "", "", "", "", "B"],
        ["填空", "空数不对 ___", "", "", "", "", "甲;乙"],
        ["问卷", "题型不存在", "", "", "", "", "A"],
        ["单选", "难度不对", "甲", "乙", "", "", "A", "", "很难"],
        ["单选", "", "甲", "乙", "", "", "A"],
    ]
    result, out = run(tmp_path, rows)
    messages = [str(p) for p in result.errors]  # type: ignore[attr-defined]
    book = tmp_path / "题库.xlsx"
    assert [m.split(": ")[0] for m in messages] == [f"{book}:题库:{n}" for n in range(3, 10)]
    assert "nothing under E" in messages[0] and "at least 2 letters" in messages[1]
    assert "not true or false" in messages[2] and "the stem has 1" in messages[3]
    assert "题型 '问卷'" in messages[4] and "难度 '很难'" in messages[5] and "题干" in messages[6]
    assert result.text is None and not out.exists()  # type: ignore[attr-defined]


def test_skip_bad_writes_the_good_rows_and_lists_the_bad(tmp_path: Path, site: Path) -> None:
    rows = [HEADER, ["单选", "好题", "甲", "乙", "", "", "A"], ["单选", "坏题", "甲", "乙", "", "", "Z"]]
    result, out = run(tmp_path, rows, skip_bad=True)
    assert result.skipped == [f"{tmp_path / '题库.xlsx'}:题库:3"]  # type: ignore[attr-defined]
    assert [q.stem for q in questions(result)] == ["好题"] and out.is_file()


def test_new_ids_continue_after_the_highest_in_the_content(tmp_path: Path, site: Path) -> None:
    (site / "content/banks/other.yml").write_text(
        "id: other\ntitle: 其他\nquestions:\n"
        "  - {id: imported-007, type: true_false, stem: 旧题, answer: true, explanation: 说明}\n",
        encoding="utf-8",
    )
    rows = [
        ["编号", *HEADER],
        ["", "单选", "一", "甲", "乙", "", "", "A"],
        ["imported-003", "单选", "二", "甲", "乙", "", "", "B"],
        ["", "单选", "三", "甲", "乙", "", "", "A"],
    ]
    result, _ = run(tmp_path, rows)
    assert [q.id for q in questions(result)] == ["imported-008", "imported-003", "imported-009"]
    _, report = validate(site / "content")
    assert not report.errors


def test_an_id_already_in_the_content_is_a_row_error(tmp_path: Path, site: Path) -> None:
    taken = next(iter(validate(site / "content")[0].questions())).id
    result, _ = run(tmp_path, [["编号", *HEADER], [taken, "单选", "一", "甲", "乙", "", "", "A"]])
    assert result.text is None and f"编号 '{taken}' is already a question id" in str(result.errors[0])  # type: ignore[attr-defined]


def test_reimporting_gives_the_same_ids(tmp_path: Path, site: Path) -> None:
    rows = [HEADER, ["单选", "一", "甲", "乙", "", "", "A"], ["判断", "二", "", "", "", "", "对"]]
    first, _out = run(tmp_path, rows)
    second, _ = run(tmp_path, rows, replace=True)  # --force over its own file: its ids are not collisions
    assert first.text == second.text  # type: ignore[attr-defined]


def test_groups_take_their_sub_questions_from_the_group_column(tmp_path: Path, site: Path) -> None:
    case = next(p.stem for p in (site / "content/cases").glob("*.yml"))
    rows = [
        ["编号", "题型", "题干", "选项A", "选项B", "答案", "题组", "案例", "分值"],
        ["g1", "题组", "阅读案例回答问题。", "", "", "", "", case, ""],
        ["", "单选", "第一问", "甲", "乙", "A", "g1", "", 2],
        ["", "判断", "第二问", "", "", "对", "g1", "", 3],
    ]
    result, _ = run(tmp_path, rows)
    (group,) = questions(result)
    assert group.type == "group" and group.case == case and group.id == "g1"
    assert [s.id for s in group.subs] == ["g1a", "g1b"] and group.total_points == 5


def test_the_yaml_written_is_pleasant_to_edit(tmp_path: Path, site: Path) -> None:
    rows = [HEADER, ["单选", "第一行\n第二行", "甲", "乙", "", "", "A", "解析", "难", "标签一、标签二", 2]]
    _result, out = run(tmp_path, rows)
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    prefix = "# yaml-language-server: $schema="
    assert lines[0].startswith(prefix) and lines[0].endswith("/schemas/bank.schema.json")
    ref = lines[0].removeprefix(prefix)
    assert (Path(ref.removeprefix("file://")) if ref.startswith("file://") else out.parent / ref).is_file()
    assert "第一行" in text and "\\u" not in text  # Chinese as written, not escaped
    assert "    stem: |-\n      第一行\n      第二行\n" in text  # multi-line Markdown as a literal block
    assert "    tags: [标签一, 标签二]\n" in text
    keys = [ln.strip().split(":")[0] for ln in lines if ln.startswith("    ") and not ln.startswith("     ")]
    assert keys == ["type", "stem", "explanation", "tags", "options", "answer"]  # difficulty, points: defaults
    assert "{" not in text  # block style throughout


def test_an_unknown_column_is_a_warning_not_an_error(tmp_path: Path, site: Path) -> None:
    result, _ = run(tmp_path, [[*HEADER, "出题人"], ["单选", "题", "甲", "乙", "", "", "A", "", "", "", "", "张三"]])
    assert result.text is not None  # type: ignore[attr-defined]
    assert any("'出题人' is not known" in str(p) for p in result.problems)  # type: ignore[attr-defined]


def test_a_workbook_without_a_question_header_is_reported(tmp_path: Path, site: Path) -> None:
    result, _ = run(tmp_path, [["姓名", "工号"], ["张三", "001"]])
    assert result.text is None and "no sheet has a header row" in str(result.errors[0])  # type: ignore[attr-defined]


def test_a_file_that_is_not_a_workbook_is_reported(tmp_path: Path, site: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_text("not a zip", encoding="utf-8")
    result = import_file("xlsx", bad, ImportOptions(bank="x", out=tmp_path / "x.yml", content=site / "content"))
    assert result.text is None and "cannot read the workbook" in str(result.errors[0])


def test_an_old_xls_workbook_is_named_with_how_to_save_it_as_xlsx(tmp_path: Path, site: Path) -> None:
    old = tmp_path / "题库.xlsx"  # an Excel 97–2003 file renamed, as trainers do
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    result = import_file("xlsx", old, ImportOptions(bank="x", out=tmp_path / "x.yml", content=site / "content"))
    assert result.text is None
    assert result.errors[0].text("zh") == str(old) + (
        ": error: 无法读取工作簿：这是 Excel 97–2003 工作簿（.xls）或 WPS 表格文件：请用 Excel 或 WPS 打开，"
        "另存为“Excel 工作簿 (*.xlsx)”"
    )


def test_a_formula_saved_without_its_result_is_reported_not_read_as_empty(tmp_path: Path, site: Path) -> None:
    # openpyxl, like most scripts, saves the formula only; Excel and WPS save its result beside it.
    result, out = run(
        tmp_path, [HEADER, ["单选", '=CONCAT("物业","服务")', "甲", "乙", "", "", "A", "", "", "", "", ""]]
    )
    assert result.text is None and not out.exists()  # type: ignore[attr-defined]
    assert [str(p) for p in result.errors] == [  # type: ignore[attr-defined]
        f"{tmp_path / '题库.xlsx'}:题库:2: error: cell B2 holds a formula whose result was never saved in the file: "
        "open it in Excel or WPS, save it, and run again"
    ]
