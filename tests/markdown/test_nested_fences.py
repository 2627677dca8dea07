"""Fences inside admonitions, content tabs and list items: found, validated, rendered in place."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import markdown
import pytest

from trainbook.diagnostics import ContentError
from trainbook.fences import find_fences
from trainbook.markdown_ext import TrainbookExtension
from trainbook.model import Project
from trainbook.validate import validate

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "content"
EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]

IN_ADMONITION = '!!! note "自测"\n    先读一遍。\n\n    ```quiz\n    ids: [m-single]\n    ```\n\nAfter.\n'
IN_TAB = '=== "甲"\n    ```quiz\n    ids: [m-tf]\n    ```\n\n=== "乙"\n    Text.\n'
IN_LIST = "1. 第一步\n\n    ```quiz\n    ids: [m-fill]\n    ```\n\n2. 第二步\n"


@pytest.fixture(scope="module")
def project() -> Project:
    project, report = validate(MINI)
    assert not report.errors
    return project


def render(project: Project, text: str) -> str:
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, TrainbookExtension(project)],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )
    return md.convert(text)


def without_quiz_bodies(html: str) -> str:
    """The page's structure with each quiz collapsed to one marker."""
    # The page bar's reserved place (before the first practice quiz) belongs to the quiz block.
    return re.sub(
        r'(<div class="tb-pagebar[^>]*></div>\s*)?<div class="tb-quiz" .*?</script>\s*</div>',
        "[QUIZ]",
        html,
        flags=re.S,
    )


# ------------------------------------------------------------------ finding


def test_fence_in_an_admonition_is_found_with_its_indentation() -> None:
    [fence] = find_fences(IN_ADMONITION.splitlines())
    assert (fence.kind, fence.start, fence.end, fence.indent) == ("quiz", 3, 5, 4)
    assert fence.body == "    ids: [m-single]"


def test_fence_in_a_content_tab_is_found() -> None:
    [fence] = find_fences(IN_TAB.splitlines())
    assert (fence.start, fence.indent) == (1, 4)


def test_fence_in_a_list_item_is_found() -> None:
    [fence] = find_fences(IN_LIST.splitlines())
    assert (fence.start, fence.indent) == (2, 4)


def test_fence_nested_two_levels_deep_is_found() -> None:
    text = '!!! note\n    === "甲"\n        ```quiz\n        ids: [m-tf]\n        ```\n'
    [fence] = find_fences(text.splitlines())
    assert fence.indent == 8


def test_tab_indented_fence_is_found_with_spaces_for_yaml() -> None:
    [fence] = find_fences("!!! note\n\t```quiz\n\tids: [m-tf]\n\t```\n".splitlines())
    assert fence.indent == 4 and fence.body == "    ids: [m-tf]"


def test_indented_code_block_is_not_a_fence() -> None:
    text = "Example:\n\n    ```quiz\n    bank: shown-as-code\n    ```\n"
    assert list(find_fences(text.splitlines())) == []


def test_quiz_inside_an_indented_code_fence_is_left_alone() -> None:
    text = "!!! note\n    ````markdown\n    ```quiz\n    bank: example\n    ```\n    ````\n"
    assert list(find_fences(text.splitlines())) == []


def test_fence_left_by_a_less_indented_line_is_no_fence() -> None:
    text = "!!! note\n    ```quiz\n    ids: [m-tf]\nnot indented\n    ```\n"
    assert [f.start for f in find_fences(text.splitlines())] == []


# ---------------------------------------------------------------- rendering


def test_quiz_in_an_admonition_renders_inside_it(project: Project) -> None:
    html = without_quiz_bodies(render(project, IN_ADMONITION))
    assert re.search(r'<div class="admonition note">\s*<p class="admonition-title">自测</p>\s*<p>先读一遍。</p>\s*'
                     r"\[QUIZ\]\s*</div>\s*<p>After.</p>", html), html  # fmt: skip


def test_quiz_in_a_content_tab_renders_inside_the_tab(project: Project) -> None:
    html = without_quiz_bodies(render(project, IN_TAB))
    assert re.search(
        r'<div class="tabbed-block">\s*\[QUIZ\]\s*</div>\s*<div class="tabbed-block">\s*<p>Text.</p>', html
    )


def test_quiz_in_a_list_item_renders_inside_the_item(project: Project) -> None:
    html = without_quiz_bodies(render(project, IN_LIST))
    assert re.search(r"<li>\s*<p>第一步</p>\s*\[QUIZ\]\s*</li>\s*<li>\s*<p>第二步</p>\s*</li>", html), html


def test_indented_code_block_still_shows_the_fence_as_code(project: Project) -> None:
    html = render(project, "Example:\n\n    ```quiz\n    bank: shown-as-code\n    ```\n")
    assert "tb-quiz" not in html and "<pre><code>```quiz" in html


# ----------------------------------------------------------------- problems


def page_report(tmp_path: Path, text: str) -> list[str]:
    content = tmp_path / "content"
    shutil.copytree(MINI, content)
    page = content / "handbook" / "modules" / "nested.md"
    page.write_text(text, encoding="utf-8")
    _, report = validate(content)
    return [f"{d.pos.line}:{d.pos.col}: {d.message}" for d in report.errors if d.pos.path == str(page)]


def test_bad_quiz_in_an_admonition_is_reported_at_its_line(tmp_path: Path) -> None:
    text = "# 页\n\n" + IN_ADMONITION.replace("m-single", "m-nope")
    assert page_report(tmp_path, text) == ["7:5: quiz block: question 'm-nope' does not exist"]


def test_bad_quiz_in_a_content_tab_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    text = IN_TAB.replace("ids: [m-tf]\n", "ids: [m-tf]\n    mode: wrong\n")
    assert page_report(tmp_path, text) == [
        "4:11: key 'mode' of the quiz block must be one of practice, exam, found the text 'wrong'"
    ]


def test_bad_case_in_a_list_item_is_reported_at_its_line(tmp_path: Path) -> None:
    text = "1. 第一步\n\n    ```case\n    id: no-such-case\n    ```\n"
    assert page_report(tmp_path, text) == ["4:9: case block: case study 'no-such-case' does not exist"]


def test_render_time_error_in_a_nested_fence_names_the_page_line(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    text = "---\ntitle: x\n---\n\n" + IN_ADMONITION.replace("m-single", "m-nope")
    page.write_text(text, encoding="utf-8")
    ext = TrainbookExtension(project)
    ext.begin_page(str(page))
    body = text.split("---\n", 2)[2]  # MkDocs hands the extension the page without front matter
    with pytest.raises(ContentError, match=re.escape(f"{page.name}:9:5: error: quiz block: question 'm-nope'")):
        markdown.markdown(body, extensions=[*EXTENSIONS, ext])


def test_fence_from_unknown_included_text_names_the_page_and_says_so(project: Project, tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text('# 页\n\n--8<-- "gone.md"\n', encoding="utf-8")
    ext = TrainbookExtension(project, collect_problems=True)
    ext.begin_page(str(page))
    # The text as pymdownx.snippets would have expanded it from a file that is not found again.
    markdown.markdown("# 页\n\n```quiz\nbank: nope\n```\n", extensions=[*EXTENSIONS, ext])
    [problem] = ext.problems
    assert problem.pos.path == str(page) and problem.pos.line == 3
    assert problem.message == (
        "in text included into this page (line 2 of the included quiz block): quiz block: bank 'nope' does not exist"
    )


def test_fence_from_a_snippet_file_is_reported_in_that_file(project: Project, tmp_path: Path) -> None:
    (tmp_path / "parts").mkdir()
    part = tmp_path / "parts" / "inc.md"
    part.write_text("共用说明。\n\n```quiz\nbank: nope\n```\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text('# 页\n\n--8<-- "inc.md"\n', encoding="utf-8")
    ext = TrainbookExtension(project, collect_problems=True, include_dirs=[tmp_path / "parts"])
    ext.begin_page(str(page))
    markdown.markdown(
        page.read_text(encoding="utf-8"),
        extensions=[*EXTENSIONS, "pymdownx.snippets", ext],
        extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path / "parts")]}},
    )
    assert [(d.pos.path, d.pos.line, d.message) for d in ext.problems] == [
        (str(part), 4, "quiz block: bank 'nope' does not exist")
    ]


def test_quiz_in_a_blockquote_is_reported_as_unsupported(tmp_path: Path) -> None:
    text = "引言：\n\n> ```quiz\n> ids: [m-tf]\n> ```\n"
    assert page_report(tmp_path, text) == [
        "3:1: a quiz block inside a blockquote ('>') is not supported; move it out of the quote"
    ]
