"""Messages a Chinese trainer can act on, one per mistake, at the line where it starts.

Every validator message exists in Chinese and English (one table, trainbook.messages); the
command line follows the handbook's language (mkdocs.yml theme.language), ``--lang``
overrides it. The English of tests/core/test_bad_inputs.py stays as it was.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from tests.core.test_bad_inputs import CASES, Case, place
from trainbook.messages import MESSAGES, Text, handbook_language, localize, msg
from trainbook.validate import validate
from trainbook_cli.main import main

CJK = re.compile(r"[\u3400-\u9fff]")


def fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


@pytest.mark.parametrize("name", sorted(MESSAGES))
def test_every_message_of_the_table_has_chinese_taking_the_same_values(name: str) -> None:
    en, zh = MESSAGES[name]
    assert fields(en) <= fields(zh), f"{name}: the Chinese drops {fields(en) - fields(zh)}"
    if re.search(r"[A-Za-z]{2}", re.sub(r"\{[^}]*\}", "", en)):  # English words need Chinese ones
        assert CJK.search(zh), f"{name}: no Chinese in {zh!r}"


def test_a_message_puts_composed_phrases_into_chinese_with_spaces_only_at_their_edges() -> None:
    what = msg("what.question", id="q1")
    text = msg("read.not_text", key="stem", what=what, found=msg("value.text", value="一、单选"))
    assert str(text) == "key 'stem' of question 'q1' must be text, found the text '一、单选'"
    assert text.zh == "题目 'q1' 的键 'stem' 应为文本，实际是文本 '一、单选'"


def test_a_message_survives_pickling_with_both_languages() -> None:
    import pickle

    text = pickle.loads(pickle.dumps(msg("file.empty")))
    assert isinstance(text, Text) and (str(text), text.zh) == ("file is empty", "文件是空的")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_bad_input_is_reported_in_chinese_too(mini_site: Path, case: Case) -> None:
    place(mini_site, case)
    _, report = validate("content")
    assert report.items
    for d in report.items:
        zh = localize(d.message, "zh")
        assert CJK.search(zh) and zh != d.message, f"no Chinese for: {d}"


# -- what Chinese keyboards type -------------------------------------------------------------

BANK_HEAD = "id: typed\ntitle: 输入法\nmodule: complaint-handling\nquestions:\n"
QUESTION = "  - id: typed-1\n    type: single\n    stem: 选哪个？\n    options: [甲, 乙]\n    explanation: 甲。\n"

TYPED = [
    # (what, bank text after the head, line, column, English, Chinese)
    (
        "full-width colon",
        QUESTION + "    answer：A\n",
        10,
        5,
        "the colon after 'answer' is a full-width '：'",
        "'answer' 后面是全角冒号“：”",
    ),
    (
        "full-width colon before the next key",
        "  - id: typed-1\n    type: single\n    answer：A\n    stem: 选哪个？\n    options: [甲, 乙]\n",
        7,
        5,
        "full-width '：'",
        "全角冒号",
    ),
    (
        "full-width-space indentation",
        "  - id: typed-1\n    type: single\n\u3000\u3000answer: A\n    stem: 选哪个？\n    options: [甲, 乙]\n",
        7,
        1,
        "indented with full-width spaces",
        "用全角空格“　”缩进",
    ),
    (
        "Chinese quotes around a value holding ': '",
        QUESTION + "    answer: A\n    source: “规定: 先登记”\n",
        11,
        13,
        "Chinese quotes “…” are ordinary characters to YAML",
        "中文引号“…”在 YAML 里只是普通字符",
    ),
    (
        "no space after the colon",
        "  - id: typed-1\n    type: single\n    answer:A\n    stem: 选哪个？\n",
        7,
        5,
        "'answer:' needs a space after the colon",
        "冒号后面要有一个空格",
    ),
    (
        "a tab",
        QUESTION + "\tanswer: A\n",
        10,
        1,
        "YAML does not allow tabs for indentation",
        "YAML 不允许用 Tab（制表符）缩进",
    ),
    (
        "an unclosed [",
        "  - id: typed-1\n    type: single\n    options: [甲, 乙\n    stem: 选哪个？\n    answer: A\n",
        7,
        14,
        "a '[' opened here is never closed with ']'",
        "这里开始的 '[' 一直没有用 ']' 闭合",
    ),
    (
        "Chinese quotes around an answer letter",
        QUESTION + "    answer: “A”\n",
        10,
        13,
        "“…” are Chinese quotes, which YAML keeps as part of the value",
        "“…”是中文引号",
    ),
    (
        "Chinese quotes around a pool",
        QUESTION + "    answer: A\n    pool: “exam”\n",
        11,
        11,
        "must be one of practice, exam, found the text '“exam”'; “…” are Chinese quotes",
        "“…”是中文引号，YAML 会把它们当作值的一部分",
    ),
    (
        "、 between list items",
        QUESTION + "    answer: A\n    objectives: [cmp-1、cmp-2]\n",
        11,
        18,
        "'、' and '，' do not separate list items",
        "'、' 和 '，' 不能分隔列表项",
    ),
    (
        "， between list items",
        QUESTION + "    answer: A\n    objectives: cmp-1，cmp-2\n",
        11,
        17,
        "'、' and '，' do not separate list items",
        "不能分隔列表项",
    ),
    (
        "对 for a true/false answer",
        "  - id: typed-1\n    type: true_false\n    stem: 对吗？\n    explanation: 对。\n    answer: 对\n",
        9,
        13,
        "write true for 对/是/正确 and false for 错/否/错误",
        "“对/是/正确”写 true",
    ),
    (
        "a full-width answer letter",
        QUESTION + "    answer: Ａ\n",
        10,
        13,
        "'Ａ' is typed in full-width",
        "'Ａ' 是全角字符",
    ),
    (
        "a full-width digit",
        QUESTION + "    answer: A\n    difficulty: ２\n",
        11,
        17,
        "must be a whole number, found the text '２'; '２' is typed in full-width",
        "请把输入法切到半角",
    ),
    (
        "options written as one text with 、",
        "  - id: typed-1\n    type: single\n    stem: 选哪个？\n    options: 甲、乙\n    answer: A\n"
        "    explanation: 甲。\n",
        8,
        14,
        "must be a list, found the text '甲、乙'; '、' and '，' do not separate list items",
        "不能分隔列表项",
    ),
    (
        "options as one list item joined with 、",
        "  - id: typed-1\n    type: single\n    stem: 选哪个？\n    options: [甲、乙、丙]\n    answer: B\n"
        "    explanation: 乙。\n",
        8,
        5,
        "needs 2 to 8 options, found 1; '、' and '，' do not separate list items",
        "不能分隔列表项",
    ),
    (
        "a key swallowed by the text above it",
        "  - id: typed-1\n    type: single\n    stem: 选哪个？\n      answer：A\n    options: [甲, 乙]\n"
        "    explanation: 甲。\n",
        5,
        5,
        "is missing required key 'answer'; the text of 'stem' holds 'answer：'",
        "'stem' 的文本里有 'answer：'",
    ),
    (
        "a key indented deeper than the one above",
        "  - id: typed-1\n    type: single\n    stem: 选哪个？\n      answer: A\n    options: [甲, 乙]\n"
        "    explanation: 甲。\n",
        8,
        7,
        "'answer:' is indented more than the line above",
        "'answer:' 比上一行缩进得多",
    ),
    (
        "a key indented with a full-width space that YAML still reads",
        QUESTION + "    answer: A\n\u3000tags: [a]\n",
        11,
        1,
        "the key is indented with full-width spaces",
        "这个键前面是全角空格",
    ),
]


@pytest.mark.parametrize(("body", "line", "col", "en", "zh"), [t[1:] for t in TYPED], ids=[t[0] for t in TYPED])
def test_a_mistake_chinese_keyboards_make_gets_one_specific_message_at_its_line(
    mini_site: Path, body: str, line: int, col: int, en: str, zh: str
) -> None:
    (mini_site / "content/banks/typed.yml").write_text(BANK_HEAD + body, encoding="utf-8")
    _, report = validate("content")
    [d] = report.items
    assert (d.pos.path, d.pos.line, d.pos.col) == ("content/banks/typed.yml", line, col), str(d)
    assert en in d.message, d.message
    assert zh in localize(d.message, "zh"), localize(d.message, "zh")


# -- one mistake, one message ----------------------------------------------------------------


def break_line(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_bank_that_cannot_be_parsed_is_one_error_where_it_starts_not_a_cascade(mini_site: Path) -> None:
    # The exam blueprint and the module page of the mini site both use bank 'mini'.
    bank = mini_site / "content/banks/mini.yml"
    line = break_line(bank, "要求先缴费, 下周再说]", "要求先缴费, 下周再说")
    _, report = validate("content")
    assert [(d.pos.path, d.pos.line, d.severity) for d in report.items] == [("content/banks/mini.yml", line, "error")]
    assert "never closed" in report.items[0].message


def test_a_case_study_that_cannot_be_parsed_is_not_reported_again_from_its_references(mini_site: Path) -> None:
    case = mini_site / "content/cases/night-lift.yml"
    case.write_text(case.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    _, report = validate("content")
    assert [d.pos.path for d in report.items] == ["content/cases/night-lift.yml"]


def test_front_matter_that_cannot_be_parsed_does_not_make_its_objectives_unknown(mini_site: Path) -> None:
    page = mini_site / "content/handbook/modules/complaints.md"
    break_line(page, "title: 投诉处理", "title：投诉处理")
    _, report = validate("content")
    assert {d.pos.path for d in report.items} == {"content/handbook/modules/complaints.md"}, report.sorted()


def test_a_question_that_cannot_be_read_is_not_reported_again_from_exams_and_pages(mini_site: Path) -> None:
    # The mini exam draws the group m-group by id; the module page's quiz names it too.
    bank = mini_site / "content/banks/mini.yml"
    line = break_line(bank, "type: group", "type: grop")
    _, report = validate("content")
    assert [(d.pos.path, d.pos.line) for d in report.items] == [("content/banks/mini.yml", line)], report.sorted()


def test_a_refused_answer_letter_is_not_counted_again(mini_site: Path) -> None:
    bank = mini_site / "content/banks/typed.yml"
    bank.write_text(BANK_HEAD + QUESTION + "    answer: E\n", encoding="utf-8")
    _, report = validate("content")
    assert [d.message for d in report.items] == [
        "key 'answer' of question 'typed-1': letter E has no option (there are 2 options, A–B)"
    ]


# -- which language ----------------------------------------------------------------------------


def test_the_command_line_speaks_the_handbooks_language(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_site / "content/forms/extra.yml").write_text("id: x\ntitle: t\nfeilds: [a]\n", encoding="utf-8")
    assert main(["validate", "content"]) == 0  # the mini handbook is theme.language: zh
    out = capsys.readouterr()
    assert "content/forms/extra.yml:3:1: warning: 表单中有未知的键 'feilds'（已忽略）" in out.out
    assert "content：0 个错误，1 个警告" in out.err


def test_lang_overrides_the_handbooks_language(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_site / "content/forms/extra.yml").write_text("id: x\ntitle: t\nfeilds: [a]\n", encoding="utf-8")
    assert main(["validate", "content", "--lang", "en", "--format", "json"]) == 0
    [problem] = json.loads(capsys.readouterr().out)["problems"]
    assert problem["message"].startswith("unknown key 'feilds' in the form (ignored)")


def test_json_and_github_output_speak_the_handbooks_language(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "content/forms/extra.yml").write_text("id: x\ntitle: t\nfeilds: [a]\n", encoding="utf-8")
    assert main(["validate", "content", "--format", "json"]) == 0
    [problem] = json.loads(capsys.readouterr().out)["problems"]
    assert problem["message"].startswith("表单中有未知的键 'feilds'") and problem["severity"] == "warning"
    assert main(["validate", "content", "--format", "github"]) == 0
    assert "title=trainbook::表单中有未知的键 'feilds'" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("config", "language"),
    [
        (None, "en"),
        ("site_name: x\n", "en"),
        ("site_name: x\ntheme:\n  name: material\n  language: zh\n", "zh"),
        ("theme:\n  name: material\n  language: zh-Hans\n", "zh"),
        ("theme:\n  name: material\n  language: en\n", "en"),
        (
            "theme:\n  language: zh\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
            "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
            "zh",
        ),
    ],
    ids=["no mkdocs.yml", "no theme", "zh", "zh-Hans", "en", "python tags"],
)
def test_the_handbooks_language_comes_from_mkdocs_yml(tmp_path: Path, config: str | None, language: str) -> None:
    if config is not None:
        (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert handbook_language(tmp_path) == language


def test_a_handbook_without_mkdocs_yml_gets_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "nowhere"]) == 1
    assert "content folder does not exist" in capsys.readouterr().out
    assert main(["validate", "nowhere", "--lang", "zh"]) == 1
    assert "内容文件夹不存在" in capsys.readouterr().out


def test_a_command_that_needs_clean_content_says_so_in_the_handbooks_language(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "content/banks/typed.yml").write_text(BANK_HEAD + QUESTION + "    answer: E\n", encoding="utf-8")
    assert main(["stats", "--content", "content"]) == 1
    err = capsys.readouterr().err
    assert "字母 E 没有对应的选项" in err and "stats 需要没有错误的内容" in err


def test_remembered_messages_are_filled_as_before() -> None:
    # Labels with whole numbers only are made once; 1 and True and 1.0 still fill differently.
    for _ in range(2):
        label = msg("what.question_n", n=3)
        assert (str(label), label.zh) == ("question 3", "第 3 题")
        assert msg("what.question_n", n=3) is label
        assert (str(msg("read.range_between", lo=1, hi=True)), msg("read.range_between", lo=1, hi=True).zh) == (
            "from 1 to true",
            "在 1 到 true 之间",
        )
        assert str(msg("read.range_between", lo=1, hi=1.0)) == "from 1 to 1.0"


# -- an explanation that names shuffled options by letter ------------------------------------


LETTERED = "  - id: typed-1\n    type: single\n    stem: 选哪个？\n    options: [甲, 乙, 丙]\n    answer: A\n"


@pytest.mark.parametrize("explanation", ["B 项只顾一方。", "乙、丙都不对，所以选 A。", "A、C 都对。", "选 A。"])
def test_an_explanation_naming_shuffled_options_by_letter_is_a_warning(mini_site: Path, explanation: str) -> None:
    """The site and the papers shuffle the options: "B 项" would point at another option."""
    bank = BANK_HEAD + LETTERED + f"    explanation: {explanation}\n"
    (mini_site / "content/banks/typed.yml").write_text(bank, encoding="utf-8")
    _, report = validate("content")
    [d] = report.items
    assert (d.severity, d.pos.line, d.pos.col) == ("warning", 10, 5)
    assert "names options by letter" in d.message and "shuffle: false" in d.message


@pytest.mark.parametrize(
    "extra",
    [
        "    explanation: B 项只顾一方。\n    shuffle: false\n",
        "    explanation: 送到 A 座前台，再到 3 号楼。\n",
        "    explanation: A、B 类火灾都可以用干粉灭火器扑救。\n",
    ],
    ids=["options kept in order", "a letter that names no option", "letters naming classes"],
)
def test_letters_in_an_explanation_are_fine_when_they_cannot_mislead(mini_site: Path, extra: str) -> None:
    (mini_site / "content/banks/typed.yml").write_text(BANK_HEAD + LETTERED + extra, encoding="utf-8")
    _, report = validate("content")
    assert report.items == []
