"""Plain text skips Markdown: the fast path must give exactly what Markdown + the sanitiser give,
with the example handbook's extensions and the common extras an author might enable."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook.markup import MarkdownRenderer, is_plain
from trainbook.model import Choice, Matching, Ordering

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = [
    "toc", "tables", "admonition", "attr_list", "md_in_html", "def_list", "footnotes", "abbr", "smarty",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.mark",
    "pymdownx.magiclink", "pymdownx.caret", "pymdownx.tilde", "pymdownx.keys", "pymdownx.critic",
    "pymdownx.smartsymbols", "pymdownx.betterem",
]  # fmt: skip


@pytest.fixture(scope="module")
def renderer() -> MarkdownRenderer:
    return MarkdownRenderer(EXTENSIONS)


def example_values() -> list[str]:
    project = load_project(ROOT / "content", Report())
    values: list[str] = []
    for top in project.questions():
        for q in top.walk():
            values += [q.stem, q.explanation]
            body = q.body
            if isinstance(body, Choice):
                values += body.options
            elif isinstance(body, Ordering):
                values += body.items
            elif isinstance(body, Matching):
                values += [side for pair in body.pairs for side in pair]
    return [v for v in values if v]


def test_most_example_values_take_the_fast_path():
    values = example_values()
    assert sum(map(is_plain, values)) > len(values) / 3


def test_fast_path_equals_markdown_on_every_example_value(renderer: MarkdownRenderer):
    for value in example_values():
        if is_plain(value):
            assert str(renderer.render(value)) == f"<p>{value}</p>", value


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("业主客服投诉报修，。、；？！（）《》“”　 abcXYZ019,;?%"), min_size=1))
def test_fast_path_equals_markdown_on_random_plain_text(text: str):
    renderer = MarkdownRenderer(EXTENSIONS)
    if is_plain(text):
        assert str(renderer.render(text)) == f"<p>{text}</p>"


@pytest.mark.parametrize(
    "text", ["**粗体**", "a.b", "# 标题", "1. 第一", "- 项", "x  y", " 前导空格", "<b>x</b>", "a&b"]
)
def test_text_with_markup_characters_is_rendered_by_markdown(text: str):
    assert not is_plain(text)


def test_str_forms_equal_the_markup_forms_on_every_example_value(renderer: MarkdownRenderer):
    # Quiz data takes block_str / inline_str: the same text as block / inline, as a plain str.
    for value in [*example_values(), "", "**粗体**\n\n- 项", "a  b", " x"]:
        for as_str, as_markup in ((renderer.block_str, renderer.block), (renderer.inline_str, renderer.inline)):
            got = as_str(value)
            assert type(got) is str
            assert got == str(as_markup(value)), value
