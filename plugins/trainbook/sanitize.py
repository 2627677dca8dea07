"""Allow-list sanitising of HTML rendered from YAML values.

Banks may be imported from spreadsheets written by strangers, and Python-Markdown passes raw
HTML through (``md_in_html`` and ``attr_list`` even invite it). So every fragment rendered from
a YAML value is cleaned *after* rendering with nh3 (ammonia): only the tags and attributes that
the handbook's own Markdown extensions produce survive — no scripts, frames, styles, event
handlers, or ``javascript:``/``data:`` URLs.
"""

from __future__ import annotations

import re

import nh3

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        # text and structure
        "p", "br", "hr", "div", "span", "blockquote", "pre", "code", "kbd", "samp", "var",
        "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr",
        "q", "cite", "dfn", "time", *_HEADINGS,
        # lists, tables, figures, links
        "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "colgroup", "col", "thead", "tbody",
        "tfoot", "tr", "th", "td", "a", "img", "figure", "figcaption",
        # admonitions (pymdownx.details), content tabs (pymdownx.tabbed), task lists
        "details", "summary", "input", "label",
    }
)  # fmt: skip

# Removed together with their content (the rest are unwrapped, keeping their text).
DROPPED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select", "svg", "math"}
)

ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    # `id` for heading anchors, footnotes and tab inputs; `class` for code highlighting,
    # admonitions and the rest of the theme's styling hooks.
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "scope", "align", "style"},
    "td": {"colspan", "rowspan", "align", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "abbr": set(),
    "time": {"datetime"},
    "details": {"open"},
    "label": {"for"},
    "input": {"name", "checked", "disabled"},
    "div": {"data-tabs"},
    "blockquote": {"cite"},
    "q": {"cite"},
}

# A form control may only be a radio (content tabs) or a checkbox (task lists).
_TAG_ATTRIBUTE_VALUES = {"input": {"type": {"radio", "checkbox"}}}

# nh3 can restrict an attribute's values but not require it, and an <input> without a type is a
# text box: drop every <input> that does not show one of the allowed types before its first ">".
_UNTYPED_INPUT_RE = re.compile(r'<input(?![^>]*\stype="(?:radio|checkbox)")[^>]*>')

# Relative URLs (pages, images beside the page, #anchors) pass; absolute ones need these schemes.
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel"})

# Table column alignment is the only inline style Markdown emits.
_STYLE_PROPERTIES = {"text-align"}


def sanitize_html(html: str) -> str:
    """*html* with everything outside the allow-list removed."""
    if not html:
        return ""
    clean = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes=ALLOWED_ATTRIBUTES,
        tag_attribute_values=_TAG_ATTRIBUTE_VALUES,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=_STYLE_PROPERTIES,
        strip_comments=True,
        # Python-Markdown's links carry no rel; adding one would change every link for nothing.
        link_rel=None,
    )
    return _UNTYPED_INPUT_RE.sub("", clean) if "<input" in clean else clean
