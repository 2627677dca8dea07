"""A hostile bank runs nothing: every YAML value of a bank and a case carries script payloads,
the site is built by the real `mkdocs build`, and Debian Chromium opens the bank page, the case
page and a handbook page with the quiz from disk, answers and checks every question — no payload
may run and no dangerous element or attribute may be in the DOM."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page

# Each payload, if it ever ran, records itself in window.tbPwned and opens a dialog.
RUN = "window.tbPwned=(window.tbPwned||[]).concat('{0}');alert('{0}')"
PAYLOADS = [
    f'<img src="x" onerror="{RUN.format("img")}">',
    f"<script>{RUN.format('script')}</script>",
    f'<a href="javascript:{RUN.format("js-link")}">恶意链接</a>',
    f'<svg onload="{RUN.format("svg")}"><circle r="5"></circle></svg>',
    "<iframe src=\"javascript:parent.tbPwned=['iframe']\" srcdoc=\"<script>parent.tbPwned=['srcdoc']</script>\">"
    "</iframe>",
    f'<details open ontoggle="{RUN.format("toggle")}"><summary>s</summary>d</details>',
    f'<object data="data:text/html,<script>{RUN.format("object")}</script>"></object>',
    '<a href="data:text/html,<script>alert(1)</script>">数据链接</a>',
    "<style>body{display:none}</style>",
    f"[恶意 Markdown 链接](javascript:{RUN.format('md-link').replace('(', '%28').replace(')', '%29')})",
    f'![图](x.png){{: onerror="{RUN.format("attr-list")}" }}',
]
ALL = " ".join(PAYLOADS)


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


BANK = f"""\
id: hostile
title: {q("恶意题库 <img src=x onerror=alert('title')>")}
defaults:
  points: 1
  difficulty: 1
  pool: practice
questions:
  - id: h-single
    type: single
    stem: {q("单选 " + ALL)}
    options: [{q("甲 " + PAYLOADS[0])}, {q("乙 " + PAYLOADS[3])}, {q("丙 " + PAYLOADS[2])}]
    answer: A
    explanation: {q("解析 " + ALL)}
  - id: h-multiple
    type: multiple
    stem: {q("多选 " + PAYLOADS[1])}
    options: [{q(PAYLOADS[4])}, {q(PAYLOADS[5])}, {q(PAYLOADS[10])}]
    answer: AB
    explanation: {q(PAYLOADS[6])}
  - id: h-tf
    type: true_false
    stem: {q("判断 " + PAYLOADS[0])}
    answer: true
    explanation: {q(PAYLOADS[9])}
  - id: h-fill
    type: fill_blank
    stem: {q("填空 " + PAYLOADS[0] + " ___ 。")}
    answer: [[{q(PAYLOADS[0])}, {q(PAYLOADS[1])}]]
    explanation: {q(PAYLOADS[3])}
  - id: h-order
    type: ordering
    stem: {q("排序 " + PAYLOADS[4])}
    items: [{q("一 " + PAYLOADS[0])}, {q("二 " + PAYLOADS[3])}, {q("三 " + PAYLOADS[1])}]
    explanation: {q(PAYLOADS[2])}
  - id: h-match
    type: matching
    stem: {q("配对 " + PAYLOADS[5])}
    pairs: [[{q("左 " + PAYLOADS[0])}, {q("右 " + PAYLOADS[3])}], [{q("左二")}, {q("右二 " + PAYLOADS[1])}]]
    distractors: [{q("干扰 " + PAYLOADS[4])}]
    explanation: {q(PAYLOADS[7])}
  - id: h-short
    type: short_answer
    stem: {q("简答 " + PAYLOADS[8])}
    reference: {q("参考 " + ALL)}
    rubric:
      - {{point: {q("要点 " + PAYLOADS[0])}, points: 1}}
    explanation: {q(PAYLOADS[10])}
  - id: h-group
    type: group
    case: hostile-case
    stem: {q("组合 " + PAYLOADS[3])}
    explanation: {q(PAYLOADS[0])}
    questions:
      - id: h-group-a
        type: single
        stem: {q("子题 " + PAYLOADS[0])}
        options: [{q(PAYLOADS[1])}, {q("B")}]
        answer: A
        explanation: {q(PAYLOADS[2])}
"""

CASE = f"""\
id: hostile-case
title: {q("恶意案例 <img src=x onerror=alert('case-title')>")}
tags: [{q("<b onmouseover=alert(1)>tag</b>")}]
summary: {q("概述 " + PAYLOADS[0])}
scenario: {q("情景 " + ALL)}
discussion: [{q("讨论 " + PAYLOADS[3])}]
analysis: {q("分析 " + ALL)}
practice: {q("做法 " + ALL)}
references: [{q("依据 " + PAYLOADS[0])}]
"""

RUBRIC = f"""\
id: hostile-rubric
title: {q("恶意评分表 <img src=x onerror=alert('rubric-title')>")}
case: hostile-case
duration: 10
pass: 60
criteria:
  - name: {q("礼仪 " + PAYLOADS[0])}
    description: {q("描述 " + ALL)}
    points: 40
    levels:
      - {{label: {q("优 " + PAYLOADS[3])}, points: 40, description: {q(PAYLOADS[1])}}}
      - {{label: 差, points: 0}}
  - name: 处置
    points: 60
  - name: {q("否决 " + PAYLOADS[2])}
    description: {q(PAYLOADS[5])}
    critical: true
"""

SCHEME = f"""\
id: hostile-scheme
title: {q("恶意方案 <img src=x onerror=alert('scheme-title')>")}
components:
  - {{id: written, name: {q("笔试 " + PAYLOADS[0])}, weight: 50, exam: hostile-exam}}
  - {{id: practical, name: {q("情景 " + PAYLOADS[3])}, weight: 30, rubric: hostile-rubric}}
  - {{id: survey, name: 满意度, weight: 20, form: hostile-form}}
grades:
  - {{label: {q("合格 " + PAYLOADS[0])}, min: 60}}
  - {{label: 不合格, min: 0}}
outcomes: {q("结果 " + ALL)}
"""

FORM = f"""\
id: hostile-form
title: {q("恶意表单 <img src=x onerror=alert('form-title')>")}
intro: {q("说明 " + ALL)}
fields: [{q("房号 " + PAYLOADS[0])}, 日期]
sections:
  - title: {q("评价 " + PAYLOADS[3])}
    items:
      - {{text: {q("态度 " + PAYLOADS[0])}, scale: [{q("满意 " + PAYLOADS[1])}, 一般, 不满意]}}
      - {{text: {q("业务 " + PAYLOADS[2])}, choices: [{q("报修 " + PAYLOADS[5])}, 投诉], multiple: true}}
      - {{text: {q("建议 " + PAYLOADS[10])}, lines: 2}}
table:
  columns: [序号, {q("姓名 " + PAYLOADS[0])}]
  rows: 2
"""

EXAM = f"""\
id: hostile-exam
title: {q("恶意考试 <img src=x onerror=alert('exam-title')>")}
instructions: {q("须知 " + ALL)}
duration: 30
pass: 1
seed: 7
variants: [A]
online: true
sections:
  - title: {q("一、选择题 " + PAYLOADS[0])}
    draw:
      - {{ids: [h-single, h-tf, h-fill, h-group]}}
"""

MKDOCS = """\
site_name: 恶意内容测试
docs_dir: content/handbook
use_directory_urls: false
theme:
  name: material
  language: zh
plugins:
  - trainbook:
      content: content
      bank_pages: always  # the page below shows the whole bank; keep the bank page to attack it too
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.superfences
"""

PAGE = """\
# 练习

```case
id: hostile-case
```

```quiz
bank: hostile
title: "恶意测验 <img src=x onerror=alert('quiz-title')>"
```
"""

DANGER = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(el.tagName + '[' + name + ']');
      if (['href', 'src', 'data', 'action', 'formaction', 'srcdoc'].includes(name)
          && /^(javascript|data|vbscript):/.test(value.replace(/[\\s\\u0000-\\u001f]/g, ''))) {
        found.push(el.tagName + '[' + name + '=' + value.slice(0, 20) + ']');
      }
    }
  }
  const content = document.querySelector('.md-content');
  const risky = 'script:not([type="application/json"]), iframe, object, embed, style, svg';
  for (const el of content.querySelectorAll(risky)) {
    found.push(el.tagName + ' in content');
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("hostile")
    (src / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    for rel, text in {
        "content/banks/hostile.yml": BANK,
        "content/cases/hostile-case.yml": CASE,
        "content/rubrics/hostile-rubric.yml": RUBRIC,
        "content/schemes/hostile-scheme.yml": SCHEME,
        "content/forms/hostile-form.yml": FORM,
        "content/exams/hostile-exam.yml": EXAM,
        "content/handbook/index.md": "# 首页\n",
        "content/handbook/practice.md": PAGE,
    }.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=src,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return src / "site"


class Visit:
    """One page opened from disk, with every dialog and page error recorded."""

    def __init__(self, browser, path: Path):
        self.context = browser.new_context(viewport={"width": 1000, "height": 900})
        self.context.set_default_timeout(10_000)
        self.page: Page = self.context.new_page()
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def ran(self) -> object:
        self.page.wait_for_timeout(300)  # let image errors and timers fire
        return self.page.evaluate("() => window.tbPwned || null")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    opened: list[Visit] = []

    def open_(path: Path) -> Visit:
        opened.append(Visit(browser, path))
        return opened[-1]

    yield open_
    for v in opened:
        v.close()


def interact(page: Page) -> None:
    """Answer and check every question of every quiz, reveal references, click links and details."""
    # Quizzes are built in slices and shown a few questions per frame (boot.js): answer only once
    # every question is on the page, or a question built later stays unanswered.
    page.wait_for_function(
        """() => [...document.querySelectorAll('[data-tb-quiz]')].every(q =>
            q.classList.contains('tb-quiz--ready') && !q.querySelector('.tb-quiz__app li.tb-q[hidden]'))"""
    )
    for start in page.locator(".tb-quiz__start-btn:visible").all():
        start.click()  # a timed mock exam starts on request
    for inp in page.locator(".tb-quiz__app input.tb-blank-input").all():
        inp.fill(PAYLOADS[2])  # not an accepted answer, so the feedback lists the accepted ones
    for ta in page.locator(".tb-quiz__app textarea").all():
        ta.fill(PAYLOADS[1])
    for group in page.locator(".tb-quiz__app .tb-opts").all():
        # the control itself: options are shuffled, and the first shown may hold a (dead) link
        group.locator(".tb-opt__input").first.click()
    for select in page.locator(".tb-quiz__app select").all():
        select.select_option(index=1)
    for btn in page.locator(".tb-quiz__app .tb-sa__reveal").all():
        btn.click()
    for box in page.locator(".tb-quiz__app .tb-sa__point input").all():
        box.check()
    checks = page.locator(".tb-quiz__app .tb-q__check:visible")
    for _ in range(checks.count()):  # a checked question hides its button
        checks.first.click()
    assert checks.count() == 0, page.locator(".tb-q__prompt:visible").all_inner_texts()
    for submit in page.locator(".tb-quiz__submit:visible").all():
        submit.click()  # exam mode grades everything at once
    # Links lost their href and details their ontoggle; activating them must still run nothing.
    page.evaluate(
        """() => {
        document.querySelectorAll('.md-content a').forEach(a => { if (!a.getAttribute('href')) a.click(); });
        document.querySelectorAll('.md-content details').forEach(d => { d.open = !d.open; });
    }"""
    )


def assert_nothing_ran(v: Visit) -> None:
    assert v.ran() is None
    assert v.dialogs == []
    assert v.page.evaluate(DANGER) == []


def test_detector_sees_a_payload_that_runs(browser, tmp_path: Path) -> None:
    """The probe itself works here: the same payload, inserted raw, is caught."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!doctype html><meta charset=utf-8><main class='md-content'>{PAYLOADS[0]}</main>", "utf-8")
    v = Visit(browser, raw)
    try:
        assert v.ran() == ["img"] and v.dialogs == ["img"]
        assert v.page.evaluate(DANGER) == ["IMG[onerror]"]
    finally:
        v.close()


def test_quiz_page_runs_no_payload_while_answering(visit, hostile_site: Path) -> None:
    v = visit(hostile_site / "practice.html")
    interact(v.page)
    assert v.page.locator(".tb-quiz__app li.tb-q[data-result]").count() >= 8  # every question was checked
    assert_nothing_ran(v)
    assert v.errors == []


def test_bank_page_runs_no_payload_while_answering(visit, hostile_site: Path) -> None:
    v = visit(hostile_site / "trainbook" / "banks" / "hostile.html")
    interact(v.page)
    assert_nothing_ran(v)
    assert v.errors == []


def test_case_page_runs_no_payload(visit, hostile_site: Path) -> None:
    v = visit(hostile_site / "trainbook" / "cases" / "hostile-case.html")
    interact(v.page)
    assert_nothing_ran(v)
    assert v.errors == []


@pytest.mark.parametrize(
    "page",
    ["rubrics/hostile-rubric.html", "schemes/hostile-scheme.html", "forms/hostile-form.html"],
)
def test_generated_sheet_pages_run_no_payload(visit, hostile_site: Path, page: str) -> None:
    v = visit(hostile_site / "trainbook" / page)
    interact(v.page)
    assert_nothing_ran(v)
    assert v.errors == []


def test_mock_exam_runs_no_payload_when_submitted(visit, hostile_site: Path) -> None:
    v = visit(hostile_site / "trainbook" / "exams" / "hostile-exam.html")
    interact(v.page)
    assert v.page.locator(".tb-quiz[data-submitted]").count() == 1
    assert_nothing_ran(v)
    assert v.errors == []


def test_wrongbook_runs_no_payload_from_its_data_files(visit, hostile_site: Path) -> None:
    """The 错题本 loads the bank's questions as a script file: the payloads stay data there too."""
    v = visit(hostile_site / "practice.html")
    interact(v.page)  # the blank's answer is a payload, not an accepted answer: wrong
    v.page.goto((hostile_site / "trainbook" / "learner" / "wrong.html").as_uri())
    book = v.page.locator("[data-tb-wrongbook][data-state='ready']")
    book.wait_for(state="attached")
    assert book.get_attribute("data-loaded") == "hostile"
    assert v.page.locator('.tb-quiz__app li.tb-q[data-qid="h-fill"]').count() == 1
    interact(v.page)
    assert_nothing_ran(v)
    assert v.errors == []


def test_plain_text_values_show_as_text(visit, hostile_site: Path) -> None:
    """Titles and accepted fill-blank answers are text: their markup is shown, never parsed."""
    v = visit(hostile_site / "practice.html")
    interact(v.page)
    fill = v.page.locator('.tb-quiz__app li.tb-q[data-qid="h-fill"] .tb-q__feedback')
    assert PAYLOADS[0] in fill.inner_text()
    assert "<img src=x onerror=alert('quiz-title')>" in v.page.locator(".tb-quiz__title").inner_text()
    assert "恶意案例 <img" in v.page.locator(".tb-group__case").first.inner_text()


def test_legit_markup_in_the_payload_values_survives(hostile_site: Path) -> None:
    """Sanitising keeps the harmless part: images keep their src, links their text."""
    html = (hostile_site / "practice.html").read_text(encoding="utf-8")
    assert '<img src="x">' in html or "<img src=\\u0022x\\u0022>" in html
    assert "恶意链接" in html
