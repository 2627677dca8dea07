"""Page templates: Markdown escaping, strict names, the string table."""

from __future__ import annotations

import string
from pathlib import Path

import markdown
import pytest
from markupsafe import Markup

from tests.conftest import MINI
from trainbook.markup import MarkdownRenderer
from trainbook.mdescape import md_text
from trainbook.pages import PageBuilder, PageTemplateError
from trainbook.render import Renderer, environment
from trainbook.strings import LANGUAGES, STRINGS, Strings
from trainbook.validate import validate


def test_plain_text_cannot_become_html_links_or_attributes_in_page_markdown() -> None:
    hostile = '<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b** {: onclick="alert(1)" } a|b\n# h'
    page = f"## {md_text(hostile)}\n\n| {md_text(hostile)} | c |\n|---|---|\n| {md_text(hostile)} | c |\n"
    html = markdown.markdown(page, extensions=["tables", "attr_list"])
    assert "<img" not in html and "<a " not in html and "<strong>" not in html and "onclick=" not in html
    assert html.count("<td>") == 2 and "<h1" not in html


def test_an_undefined_name_in_a_template_is_an_error_not_empty_text(tmp_path: Path) -> None:
    (tmp_path / "form.md.j2").write_text("{{ form.title }}\n{{ form.no_such_key }}\n", encoding="utf-8")
    project, _report = validate(MINI / "content", MINI / "content/handbook")
    md = MarkdownRenderer()
    builder = PageBuilder(project, Renderer(md, environment([tmp_path], markdown=md)))
    with pytest.raises(PageTemplateError, match=r"form\.md\.j2:2: .*no_such_key"):
        builder.form(project.forms[0].id)


def test_every_string_has_every_language_with_the_same_placeholders() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, texts in STRINGS.items():
        assert set(texts) == set(LANGUAGES), key
        assert all(texts[lang].strip() for lang in LANGUAGES), key
        assert len({frozenset(fields(t)) for t in texts.values()}) == 1, key


def test_string_values_are_escaped_but_the_table_text_is_not() -> None:
    t = Strings("zh-CN")
    assert t("case_box.title", title="a|<b>") == "案例：a&#124;&lt;b&gt;"
    assert Strings("en").plain("case_box.title", title="a|<b>") == "Case: a|<b>"


def test_a_filled_string_is_remembered_by_its_values_and_their_types() -> None:
    # A quiz fills "quiz.points" once per question; the memo must not mix up a str and an equal
    # Markup (one is escaped, the other is not) nor 1 and 1.0 and True.
    t = Strings("zh")
    assert t("case_box.title", title="<b>") == "案例：&lt;b&gt;"
    assert t("case_box.title", title=Markup("<b>")) == "案例：<b>"
    assert t("case_box.title", title="<b>") == "案例：&lt;b&gt;"
    assert [t("quiz.points", points=p) for p in (1, 1.0, True, 1)] == [
        "（1 分）",
        "（1.0 分）",
        "（True 分）",
        "（1 分）",
    ]
    assert t("quiz.points", points=[2]) == "（&#91;2&#93; 分）"  # a value that cannot be a key: filled each time
