"""Importing the common plain-text layout: 1. 题干 / A. 选项 / 答案：B / 解析：…"""

from __future__ import annotations

from pathlib import Path

from trainbook.interchange import ImportOptions, import_file
from trainbook.interchange.text import parse
from trainbook.model import Choice, FillBlank, ShortAnswer, TrueFalse
from trainbook.validate import validate
from trainbook_cli.main import main

from .helpers import load_bank_text

SAMPLE = """\
一、单项选择题（每题 2 分）
1. 业主来电反映楼上漏水，客服首先应当（　）。
A. 记录并立即派维修人员查看
B、让业主自己找楼上协商
C．等下周统一处理
D. 要求先缴清物业费
答案：A
解析：首问负责制要求立即受理。
还要跟踪到底。

2. 首问人是指（　）。
A. 最先接待的员工  B. 部门经理  C. 项目经理  D. 业委会主任
【答案】A

二、多项选择题
3. 投诉处理六步法包括（　）。
A. 受理
B. 核实
C. 推诿
D. 回访
答案：ABD
难度：难  分值：3

三、判断题
4. 客服可以把业主电话告诉快递员。
答案：×

5. 接到投诉应当先安抚情绪。
答案：√
解析：先处理心情，再处理事情。

四、填空题
6. 一般投诉应在___小时内回复，重大投诉应在___小时内上报。
答案：24；2|两

五、简答题
7. 简述首问负责制的要求。
答案：最先接待的员工负责受理、
转交并跟踪到底。
"""


def test_the_common_text_layout_imports_every_question(tmp_path: Path, mini_site: Path) -> None:
    source = tmp_path / "题库.txt"
    source.write_text(SAMPLE, encoding="utf-8")
    out = mini_site / "content/banks/text.yml"
    result = import_file("text", source, ImportOptions(bank="text", out=out, content=mini_site / "content"))
    assert result.text is not None, [str(p) for p in result.problems]
    bank, report = load_bank_text(result.text)
    assert bank is not None and not report.errors
    qs = bank.questions
    assert [q.type for q in qs] == [
        "single",
        "single",
        "multiple",
        "true_false",
        "true_false",
        "fill_blank",
        "short_answer",
    ]
    first = qs[0]
    assert isinstance(first.body, Choice) and first.body.options[1] == "让业主自己找楼上协商"
    assert first.explanation == "首问负责制要求立即受理。\n还要跟踪到底。" and first.points == 2
    assert qs[1].body == Choice(("最先接待的员工", "部门经理", "项目经理", "业委会主任"), (0,))
    assert qs[2].body.answer == (0, 1, 3) and qs[2].difficulty == 3 and qs[2].points == 3
    assert qs[3].body == TrueFalse(False) and qs[4].body == TrueFalse(True)
    assert qs[5].body == FillBlank((("24",), ("2", "两")))
    assert isinstance(qs[6].body, ShortAnswer) and qs[6].body.reference == "最先接待的员工负责受理、\n转交并跟踪到底。"
    assert out.is_file()
    _, full = validate(mini_site / "content")
    assert not full.errors


def test_without_headings_the_type_is_read_from_the_answer() -> None:
    rows, problems = parse(
        "1. 甲（　）\nA. 一\nB. 二\n答案：AB\n\n2. 乙\n答案：正确\n\n3. 丙是___\n答案：丁\n", "t.txt"
    )
    assert not problems
    from trainbook.interchange.rows import type_of

    assert [type_of(r) for r in rows] == ["multiple", "true_false", "fill_blank"]
    assert [r.where for r in rows] == ["t.txt:1", "t.txt:6", "t.txt:9"]


def test_text_problems_name_the_file_and_line(tmp_path: Path, mini_site: Path) -> None:
    source = tmp_path / "bad.txt"
    source.write_text("1. 好题\nA. 甲\nB. 乙\n答案：A\n\n2. 坏题\nA. 甲\nB. 乙\n答案：C\n", encoding="utf-8")
    out = mini_site / "content/banks/bad.yml"
    result = import_file("text", source, ImportOptions(bank="bad", out=out, content=mini_site / "content"))
    assert [str(p).split(": error: ")[0] for p in result.errors] == [f"{source}:6"]
    assert result.text is None and not out.exists()


def test_gb18030_text_from_windows_tools_is_read(tmp_path: Path, mini_site: Path) -> None:
    source = tmp_path / "gbk.txt"
    source.write_bytes("1. 判断：客服应当微笑服务。\n答案：对\n".encode("gb18030"))
    out = mini_site / "content/banks/gbk.yml"
    result = import_file("text", source, ImportOptions(bank="gbk", out=out, content=mini_site / "content"))
    assert result.text is not None and "客服应当微笑服务" in result.text


BAD_ANSWER = "1. 好题\nA. 甲\nB. 乙\n答案：A\n\n2. 坏题\nA. 甲\nB. 乙\n答案：C\n"


def test_import_problems_speak_the_handbooks_language(tmp_path: Path, mini_site: Path, capsys) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(BAD_ANSWER, encoding="utf-8")
    assert main(["import", "text", str(source), "--bank", "bad"]) == 1
    err = capsys.readouterr().err
    assert f"{source}:6: error: 答案 'C'：没有 C 这一项（只有 A–B）" in err
    assert "content/banks/bad.yml：没有写出文件（1 个错误）" in err


def test_import_problems_in_english_with_lang_en(tmp_path: Path, mini_site: Path, capsys) -> None:
    source = tmp_path / "bad.txt"
    source.write_text(BAD_ANSWER, encoding="utf-8")
    assert main(["import", "text", str(source), "--bank", "bad", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert f"{source}:6: error: answer 'C': there is nothing under C (only A–B)" in err
    assert "content/banks/bad.yml: nothing written (1 error(s))" in err


def test_a_second_answer_line_is_reported_not_joined_into_a_short_answer() -> None:
    # The second question lost its number: its 答案 became a second answer of the first.
    _rows, problems = parse("1. 业主可以查阅物业服务合同。\n答案：对\n业委会可以查阅吗？\n答案：错\n", "t.txt")
    assert [p.where for p in problems] == ["t.txt:4"]
    assert "line 2" in str(problems[0])
