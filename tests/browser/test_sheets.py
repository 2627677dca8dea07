"""Forms, rubrics and the scheme of the example handbook on a 360 px phone and on A4 paper.

The phone checks run in Chromium on the built example site; the paper checks read Chromium's own
PDF output (print media, A4) back with pypdf. What each sheet should look like comes from its
YAML (the block order, the table's heading, the pages the author meant it to fill), loaded with
trainbook's own loader, so the expectations follow the content.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from trainbook.model import Form, Project, Rubric
from trainbook.validate import validate

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"


def _ids(kind: str) -> list[str]:
    return sorted(p.stem for p in (CONTENT / kind).glob("*.yml"))


FORMS, RUBRICS, SCHEMES, CASES = _ids("forms"), _ids("rubrics"), _ids("schemes"), _ids("cases")
SHEETS = [f"trainbook/forms/{i}.html" for i in FORMS] + [f"trainbook/rubrics/{i}.html" for i in RUBRICS]
PRINTED = SHEETS + [f"trainbook/schemes/{i}.html" for i in SCHEMES]
PHONE_PAGES = PRINTED + [f"trainbook/cases/{i}.html" for i in CASES]


@pytest.fixture(scope="module")
def project() -> Project:
    loaded, report = validate(CONTENT)
    assert not report.errors, report.errors
    return loaded


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    """One 360 px phone tab, shared by the phone checks (each loads its own page)."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, locale="zh-CN")
    yield ctx.new_page()
    ctx.close()


@pytest.fixture(scope="module")
def printed(browser: Browser, example_site: Path) -> dict[str, list[str]]:
    """Each form, rubric and scheme page printed to A4 by Chromium: its pages' text (NFKC, lines kept)."""
    page = browser.new_page()
    texts: dict[str, list[str]] = {}
    for path in PRINTED:
        page.goto((example_site / path).as_uri())
        reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842), path
        texts[path] = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]
    page.close()
    return texts


def _flat(text: str) -> str:
    # Chromium writes some CJK characters as Kangxi radicals (⾏ for 行); NFKC folds them back,
    # and full-width brackets to ASCII, so compare folded text with folded text.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _at(text: str, needle: str, *, at_end: bool = False) -> int:
    """Where *needle* starts in the PDF's *text* (or ends it, with *at_end*), or -1. A character
    the PDF never contains was written under another code point that shares its glyph (门 comes
    back as the radical ⻔, 户 as 戶), so it matches any one character."""
    text = _flat(text)
    chars = set(text)
    pattern = "".join(re.escape(c) if c in chars else "." for c in _flat(needle))
    found = re.search(pattern + ("$" if at_end else ""), text)
    return found.start() if found else -1


def _has(text: str, needle: str) -> bool:
    return _at(text, needle) != -1


# -- a 360 px phone ------------------------------------------------------------------------

WIDER_THAN_SCREEN = """() => { const w = document.documentElement.clientWidth;
  return Array.from(document.querySelectorAll('body *'))
    .filter(e => { const r = e.getBoundingClientRect();
                   return r.width > 0 && (r.right > w + 1 || r.left < -1)
                     && getComputedStyle(e).position !== 'fixed'
                     && !e.closest('.md-sidebar, .md-search, .md-header, .md-tabs'); })
    .map(e => e.tagName.toLowerCase() + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().width) + 'px')
    .slice(0, 5); }"""


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_element_is_wider_than_a_360_px_phone(phone: Page, example_site: Path, path: str) -> None:
    phone.goto((example_site / path).as_uri())
    assert phone.evaluate(WIDER_THAN_SCREEN) == []
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_rubric_criteria_read_as_labelled_cards_on_a_phone(phone: Page, example_site: Path, rubric_id: str) -> None:
    phone.goto((example_site / f"trainbook/rubrics/{rubric_id}.html").as_uri())
    row = phone.locator(".tb-rubric__table tbody tr").first
    levels = row.locator(".tb-rubric__levels").bounding_box()
    score = row.locator(".tb-blank-cell").bounding_box()
    assert levels is not None and score is not None
    assert levels["width"] >= 280, "the level descriptions get the card's full width"
    assert score["x"] >= 0 and score["x"] + score["width"] <= 360, "得分 stays on screen"
    label = row.locator(".tb-blank-cell").evaluate("e => getComputedStyle(e, '::before').content")
    assert "得分" in label


# -- A4 paper ------------------------------------------------------------------------------


def _markers(form: Form) -> list[str]:
    """Text that opens each block of *form*, in the order the author asked for."""
    marks = {
        "fields": list(form.fields[:1]),
        "intro": [],
        "sections": [s.title for s in form.sections if s.title],
        "table": [form.table.title or "".join(form.table.columns)] if form.table else [],
    }
    return [m for block in form.blocks() for m in marks[block]]


@pytest.mark.parametrize("form_id", FORMS)
def test_a_form_prints_its_blocks_in_the_authors_order(
    printed: dict[str, list[str]], project: Project, form_id: str
) -> None:
    form = next(f for f in project.forms if f.id == form_id)
    text = "".join(printed[f"trainbook/forms/{form_id}.html"])
    where = [_at(text, m) for m in _markers(form)]
    assert -1 not in where, list(zip(_markers(form), where, strict=True))
    assert where == sorted(where)


def test_a_forms_table_comes_right_after_the_heading_before_it(printed: dict[str, list[str]], project: Project) -> None:
    titled = [f for f in project.forms if f.table is not None and f.table.title]
    assert titled, "the example has forms whose table has a heading"
    for form in titled:
        assert form.table is not None
        text = "".join(printed[f"trainbook/forms/{form.id}.html"])
        assert _has(text, form.table.title + "".join(form.table.columns)), form.id


def _sheet(project: Project, path: str) -> Form | Rubric:
    kind, name = path.split("/")[-2:]
    items: tuple[Form | Rubric, ...] = project.forms if kind == "forms" else project.rubrics
    return next(s for s in items if s.id == name.removesuffix(".html"))


@pytest.mark.parametrize("path", SHEETS)
def test_each_sheet_fits_the_pages_its_author_intended(
    printed: dict[str, list[str]], project: Project, path: str
) -> None:
    sheet = _sheet(project, path)
    if sheet.pages is None:
        pytest.fail(f"{path}: the example's sheets all say how many pages they are meant to fill (pages:)")
    assert len(printed[path]) <= sheet.pages


def test_the_sign_in_sheet_prints_all_its_rows_on_one_page(printed: dict[str, list[str]], project: Project) -> None:
    form = next(f for f in project.forms if f.id == "training-signin")
    assert form.table is not None and form.table.numbered() and form.pages == 1
    pages = printed["trainbook/forms/training-signin.html"]
    assert len(pages) == 1
    assert _flat(pages[0]).endswith("".join(str(n) for n in range(1, form.table.rows + 1)))


@pytest.mark.parametrize("rubric_id", RUBRICS)
def test_rubric_rows_and_veto_items_are_never_split(
    printed: dict[str, list[str]], project: Project, rubric_id: str
) -> None:
    rubric = next(r for r in project.rubrics if r.id == rubric_id)
    pages = printed[f"trainbook/rubrics/{rubric_id}.html"]
    for c in rubric.criteria:
        row = c.name + _flat(c.description or "")[:6]  # the row's start, not a mention in the instructions
        holders = [n for n, text in enumerate(pages) if _has(text, row)]
        assert len(holders) == 1, f"{c.name} on pages {holders}"
        last = c.levels[-1].description if c.levels and c.levels[-1].description else c.description
        if last:
            assert _has(pages[holders[0]], _flat(last)[-8:]), f"the row of {c.name} is split across pages"
    veto = [c for c in rubric.criteria if c.critical]
    if veto:
        heading = [n for n, text in enumerate(pages) if _has(text, "一票否决项否决项目")]
        first = [n for n, text in enumerate(pages) if _has(text, veto[0].name)]
        assert heading and heading == first, "the 一票否决项 heading stays with its first item"
        for c in veto:
            page = pages[first[0]] if c is veto[0] else "".join(pages)
            assert _has(page, c.name), c.name
        ticks = [line for text in pages for line in text.splitlines() if "☐" in line]
        assert len(ticks) == len(veto) and all(re.search(r"☐\s*是\s*☐\s*否", line) for line in ticks), ticks


def _headings(example_site: Path, path: str) -> list[str]:
    """The text of the headings of a built page's article."""
    html = (example_site / path).read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return [re.sub(r"<[^>]+>|&para;|¶", "", h).strip() for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", article)]


@pytest.mark.parametrize("path", PRINTED)
def test_no_page_ends_with_a_heading(printed: dict[str, list[str]], example_site: Path, path: str) -> None:
    headings = _headings(example_site, path)
    assert headings, path
    for text in printed[path][:-1]:
        assert not any(_at(text, h, at_end=True) != -1 for h in headings), _flat(text)[-40:]


def test_printed_sheet_and_scheme_tables_are_ruled_in_black(browser: Browser, example_site: Path) -> None:
    page = browser.new_page()
    try:
        page.emulate_media(media="print")
        for path in [SHEETS[0], f"trainbook/rubrics/{RUBRICS[0]}.html", f"trainbook/schemes/{SCHEMES[0]}.html"]:
            page.goto((example_site / path).as_uri())
            cells = page.evaluate(
                """() => Array.from(document.querySelectorAll('.md-typeset table td'))
                     .filter(td => td.offsetParent !== null)
                     .map(td => { const s = getComputedStyle(td);
                                  return [s.borderTopStyle, s.borderTopColor, s.borderTopWidth]; })"""
            )
            assert cells, path
            assert all(c[0] == "solid" and c[1] == "rgb(0, 0, 0)" and c[2] != "0px" for c in cells), (path, cells[:3])
    finally:
        page.close()


def test_the_scheme_names_each_of_its_parts_once(example_site: Path) -> None:
    for scheme in SCHEMES:
        headings = _headings(example_site, f"trainbook/schemes/{scheme}.html")
        assert len(headings) == len(set(headings)), headings
        assert "考核结果运用" in headings
