"""The 错题本 of the example handbook loads its questions per bank, on demand: only the data files of
the banks holding a wrong answer are requested (served with `script-src 'self'`), and a question
answered wrongly on one page appears there and leaves when answered right, there or on its own page."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from ..chromium import layout_shift, serve

WRONG = "trainbook/learner/wrong.html"
EMERGENCY = "trainbook/banks/emergency.html"
PRIVACY = "trainbook/banks/privacy.html"
DATA = "/assets/trainbook/data/"
CSP = "default-src 'self'; script-src 'self'"
NONE = "目前没有错题：练习中答错的题目会出现在这里。"


@pytest.fixture(scope="module")
def base(example_site: Path) -> Iterator[str]:
    with serve(example_site, {"Content-Security-Policy": CSP, "Cache-Control": "no-store"}) as url:
        yield url


@pytest.fixture
def context(browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def data_requests(context: BrowserContext) -> list[str]:
    """The data files the pages ask for, as paths under assets/trainbook/data/."""
    seen: list[str] = []
    context.on("request", lambda r: seen.append(r.url.split(DATA, 1)[1]) if DATA in r.url else None)
    return seen


def single_choice(page: Page) -> tuple[str, int]:
    """The first single-choice question of the page's quiz data: its id and its key."""
    html = page.content()
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S)
    assert raw is not None
    q = next(q for q in json.loads(raw.group(1))["questions"] if q["type"] == "single")
    return q["id"], q["answer"][0]


def answer(page: Page, qid: str, index: int) -> None:
    item = page.locator(f'li.tb-q[data-qid="{qid}"]:not([data-result])').first
    item.locator(f':scope > .tb-q__body .tb-opt[data-index="{index}"]').click()
    item.locator(":scope > .tb-q__actions .tb-q__check").click()


def answer_wrongly(context: BrowserContext, base: str, path: str) -> tuple[str, int]:
    page = context.new_page()
    page.goto(f"{base}/{path}")
    qid, key = single_choice(page)
    answer(page, qid, (key + 1) % 2)
    expect(page.locator(f'li.tb-q[data-qid="{qid}"]').first).to_have_attribute("data-result", "wrong")
    page.close()
    return qid, key


def open_book(context: BrowserContext, base: str, requests: list[str]) -> Page:
    requests.clear()
    page = context.new_page()
    page.goto(f"{base}/{WRONG}")
    expect(page.locator("[data-tb-wrongbook]")).to_have_attribute("data-state", "ready")
    return page


def test_the_page_carries_no_question_data(example_site: Path) -> None:
    html = (example_site / WRONG).read_text(encoding="utf-8")
    assert "tb-quiz__data" not in html and "data-tb-quiz" not in html
    assert html.count("data-tb-bank=") == len(list((example_site / DATA.strip("/") / "banks").glob("*.js")))


def test_only_banks_with_wrong_answers_load_and_answers_move_across_pages(context, base, data_requests):
    book = open_book(context, base, data_requests)
    assert data_requests == ["index.js"]
    expect(book.locator(".tb-wrongbook__status")).to_have_text(NONE)
    expect(book.locator(".tb-quiz[data-tb-bank]:visible")).to_have_count(0)  # no bank listed for nothing
    book.close()

    first, first_key = answer_wrongly(context, base, EMERGENCY)
    second, second_key = answer_wrongly(context, base, PRIVACY)
    book = open_book(context, base, data_requests)
    assert sorted(data_requests) == ["banks/emergency.js", "banks/privacy.js", "index.js"]
    expect(book.locator("[data-tb-wrongbook]")).to_have_attribute("data-loaded", "emergency privacy")
    expect(book.locator(".tb-wrongbook__status")).to_have_text("")
    expect(book.locator("#tb-wrong-emergency li.tb-q")).to_have_count(1)
    expect(book.locator(f'#tb-wrong-emergency li.tb-q[data-qid="{first}"]')).to_be_visible()
    expect(book.locator(f'#tb-wrong-privacy li.tb-q[data-qid="{second}"]')).to_be_visible()
    expect(book.locator("#tb-wrong-laws")).to_be_hidden()  # a bank without wrong answers is not listed
    expect(book.locator(".tb-quiz[data-tb-bank]:visible")).to_have_count(2)

    answer(book, first, first_key)  # right, in the book: it leaves
    expect(book.locator(f'li.tb-q[data-qid="{first}"] .tb-fb__book')).to_contain_text("移出错题本")
    book.close()
    book = open_book(context, base, data_requests)
    assert sorted(data_requests) == ["banks/privacy.js", "index.js"]
    expect(book.locator(f'li.tb-q[data-qid="{first}"]')).to_have_count(0)
    expect(book.locator(f'#tb-wrong-privacy li.tb-q[data-qid="{second}"]')).to_be_visible()
    book.close()

    page = context.new_page()  # right on its own page: it leaves too
    page.goto(f"{base}/{PRIVACY}")
    page.locator(".tb-pagebar__retry").click()  # its wrong answer is shown again first
    answer(page, second, second_key)
    expect(page.locator(f'li.tb-q[data-qid="{second}"]').first).to_have_attribute("data-result", "correct")
    page.close()
    book = open_book(context, base, data_requests)
    assert data_requests == ["index.js"]
    expect(book.locator(".tb-wrongbook__status")).to_have_text(NONE)
    expect(book.locator("li.tb-q")).to_have_count(0)


@pytest.mark.parametrize(("width", "most"), [(1000, 0.01), (360, 0.05)])
def test_an_empty_book_loads_without_moving_the_page(browser, base, width, most):
    """Each bank's box starts at the height it ends at when the bank has no wrong answers, and the
    status line has its place (cumulative layout shift, Chromium's own measure; 0.09–0.14 before)."""
    ctx = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    try:
        page = ctx.new_page()
        page.goto(f"{base}/{WRONG}")
        expect(page.locator(".tb-wrongbook__status")).to_have_text(NONE)
        page.wait_for_timeout(300)  # the engine's idle-time builds
        shift = layout_shift(page)
        assert shift < most
    finally:
        ctx.close()


CASE = "trainbook/cases/elevator-entrapment.html"


def test_a_group_answered_wrongly_on_its_case_page_is_in_the_book(context, base, data_requests):
    # The case page shows a pointer to its scenario in the group's place: the question must
    # still be the same question (same content hash) in the 错题本 and on its bank page.
    page = context.new_page()
    page.goto(f"{base}/{CASE}")
    group = page.locator('li.tb-q[data-qid="emg-049"]').first
    group.scroll_into_view_if_needed()
    expect(group).to_contain_text("阅读本页上方")
    expect(group).not_to_contain_text("锦华苑 2 栋 1 号电梯")
    group.locator('li.tb-q[data-qid="emg-049a"] .tb-opt[data-index="0"]').click()  # wrong
    group.locator('li.tb-q[data-qid="emg-049b"] .tb-opt[data-index="1"]').click()  # 错: right
    for index in (0, 1, 3):  # right
        group.locator(f'li.tb-q[data-qid="emg-049c"] .tb-opt[data-index="{index}"]').click()
    group.locator(":scope > .tb-q__actions .tb-q__check").click()
    expect(group).to_have_attribute("data-result", "partial")
    page.close()

    book = open_book(context, base, data_requests)
    assert sorted(data_requests) == ["banks/emergency.js", "index.js"]
    shown = book.locator('#tb-wrong-emergency li.tb-q[data-qid="emg-049"]')
    expect(shown).to_be_visible()
    expect(shown).to_contain_text("锦华苑 2 栋 1 号电梯")  # the book shows the scenario itself
    book.close()

    bank = context.new_page()
    bank.goto(f"{base}/{EMERGENCY}")
    on_bank = bank.locator('li.tb-q[data-qid="emg-049"]').first
    on_bank.scroll_into_view_if_needed()
    expect(on_bank).to_have_attribute("data-result", "partial")  # the saved answer came back
    bank.close()
