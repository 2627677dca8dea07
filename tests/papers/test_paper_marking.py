"""What a candidate and a marker read on the printed sheets: points, partial credit, numbering.

Rendered to HTML only (no PDF, no files): the example handbook's exams and the small fixture
handbook tests/fixtures/pack, each arranged once per module.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from trainbook.model import Choice, Project
from trainbook.papers import load_content
from trainbook.papers.arrange import chinese_numeral
from trainbook.papers.documents import Printer
from trainbook.papers.exam import ExamPack, build_pack
from trainbook.papers.pdf import html_to_pdf_pages

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "content"
PACK = ROOT / "tests" / "fixtures" / "pack" / "content"


def _packs(content: Path) -> tuple[Project, list[ExamPack]]:
    project = load_content(content)
    printer = Printer()
    return project, [build_pack(printer, project, exam) for exam in project.exams]


@pytest.fixture(scope="module")
def example() -> list[ExamPack]:
    return _packs(EXAMPLE)[1]


@pytest.fixture(scope="module")
def fixture_pack() -> ExamPack:
    return _packs(PACK)[1][0]


def _html(pack: ExamPack, variant: str, name: str) -> str:
    return next(d.html for d in pack.documents if d.path == f"{pack.exam.id}/{variant}/{name}")


def _stem_line(html: str, no: str) -> str:
    """Question *no*'s first line on a paper: number, stem, and what stands beside it."""
    start = html.index(f'<span class="tb-q__no">{no}.</span>')
    ends = (html.find(tag, start) for tag in ("<ol", "</li>", '<div class="tb-answer-space">', "<table"))
    return html[start : min(e for e in ends if e >= 0)]


def _points_beside(html: str, no: str) -> list[str]:
    return re.findall(r'<span class="tb-q__points">（([\d.]+) 分）</span>', _stem_line(html, no))


def test_a_partial_credit_multiple_choice_question_says_so_on_the_paper(example: list[ExamPack]) -> None:
    """The key gives half the points for a strict subset (`partial: true`); the candidate reads that
    beside the question ("少选得半分", the mark the exam instructions refer to), and only there."""
    seen = {True: 0, False: 0}
    for pack in example:
        for paper in pack.papers:
            html = _html(pack, paper.variant, "paper")
            for item in paper.markable():
                if item.kind != "multiple":
                    continue
                assert isinstance(item.question.body, Choice)
                partial = item.question.body.partial
                assert ("少选得半分" in _stem_line(html, item.no)) is partial, (pack.exam.id, paper.variant, item.no)
                seen[partial] += 1
    assert seen[True] and seen[False]  # the example prints both kinds


def test_the_keys_scoring_points_add_up_to_what_the_question_is_worth_on_that_paper(
    example: list[ExamPack],
) -> None:
    """A section's `points` overrides the bank's; the 评分要点 of a short answer are scaled with it
    (cs-supervisor's case group gives a 4-point bank question 2 points)."""
    scaled = 0
    for pack in example:
        for paper in pack.papers:
            key = _html(pack, paper.variant, "key")
            for item in paper.markable():
                if item.kind != "short_answer":
                    continue
                row = re.search(rf'<tr><th scope="row">{re.escape(item.no)}</th>(.*?)</tr>', key, re.S)
                assert row is not None
                listed = re.findall(r"（([\d.]+) 分）</li>", row.group(1))
                assert listed, (pack.exam.id, item.no)
                assert sum(float(p) for p in listed) == pytest.approx(item.points), (pack.exam.id, item.no, listed)
                scaled += item.points != item.question.points
    assert scaled  # the override case is among them


def test_the_answer_sheet_numbers_the_questions_in_paper_order(example: list[ExamPack]) -> None:
    """Bubble grid and writing spaces follow the paper: a case group's written sub-question (39.3)
    stands between 39.2 and 40.1, not after the whole section's grid."""
    for pack in example:
        for paper in pack.papers:
            sheet = _html(pack, paper.variant, "answer-sheet")
            printed = re.findall(r'<th scope="row">([\d.]+)</th>', sheet)
            assert printed == [m.no for m in paper.markable()], (pack.exam.id, paper.variant)


def test_a_question_prints_its_points_where_its_section_does_not_set_them(fixture_pack: ExamPack) -> None:
    """Section 一 sets `points: 2` (and says so); section 二 does not, so each of its questions
    carries its own points, the short answer's 6 and the others' 2."""
    for paper in fixture_pack.papers:
        html = _html(fixture_pack, paper.variant, "paper")
        first, second = paper.sections[0], paper.sections[1]
        assert all(_points_beside(html, item.no) == [] for item in first.items)
        for item in second.items:
            assert _points_beside(html, item.no) == [f"{item.points:g}"], (paper.variant, item.no)
        assert sorted(i.points for i in second.items) == [2, 2, 2, 2, 2, 6]


def test_a_title_with_quotes_backslashes_or_markup_reaches_the_page_header_as_written(tmp_path: Path) -> None:
    """The header is a CSS string: a `"`, `\\` or `</style>` in a title must neither end it early nor
    end the stylesheet."""
    title = '客服"金牌"考核 C:\\题库 </style><b>x</b>'
    html = Printer().render("papers/base.html", kind="paper", doc_title="t", running_title=title, variant="A")
    assert html.count("</style>") == 1
    pdf, _ = html_to_pdf_pages(html.replace("</body>", "<p>正文</p></body>"))
    (tmp_path / "t.pdf").write_bytes(pdf)
    header = PdfReader(tmp_path / "t.pdf").pages[0].extract_text()
    assert title in header and "A 卷" in header


def test_a_blank_worth_a_share_that_is_no_round_decimal_is_keyed_as_a_fraction(tmp_path: Path) -> None:
    """2 points over 3 blanks: the key says 每空 2/3 分, what the marking gives, not 0.666667."""
    content = tmp_path / "content"
    shutil.copytree(PACK, content)
    bank = content / "banks" / "pack.yml"
    text = bank.read_text(encoding="utf-8")
    text = text.replace("第一个空填 ___，第二个空填 ___。", "第一个空填 ___，第二个空填 ___，第三个空填 ___。")
    text = text.replace("回访闭环]", "回访闭环, 登记]")
    bank.write_text(text, encoding="utf-8")
    pack = _packs(content)[1][0]
    key = _html(pack, "A", "key")
    assert "每空 2/3 分" in key
    assert "0.666" not in key


@pytest.mark.parametrize(
    ("no", "numeral"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "100"),
    ],
)
def test_sections_are_numbered_in_chinese_past_ten(no: int, numeral: str) -> None:
    assert chinese_numeral(no) == numeral


def _option_places(html: str) -> list[tuple[bool, list[tuple[float, float]]]]:
    """Each option list of a paper as laid out on the page: (short list?, [(x, y) of each option])."""
    import weasyprint

    found: list[tuple[bool, list[tuple[float, float]]]] = []

    def options(box: object, places: list[tuple[float, float]], seen: set[int]) -> None:
        for child in getattr(box, "children", None) or ():
            element = getattr(child, "element", None)
            if getattr(child, "element_tag", None) == "li" and id(element) not in seen:
                seen.add(id(element))
                places.append((round(child.position_x, 1), round(child.position_y, 1)))
            else:
                options(child, places, seen)

    def walk(box: object) -> None:
        element = getattr(box, "element", None)
        classes = (element.get("class") or "").split() if element is not None else []
        if getattr(box, "element_tag", None) == "ol" and "tb-options" in classes:
            places: list[tuple[float, float]] = []
            options(box, places, set())
            found.append(("tb-options--short" in classes, places))
            return
        for child in getattr(box, "children", None) or ():
            walk(child)

    for page in weasyprint.HTML(string=html).render().pages:
        walk(page._page_box)
    return found


def test_short_options_stand_two_to_a_row_and_long_ones_one_to_a_row(example: list[ExamPack]) -> None:
    lists = _option_places(_html(example[0], "A", "paper"))
    short = [places for is_short, places in lists if is_short and len(places) == 4]
    long = [places for is_short, places in lists if not is_short]
    assert short and long
    for (ax, ay), (bx, by), (cx, cy), (dx, dy) in short:
        assert ay == by < cy == dy and ax == cx < bx == dx
    for places in long:
        assert len({x for x, _ in places}) == 1
        assert [y for _, y in places] == sorted({y for _, y in places})
