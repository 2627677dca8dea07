"""The example handbook as a reader meets it, in Debian Chromium from disk (file://), at 360 px
and on a desktop: the home page starts from the reader's role, module pages say what they take
and teach and where to go next, case pages keep the answers folded, readable headings."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
ROLES = ["新入职客服专员", "客服专员（在岗提升）", "客服主管"]


@pytest.fixture
def viewport(request: pytest.FixtureRequest) -> dict[str, int]:
    """A desktop, unless the test asks for both (@both_sizes): layout is checked on both, logic once."""
    return dict(getattr(request, "param", DESKTOP))


both_sizes = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], indirect=True, ids=["360px", "desktop"])


@pytest.fixture
def open_page(browser: Browser, example_site: Path, viewport: dict[str, int]) -> Iterator[object]:
    """open_page("modules/laws.html") in a fresh browser profile (no saved progress)."""
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    context.set_default_timeout(10_000)
    # The example site's offline plugin loads an iframe shim from a CDN; nothing here needs it.
    context.route(re.compile(r"^https?://"), lambda route: route.abort())
    errors: list[str] = []

    def opener(path: str) -> Page:
        page = context.new_page()
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((example_site / path).as_uri())
        return page

    yield opener
    context.close()
    assert errors == []


def _no_horizontal_pan(page: Page) -> None:
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    wider = page.evaluate(
        """w => [...document.querySelectorAll('.md-content *')]
             .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.md-typeset__scrollwrap'))
             .map(e => e.tagName + '.' + e.className).slice(0, 5)""",
        width,
    )
    assert wider == []


def _progress_data(page: Page) -> dict[str, dict[str, object]]:
    return json.loads(page.locator("script.tb-progress__data").first.text_content() or "{}")["modules"]


def _save_answers(page: Page, answers: dict[str, str]) -> None:
    """Saved progress as the quiz engine writes it (assets/src/storage.js): last result per question."""
    saved = {qid: {"h": "0", "o": {"st": st, "s": int(st == "correct"), "m": 1, "t": 0}} for qid, st in answers.items()}
    store = {
        "format": "trainbook-progress",
        "v": 1,
        "q": saved,
        "runs": {},
        "exams": {},
    }
    page.evaluate("d => localStorage.setItem('trainbook.progress', JSON.stringify(d))", store)


# -- home page --------------------------------------------------------------------------------
@both_sizes
def test_home_page_starts_with_a_learning_path_per_role(open_page) -> None:
    page = open_page("index.html")
    first = page.locator("article.md-content__inner > h1 + *")
    expect(first).to_have_class("tb-paths")
    expect(page.locator(".tb-paths__roles a")).to_have_text(ROLES)
    expect(page.locator(".tb-path__title")).to_have_text(ROLES)
    new_hire = page.locator("#path-new-hire")
    expect(new_hire.locator(".tb-path__module-head > a").first).to_have_text("服务流程与操作规范")
    expect(new_hire.locator(".tb-path__duration").first).to_have_text("6 学时")
    expect(new_hire.locator(".tb-path__next")).to_contain_text("服务流程与操作规范")
    _no_horizontal_pan(page)


@both_sizes
def test_role_link_jumps_to_its_path_and_objectives_unfold(open_page) -> None:
    page = open_page("index.html")
    page.locator(".tb-paths__roles a", has_text="客服主管").click()
    path = page.locator("#path-supervisor")
    expect(path).to_be_in_viewport()
    goals = path.locator("details.tb-path__goals").first
    expect(goals.locator("li").first).to_be_hidden()
    goals.locator("summary").click()
    expect(goals.locator("li").first).to_be_visible()
    _no_horizontal_pan(page)


def test_paths_show_saved_progress_and_where_to_go_next(open_page) -> None:
    page = open_page("index.html")
    modules = _progress_data(page)
    done = {qid: "correct" for qid in modules["service-process"]["ids"]}
    done[modules["service-process"]["ids"][0]] = "wrong"
    started = {qid: "correct" for qid in modules["etiquette"]["ids"][:2]}
    _save_answers(page, {**done, **started})
    page.reload()
    path = page.locator("#path-new-hire")
    rows = path.locator(".tb-path__module")
    expect(rows.nth(0)).to_have_attribute("data-state", "done")
    n = len(modules["service-process"]["ids"])
    expect(rows.nth(0).locator("[data-tb-state]")).to_have_text(f"已练完 · 正确率 {round((n - 1) / n * 100)}%")
    expect(rows.nth(1)).to_have_attribute("data-state", "doing")
    expect(rows.nth(1).locator("[data-tb-state]")).to_have_text(
        f"已练 2 / {len(modules['etiquette']['ids'])} 题 · 正确率 100%"
    )
    expect(rows.nth(2).locator("[data-tb-state]")).to_have_text("未开始")
    expect(path.locator(".tb-path__next")).to_have_text("继续学习：服务礼仪")
    path.locator(".tb-path__next a").click()
    expect(page).to_have_url(re.compile(r"modules/etiquette\.html$"))


def test_a_path_whose_modules_are_all_practised_says_so(open_page) -> None:
    page = open_page("index.html")
    modules = _progress_data(page)
    order = (page.locator("#path-supervisor .tb-path__next").get_attribute("data-tb-next") or "").split()
    _save_answers(page, {qid: "correct" for m in order for qid in modules[m]["ids"]})
    page.reload()
    final = page.locator("#path-supervisor .tb-path__next")
    expect(final).to_have_text("这条路径的模块都已练完。下一步：物业客服主管进阶考试（模拟考试）")
    expect(page.locator("#path-new-hire .tb-path__next")).to_contain_text("下一步：服务流程与操作规范")
    final.locator("a").click()
    expect(page).to_have_url(re.compile(r"trainbook/exams/cs-supervisor\.html$"))


# -- module pages -----------------------------------------------------------------------------
@both_sizes
def test_module_page_shows_duration_audience_and_objectives_above_the_text(open_page) -> None:
    page = open_page("modules/emergency.html")
    head = page.locator("article.md-content__inner > h1 + .tb-module-head")
    expect(head).to_contain_text("时长：6 学时")
    expect(head).to_contain_text("对象：客服专员、客服主管、秩序维护员")
    expect(head.locator(".tb-module-head__objectives li")).to_have_count(7)  # emg-1 … emg-7
    expect(head.locator("[data-tb-module]")).to_have_attribute("data-state", "todo")
    _no_horizontal_pan(page)


def test_module_page_ends_with_its_self_test_cases_and_practice_links(open_page) -> None:
    page = open_page("modules/emergency.html")
    headings = page.locator("article h2").all_text_contents()
    assert [h.rstrip("¶") for h in headings[-2:]] == ["本章案例", "继续练习"]
    cases = page.locator("article h2:has-text('本章案例') + ul a")
    expect(cases.first).to_have_attribute("href", re.compile(r"trainbook/cases/[a-z-]+\.html$"))
    assert "夜间电梯困人事件" in cases.all_text_contents()
    assert page.locator("text=本章自测").count() >= 1  # the self-test stays with the text, above the footer


def test_answering_on_a_module_page_updates_its_progress(open_page) -> None:
    page = open_page("modules/emergency.html")
    total = len(_progress_data(page)["emergency"]["ids"])
    # A top-level single-choice question (not a group's sub-question) of a quiz the reader sees.
    q = page.locator(".tb-quiz__app ol.tb-quiz__questions > li.tb-q[data-type='single']:visible").first
    q.scroll_into_view_if_needed()
    q.locator(".tb-opt").first.click()
    q.locator(":scope > .tb-q__actions .tb-q__check").click()
    state = page.locator(".tb-module-head [data-tb-state]")
    expect(state).to_have_text(re.compile(rf"^已练 1 / {total} 题 · 正确率 (0|100)%$"))


# -- case pages -------------------------------------------------------------------------------
@both_sizes
def test_case_page_keeps_analysis_and_practice_folded_until_opened(open_page) -> None:
    page = open_page("trainbook/cases/elevator-entrapment.html")
    article = page.locator("article")
    discussion = article.locator("h2", has_text="讨论题")
    folds = article.locator("details.tb-reveal")
    expect(folds.locator("summary")).to_have_text(["案例分析", "正确做法"])
    assert discussion.bounding_box()["y"] < folds.first.bounding_box()["y"]
    expect(article.get_by_text("撬门是严重隐患")).to_be_hidden()
    folds.first.locator("summary").click()
    expect(article.get_by_text("撬门是严重隐患")).to_be_visible()
    expect(article.get_by_text("接警", exact=True).first).to_be_hidden()  # 正确做法 still folded
    _no_horizontal_pan(page)


def test_case_quiz_refers_to_the_scenario_instead_of_repeating_it(open_page) -> None:
    page = open_page("trainbook/cases/elevator-entrapment.html")
    opening = "锦华苑 2 栋 1 号电梯在 8 楼和 9 楼之间突然停住"
    text = page.locator("article").inner_text()
    assert text.count(opening) == 1
    group = page.locator(".tb-quiz__app li.tb-q[data-type='group']").first
    expect(group).to_contain_text("阅读本页上方的“案例情景”后作答。")


# -- site-wide --------------------------------------------------------------------------------
@both_sizes
def test_maintainers_guide_is_not_a_reader_tab_but_linked_from_home(open_page, viewport) -> None:
    page = open_page("index.html")
    if viewport == DESKTOP:
        expect(page.locator(".md-tabs__link")).to_have_text(["首页", "培训方案", "课程模块", "练习与考核"])
    # Maintainers find it at the end of the trainers' section (培训方案), as a group of its own
    # pages (guide, file formats, printing and grading, error messages), and from the home page.
    programme = page.locator("nav.md-nav--primary li.md-nav__item--nested", has_text="培训方案").first
    guide = programme.locator("li.md-nav__item--nested").last
    expect(guide).to_contain_text("编写指南（内容维护）")
    expect(guide.locator("a.md-nav__link")).to_have_count(4)
    page.locator("article a", has_text="编写指南").click()
    expect(page).to_have_url(re.compile(r"guide/authoring\.html$"))


def _contrast(fg: str, bg: str) -> float:
    def channels(css: str) -> tuple[float, ...]:
        return tuple(float(x) for x in re.findall(r"[\d.]+", css))

    def luminance(rgb: tuple[float, ...]) -> float:
        lin = [(c / 255 / 12.92) if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    f, b = channels(fg), channels(bg)
    alpha = f[3] if len(f) > 3 else 1.0
    blended = tuple(alpha * f[i] + (1 - alpha) * b[i] for i in range(3))
    hi, lo = sorted((luminance(blended), luminance(b[:3])), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("path", ["index.html", "modules/laws.html", "trainbook/cases/elevator-entrapment.html"])
def test_headings_meet_wcag_aa_contrast(open_page, path: str) -> None:
    page = open_page(path)
    colours = page.evaluate(
        """() => [...document.querySelectorAll('.md-typeset h1, .md-typeset h2, .md-typeset h3,'
                                               + '.md-typeset h4, .md-typeset h5, .md-typeset h6')]
             .map(h => [h.tagName, getComputedStyle(h).color, getComputedStyle(document.body).backgroundColor])"""
    )
    assert colours
    for tag, fg, bg in colours:
        bg = bg if "rgba(0, 0, 0, 0)" not in bg else "rgb(255, 255, 255)"
        assert _contrast(fg, bg) >= 4.5, f"{path} {tag} {fg} on {bg}"


def test_printed_case_page_carries_the_folded_analysis_and_practice(open_page) -> None:
    page = open_page("trainbook/cases/elevator-entrapment.html")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # Chromium's PDF text uses CJK radical code points for some characters; NFKC maps them back.
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages)).replace("\n", "")
    assert "被困人员可能坠入井道或被夹伤" in text  # 案例分析
    assert "记下通知时间和对方答复的预计到场时间" in text  # 正确做法


@both_sizes
def test_material_scrolls_each_table_inside_its_own_block_which_adds_no_space(open_page) -> None:
    page = open_page("modules/emergency.html")
    page.wait_for_load_state("load")
    blocks = page.locator(".md-content .tb-table")
    expect(blocks.first.locator(":scope > .md-typeset__scrollwrap > .md-typeset__table > table")).to_have_count(1)
    sizes = blocks.evaluate_all(
        "bs => bs.map(b => [b.children.length, b.getBoundingClientRect().height,"
        " b.firstElementChild.getBoundingClientRect().height])"
    )
    assert len(sizes) == 4
    assert all(n == 1 and outer == inner for n, outer, inner in sizes)  # its margins collapse through it
