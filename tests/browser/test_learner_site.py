"""The learner's pages on a site built by the real plugin: the mock exam, 错题本 and 学习记录 across
pages, a 360 px phone, and no request to any host but the site's own."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from ..chromium import serve
from ..sitebuild import mkdocs_build

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
# Screenshots a person can look at after the run: in dist/ (not in pytest's temporary folders).
ARTIFACTS = Path(__file__).resolve().parents[2] / "dist" / "test-artifacts"
PRINTED_INSTRUCTIONS = "请使用黑色签字笔在答题卡上作答，不得使用手机。"
MODULE = "modules/complaints.html"
BANK = "trainbook/banks/mini.html"
EXAM = "trainbook/exams/mini-exam.html"
CASE = "trainbook/cases/night-lift.html"
WRONG = "trainbook/learner/wrong.html"
RECORD = "trainbook/learner/record.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("learner-src") / "mini"
    shutil.copytree(MINI, src)
    config = (src / "mkdocs.yml").read_text(encoding="utf-8")
    # Like the example handbook: no web-font CDN, pages open from disk.
    config = config.replace("  language: zh\n", "  language: zh\n  font: false\n", 1)
    (src / "mkdocs.yml").write_text(config + "use_directory_urls: false\n", encoding="utf-8")
    exam = src / "content/exams/mini-exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8") + f"instructions: {PRINTED_INSTRUCTIONS}\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("learner-site")
    result = mkdocs_build(src, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def server(built: Path):
    with serve(built) as url:
        yield url


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, locale="zh-CN", accept_downloads=True)
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def visit(context, base: str, path: str, errors: list[str] | None = None) -> Page:
    page = context.new_page()
    if errors is not None:
        page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("load")
    return page


def answer_single(page: Page, qid: str, index: int) -> None:
    item = page.locator(f'li.tb-q[data-qid="{qid}"]').first
    item.locator(f':scope > .tb-q__body .tb-opt[data-index="{index}"]').click()
    item.locator(":scope > .tb-q__actions .tb-q__check").click()


# ------------------------------------------------------------ generated pages


def test_mock_exam_page_has_online_instructions_not_the_printed_papers(built: Path):
    html = (built / EXAM).read_text(encoding="utf-8")
    assert PRINTED_INSTRUCTIONS not in html
    assert "开始答题" in html and "进度自动保存" in html


def test_mock_exam_data_carries_pass_mark_and_each_rules_pool(built: Path):
    html = (built / EXAM).read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert data["exam"]["pass"] == 6
    first = data["exam"]["sections"][0]["rules"][0]
    assert first["count"] == 1 and len(first["ids"]) >= 1
    assert {q["id"] for q in data["questions"]} >= set(first["ids"])
    assert "m-secret" not in raw  # the exam pool never reaches the site
    assert all(i["href"].endswith(MODULE.split("/")[-1]) for i in data["exam"]["objective_info"].values())


def test_wrongbook_and_record_are_in_the_navigation(context, server):
    page = visit(context, server, "index.html")
    nav = page.locator(".md-nav--primary")
    expect(nav.get_by_role("link", name="错题本", exact=True)).to_have_count(1)
    expect(nav.get_by_role("link", name="学习记录", exact=True)).to_have_count(1)


# --------------------------------------------------------------- in the browser


def test_exam_result_shows_pass_or_fail_against_the_pass_mark(context, server):
    page = visit(context, server, EXAM)
    quiz = page.locator(".tb-quiz")
    quiz.locator(".tb-quiz__start-btn").click()
    quiz.locator(".tb-quiz__submit").click()
    quiz.locator(".tb-ask__yes").click()  # nothing answered: asked first
    summary = quiz.locator(".tb-quiz__summary")
    expect(summary).to_have_attribute("data-passed", "false")
    expect(summary).to_contain_text("未通过（及格线 6 分）")
    expect(summary.locator(".tb-quiz__breakdown").first).to_contain_text("一、选择题")


def test_wrongbook_collects_a_wrong_answer_and_drops_it_when_answered_right(context, server):
    module = visit(context, server, MODULE)
    answer_single(module, "m-single", 1)  # wrong
    expect(module.locator('li.tb-q[data-qid="m-single"]')).to_have_attribute("data-result", "wrong")
    book = visit(context, server, WRONG)
    item = book.locator('li.tb-q[data-qid="m-single"]')
    expect(item).to_have_count(1)
    expect(book.locator('li.tb-q[data-qid="m-multiple"]')).to_have_count(0)  # never answered: not in the book
    answer_single(book, "m-single", 0)
    expect(item.locator(".tb-fb__book")).to_contain_text("移出错题本")
    book.reload()
    expect(book.locator("[data-tb-wrongbook]")).to_have_attribute("data-state", "ready")
    expect(book.locator('li.tb-q[data-qid="m-single"]')).to_have_count(0)
    expect(book.locator(".tb-quiz[data-tb-bank]")).to_be_hidden()  # its bank has no wrong answer left
    expect(book.locator(".tb-wrongbook__status")).not_to_be_empty()


# The browser has no idle time yet and reports nothing near the screen: the engine builds no quiz
# until something needs it (start-up builds quizzes in slices, the far ones in idle time).
NO_IDLE_TIME = """
window.requestIdleCallback = function () { return 1; };
window.IntersectionObserver = undefined;
"""


def bank_not_built_yet(context, server: str) -> Page:
    page = context.new_page()
    page.add_init_script(NO_IDLE_TIME)
    page.goto(f"{server}/{BANK}")
    expect(page.locator(".tb-pagebar__retry")).to_be_visible()
    expect(page.locator(".tb-quiz__app")).to_have_count(0)
    expect(page.locator(".tb-quiz__static").first).to_be_visible()
    return page


def test_page_bar_acts_on_every_quiz_of_the_page_built_yet_or_not(context, server):
    first = visit(context, server, BANK)
    quizzes = first.locator(".tb-quiz").count()
    assert quizzes > 3
    answer_single(first, "m-single", 1)  # wrong, in the first quiz
    answer_single(first, "m-tf", 0)  # 对: wrong, in the third
    first.close()

    page = bank_not_built_yet(context, server)
    bar = page.locator(".tb-pagebar")
    expect(bar).to_have_attribute("data-checked", "2")  # the page total counts every quiz
    expect(bar).to_have_attribute("data-wrong", "2")
    expect(bar).to_contain_text("本页已检查 2 / 8 题")
    # 只看错题: every quiz is built on demand, within the click, each complete
    built = page.evaluate(
        """() => { document.querySelector('.tb-pagebar__only').click();
                   return [document.querySelectorAll('.tb-quiz__app').length,
                           document.querySelectorAll('.tb-quiz__questions > li.tb-q').length]; }"""
    )
    assert built == [quizzes, 8]
    expect(page.locator('li.tb-q[data-qid="m-tf"]')).to_be_visible()
    expect(page.locator('li.tb-q[data-qid="m-multiple"]')).to_be_hidden()
    page.close()

    page = bank_not_built_yet(context, server)
    bar = page.locator(".tb-pagebar")
    bar.locator(".tb-pagebar__retry").click()  # 重新练习错题 before any quiz was built
    expect(page.locator(".tb-quiz__app")).to_have_count(quizzes)
    for qid in ("m-single", "m-tf"):
        item = page.locator(f'li.tb-q[data-qid="{qid}"]')
        expect(item).to_be_visible()
        assert item.get_attribute("data-result") is None
    expect(bar).to_have_attribute("data-wrong", "0")
    expect(bar).to_have_attribute("data-checked", "0")


def test_a_quiz_scrolled_to_before_idle_time_is_built_at_once(browser, server):
    ctx = browser.new_context(viewport={"width": 1000, "height": 240}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    page = ctx.new_page()
    page.add_init_script("window.requestIdleCallback = function () { return 1; };")  # never idle
    page.goto(f"{server}/{BANK}")
    first, last = page.locator(".tb-quiz").first, page.locator(".tb-quiz").last
    expect(first.locator(".tb-quiz__app")).to_have_count(1)  # on screen: built without idle time
    assert last.evaluate("e => e.getBoundingClientRect().top") > 4 * 240  # far beyond the near zone
    expect(last.locator(".tb-quiz__app")).to_have_count(0)  # far below: waits for idle time
    last.scroll_into_view_if_needed()
    expect(last.locator(".tb-quiz__app")).to_have_count(1)
    expect(last.locator(".tb-quiz__static")).to_be_hidden()
    ctx.close()


def test_record_export_clear_import_restores_progress(context, server, tmp_path):
    module = visit(context, server, MODULE)
    answer_single(module, "m-single", 0)
    answer_single(module, "m-tf", 0)  # 对: wrong
    record = visit(context, server, RECORD)
    row = record.locator('tr[data-module="投诉处理"]')
    expect(row).to_contain_text("2 / ")
    expect(row).to_contain_text("50%")
    with record.expect_download() as dl:
        record.locator(".tb-record__export").click()
    saved = tmp_path / "record.json"
    dl.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["format"] == "trainbook-progress"
    record.locator(".tb-record__clear").click()
    record.locator(".tb-ask__yes").click()
    expect(row).to_contain_text("0 / ")
    record.locator('input[type="file"]').set_input_files(str(saved))
    record.locator(".tb-ask__yes").click()
    expect(row).to_contain_text("2 / ")
    expect(row).to_contain_text("50%")
    module.reload()
    expect(module.locator('li.tb-q[data-qid="m-single"]')).to_have_attribute("data-result", "correct")


@pytest.mark.parametrize("path", [BANK, EXAM, CASE, MODULE, WRONG, RECORD])
def test_no_horizontal_scrolling_at_360_px(browser, server, path):
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1, is_mobile=True)
    try:
        page = visit(ctx, server, path)
        start = page.locator(".tb-quiz__start-btn")
        if start.count():
            start.first.click()
        for item in page.locator(".tb-quiz__questions > li.tb-q").all()[:4]:
            check = item.locator(":scope > .tb-q__actions .tb-q__check")
            opt = item.locator(":scope > .tb-q__body .tb-opt").first
            if opt.count() and check.count():
                opt.click()
                check.click()  # the state badges are shown
        wide = page.evaluate(
            """() => { const w = document.documentElement.clientWidth;
                 return Array.from(document.querySelectorAll('body *'))
                   .filter(e => { const r = e.getBoundingClientRect();
                                  return r.width > 0 && (r.right > w + 1 || r.left < -1)
                                    && getComputedStyle(e).position !== 'fixed'
                                    && !e.closest('.md-sidebar, .md-search, .md-header, .md-tabs, .tb-sr'); })
                   .map(e => e.tagName + '.' + e.className).slice(0, 5); }"""
        )
        shots = ARTIFACTS / "screenshots-360"  # kept after the run, for a person to look at
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / (path.replace("/", "_") + ".png")), full_page=True)
        assert wide == []
        assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    finally:
        ctx.close()


@pytest.mark.parametrize("path", [MODULE, BANK, EXAM, WRONG, RECORD, "index.html"])
def test_no_request_leaves_the_site(context, server, path):
    hosts: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: hosts.append(urlparse(r.url).hostname or urlparse(r.url).scheme))
    page.goto(f"{server}/{path}")
    page.wait_for_load_state("networkidle")
    outside = [h for h in hosts if h not in ("127.0.0.1", "data", "blob")]
    assert outside == []


# Per quiz, from the first frame that draws its built questions: how many of them that frame shows,
# how many there are, and the elements of those shown. Sampled in requestAnimationFrame, i.e. what
# each frame is about to draw.
FRAME_SAMPLER = """
window.__tbFirst = {};
(function sample() {
  document.querySelectorAll('.tb-quiz').forEach(function (root, i) {
    var items = root.querySelectorAll('.tb-quiz__app .tb-quiz__questions > li.tb-q');
    if (items.length && !(i in window.__tbFirst)) {
      var shown = Array.prototype.filter.call(items, function (li) { return !li.hidden; });
      var size = shown.reduce(function (n, li) { return n + li.getElementsByTagName('*').length; }, 0);
      window.__tbFirst[i] = [shown.length, items.length, size];
    }
  });
  requestAnimationFrame(sample);
})();
"""


def first_frames(browser, base: str, path: str) -> tuple[Page, list[list[int]]]:
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    page = ctx.new_page()
    page.add_init_script(FRAME_SAMPLER)
    page.goto(f"{base}/{path}")
    quizzes = page.locator(".tb-quiz").count()
    page.wait_for_function(f"() => Object.keys(window.__tbFirst).length === {quizzes}")
    return page, page.evaluate("() => Object.keys(__tbFirst).sort((a, b) => a - b).map(k => __tbFirst[k])")


@pytest.fixture(scope="module")
def example_server(example_site: Path):
    with serve(example_site) as url:
        yield url


def test_a_quiz_built_away_from_the_screen_is_drawn_a_few_questions_per_frame(browser, example_server):
    page, firsts = first_frames(browser, example_server, "modules/emergency.html")
    assert len(firsts) == 3  # all below the first screen
    # The frame that swaps a quiz in draws a few of its questions: about 120 elements, at least one.
    assert all(shown == 1 or size <= 120 for shown, _, size in firsts)
    assert any(shown < total for shown, total, _ in firsts)  # the longest is not drawn in one frame
    hidden = ".tb-quiz__app .tb-quiz__questions > li.tb-q[hidden]"
    expect(page.locator(hidden)).to_have_count(0)  # then 3 more a frame, until every one is shown
    page.context.close()


def test_a_quiz_on_the_screen_is_drawn_whole_in_one_frame(browser, example_server):
    page, firsts = first_frames(browser, example_server, "trainbook/banks/emergency.html")
    shown, total, _ = firsts[0]  # the bank's first quiz is on the screen when the page opens
    assert total > 3 and shown == total
    page.context.close()
