"""A page's Markdown tables each in a plain block of their own (trainbook_mkdocs.tablewrap), so that
Material's table wrapper, which moves each table when the page has loaded, restyles only the table
and not the whole article."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown

from trainbook_mkdocs.tablewrap import WRAPPER, TableWrapExtension, TableWrapTreeprocessor

TABLE = "| 时限 | 事项 |\n|---|---|\n| 5 分钟 | 到场 |\n"


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "admonition", TableWrapExtension()])


def test_a_markdown_table_sits_in_a_block_of_its_own():
    out = html("前文\n\n" + TABLE + "\n后文\n")
    assert f'<div class="{WRAPPER}">\n<table>' in out
    assert out.index("前文") < out.index(WRAPPER) < out.index("</table>\n</div>") < out.index("后文")


def test_tables_nested_in_blocks_are_wrapped_where_they_are():
    out = html('!!! note "提示"\n\n    ' + TABLE.replace("\n", "\n    ") + "\n")
    assert out.count(f'<div class="{WRAPPER}">') == 1
    assert out.index('class="admonition note"') < out.index(WRAPPER)


def test_a_table_with_a_class_is_left_as_it_is():
    root = ET.fromstring('<div><table class="tb-rubric__table"><tr><td>1</td></tr></table>尾</div>')
    TableWrapTreeprocessor(markdown.Markdown()).run(root)
    assert root[0].tag == "table" and root[0].tail == "尾"


def test_text_after_a_table_stays_after_its_block():
    root = ET.fromstring("<div><table><tr><td>1</td></tr></table>尾</div>")
    TableWrapTreeprocessor(markdown.Markdown()).run(root)
    wrapper = root[0]
    assert wrapper.get("class") == WRAPPER and wrapper.tail == "尾"
    assert wrapper[0].tag == "table" and wrapper[0].tail is None


def test_the_example_module_pages_tables_are_wrapped(example_site):
    page = (example_site / "modules" / "emergency.html").read_text(encoding="utf-8")
    assert page.count("<table>") == page.count(f'<div class="{WRAPPER}">\n<table>') > 0
