"""Material's script bundle loaded with ``defer``, when nothing after it needs it earlier.

Material's template ends the page with its bundle as a plain, parser-blocking
``<script src=".../bundle.<hash>.min.js">``. Chromium then holds the page's first paint until
the bundle has been fetched and run, and the bundle's start-up reads the window's scroll
position, which forces the page's first full style and layout inside the bundle's own task.
Deferred, the bundle runs when the document has been parsed, after the browser has had its
chance to paint, and before ``DOMContentLoaded`` — which is when Material starts its components
(its ``document$`` waits for that event), so the theme behaves the same.

Measured with Lighthouse (mobile preset, the example served locally; docs/performance.md,
session 23): first contentful paint about 0.3 s earlier on the module, bank and mock-exam pages,
and less blocking time.

Deferring changes the order of scripts only for scripts that run before the document is parsed.
A page is left as it is when anything after the bundle would run before it: an inline script, a
classic script without ``defer`` (``extra_javascript`` entries are such scripts unless they say
``defer: true``), or an ``async`` one. Deferred scripts and modules keep their order after the
bundle, so trainbook's own scripts (deferred) and ``extra_javascript`` with ``defer: true`` still
find ``document$``.
"""

from __future__ import annotations

import re

# Material's template writes exactly this tag (templates/base.html, block "scripts").
_BUNDLE = re.compile(r'<script src="([^"<>]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')
_SCRIPT = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""\b([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""", re.IGNORECASE)
# Script types that a browser runs as classic JavaScript (any other type is a data block).
_CLASSIC_TYPES = {"", "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript"}


def _waits_for_parsing(attrs: str) -> bool:
    """True when a script with these attributes runs after a deferred script that precedes it."""
    found = {m.group(1).lower(): (m.group(2) or m.group(3) or m.group(4) or "") for m in _ATTR.finditer(attrs)}
    if "async" in found:
        return False
    kind = found.get("type", "").strip().lower()
    if kind == "module":
        return True  # modules are deferred, in order with the classic deferred scripts
    if kind not in _CLASSIC_TYPES:
        return True  # a data block (application/json …): never run
    return "defer" in found and "src" in found  # defer means nothing on an inline script


def defer_theme_bundle(html: str) -> str:
    """*html* with Material's bundle deferred, or unchanged when that would reorder scripts."""
    bundle = _BUNDLE.search(html)
    if bundle is None:
        return html
    if not all(_waits_for_parsing(tag.group(1)) for tag in _SCRIPT.finditer(html, bundle.end())):
        return html
    return f'{html[: bundle.start()]}<script src="{bundle.group(1)}" defer></script>{html[bundle.end() :]}'
