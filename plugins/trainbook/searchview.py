"""What a search indexer needs to see of a page's quizzes.

Material's search plugin feeds every page's HTML through Python's pure-Python ``HTMLParser``
and only then drops what is marked ``data-search-exclude``. On a quiz page nearly all of the
markup is excluded (options, labels, inputs) or skipped (the engine's JSON ``<script>``), so
parsing it was most of the indexing time of a large handbook. :func:`search_view` removes
those parts from the quiz blocks beforehand with one regular-expression pass; the indexer
then sees the same text in the same order and writes the same index.

Each removed element becomes an empty comment (inside a bare start and end tag of its name, when
the indexer would not copy that tag into the text), so the text on either side of it still
reaches the indexer as two pieces, exactly as before (it collapses whitespace per piece). A quiz
block holding anything this pass cannot account for exactly — a heading (headings open
search sections even inside excluded parts), a tag it cannot pair — is left as it was.
"""

from __future__ import annotations

import re

QUIZ_START = '<div class="tb-quiz" id="'

_TOKEN = re.compile(
    r"<!--.*?-->"
    r"|<(?P<raw>script|style)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</(?P=raw)\s*>"
    r"|<(?P<end>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.S | re.I,
)
_ATTR_NAME = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_HEADING = re.compile(r"h[1-6]", re.I)
# Elements without an end tag (the indexer's list); they never nest anything.
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
GAP = "<!---->"
# Tags the indexer copies into the indexed text (Material's Parser.keep).
KEEP = frozenset(["p", "code", "pre", "li", "ol", "ul", "sub", "sup"])


def search_view(html: str) -> str:
    """*html* with the unindexed parts of every quiz block removed; *html* itself when there are none."""
    start = html.find(QUIZ_START)
    if start < 0:
        return html
    out: list[str] = []
    last = 0
    while start >= 0:
        lean = _quiz_block(html, start)
        if lean is None:
            end = start + len(QUIZ_START)
        else:
            end, text = lean
            out.append(html[last:start])
            out.append(text)
            last = end
        start = html.find(QUIZ_START, end)
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _quiz_block(html: str, start: int) -> tuple[int, str] | None:
    """(end, lean text) of the quiz block opening at *start*, or None to leave it alone."""
    stack: list[str] = []
    pieces: list[str] = []
    keep_from = start
    cut = ""  # tag of the excluded element being removed
    cut_depth = 0
    for m in _TOKEN.finditer(html, start):
        if m.group("raw"):
            if not cut:
                pieces.append(html[keep_from : m.start()])
                pieces.append(GAP)
                keep_from = m.end()
            continue
        tag = m.group("tag")
        if tag is None:  # a comment: the indexer ignores it
            continue
        tag = tag.lower()
        if _HEADING.fullmatch(tag):
            return None
        if m.group("end"):
            if not stack or stack[-1] != tag:
                return None
            stack.pop()
            # The indexer knows excluded elements by tag name only: the first end tag of that
            # name, even a nested element's, ends the exclusion.
            if tag == cut:
                own = len(stack) == cut_depth
                if not own and cut in KEEP:
                    return None
                # A kept tag was removed whole; another one's bare start tag stands in its
                # place and gets its end tag back.
                keep_from = m.start() if own and cut not in KEEP else m.end()
                cut = ""
            if not stack:
                pieces.append(html[keep_from : m.end()])
                return m.end(), "".join(pieces)
            continue
        attrs = m.group("attrs")
        if tag in VOID or attrs.endswith("/"):
            continue
        if not cut and _excluded(attrs):
            pieces.append(html[keep_from : m.start()])
            pieces.append(GAP if tag in KEEP else f"<{tag}>{GAP}")
            cut = tag
            cut_depth = len(stack)
        stack.append(tag)
    return None


def _excluded(attrs: str) -> bool:
    return "data-search-exclude" in attrs.lower() and any(
        name.lower() == "data-search-exclude" for name in _ATTR_NAME.findall(attrs)
    )
