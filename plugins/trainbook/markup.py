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

from .sanitize import sanitize_html

_P_RE = re.compile(r"\A<p>(.*)</p>\Z", re.S)


class MarkdownRenderer:
    """Renders with the same extensions as the handbook pages.

    One ``markdown.Markdown`` instance is reused (``reset()`` between values):
    building one per value would dominate the build time of a large bank. Results are
    cached already sanitised, so sanitising costs once per distinct value.
    """

    def __init__(self, extensions: Sequence[Any] = (), configs: Mapping[str, Any] | None = None):
        self._md = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs or {}))
        self._cache: dict[str, Markup] = {}

    def block(self, text: str | None) -> Markup:
        """*text* rendered as block Markdown, then sanitised with the allow-list."""
        if not text:
            return Markup("")
        if text not in self._cache:
            self._md.reset()
            self._cache[text] = Markup(sanitize_html(self._md.convert(text)))
        return self._cache[text]

    def inline(self, text: str | None) -> Markup:
        """One paragraph rendered without its <p> wrapper (options, list items); sanitised."""
        html = str(self.block(text)).strip()
        m = _P_RE.match(html)
        if m and "<p>" not in m.group(1):
            return Markup(m.group(1))
        return Markup(html)
