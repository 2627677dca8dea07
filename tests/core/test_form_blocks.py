"""A form's blocks print in the author's order; a scheme's own headings are not doubled."""

from __future__ import annotations

from pathlib import Path

from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook.markup import MarkdownRenderer
from trainbook.render import environment

FORM = """\
id: f
title: 记录表
fields: [姓名]
sections:
  - title: 综合评价
    items: [{text: 意见, lines: 2}]
table: {title: 考核成绩, columns: [序号, 项目], rows: 2}
"""


def load_form(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    (tmp_path / "forms").mkdir()
    (tmp_path / "forms/f.yml").write_text(text, encoding="utf-8")
    report = Report()
    project = load_project(tmp_path, report)
    assert not report.errors, report.errors
    return project.forms[0]


def test_without_order_a_form_keeps_the_order_it_always_had(tmp_path: Path) -> None:
    assert load_form(tmp_path, FORM).blocks() == ("fields", "sections", "table")


def test_order_puts_the_table_where_the_author_wants_it(tmp_path: Path) -> None:
    form = load_form(tmp_path, FORM + "order: [fields, table, sections]\n")
    assert form.blocks() == ("fields", "table", "sections")
    assert form.table is not None and form.table.title == "考核成绩" and form.table.numbered()


def render(template: str, **values: object) -> str:
    return environment(markdown=MarkdownRenderer()).from_string(template).render(**values)


def test_text_with_its_own_headings_is_not_headed_again() -> None:
    text = "### 适用范围\n\n全体员工。\n\n### 考核结果运用\n\n绩效工资。\n"
    out = render("{{ text|md('考核结果运用', 2) }}", text=text)
    assert out.count("考核结果运用") == 1
    assert "## 适用范围" in out and "## 考核结果运用" in out and "###" not in out


def test_text_without_headings_gets_the_title_as_its_heading() -> None:
    out = render("{{ text|md('考核结果运用', 2) }}", text="结果用于绩效工资。\n\n#### 细则\n\n见制度。\n")
    assert out.startswith("## 考核结果运用\n\n") and "### 细则" in out
