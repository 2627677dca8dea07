"""Generated pages come from overridable templates that escape for Markdown, in the
handbook's language. Two tiny real sites, each built once for the module."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.conftest import MINI

OVERRIDE = """{% extends "page.md.j2" %}
{% block body %}
OVERRIDDEN-BANK-PAGE {{ count }}
{% endblock %}
"""


def _build(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def zh_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini site with Markdown and '|' in rubric, scheme, form and case values, and a
    theme custom_dir overriding the bank page template."""
    site = tmp_path_factory.mktemp("zh") / "src"
    shutil.copytree(MINI, site)
    content = site / "content"
    _edit(
        content / "rubrics/mini-roleplay.yml", "pass: 60\n", "pass: 60\ninstructions: |\n  > 注意：考官**全程**计时\n"
    )
    _edit(content / "forms/mini-form.yml", "intro: 请如实填写。", "intro: '> 请**如实**填写。'")
    _edit(content / "schemes/mini-scheme.yml", "name: 理论笔试", "name: 理论|笔试")
    _edit(content / "cases/night-lift.yml", "summary: 深夜有业主被困电梯。", "summary: 深夜|有业主被困电梯。")
    _edit(content / "cases/night-lift.yml", "title: 夜间电梯困人", "title: 夜间<b>电梯</b>困人")
    overrides = site / "overrides/trainbook"
    overrides.mkdir(parents=True)
    (overrides / "bank.md.j2").write_text(OVERRIDE, encoding="utf-8")
    _edit(site / "mkdocs.yml", "  language: zh\n", "  language: zh\n  custom_dir: overrides\n")
    _build(site)
    return site / "site/trainbook"


@pytest.fixture(scope="module")
def en_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("en") / "src"
    shutil.copytree(MINI, site)
    _edit(site / "mkdocs.yml", "  language: zh\n", "  language: en\n")
    _build(site)
    return site / "site/trainbook"


def _main(page: Path) -> str:
    """The page's article, without the theme's navigation."""
    html = page.read_text(encoding="utf-8")
    return html.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]


def test_markdown_in_a_rubric_value_renders_as_markdown(zh_site: Path) -> None:
    html = _main(zh_site / "rubrics/mini-roleplay/index.html")
    assert re.search(r"<blockquote>\s*<p>注意：考官<strong>全程</strong>计时</p>\s*</blockquote>", html)
    assert "&gt; 注意" not in html and "**" not in html


def test_markdown_in_a_form_value_renders_as_markdown(zh_site: Path) -> None:
    html = _main(zh_site / "forms/mini-form/index.html")
    assert re.search(r"<blockquote>\s*<p>请<strong>如实</strong>填写。</p>\s*</blockquote>", html)


def test_markdown_in_a_scheme_value_renders_as_markdown(zh_site: Path) -> None:
    html = _main(zh_site / "schemes/mini-scheme/index.html")
    assert "不合格者<strong>补训</strong>。" in html


def test_a_bar_in_a_name_keeps_the_table_intact(zh_site: Path) -> None:
    html = _main(zh_site / "schemes/mini-scheme/index.html")
    row = re.search(r"<tr>\s*<td>理论&#124;笔试</td>(.*?)</tr>", html, re.S)
    assert row, "the component's name is one cell"
    assert len(re.findall(r"<td[^>]*>", row.group(1))) == 2  # weight and source, as in every row


def test_a_bar_in_a_summary_keeps_the_overview_table_intact(zh_site: Path) -> None:
    html = _main(zh_site / "index.html")
    assert re.search(r"<td>深夜&#124;有业主被困电梯。</td>\s*</tr>", html)


def test_html_in_a_title_shows_as_text_in_nav_title_and_pages(zh_site: Path) -> None:
    pages = list(zh_site.parent.rglob("*.html"))
    assert [p for p in pages if "<b>电梯</b>" in p.read_text(encoding="utf-8")] == []
    case = (zh_site / "cases/night-lift/index.html").read_text(encoding="utf-8")
    assert "<title>夜间&lt;b&gt;电梯&lt;/b&gt;困人" in case


def test_a_custom_dir_template_overrides_a_generated_page(zh_site: Path) -> None:
    html = _main(zh_site / "banks/mini/index.html")
    assert re.search(r"<p>OVERRIDDEN-BANK-PAGE \d+</p>", html), "the override, given the page's data"
    assert "本题库公开练习题" not in html


def test_page_templates_in_custom_dir_are_not_published(zh_site: Path) -> None:
    assert not (zh_site / "bank.md.j2").exists()


def test_english_words_when_the_handbook_language_is_english(en_site: Path) -> None:
    case = _main(en_site / "cases/night-lift/index.html")
    for heading in ("Scenario", "Discussion", "References", "Case exercises"):
        assert re.search(rf"<h2 [^>]*>{heading}<", case), heading
    for fold in ("Analysis", "Correct practice"):  # folded until the reader opens them
        assert f"<summary>{fold}</summary>" in case, fold
    bank = _main(en_site / "banks/mini/index.html")
    assert re.search(r"This bank has \d+ practice questions", bank)
    assert re.search(r"<h2 [^>]*>Single choice \(\d+\)<", bank)
    assert '<p class="tb-q__hint">True or false?</p>' in bank  # the quizzes' static HTML too
    overview = (en_site / "index.html").read_text(encoding="utf-8")
    assert "Practice and assessment overview" in overview and "Question banks" in overview
    assert "练习与考核" not in overview and "<th>Bank</th>" in overview


def test_an_undefined_name_in_a_page_template_is_a_plugin_error_at_its_line(mini_site: Path) -> None:
    overrides = mini_site / "overrides/trainbook"
    overrides.mkdir(parents=True)
    (overrides / "case.md.j2").write_text("# {{ case.title }}\n\n{{ no_such_value }}\n", encoding="utf-8")
    _edit(mini_site / "mkdocs.yml", "  language: zh\n", "  language: zh\n  custom_dir: overrides\n")
    config = load_config(str(mini_site / "mkdocs.yml"))
    with pytest.raises(PluginError) as error:
        config.plugins["trainbook"].configure(config)
    assert f"{overrides / 'case.md.j2'}:3: 'no_such_value' is undefined" in str(error.value)


def test_the_quiz_engine_is_published_in_the_handbook_language_only(zh_site: Path, en_site: Path) -> None:
    # quizjs.py builds one engine per language; a site gets its own as quiz.js, and no other.
    for site, mine, other in (
        (zh_site, "重新练习错题", "Practise wrong answers again"),
        (en_site, "Practise wrong answers again", "重新练习错题"),
    ):
        assets = site.parent / "assets/trainbook"
        engine = (assets / "quiz.js").read_text(encoding="utf-8")
        assert mine in engine and other not in engine
        assert sorted(p.name for p in assets.glob("quiz*.js")) == ["quiz.js"]
