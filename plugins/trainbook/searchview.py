"""What a search indexer needs to see of a page's quizzes.

Material's search plugin feeds every page's HTML through Python's pure-Python ``HTMLParser``
and only then drops what is marked ``data-search-exclude``. On a quiz page nearly all of the
markup is excluded (options, labels, inputs) or skipped (the engine's JSON ``<script>``), and
the rest is structure the indexer does not copy (``div``, ``fieldset``, classes, ids), so
parsing it was most of the indexing time of a large handbook. :func:`search_view` reduces the
quiz blocks beforehand with one regular-expression pass; the indexer then sees the same text in
the same order and writes the same index.

Usually a block shrinks to the tags the indexer copies into its text (paragraphs, lists, code,
sub- and superscripts), bare, and the text between them (:class:`_Text`). Where that cannot be
exact — whitespace-keeping ``<pre>``, ``<object>``, line numbers, an exclusion the indexer ends
early, an excluded element around the quiz — the block keeps its markup and loses only the
excluded elements: each becomes an empty comment (inside a bare start and end tag of its name,
when the indexer would not copy that tag into the text), so the text on either side of it still
reaches the indexer as two pieces, exactly as before (it collapses whitespace per piece). A quiz
block holding anything this pass cannot account for exactly — a heading (headings open
search sections even inside excluded parts), a tag it cannot pair — is left as it was.
"""

from __future__ import annotations

import re
from html import unescape as html_unescape

QUIZ_START = '<div class="tb-quiz" id="'

_ATTRS = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""  # quoted values may hold ">"
_TOKEN = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw>script|style)\b{_ATTRS}>.*?</(?P=raw)\s*>"
    rf"|<(?P<end>/?)(?P<tag>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>{_ATTRS})>",
    re.S | re.I,
)
_ATTR_NAME = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")
_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_MARKED = re.compile("data-search-exclude|linenodiv", re.I)
# Elements without an end tag (the indexer's list); they never nest anything.
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
GAP = "<!---->"
# Tags the indexer copies into the indexed text (Material's Parser.keep).
KEEP = frozenset(["p", "code", "pre", "li", "ol", "ul", "sub", "sup"])


# Material's search plugin removes these attributes from each page it indexes, with
# re.sub(r'\s?data-search-\w+="[^"]+"', "", page.content); its pattern begins with an optional
# character, so the regular-expression engine tries it at every position of the page.
_SEARCH_PREFIX = "data-search-"
_SEARCH_VALUE = re.compile(re.escape(_SEARCH_PREFIX) + r'\w+="[^"]+"')


def strip_search_attributes(html: str) -> str:
    """*html* as Material's search plugin leaves it: every ``data-search-…="…"`` attribute
    removed with one whitespace character before it, if there is one. The same result as
    Material's ``re.sub``, found by a literal search first (a tenth of the time on a quiz page)."""
    pieces: list[str] = []
    done = 0
    at = html.find(_SEARCH_PREFIX)
    while at >= 0:
        found = _SEARCH_VALUE.match(html, at)
        if found is None:
            at = html.find(_SEARCH_PREFIX, at + 1)
            continue
        # Material's \s? takes the character before, unless an earlier match already took it.
        start = at - 1 if at > done and html[at - 1].isspace() else at
        pieces.append(html[done:start])
        done = found.end()
        at = html.find(_SEARCH_PREFIX, done)
    if not pieces:
        return html
    pieces.append(html[done:])
    return "".join(pieces)


def search_view(html: str) -> str:
    """*html* with the unindexed parts of every quiz block removed; *html* itself when there are none."""
    start = html.find(QUIZ_START)
    if start < 0:
        return html
    out: list[str] = []
    last = 0
    scanned = 0
    # An excluded element (or line numbers) around a quiz changes what the indexer does with
    # the tags inside: from the first one outside a quiz, only the markup-keeping view is safe.
    shortest = True
    while start >= 0:
        if shortest and _MARKED.search(html, scanned, start):
            shortest = False
        lean = _quiz_block(html, start, shortest)
        if lean is None:
            end = start + len(QUIZ_START)
        else:
            end, text = lean
            out.append(html[last:start])
            out.append(text)
            last = end
        scanned = end
        start = html.find(QUIZ_START, end)
    if not out:
        return html
    out.append(html[last:])
    return "".join(out)


def _quiz_block(html: str, start: int, shortest: bool) -> tuple[int, str] | None:
    """(end, lean text) of the quiz block opening at *start*, or None to leave it alone; the
    shortest view (:class:`_Text`) when *shortest* and the block allows it."""
    stack: list[str] = []
    pieces: list[str] = []
    keep_from = start
    cut = ""  # tag of the excluded element being removed
    cut_depth = 0
    nested = False  # an excluded element inside the one being removed
    # The shortest view, built alongside: only the tags the indexer copies, and the text (see
    # _Text). None once the block holds something it cannot reproduce exactly.
    text: _Text | None = _Text() if shortest else None
    last = start
    for m in _TOKEN.finditer(html, start):
        at = m.start()
        if text is not None and not cut and at > last:
            text = text.add(html[last:at])
        last = m.end()
        raw, end, tag, attrs = m.groups()
        if raw:
            if not cut:
                pieces.append(html[keep_from:at])
                pieces.append(GAP)
                keep_from = last
            continue
        if tag is None:  # a comment: the indexer ignores it
            continue
        tag = tag.lower()
        if tag in _HEADINGS:
            return None
        if end:
            if not stack or stack[-1] != tag:
                return None
            stack.pop()
            # The indexer knows excluded elements by tag name only: the first end tag of that
            # name, even a nested element's, ends the exclusion.
            if tag == cut:
                own = len(stack) == cut_depth
                # After an early end the rest is indexed, unless an excluded element inside is
                # still open: left alone rather than followed that far.
                if not own and (cut in KEEP or nested):
                    return None
                # A kept tag was removed whole; another one's bare start tag stands in its
                # place and gets its end tag back.
                keep_from = at if own and cut not in KEEP else last
                cut = ""
                nested = False
            elif text is not None and not cut and tag in KEEP:
                text.tag(f"</{tag}>")
            if not stack:
                pieces.append(html[keep_from:last])
                if text is not None:
                    return last, text.view()
                return last, "".join(pieces)
            continue
        if text is not None and tag in _UNCOPIED:
            text = None
        if tag in VOID or attrs.endswith("/"):
            if text is not None and tag in KEEP:
                text = None
            continue
        if cut:
            nested = nested or (_MARKED.search(attrs) is not None and (_excluded(attrs) or "linenodiv" in attrs))
        elif _MARKED.search(attrs) and _excluded(attrs):
            pieces.append(html[keep_from:at])
            pieces.append(GAP if tag in KEEP else f"<{tag}>{GAP}")
            cut = tag
            cut_depth = len(stack)
        elif text is not None:
            if "linenodiv" in attrs:
                text = None
            elif tag in KEEP:
                text.tag(f"<{tag}>")
        stack.append(tag)
    return None


# Elements whose presence changes how the indexer treats the text around them: <pre> keeps
# whitespace, <object> hides its content like <script>.
_UNCOPIED = frozenset(["pre", "object", "script", "style"])


class _Text:
    """The indexer's view of a quiz block reduced to what it copies: the kept tags, bare, and the
    text between them, with the other tags dropped.

    The indexer gets text in pieces, one between any two tags, and collapses each piece on its
    own: a whitespace-only piece becomes one space, unless the text copied last already ends in
    one. So dropping a tag may join two pieces only when that changes nothing: two pieces with
    text (newlines become spaces either way), or two of whitespace only (the second never counts).
    Where a text piece meets a whitespace-only one, an empty comment keeps them apart; one opens
    and one closes the view, which replaces the whole block (the text around it stays apart too).
    """

    __slots__ = ("kind", "out")

    def __init__(self) -> None:
        self.out = [GAP]
        self.kind = ""  # of the text since the last tag: "", "space" or "text"

    def add(self, piece: str) -> _Text | None:
        if "<" in piece:  # a stray "<" is a piece of its own to the indexer
            return None
        blank = piece.isspace() or ("&" in piece and html_unescape(piece).isspace())
        if blank:
            if self.kind != "space":
                if self.kind:
                    self.out.append(GAP)
                self.out.append("\n")
                self.kind = "space"
        else:
            # Joined text is unescaped as one: an entity cut by a tag must stay cut.
            if self.kind == "space" or (self.kind == "text" and "&" in self.out[-1]):
                self.out.append(GAP)
            self.out.append(piece)
            self.kind = "text"
        return self

    def tag(self, tag: str) -> None:
        self.out.append(tag)
        self.kind = ""

    def view(self) -> str:
        self.out.append(GAP)
        return "".join(self.out)


def _excluded(attrs: str) -> bool:
    return "data-search-exclude" in attrs.lower() and any(
        name.lower() == "data-search-exclude" for name in _ATTR_NAME.findall(attrs)
    )
