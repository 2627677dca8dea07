"""The search view of a page: Material's search indexer, fed the page with the unindexed quiz
markup left out, must produce exactly the sections it produces from the whole page — for every
quiz of the example handbook and for markup that defeats the shortcut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser

from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook.markup import MarkdownRenderer
from trainbook.render import Renderer
from trainbook.searchview import search_view

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["toc", "tables", "admonition", "attr_list", "md_in_html", "pymdownx.superfences"]


def indexed(html: str) -> list[tuple[object, ...]] | str:
    """What Material's indexer takes from *html*: each section's id, title, text and exclusion
    (or the error it fails with: some markup trips it up, and must trip it up alike)."""
    parser = Parser()
    try:
        parser.feed(html)
        parser.close()
    except ValueError as e:
        return repr(e)
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip(), s.is_excluded()) for s in parser.data]


def page(*quizzes: str) -> str:
    """A page body around *quizzes*, with sections before and after them."""
    body = "\n".join(f'<h2 id="s{i}">节 {i}</h2>\n<p>第 {i} 节的正文。</p>\n{q}\n' for i, q in enumerate(quizzes))
    return f'<h1 id="t">标题</h1>\n<p>引言</p>\n{body}<h2 id="end">结尾</h2>\n<p>完。</p>\n'


@pytest.fixture(scope="module")
def example_quizzes() -> list[str]:
    project = load_project(ROOT / "content", Report())
    renderer = Renderer(MarkdownRenderer(EXTENSIONS))
    cases = {c.id: c for c in project.cases}
    quizzes = []
    for bank in project.banks:
        practice = [q for q in bank.questions if q.pool == "practice"]
        if practice:
            quizzes.append(renderer.quiz_html(f"tb-quiz-{bank.id}", practice, cases, title=bank.title, pick=2))
    return quizzes


def test_every_example_quiz_is_indexed_exactly_as_from_the_whole_page(example_quizzes: list[str]) -> None:
    html = page(*example_quizzes)
    assert indexed(search_view(html)) == indexed(html)


def test_the_view_leaves_out_most_of_the_quiz_markup(example_quizzes: list[str]) -> None:
    html = page(*example_quizzes)
    assert len(search_view(html)) < len(html) / 2


def test_a_page_without_quizzes_is_returned_as_it_is() -> None:
    html = page('<div class="other"><p data-search-exclude>x</p></div>')
    assert search_view(html) is html


QUIZ = (
    '<div class="tb-quiz" id="tb-quiz-1" data-tb-quiz>\n{}\n<script type="application/json">{{"a":1}}</script>\n</div>'
)

CASES = {
    "answers and script": '<p class="tb-quiz__title">题</p>\n<div data-search-exclude><ol><li>A 选项</li></ol></div>\n'
    "<p>题干</p>",
    "an excluded paragraph between texts": "<p>前</p>\n<p data-search-exclude>隐藏</p>\n<p>后</p>",
    "whitespace only around an exclusion": "<ol><li>\n<div data-search-exclude>x</div>\n</li></ol>",
    # Whitespace-only text is collapsed piece by piece: the pieces must stay apart.
    "collapsed whitespace before an exclusion": "<ol><li>\n<b></b>\n<p data-search-exclude>x</p>\n乙</li></ol>",
    # The indexer ends an exclusion at the first end tag of the same name, even a nested one.
    "a nested element of the excluded tag": '<div data-search-exclude>\n<div class="in">藏</div>\n露出的字\n</div>',
    "a nested kept tag of the excluded tag": "<ol><li data-search-exclude><ol><li>藏</li></ol>露出</li></ol>",
    "an exclusion ended early while another is open": "<div data-search-exclude><span data-search-exclude>"
    "<div></div>藏</span>露</div><p>后</p>",
    "a heading inside the quiz": '<div data-search-exclude><h3 id="h">小标题</h3>选项</div>\n<p>后</p>',
    "an attribute that only mentions the marker": '<p title="data-search-exclude">看得见</p>',
    "a quoted > in an attribute": '<div data-search-exclude title="a>b">藏</div><p>见</p>',
    "a comment with a tag in it": "<!-- <div> --><div data-search-exclude>藏</div><p>见</p>",
    "an unclosed tag": "<div data-search-exclude><p>藏</div><p>见</p>",
    "a self-closing excluded element": "<p>甲</p><div data-search-exclude/><p>乙</p>",
    "void elements": '<div data-search-exclude><input type="radio"><br>藏</div><p>见<br>行</p>',
    # The shortest view drops the tags the indexer does not copy: the text must come out the same.
    "text around dropped tags": "<p>甲<b>乙</b> <i>丙</i>\n<span> </span>丁</p>\n<div>\n戊 <em>\n</em></div>己",
    "whitespace written as entities": "<p>甲<b>&nbsp;</b>乙&#32;<i>&#10;</i>丙</p>",
    "an entity cut by a tag": "<p>A&amp<b>;</b>B &lt;<i>c</i>&gt;</p>",
    "code, sub- and superscripts": "<p>H<sub>2</sub>O <code>x  y</code> m<sup>2</sup></p><ul><li></li><li> </li></ul>",
    "whitespace kept in pre": "<pre><code>a\n\n  b</code></pre><div>\n<p>c</p></div>",
    "an object": "<p>甲</p><object><p>藏</p></object><p>乙</p>",
    "line numbers": '<div class="linenodiv"><pre>1\n2</pre></div><p>代码</p>',
    "a stray less-than sign": "<p>1 < 2 <b>且</b> 3</p>",
    "a self-closing kept tag": "<p>甲</p><p/><div>乙</div>",
    "an empty kept element": "<ol><li>\n<div data-search-exclude>藏</div>\n</li></ol><p> </p>",
}


@pytest.mark.parametrize("inner", CASES.values(), ids=CASES.keys())
def test_unusual_markup_is_indexed_exactly_as_from_the_whole_page(inner: str) -> None:
    html = page(QUIZ.format(inner), QUIZ.format(inner).replace("tb-quiz-1", "tb-quiz-2"))
    assert indexed(search_view(html)) == indexed(html)


QUIZ_TIGHT = '<div class="tb-quiz" id="tb-quiz-{}" data-tb-quiz><p>题{}</p></div>'


@pytest.mark.parametrize("around", ["甲{}乙", " {} ", "<p>甲</p>{}<p>乙</p>", "<ol><li>{}</li></ol>"])
def test_text_touching_the_quiz_is_indexed_exactly_as_from_the_whole_page(around: str) -> None:
    html = page(around.format(QUIZ_TIGHT.format(1, 1)), around.format(QUIZ_TIGHT.format(2, 2)))
    assert indexed(search_view(html)) == indexed(html)


@pytest.mark.parametrize("enclosing", ["div data-search-exclude", "div DATA-SEARCH-EXCLUDE", 'div class="linenodiv"'])
def test_a_quiz_inside_an_excluded_element_is_indexed_exactly_as_from_the_whole_page(enclosing: str) -> None:
    tag = enclosing.split()[0]
    inner = QUIZ.format("<div><p>题干</p></div>\n<p>后</p>")
    html = page(f"<{enclosing}>\n{inner}\n<p>仍在外层</p></{tag}>\n<p>外</p>")
    assert indexed(search_view(html)) == indexed(html)


def test_the_view_keeps_only_the_tags_the_indexer_copies(example_quizzes: list[str]) -> None:
    view = search_view(page(*example_quizzes))
    tags = set(re.findall(r"<(/?[a-z0-9]+)", view[view.index("<h2") :]))
    assert tags <= {"h2", "/h2", "p", "/p", "ol", "/ol", "ul", "/ul", "li", "/li", "code", "/code"}


def test_the_built_page_keeps_its_whole_quiz(mini_built: Path) -> None:
    html = (mini_built / "modules/complaints/index.html").read_text(encoding="utf-8")
    assert 'class="tb-q__answers"' in html and 'class="tb-quiz__data"' in html and "<legend" in html
