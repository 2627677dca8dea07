"""Fences anywhere in a real `mkdocs build`: nested ones render in place, and every content
problem in one — even in text pulled in by pymdownx.snippets — ends the build with a
`path:line:col` message, never a Python traceback."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"

EXTRA_EXTENSIONS = """\
  - pymdownx.details
  - pymdownx.tabbed:
      alternate_style: true
  - pymdownx.snippets:
      base_path: [snippets]
"""

NESTED_PAGE = """\
# 嵌套

!!! note "自测"
    先读一遍。

    ```quiz
    ids: [m-single]
    ```

=== "甲"
    ```quiz
    ids: [m-tf]
    ```

=== "乙"
    文字。

1. 第一步

    ```quiz
    ids: [m-fill]
    ```

2. 第二步
"""

SNIPPET = "共用练习。\n\n```quiz\nbank: {bank}\n```\n"


def make_site(root: Path, snippet_bank: str = "mini", page: str = NESTED_PAGE) -> Path:
    site = root / "site-src"
    shutil.copytree(MINI, site)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + EXTRA_EXTENSIONS, encoding="utf-8")
    (site / "snippets").mkdir()
    (site / "snippets" / "practice.md").write_text(SNIPPET.format(bank=snippet_bank), encoding="utf-8")
    handbook = site / "content" / "handbook"
    (handbook / "nested.md").write_text(page, encoding="utf-8")
    (handbook / "shared.md").write_text('# 共用\n\n--8<-- "practice.md"\n', encoding="utf-8")
    return site


def build(site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = make_site(tmp_path_factory.mktemp("nested"))
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


def test_nested_quizzes_render_inside_their_admonition_tab_and_list_item(built: Path) -> None:
    html = (built / "nested" / "index.html").read_text(encoding="utf-8")
    # The page bar's reserved place (before the first practice quiz) belongs to the quiz block.
    html = re.sub(
        r'(<div class="tb-pagebar[^>]*></div>\s*)?<div class="tb-quiz" .*?</script>\s*</div>',
        "[QUIZ]",
        html,
        flags=re.S,
    )
    assert re.search(r'<div class="admonition note">\s*<p class="admonition-title">自测</p>\s*<p>先读一遍。</p>\s*'
                     r"\[QUIZ\]\s*</div>", html)  # fmt: skip
    assert re.search(r'<div class="tabbed-block">\s*\[QUIZ\]\s*</div>', html)
    assert re.search(r"<li>\s*<p>第一步</p>\s*\[QUIZ\]\s*</li>", html)


def test_quiz_in_a_snippet_renders_on_the_including_page(built: Path) -> None:
    assert 'data-tb-quiz data-mode="practice"' in (built / "shared" / "index.html").read_text(encoding="utf-8")


def test_bad_quiz_in_an_admonition_fails_the_build_at_its_line(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, page=NESTED_PAGE.replace("m-single", "m-nope")))
    assert result.returncode != 0
    # The handbook is Chinese (theme.language: zh): so are its messages.
    assert "content/handbook/nested.md:7:5: error: 测验块（quiz）：题目 'm-nope' 不存在" in result.stderr
    assert "Traceback" not in result.stderr


def test_error_in_a_snippet_included_fence_is_reported_in_the_snippet_file(tmp_path: Path) -> None:
    result = build(make_site(tmp_path, snippet_bank="no-such-bank"))
    assert result.returncode != 0
    assert "snippets/practice.md:4:1: error: 测验块（quiz）：题库 'no-such-bank' 不存在" in result.stderr
    assert "Traceback" not in result.stderr


def test_error_in_text_included_from_an_unknown_place_names_the_page(tmp_path: Path) -> None:
    site = make_site(tmp_path, snippet_bank="no-such-bank")
    # practice.md now arrives through a second snippet the page does not name.
    (site / "snippets" / "outer.md").write_text('前言。\n\n--8<-- "practice.md"\n', encoding="utf-8")
    (site / "content" / "handbook" / "shared.md").write_text('# 共用\n\n--8<-- "outer.md"\n', encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert (
        "content/handbook/shared.md:3:1: error: 在插入本页的文本中（插入的 quiz 块第 2 行）："
        "测验块（quiz）：题库 'no-such-bank' 不存在"
    ) in result.stderr
    assert "Traceback" not in result.stderr
