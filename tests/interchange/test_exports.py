"""Exports: Moodle XML, GIFT, QTI 2.1, Aiken — structure, mapping per type, escaping, losses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from trainbook.draw import draw_paper
from trainbook.interchange import aiken, gift, moodle, qti, select
from trainbook.interchange.losses import Losses
from trainbook.interchange.select import Selection, from_banks
from trainbook.model import Project
from trainbook_cli.main import main

from .helpers import load_bank_text
from .structure import check_moodle, check_qti_item, check_qti_package, gift_unescape, parse_gift

BANK = r"""
id: sample
title: 样例题库
defaults: {points: 2}
questions:
  - id: s-single
    type: single
    stem: 下列说法正确的是（　）。
    options: [以上都对, 甲, 乙]
    answer: A
    shuffle: false
    explanation: 顺序有意义。
    tags: [顺序, 报修]
  - id: s-multi
    type: multiple
    stem: 选出正确项（　）。
    options: [一, 二, 三, 四, 五, 六, 七]
    answer: ABC
    partial: true
    explanation: 三个对。
  - id: s-special
    type: single
    stem: 'GIFT 特殊字符 ~ = # { } : 与反斜杠 \ 都要转义'
    options: ['a = b', '{x}', 'c ~ d', 'e#f:g\h']
    answer: B
    explanation: '解析里也有 {#}'
  - id: s-tf
    type: true_false
    stem: 判断题。
    answer: false
    explanation: 错。
  - id: s-blank1
    type: fill_blank
    stem: 首问人是___接待的员工。
    answer: [[最先, 第一个]]
    explanation: 说明。
  - id: s-blank2
    type: fill_blank
    stem: ___ 小时内回复，___ 小时内上报。
    answer: ['24', '2}']
    points: 4
    explanation: 说明。
  - id: s-order
    type: ordering
    stem: 排出顺序。
    items: [受理, 核实, 回复]
    explanation: 说明。
  - id: s-match
    type: matching
    stem: 连线。
    pairs: [[电梯困人, 紧急], [路灯不亮, 一般]]
    distractors: [咨询]
    explanation: 说明。
  - id: s-short
    type: short_answer
    stem: 简述首问负责制。
    reference: 最先接待的员工**负责到底**。
    rubric: [{point: 受理登记, points: 1}, {point: 跟踪反馈, points: 1}]
    explanation: 说明。
  - id: s-group
    type: group
    stem: 阅读材料：业主投诉噪音。
    explanation: 说明。
    pool: exam
    questions:
      - {id: s-group-a, type: true_false, stem: 应当登记。, answer: true, explanation: 是。}
      - {id: s-group-b, type: single, stem: 首先（　）。, options: [安抚, 争辩], answer: A, explanation: 是。}
"""


@pytest.fixture(scope="module")
def sample() -> Project:
    bank, report = load_bank_text(BANK, "sample.yml")
    assert bank is not None and not report.errors, report.errors
    return Project("content", "content/handbook", banks=(bank,))


@pytest.fixture(scope="module")
def sample_selection(sample: Project) -> Selection:
    return from_banks(sample, [])


# -- Moodle ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def moodle_xml(sample_selection: Selection) -> tuple[etree._Element, Losses, bytes]:
    data, losses = moodle.build(sample_selection, {})
    return etree.fromstring(data), losses, data


def by_name(root: etree._Element, name: str) -> etree._Element:
    return root.xpath(f"question[name/text='{name}']")[0]


def test_moodle_export_of_the_sample_passes_the_structural_check(moodle_xml) -> None:
    assert check_moodle(moodle_xml[2]) == []


def test_moodle_export_of_every_example_bank_passes_the_structural_check(example: Project) -> None:
    data, _ = moodle.build(select(example, [], None, None, "any"), {c.id: c for c in example.cases})
    assert check_moodle(data) == []
    categories = etree.fromstring(data).xpath("question[@type='category']/idnumber/text()")
    assert categories == [b.id for b in example.banks]


def test_moodle_maps_each_type(moodle_xml) -> None:
    root = moodle_xml[0]
    types = {q.findtext("name/text"): q.get("type") for q in root.findall("question") if q.get("type") != "category"}
    assert types == {
        "s-single": "multichoice", "s-multi": "multichoice", "s-special": "multichoice", "s-tf": "truefalse",
        "s-blank1": "shortanswer", "s-blank2": "cloze", "s-order": "ordering", "s-match": "matching",
        "s-short": "essay", "s-group-a": "truefalse", "s-group-b": "multichoice",
    }  # fmt: skip


def test_moodle_carries_ids_points_tags_numbering_and_fixed_order(moodle_xml) -> None:
    root = moodle_xml[0]
    single = by_name(root, "s-single")
    assert single.findtext("idnumber") == "s-single" and single.findtext("defaultgrade") == "2"
    assert single.findtext("answernumbering") == "ABCD"
    assert single.findtext("shuffleanswers") == "false"  # shuffle: false respected
    assert by_name(root, "s-multi").findtext("shuffleanswers") == "true"
    assert single.xpath("tags/tag/text/text()")[:2] == ["顺序", "报修"]
    assert [a.get("fraction") for a in single.findall("answer")] == ["100", "0", "0"]


def test_moodle_multiple_choice_splits_credit_over_the_right_options(moodle_xml) -> None:
    fractions = [a.get("fraction") for a in by_name(moodle_xml[0], "s-multi").findall("answer")]
    assert fractions == ["33.33333"] * 3 + ["-100"] * 4


def test_moodle_fill_blank_with_several_blanks_is_cloze(moodle_xml) -> None:
    q = by_name(moodle_xml[0], "s-blank2")
    text = q.findtext("questiontext/text")
    assert "{2:SHORTANSWER:=24}" in text and "{2:SHORTANSWER:=2\\}}" in text
    assert [a.findtext("text") for a in by_name(moodle_xml[0], "s-blank1").findall("answer")] == ["最先", "第一个"]


def test_moodle_ordering_matching_and_essay(moodle_xml) -> None:
    root = moodle_xml[0]
    order = by_name(root, "s-order")
    assert [a.findtext("text") for a in order.findall("answer")] == ["受理", "核实", "回复"]
    assert order.findtext("gradingtype") == "ALL_OR_NOTHING"
    match = by_name(root, "s-match")
    subs = [(s.findtext("text"), s.findtext("answer/text")) for s in match.findall("subquestion")]
    assert subs == [("电梯困人", "紧急"), ("路灯不亮", "一般"), ("", "咨询")]
    info = by_name(root, "s-short").findtext("graderinfo/text")
    assert "<strong>负责到底</strong>" in info and "受理登记（1 分）" in info


def test_moodle_group_sub_questions_carry_the_shared_stem(moodle_xml) -> None:
    q = by_name(moodle_xml[0], "s-group-a")
    assert "阅读材料：业主投诉噪音。" in q.findtext("questiontext/text")
    assert "group-s-group" in q.xpath("tags/tag/text/text()")


def test_moodle_losses_are_counted_by_kind(moodle_xml) -> None:
    losses = moodle_xml[1]
    assert losses.count(moodle.LOSS_GROUP) == 1 and losses.count(moodle.LOSS_HALF) == 1
    assert losses.count(moodle.LOSS_SELF_ASSESSED) == 1
    assert "moodle: 1 groups split into separate questions (the shared stem repeated in each)" in losses.lines()


def test_credit_that_is_not_a_moodle_fraction_is_snapped_with_a_warning(sample: Project) -> None:
    losses = Losses("moodle")
    q = sample.question("s-multi")
    assert moodle.fraction(37.5, q, losses) == "40"
    assert moodle.fraction(100 / 3, q, losses) == "33.33333"
    assert moodle.fraction(-12.5, q, losses) == "-12.5"
    assert losses.warnings == ["moodle: question 's-multi': answer credit 37.5% is not a Moodle grade; snapped to 40%"]


# -- GIFT -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gift_text(sample_selection: Selection) -> tuple[str, Losses]:
    return gift.build(sample_selection, {})


def test_gift_escapes_its_special_characters(gift_text) -> None:
    assert gift.escape("a ~ b = c # d { e } f : g \\ h") == "a \\~ b \\= c \\# d \\{ e \\} f \\: g \\\\ h"
    questions = {q["name"]: q for q in parse_gift(gift_text[0])}
    special = questions["s-special"]
    assert "GIFT 特殊字符 ~ = # { } : 与反斜杠 \\ 都要转义" in gift_unescape(special["before"])
    answers = special["answers"]
    assert "\n~a \\= b" in answers and "\n={x}" not in answers and "\n=\\{x\\}" in answers
    assert "\n~e\\#f\\:g\\\\h" in answers and "####<p>解析里也有 \\{\\#\\}</p>" in answers


def test_gift_maps_types_and_skips_what_it_cannot_hold(gift_text) -> None:
    text, losses = gift_text
    questions = {q["name"]: q for q in parse_gift(text)}
    assert set(questions) == {
        "s-single",
        "s-multi",
        "s-special",
        "s-tf",
        "s-blank1",
        "s-match",
        "s-short",
        "s-group-a",
        "s-group-b",
    }
    assert questions["s-tf"]["answers"].startswith("FALSE")
    assert questions["s-blank1"]["answers"].strip().startswith("=最先 =第一个 ####")
    assert "=电梯困人 -> 紧急" in questions["s-match"]["answers"]
    assert questions["s-short"]["answers"].strip().startswith("####")
    assert "~%33.33333%一" in questions["s-multi"]["answers"] and "~%-100%四" in questions["s-multi"]["answers"]
    assert "// [id:s-single] [tag:顺序] [tag:报修]" in text
    assert losses.count(gift.LOSS_SKIPPED_ORDERING) == 1 and losses.count(gift.LOSS_SKIPPED_BLANKS) == 1
    assert losses.count(gift.LOSS_ORDER) == 1 and losses.count(gift.LOSS_DISTRACTORS) == 1


def test_gift_export_of_every_example_bank_parses(example: Project) -> None:
    text, _ = gift.build(select(example, [], None, None, "any"), {c.id: c for c in example.cases})
    assert len(parse_gift(text)) > 400


# -- QTI 2.1 --------------------------------------------------------------------------------------


def test_qti_package_of_the_sample_passes_the_structural_check(sample_selection: Selection) -> None:
    data, losses = qti.build(sample_selection, {})
    assert check_qti_package(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = sorted(zf.namelist())
        blank2 = etree.fromstring(zf.read("items/s-blank2.xml"))
    assert names[0] == "imsmanifest.xml" and "items/s-group-a.xml" in names and "items/s-group.xml" not in names
    ns = {"q": qti.NS}
    assert len(blank2.xpath("//q:textEntryInteraction", namespaces=ns)) == 2
    assert blank2.xpath("//q:mapEntry/@mappedValue", namespaces=ns) == ["2", "2"]
    assert losses.count(qti.LOSS_PARTIAL) == 1 and losses.count(qti.LOSS_GROUP) == 1


def test_a_qti_package_carries_no_date_or_host_so_it_is_the_same_every_time(sample_selection: Selection) -> None:
    data, _ = qti.build(sample_selection, {})
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {(i.date_time, i.create_system) for i in zf.infolist()} == {((1980, 1, 1, 0, 0, 0), 3)}
    assert qti.build(sample_selection, {})[0] == data


def test_qti_package_of_every_example_bank_passes_the_structural_check(example: Project) -> None:
    data, _ = qti.build(select(example, [], None, None, "any"), {c.id: c for c in example.cases})
    assert check_qti_package(data) == []


def test_qti_item_check_catches_a_broken_item() -> None:
    # The checker itself must be able to fail: an interaction answering an undeclared response.
    bad = (
        f'<assessmentItem xmlns="{qti.NS}" identifier="x" title="x" adaptive="false" timeDependent="false">'
        '<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>'
        '<itemBody><choiceInteraction responseIdentifier="R"><simpleChoice identifier="A">a</simpleChoice>'
        "</choiceInteraction>loose</itemBody></assessmentItem>"
    ).encode()
    problems = check_qti_item(bad)
    assert any("undeclared response" in p for p in problems) and any("2+ distinct" in p for p in problems)


# -- Aiken ----------------------------------------------------------------------------------------


def test_aiken_writes_single_choice_only(sample_selection: Selection) -> None:
    text, losses = aiken.build(sample_selection, {})
    blocks = text.strip().split("\n\n")
    assert blocks[0] == "下列说法正确的是（　）。\nA. 以上都对\nB. 甲\nC. 乙\nANSWER: A"
    assert len(blocks) == 3  # s-single, s-special, s-group-b
    assert blocks[2].startswith("阅读材料：业主投诉噪音。 首先（　）。")
    assert losses.count(aiken.LOSS_TYPE) == 8
    assert "aiken: 8 questions skipped (not single choice)" in losses.lines()


# -- choosing what to export ------------------------------------------------------------------------


def test_exam_variant_export_holds_the_drawn_questions_in_paper_order(example: Project) -> None:
    exam = example.exams[0]
    selection = select(example, [], exam.id, "A", "any")
    paper = draw_paper(example, exam, "A")
    assert [q.id for q in selection.questions()] == [q.id for q in paper.questions()]
    section = exam.sections[0]
    if section.points is not None:
        assert {q.points for q in selection.parts[0].questions} == {section.points}
    assert any("options in bank order" in note for note in selection.notes)


def test_pool_filter_keeps_exam_questions_out(sample: Project) -> None:
    practice = from_banks(sample, [], "practice")
    assert "s-group" not in {q.id for q in practice.questions()} and practice.exam_pool_count() == 0
    assert from_banks(sample, [], "any").exam_pool_count() == 1


def test_cli_export_prints_one_line_per_kind_of_loss(tmp_path: Path, mini_site: Path, capsys) -> None:
    out = tmp_path / "mini.txt"
    assert main(["export", "aiken", "--out", str(out), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    assert out.is_file() and "aiken: " in err and "questions skipped (not single choice)" in err
    assert "exam-pool question(s) included" in err


def test_cli_export_speaks_the_handbooks_language(tmp_path: Path, mini_site: Path, capsys) -> None:
    assert main(["export", "aiken", "--out", str(tmp_path / "mini.txt")]) == 0
    err = capsys.readouterr().err.splitlines()
    skipped = [line for line in err if line.startswith("aiken：") and line.endswith("题被跳过（不是单选题）")]
    assert len(skipped) == 1 and "包含 1 道考试题库的题" in "\n".join(err)


def test_cli_export_rejects_an_unknown_bank(tmp_path: Path, mini_site: Path, capsys) -> None:
    assert main(["export", "moodle", "--bank", "nope", "--out", str(tmp_path / "x.xml"), "--lang", "en"]) == 2
    assert "no bank 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt, name", [("xlsx", "mini.xlsx"), ("moodle", "mini.xml"), ("qti", "mini.zip")])
def test_cli_export_refuses_text_with_a_control_character(
    fmt: str, name: str, tmp_path: Path, mini_site: Path, capsys
) -> None:
    # "\a" in a double-quoted YAML value is a BEL character: openpyxl refuses it and XML cannot
    # hold it, so validation stops the export at its line before any file is written.
    bank = mini_site / "content/banks/mini.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("stem: 配对。", 'stem: "配对\\a。"'), encoding="utf-8")
    out = tmp_path / name
    assert main(["export", fmt, "--out", str(out), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "content/banks/mini.yml:" in err and "key 'stem': the text holds the control character U+0007" in err
    assert not out.exists()
