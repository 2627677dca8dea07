"""The allow-list sanitiser and the Markdown renderer that always applies it."""

from __future__ import annotations

import markdown
import pytest

from trainbook.markup import MarkdownRenderer
from trainbook.sanitize import sanitize_html

# The handbook's own extensions (mkdocs.yml), so legit content is checked as it really renders.
EXTENSIONS = [
    "toc",
    "tables",
    "admonition",
    "attr_list",
    "md_in_html",
    "def_list",
    "footnotes",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tabbed",
    "pymdownx.tasklist",
    "pymdownx.mark",
]
CONFIGS = {"toc": {"permalink": True}, "pymdownx.tabbed": {"alternate_style": True}}


@pytest.fixture(scope="module")
def md() -> MarkdownRenderer:
    return MarkdownRenderer(EXTENSIONS, CONFIGS)


# ------------------------------------------------------------ what is stripped

HOSTILE = {
    "script element": ("<script>window.pwned=1</script>ok", "<script"),
    "img onerror": ('<img src="x" onerror="window.pwned=1">', "onerror"),
    "svg onload": ("<svg onload=window.pwned=1><circle/></svg>", "<svg"),
    "iframe": ('<iframe src="https://example.org"></iframe>', "<iframe"),
    "object": ('<object data="x.swf"></object>', "<object"),
    "embed": ('<embed src="x.swf">', "<embed"),
    "style element": ("<style>body{display:none}</style>", "<style"),
    "javascript url": ('<a href="javascript:window.pwned=1">x</a>', "javascript:"),
    "javascript url with entities": ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript"),
    "javascript url upper case": ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
    "data url link": ('<a href="data:text/html,<script>1</script>">x</a>', "data:"),
    "data url image": ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "data:"),
    "vbscript url": ('<a href="vbscript:msgbox(1)">x</a>', "vbscript"),
    "form": ('<form action="https://evil.example"><button>go</button></form>', "<form"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "<meta"),
    "base": ('<base href="https://evil.example/">', "<base"),
    "inline style": ('<p style="position:fixed;top:0">x</p>', "position"),
    "event handler on allowed tag": ('<p onclick="window.pwned=1">x</p>', "onclick"),
    "data attribute": ('<span data-tb-quiz="1">x</span>', "data-tb-quiz"),
    "text input": ('<input type="text" value="x">', 'type="text"'),
}


@pytest.mark.parametrize("html, forbidden", HOSTILE.values(), ids=HOSTILE.keys())
def test_sanitiser_strips_active_content(html: str, forbidden: str) -> None:
    assert forbidden.lower() not in sanitize_html(html).lower()


@pytest.mark.parametrize("html", ["<input>", '<input name="pw">', '<input type="password">', '<input title="a>b">'])
def test_inputs_other_than_radio_or_checkbox_are_dropped(html: str) -> None:
    assert "<input" not in sanitize_html(f"<p>{html}</p>")


def test_script_content_is_dropped_not_shown_as_text() -> None:
    assert sanitize_html("<script>window.pwned=1</script>ok") == "ok"


def test_unknown_tags_keep_their_text() -> None:
    assert sanitize_html("<blink>hello</blink>") == "hello"


def test_markdown_attr_list_cannot_add_event_handlers(md: MarkdownRenderer) -> None:
    html = str(md.block('![x](a.png){: onerror="window.pwned=1" }\n\n[y](b.html){: onmouseover="x()" }'))
    assert "onerror" not in html and "onmouseover" not in html
    assert '<img alt="x" src="a.png">' in html


def test_markdown_raw_html_is_sanitised(md: MarkdownRenderer) -> None:
    html = str(md.block('<div markdown="1" onclick="x()">**b**</div>\n\n<script>alert(1)</script>'))
    assert "onclick" not in html and "<script" not in html and "alert" not in html


def test_inline_values_are_sanitised(md: MarkdownRenderer) -> None:
    html = str(md.inline('选项 <img src=x onerror="window.pwned=1"> 文字'))
    assert "onerror" not in html and html.startswith("选项 <img")


# ------------------------------------------------------------ what survives


def test_emphasis_code_and_mark_survive(md: MarkdownRenderer) -> None:
    html = str(md.inline("**粗体** *斜体* `code` ==标记== ~~x~~"))
    for tag in ("<strong>粗体</strong>", "<em>斜体</em>", "<code>code</code>", "<mark>标记</mark>"):
        assert tag in html


def test_lists_and_blockquotes_survive(md: MarkdownRenderer) -> None:
    html = str(md.block("> 注意\n\n1. 一\n2. 二\n\n另：\n\n- 甲\n- 乙"))
    assert "<blockquote>" in html and "<ol>" in html and "<ul>" in html and html.count("<li>") == 4


def test_tables_keep_their_alignment(md: MarkdownRenderer) -> None:
    html = str(md.block("| 项目 | 分值 |\n|:--|--:|\n| 礼仪 | 10 |"))
    assert "<table>" in html and "<th" in html and "<td" in html
    assert 'style="text-align:right"' in html.replace("text-align: right;", "text-align:right")


def test_links_and_images_survive(md: MarkdownRenderer) -> None:
    html = str(md.block("[页面](../cases/c1.html#s) [外部](https://example.org) ![图](img/a.png)"))
    assert '<a href="../cases/c1.html#s">页面</a>' in html
    assert '<a href="https://example.org">外部</a>' in html
    assert '<img alt="图" src="img/a.png">' in html


def test_mailto_autolink_survives(md: MarkdownRenderer) -> None:
    assert '<a href="mailto:kf@example.org">' in str(md.block("<kf@example.org>"))


def test_headings_keep_ids_and_permalinks(md: MarkdownRenderer) -> None:
    html = str(md.block("## Steps"))
    assert '<h2 id="steps">' in html and 'class="headerlink" href="#steps"' in html


def test_highlighted_code_keeps_its_classes(md: MarkdownRenderer) -> None:
    html = str(md.block("```python\ndef f():\n    return 1\n```"))
    assert '<div class="highlight">' in html and '<span class="k">def</span>' in html


def test_code_shows_markup_as_text(md: MarkdownRenderer) -> None:
    assert "<code>&lt;script&gt;</code>" in str(md.inline("`<script>`"))


def test_admonitions_and_details_keep_their_classes(md: MarkdownRenderer) -> None:
    html = str(md.block('!!! note "提示"\n    内容\n\n??? tip "展开"\n    细节'))
    assert '<div class="admonition note">' in html and '<p class="admonition-title">提示</p>' in html
    assert '<details class="tip">' in html and "<summary>展开</summary>" in html


def test_content_tabs_keep_their_radio_inputs(md: MarkdownRenderer) -> None:
    html = str(md.block('=== "甲"\n    一\n\n=== "乙"\n    二'))
    assert 'class="tabbed-set tabbed-alternate" data-tabs="1:2"' in html
    assert html.count('type="radio"') == 2 and '<label for="__tabbed_1_1">甲</label>' in html


def test_task_lists_keep_their_checkboxes(md: MarkdownRenderer) -> None:
    html = str(md.block("- [x] 完成\n- [ ] 待办"))
    assert html.count('type="checkbox"') == 2 and 'class="task-list-item"' in html


def test_footnotes_keep_their_anchors(md: MarkdownRenderer) -> None:
    html = str(md.block("正文[^1]\n\n[^1]: 注释"))
    assert 'id="fnref:1"' in html and 'href="#fn:1"' in html and 'id="fn:1"' in html


def test_definition_lists_survive(md: MarkdownRenderer) -> None:
    html = str(md.block("术语\n:   解释"))
    assert "<dl>" in html and "<dt>术语</dt>" in html and "<dd>" in html


def test_legit_markdown_is_unchanged_by_sanitising(md: MarkdownRenderer) -> None:
    """Typical stem Markdown comes out exactly as Python-Markdown rendered it."""
    text = "业主反映**漏水**，客服应：\n\n1. 记录\n2. 派单\n\n> 参见 [流程](p.html)。"
    raw = markdown.Markdown(extensions=EXTENSIONS, extension_configs=CONFIGS).convert(text)
    assert str(md.block(text)) == raw


def test_renderer_caches_the_sanitised_result(md: MarkdownRenderer) -> None:
    first = md.block("<b onclick=x()>缓存</b>")
    assert md.block("<b onclick=x()>缓存</b>") is first and "onclick" not in first


# ------------------------------------------------------------ a one-line value reads as written


@pytest.mark.parametrize(
    "option",
    [
        *("> 30 天", "#3 楼", "1. 先登记", "2) 再通知", "- 发放", "+ 加收费用", "* 星号"),
        *("---", "===", "!!! note 提示", "[注]: 见附录"),
    ],
)
def test_an_option_that_starts_like_a_markdown_block_reads_as_written(md: MarkdownRenderer, option: str) -> None:
    """A quote, heading, list, rule or definition would change what the answer says ("> 30 天"
    would read "30 天"), on the site, the printed paper and in every export alike."""
    import html as html_module

    rendered = str(md.inline(option))
    assert "<" not in rendered.replace("&lt;", "")
    assert html_module.unescape(rendered) == option


def test_inline_markdown_in_an_option_still_renders(md: MarkdownRenderer) -> None:
    assert str(md.inline("- **加粗**的选项")) == "- <strong>加粗</strong>的选项"


def test_a_value_of_several_lines_keeps_its_markdown(md: MarkdownRenderer) -> None:
    assert "<li>" in str(md.inline("步骤：\n\n- 登记\n- 通知"))
