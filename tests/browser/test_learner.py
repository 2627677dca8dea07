"""The learner's side of the quiz engine in Debian Chromium: shuffled options, marking, saved
progress (reload, edited questions, a resumed mock exam), pass/fail, storage switched off."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .quizpage import open_page, quiz_page
from .test_quiz_engine import ASSETS

# A seeded Math.random, so that the shuffles of a test are the same on every run.
SEEDED_RANDOM = """
(() => { let s = 20261201;
  Math.random = () => { s = (s * 1103515245 + 12345) % 2147483648; return s / 2147483648; }; })();
"""
NO_STORAGE = """
Object.defineProperty(window, "localStorage", {
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("learner")
    for name in ("quiz.js", "quiz.css"):
        shutil.copy(ASSETS / name, root / name)
    html = quiz_page("learner_fixture.html")
    (root / "learner.html").write_text(html, encoding="utf-8")
    edited = html.replace("业主报修后，客服首先应当（　）。", "业主报修后，客服人员首先应当（　）。")
    assert edited != html
    (root / "edited.html").write_text(edited, encoding="utf-8")
    return root


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1000, "height": 900}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(SEEDED_RANDOM)
    yield ctx
    ctx.close()


@pytest.fixture
def errors() -> list[str]:
    return []


@pytest.fixture
def page(context, site, errors) -> Page:
    return open_page(context, errors, (site / "learner.html").as_uri())


def q(page: Page, qid: str):
    return page.locator(f'li.tb-q[data-qid="{qid}"]')


def opt(item, index: int):
    return item.locator(f':scope > .tb-q__body .tb-opt[data-index="{index}"]')


def order(item) -> list[int]:
    return [
        int(i) for i in item.locator(":scope > .tb-q__body .tb-opt").evaluate_all("e => e.map(x => x.dataset.index)")
    ]


def check(item):
    item.locator(":scope > .tb-q__actions .tb-q__check").click()


# ------------------------------------------------------------------ options


def test_option_order_changes_between_attempts_and_feedback_names_the_letter_shown(page):
    item = q(page, "l-single")
    orders = [order(item)]
    for _ in range(3):
        page.locator("#tb-quiz-1 .tb-quiz__retry").click()
        orders.append(order(q(page, "l-single")))
    assert all(sorted(o) == list(range(6)) for o in orders)
    assert len({tuple(o) for o in orders}) > 1  # a fresh order on every attempt
    item = q(page, "l-single")
    right = order(item).index(0)  # where the correct option landed
    wrong = next(i for i in order(item) if i != 0)
    opt(item, wrong).click()
    check(item)
    letter = "ABCDEF"[right]
    expect(item.locator(".tb-fb__answer")).to_have_text(re.compile(f"正确答案：{letter}\\s*$"))
    expect(opt(item, 0).locator(".tb-opt__letter")).to_have_text(f"{letter}.")


def test_shuffle_false_keeps_the_authored_order(page):
    for _ in range(3):
        assert order(q(page, "l-fixed")) == [0, 1, 2, 3]
        page.locator("#tb-quiz-1 .tb-quiz__retry").click()


# ------------------------------------------------------------------ marking


def test_blank_ignores_trailing_punctuation_and_spaces_and_enter_checks(page):
    item = q(page, "l-fill")
    field = item.locator("input.tb-blank-input")
    field.fill(" 首 问。")
    field.press("Enter")
    expect(item).to_have_attribute("data-result", "correct")


def test_matching_with_partial_credit_scores_each_pair(page):
    item = q(page, "l-match")
    wanted = {"漏水": "维修部", "电梯故障": "电梯维保单位", "噪音扰民": "秩序维护部"}
    rows = item.locator(".tb-match__row").all()
    for k, row in enumerate(rows):
        labels = row.locator("option").all_inner_texts()
        target = wanted[row.locator(".tb-match__left").inner_text().strip()]
        if k == 0:  # one pair wrong
            target = next(v for v in wanted.values() if v != target)
        row.locator("select").select_option(label=next(lab for lab in labels if lab.endswith(target)))
    check(item)
    expect(item).to_have_attribute("data-result", "partial")
    expect(item).to_have_attribute("data-score", "2")


def test_group_with_an_unanswered_part_asks_before_checking(page):
    group = q(page, "l-group")
    opt(q(page, "l-group-1"), 1).click()
    check(group)
    ask = group.locator(".tb-ask")
    expect(ask).to_be_visible()
    expect(ask).to_contain_text("1 个小题未作答")
    assert group.get_attribute("data-result") is None  # nothing graded yet
    ask.locator(".tb-ask__no").click()
    opt(q(page, "l-group-2"), 0).click()
    check(group)
    expect(group).to_have_attribute("data-result", "correct")


def test_check_with_nothing_answered_says_so_on_screen(page):
    item = q(page, "l-single")
    check(item)
    prompt = item.locator(".tb-q__prompt")
    expect(prompt).to_be_visible()
    expect(prompt).to_have_text("请先作答，再点击“检查”。")
    opt(item, 2).click()
    expect(prompt).to_be_hidden()


def test_self_assessed_points_are_reported_as_points(page):
    item = q(page, "l-short")
    item.locator("textarea").fill("先倾听，再道歉")
    item.locator(".tb-sa__reveal").click()
    boxes = item.locator(".tb-sa__point input")
    boxes.nth(0).check()
    boxes.nth(1).check()
    check(item)
    summary = page.locator("#tb-quiz-1 .tb-quiz__summary")
    expect(summary).to_contain_text("自评 4 / 6 分")
    expect(summary).not_to_contain_text("答对 0 / 1 题")


def test_page_total_only_wrong_and_practise_wrong_again(page):
    opt(q(page, "l-single"), 1).click()  # wrong
    check(q(page, "l-single"))
    opt(q(page, "l-fixed"), 3).click()  # right
    check(q(page, "l-fixed"))
    bar = page.locator(".tb-pagebar")
    expect(bar).to_have_attribute("data-checked", "2")
    expect(bar).to_have_attribute("data-wrong", "1")
    expect(bar).to_contain_text("得分 1 / 3")
    bar.locator(".tb-pagebar__only").click()
    expect(q(page, "l-fixed")).to_be_hidden()
    expect(q(page, "l-single")).to_be_visible()
    bar.locator(".tb-pagebar__retry").click()
    expect(q(page, "l-single")).not_to_have_attribute("data-result", "wrong")
    expect(q(page, "l-fixed")).to_have_attribute("data-result", "correct")  # right answers stay
    expect(bar).to_have_attribute("data-wrong", "0")


# ---------------------------------------------------------------- progress


def test_reload_keeps_answers_and_checked_state(page):
    single = q(page, "l-single")
    shown = order(single)
    opt(single, 0).click()
    check(single)
    q(page, "l-fill").locator("input").fill("首")  # answered, not checked
    page.reload()
    page.wait_for_selector("#tb-quiz-1 .tb-quiz__app")
    single = q(page, "l-single")
    expect(single).to_have_attribute("data-result", "correct")
    assert order(single) == shown  # the order the learner saw, not a new one
    expect(opt(single, 0).locator("input")).to_be_checked()
    expect(q(page, "l-fill").locator("input")).to_have_value("首")
    assert q(page, "l-fill").get_attribute("data-result") is None


def test_an_edited_question_starts_fresh(context, site, errors):
    page = open_page(context, errors, (site / "learner.html").as_uri())
    opt(q(page, "l-single"), 0).click()
    check(q(page, "l-single"))
    opt(q(page, "l-fixed"), 3).click()
    check(q(page, "l-fixed"))
    edited = open_page(context, errors, (site / "edited.html").as_uri())
    assert edited.locator('li.tb-q[data-qid="l-single"]').get_attribute("data-result") is None
    expect(edited.locator('li.tb-q[data-qid="l-single"] input:checked')).to_have_count(0)
    expect(edited.locator('li.tb-q[data-qid="l-fixed"]')).to_have_attribute("data-result", "correct")
    assert errors == []


# ------------------------------------------------------------- mock exams


def start_exam(page: Page):
    page.locator("#tb-mock-m .tb-quiz__start-btn").click()
    expect(page.locator("#tb-mock-m .tb-quiz__questions > li.tb-q")).to_have_count(3)


def answer_exam(page: Page, right: bool):
    for item in page.locator("#tb-mock-m .tb-quiz__questions > li.tb-q").all():
        opt(item, 0 if right else 1).click()


def test_each_exam_attempt_draws_a_fresh_paper_by_the_sections_rules(page):
    papers = set()
    start_exam(page)
    for _ in range(4):
        ids = page.locator("#tb-mock-m .tb-quiz__questions > li.tb-q").evaluate_all("e => e.map(x => x.dataset.qid)")
        assert len(ids) == 3 and ids[2] == "x5" and set(ids[:2]) <= {"x1", "x2", "x3", "x4"}
        papers.add(tuple(ids[:2]))
        answer_exam(page, True)
        page.locator("#tb-mock-m .tb-quiz__submit").click()
        page.locator("#tb-mock-m .tb-quiz__retry").click()
        page.locator("#tb-mock-m .tb-ask__yes").click()  # discarding a result is confirmed
    assert len(papers) > 1


def test_exam_result_shows_points_pass_fail_and_breakdown(page):
    start_exam(page)
    answer_exam(page, True)
    page.locator("#tb-mock-m .tb-quiz__submit").click()
    summary = page.locator("#tb-mock-m .tb-quiz__summary")
    expect(summary).to_have_attribute("data-passed", "true")
    expect(summary).to_contain_text("通过（及格线 3 分）")
    expect(summary).to_contain_text("得分 4 / 4（100%）")  # section points, not the bank's 5
    expect(summary.locator(".tb-quiz__breakdown").first).to_contain_text("一、单项选择题")
    expect(summary).to_contain_text("能处置电梯困人")


def test_failed_exam_links_weak_objectives_to_the_handbook(page):
    start_exam(page)
    answer_exam(page, False)
    page.locator("#tb-mock-m .tb-quiz__submit").click()
    summary = page.locator("#tb-mock-m .tb-quiz__summary")
    expect(summary).to_have_attribute("data-passed", "false")
    expect(summary).to_contain_text("未通过")
    expect(summary.locator("a.tb-quiz__weak").first).to_have_attribute("href", re.compile(r"module\.html#o-"))


def test_submit_with_unanswered_questions_asks_first(page):
    start_exam(page)
    page.locator("#tb-mock-m .tb-quiz__submit").click()
    expect(page.locator("#tb-mock-m .tb-ask")).to_contain_text("还有 3 题未作答")
    page.locator("#tb-mock-m .tb-ask__no").click()
    assert page.locator("#tb-mock-m").get_attribute("data-submitted") is None
    page.locator("#tb-mock-m .tb-quiz__submit").click()
    page.locator("#tb-mock-m .tb-ask__yes").click()
    expect(page.locator("#tb-mock-m")).to_have_attribute("data-submitted", "manual")


def test_an_unfinished_exam_resumes_with_its_remaining_wall_clock_time(page):
    start_exam(page)
    first = page.locator("#tb-mock-m .tb-quiz__questions > li.tb-q").first
    qid = first.get_attribute("data-qid")
    opt(first, 0).click()
    expect(page.locator("#tb-mock-m .tb-quiz__count")).to_have_text("已答 1 / 3")
    # 7.5 minutes pass while the page is away
    page.evaluate(
        """() => { const d = JSON.parse(localStorage.getItem("trainbook.progress"));
                   d.runs["exam:m"].deadline -= 450000;
                   localStorage.setItem("trainbook.progress", JSON.stringify(d)); }"""
    )
    page.reload()
    expect(page.locator("#tb-mock-m .tb-quiz__timer-value")).to_have_text(re.compile(r"^02:[23]\d$"))
    resumed = page.locator(f'#tb-mock-m li.tb-q[data-qid="{qid}"]')
    expect(opt(resumed, 0).locator("input")).to_be_checked()
    expect(page.locator("#tb-mock-m .tb-quiz__start")).to_be_hidden()


def test_leaving_an_exam_under_way_asks_first(page):
    start_exam(page)
    opt(page.locator("#tb-mock-m .tb-quiz__questions > li.tb-q").first, 0).click()
    cancelled = page.evaluate(
        "() => { const e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
        " return e.defaultPrevented; }"
    )
    assert cancelled


def test_without_storage_everything_works_without_errors(browser, site):
    ctx = browser.new_context()
    ctx.add_init_script(NO_STORAGE)
    errors: list[str] = []
    try:
        page = open_page(ctx, errors, (site / "learner.html").as_uri())
        assert page.evaluate("() => { try { localStorage; return false; } catch (e) { return true; } }")
        opt(q(page, "l-single"), 0).click()
        check(q(page, "l-single"))
        expect(q(page, "l-single")).to_have_attribute("data-result", "correct")
        start_exam(page)
        answer_exam(page, True)
        page.locator("#tb-mock-m .tb-quiz__submit").click()
        expect(page.locator("#tb-mock-m .tb-quiz__summary")).to_contain_text("通过")
        page.locator("#tb-quiz-1 .tb-quiz__retry").click()
        assert errors == []
    finally:
        ctx.close()
