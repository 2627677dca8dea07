"""Escaping for the targets generated pages are written in: Markdown text, YAML scalars
inside front matter and fences, and Markdown link targets.

Markdown passes raw HTML through untouched, so a YAML value must never reach page Markdown
as it is: either it is rendered (and sanitised) by :class:`~trainbook.markup.MarkdownRenderer`
and placed as an HTML block, or it is plain text escaped here. Markdown-significant
characters become numeric character references, which read the same in a browser whatever
Markdown extensions are enabled (a backslash escape is only understood for the characters the
enabled extensions register).
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
# Emphasis, code, links, attribute lists ({: …}), tables, headings' closing hashes, and the
# inline marks of common extensions (~~del~~, ^^ins^^, ==mark==, ++keys++, $math$).
_MARKDOWN = "\\`*_{}[]|#~^=+$"
_TABLE = str.maketrans({**_HTML, **{c: f"&#{ord(c)};" for c in _MARKDOWN}})
_BREAKS = re.compile(r"\s*[\r\n]+\s*")
# At the start of a line these would open a list ("- x", "1. x").
_LINE_START = re.compile(r"\A(?:-|\d+[.)])(?=\s|\Z)")
# What opens a block at the start of a line: a quote or a heading, a bullet, an ordered list's dot,
# a rule or a setext underline, an admonition (!!!, ???, :::), a link or footnote definition.
_BLOCK_OPENER = re.compile(
    r"\A[ \t]*(?:([>#])|([-+*])(?=[ \t]|\Z)|\d+([.)])(?=[ \t]|\Z)|([-*_=])(?=[-*_= \t]*\Z)"
    r"|([!?:])(?=[!?:]{2})|(\[)(?=[^\]\n]*\]:))"
)
_UNSAFE_IN_TARGET = re.compile(r"[\s()<>\"'\\`|\[\]]")


def md_text(value: Any) -> Markup:
    """*value* as plain text that reads the same in a Markdown paragraph, heading, list item
    or table cell and in HTML: line breaks fold to spaces, nothing is interpreted."""
    if isinstance(value, Markup):
        return value
    text = _BREAKS.sub(" ", str(value)).strip().translate(_TABLE)
    return Markup(_LINE_START.sub(lambda m: f"{m.group()[:-1]}&#{ord(m.group()[-1])};", text))


def literal_start(text: str | None) -> str | None:
    """A one-line value meant as a run of text (an option, an ordering item) with the character
    that would open a Markdown block at its start written as a character reference: "> 30 天"
    stays "> 30 天" rather than becoming a quote of "30 天", "1. 登记" is not a list. Inline
    Markdown (**bold**, `code`, links) is untouched; a value of several lines is the author's
    Markdown as written."""
    if not text or "\n" in text:
        return text
    m = _BLOCK_OPENER.match(text)
    if m is None:
        return text
    i = next(m.start(g) for g in range(1, 7) if m.group(g) is not None)
    return f"{text[:i]}&#{ord(text[i])};{text[i + 1 :]}"


def yaml_value(value: Any) -> Markup:
    """A YAML scalar (double-quoted) or flow list of them on one line: JSON is YAML."""
    data = [str(v) for v in value] if isinstance(value, (list, tuple)) else str(value)
    return Markup(json.dumps(data, ensure_ascii=False))


def link_target(value: Any) -> Markup:
    """A Markdown link target: characters that would end or break the link are %-encoded."""
    return Markup(_UNSAFE_IN_TARGET.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), str(value)))


def md_link(title: Any, href: str | None) -> Markup:
    """``[title](href)``, or the escaped title alone when there is no page to link to."""
    text = md_text(title)
    return Markup(f"[{text}]({link_target(href)})") if href else text


_VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr")
)
_HEADING = re.compile(r"h[1-6]")
_PERMALINK = re.compile(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]*>")


class _TopHeadings(HTMLParser):
    """Where the headings outside any other element start and end, as (line, col) pairs.
    An end tag closes everything opened after its start tag, as in a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.found: list[tuple[int, tuple[int, int], tuple[int, int]]] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag not in _VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag: str) -> None:
        names = [name for name, _ in self.stack]
        if tag not in names:
            return
        depth = len(names) - 1 - names[::-1].index(tag)
        start = self.stack[depth][1]
        del self.stack[depth:]
        if depth == 0 and _HEADING.fullmatch(tag):
            line, col = self.getpos()
            self.found.append((int(tag[1]), start, (line, col + len(tag) + 3)))


Found = list[tuple[int, tuple[int, int], tuple[int, int]]]


def _top_headings(rendered: str) -> Found:
    parser = _TopHeadings()
    parser.feed(rendered)
    parser.close()
    return parser.found


def markdown_blocks(rendered: str, title: str | None = None, level: int = 2) -> Markup:
    """Rendered HTML made fit for page Markdown: its top-level headings become Markdown
    headings (so the page's table of contents and search index see them; their text is kept
    as plain text), everything between them stays HTML blocks separated by blank lines.

    With *title*, the text becomes one part of the page at heading *level*: when it opens with
    a heading of its own, its headings move so that the first is at *level* and *title* is
    left out (the author named the parts); otherwise *title* heads it at *level* and its own
    headings sit below that."""
    found = _top_headings(rendered)
    starts = [0]
    for line in rendered.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))

    def offset(pos: tuple[int, int]) -> int:
        return starts[pos[0] - 1] + pos[1]

    parts: list[str] = []
    shift = 0
    if title is not None:
        opens = bool(found) and not _TAG.sub("", rendered[: offset(found[0][1])]).strip()
        if opens:
            shift = level - found[0][0]
        else:
            parts.append("#" * level + " " + md_text(title))
            shift = level + 1 - min((f[0] for f in found), default=level + 1)
    done = 0
    for depth, start, end in found:
        inner = rendered[offset(start) : offset(end)]
        text = html.unescape(_TAG.sub("", _PERMALINK.sub("", inner)))
        parts += [rendered[done : offset(start)].strip(), "#" * max(1, min(6, depth + shift)) + " " + md_text(text)]
        done = offset(end)
    parts.append(rendered[done:].strip())
    return Markup("\n\n".join(p for p in parts if p))
