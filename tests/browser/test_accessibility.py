"""axe-core (npm, run in Debian's Chromium) on the example handbook's learner pages, as a staff
member meets them: at rest, while answering, in a running and a submitted mock exam, with a filled
错题本 and 学习记录, on a phone and on a desktop. WCAG 2.1 A/AA rules and axe's best practices."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from ..chromium import serve

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

BANK = "trainbook/banks/emergency.html"
MODULE = "modules/emergency.html"
EXAM = "trainbook/exams/cs-basic.html"
CASE = "trainbook/cases/elevator-entrapment.html"
WRONG = "trainbook/learner/wrong.html"
RECORD = "trainbook/learner/record.html"
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def base(example_site: Path) -> Iterator[str]:
    with serve(example_site) as url:
        yield url


@pytest.fixture(params=[PHONE, DESKTOP], ids=["360px", "1280px"])
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=request.param, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def visit(context: BrowserContext, base: str, path: str) -> Page:
    page = context.new_page()
    page.goto(f"{base}/{path}")
    page.wait_for_load_state("load")
    # (An empty 错题本 holds no quiz: its banks stay hidden once it is ready.)
    page.locator("[data-tb-quiz-ready], [data-tb-wrongbook][data-state=ready]").first.wait_for(state="attached")
    # The page as it is once the engine has started: every static question list replaced by its
    # quiz (those away from the screen are built in idle time). axe misreads the static list's
    # questions, which are `content-visibility: auto` until then (dequelabs/axe-core#2768: it
    # takes other elements' colours for skipped content), and the reader never sees that state.
    page.wait_for_function("() => !document.querySelector('.tb-quiz > .tb-quiz__static:not([hidden])')")
    return page


def violations(page: Page, within: str | None = None, rules: list[str] | None = None) -> list[str]:
    """axe's findings on the page as it is now, one line per rule: id, count and the first nodes."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make npm-test` (axe-core is in package.json)", pytrace=False)
    # Colours half-way through a transition (the header's title swap on scrolling) are not a state.
    # The swap may start a few frames after a click scrolled the page: wait until no animation has
    # run for a quarter of a second.
    page.evaluate(
        """() => new Promise(done => {
             let since = performance.now();
             const tick = now => {
               if (document.getAnimations().some(a => a.playState === 'running')) since = now;
               if (now - since >= 250) done(); else requestAnimationFrame(tick);
             };
             requestAnimationFrame(tick);
           })"""
    )
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    options = {"runOnly": {"type": "rule", "values": rules}} if rules else {"runOnly": {"type": "tag", "values": TAGS}}
    found: list[dict[str, object]] = page.evaluate(
        """async ([within, options]) => {
             const r = await axe.run(within ? document.querySelector(within) : document, options);
             return r.violations.map(v => ({id: v.id,
               nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' — ' + (n.failureSummary || ''))})); }""",
        [within, options],
    )
    return [f"{v['id']}: {v['nodes']}" for v in found]


def answer_choices(page: Page, count: int) -> None:
    """Answer the page's first *count* single-choice questions, right and wrong in turn, and check
    each: feedback, state badges and the shown key are on the page."""
    keys = page.evaluate(
        """() => [].concat(...Array.from(document.querySelectorAll('script.tb-quiz__data'))
               .map(s => JSON.parse(s.textContent).questions))
               .filter(q => q.type === 'single').map(q => [q.id, q.answer[0]])"""
    )
    done = 0
    for qid, key in keys:
        item = page.locator(f'li.tb-q[data-qid="{qid}"]:not([data-result])').first
        if done == count or not item.count():
            continue
        pick = key if done % 2 == 0 else (key + 1) % 2
        item.locator(f':scope > .tb-q__body .tb-opt[data-index="{pick}"]').click()
        item.locator(":scope > .tb-q__actions .tb-q__check").click()
        done += 1


@pytest.mark.parametrize("path", [BANK, MODULE, EXAM, CASE, WRONG, RECORD])
def test_learner_pages_have_no_axe_violations_as_first_opened(context, base, path):
    page = visit(context, base, path)
    assert violations(page) == []


def test_bank_page_answered_and_checked_has_no_axe_violations(context, base):
    page = visit(context, base, BANK)
    answer_choices(page, 4)
    assert page.locator(".tb-q[data-result='wrong']").count() >= 1
    assert page.locator(".tb-q[data-result='correct']").count() >= 1
    assert violations(page) == []


def test_quiz_buttons_and_links_keep_their_contrast_under_the_pointer(context, base):
    page = visit(context, base, BANK)
    targets = [
        ".tb-q__check:visible",
        ".tb-pagebar__only",
        ".tb-quiz__app .tb-opt:visible",
        "article a[href]:visible",
    ]
    for selector in targets:
        target = page.locator(selector).first
        target.hover()
        page.wait_for_timeout(200)  # the theme's colour transitions
        assert violations(page, rules=["color-contrast"]) == [], selector


def test_mock_exam_running_asking_and_marked_has_no_axe_violations(context, base):
    page = visit(context, base, EXAM)
    page.locator(".tb-quiz__start-btn").click()
    page.locator(".tb-quiz__questions .tb-opt").first.click()
    assert violations(page) == []
    page.locator(".tb-quiz__submit").click()  # questions left unanswered: asked first
    assert violations(page) == []
    page.locator(".tb-ask__yes").click()
    page.locator(".tb-quiz__summary .tb-quiz__verdict").wait_for()
    assert violations(page) == []


def test_filled_wrongbook_and_record_have_no_axe_violations(context, base):
    answer_choices(visit(context, base, BANK), 4)
    book = visit(context, base, WRONG)
    assert book.locator(".tb-quiz__questions > li.tb-q").count() >= 1
    assert violations(book) == []
    record = visit(context, base, RECORD)
    assert violations(record) == []
