"""Markdown-to-HTML for the Markdown values inside YAML (stems, options, …).

Everything returned here is sanitised (:mod:`trainbook.sanitize`): YAML values may come from
an import nobody reviewed, so nothing rendered from them is trusted as raw HTML.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import markdown
from markupsafe import Markup

from .mdescape import literal_start
from .sanitize import sanitize_html

_P_RE = re.compile(r"\A<p>(.*)</p>\Z", re.S)
# Text none of Markdown (or a common extension: smarty, magiclink, emoji, attr_list, footnotes,
# mark, critic, arithmatex, …) would touch: one line, no ASCII markup characters, no entity, no
# line-break spaces. Most stems and options in Chinese banks are like this; rendering them is
# `<p>` + text + `</p>`, which is what Markdown and the sanitiser would return, only 100× faster.
# (The double space is looked for apart: one character class alone scans several times faster.)
_NOT_PLAIN_RE = re.compile(r"[\x00-\x1f\x7f-\xa0\u2028\u2029!\"#$&'()*+\-./:<=>@\[\\\]^_`{|}~]")


class MarkdownRenderer:
    """Renders with the same extensions as the handbook pages.

    One ``markdown.Markdown`` instance is reused (``reset()`` between values):
    building one per value would dominate the build time of a large bank. Results are
    cached already sanitised, so sanitising costs once per distinct value; plain text
    (:func:`is_plain`) is not cached, it costs less to wrap again than to keep.
    """

    def __init__(self, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None):
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        key = _fingerprint(extensions, configs or {})
        #: Identifies the extension setup (None when it cannot be told from another one's).
        self.key = key
        # Shared by every renderer with the same extensions and settings, so `mkdocs serve`
        # (a new renderer per rebuild) renders only values that changed.
        self._cache: dict[str, Markup] = _SHARED.setdefault(key, {}) if key is not None else {}

    def block(self, text: str | None) -> Markup:
        """*text* rendered as block Markdown, then sanitised with the allow-list."""
        if not text:
            return Markup("")
        if is_plain(text):
            # Cheaper to make again than to keep: most values of a large handbook are like this.
            return Markup(f"<p>{text}</p>")
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self.render(text)
        return cached

    def block_str(self, text: str | None) -> str:
        """:meth:`block` as a plain ``str``, for quiz data (JSON): plain text skips making a
        ``Markup`` only to turn it back into a ``str`` (six values per question)."""
        if text and is_plain(text):
            return f"<p>{text}</p>"
        return str(self.block(text))

    def inline_str(self, text: str | None) -> str:
        """:meth:`inline` as a plain ``str``, for quiz data (JSON): plain text is itself."""
        if text and is_plain(text):
            return text
        return str(self.inline(text))

    def render(self, text: str) -> Markup:
        """*text* through Markdown and the sanitiser, uncached (the reference for :func:`is_plain`)."""
        self._md.reset()
        return Markup(sanitize_html(self._md.convert(text)))

    def inline(self, text: str | None) -> Markup:
        """One paragraph rendered without its <p> wrapper (options, list items); sanitised."""
        if text and is_plain(text):
            return Markup(text)  # what the lines below make of ``<p>text</p>``
        html = str(self.block(literal_start(text))).strip()
        m = _P_RE.match(html)
        if m and "<p>" not in m.group(1):
            return Markup(m.group(1))
        return Markup(html)


_SHARED: dict[str, dict[str, Markup]] = {}


def _fingerprint(extensions: Sequence[Any], configs: Mapping[str, Any]) -> str | None:
    """A stable key for an extension setup; None when it holds objects known only by identity."""
    names = [
        e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}{e.getConfigs()!r}"
        for e in extensions
    ]
    key = repr((names, sorted((k, repr(v)) for k, v in configs.items())))
    return None if " at 0x" in key else key


def is_plain(text: str) -> bool:
    """True when Markdown would render *text* as one paragraph of the text itself."""
    return text == text.strip() and _NOT_PLAIN_RE.search(text) is None and "  " not in text
