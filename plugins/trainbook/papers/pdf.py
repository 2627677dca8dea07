"""HTML → PDF through WeasyPrint, with the CJK fonts checked and the bytes reproducible.

WeasyPrint is imported inside the functions: the site build imports the core but
never prints, so it must not need WeasyPrint or its system libraries.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..messages import msg
from .errors import PackError

# The families print.css asks for; both come from Debian's fonts-noto-cjk.
BODY_FONT = "Noto Serif CJK SC"
HEADING_FONT = "Noto Sans CJK SC"
REQUIRED_FONTS = (BODY_FONT, HEADING_FONT)
FONT_PACKAGE = "fonts-noto-cjk"

_PROBE = (
    '<html lang="zh-CN"><body><p style="font-family: \'{body}\'">中文字体检查</p>'
    "<p style=\"font-family: '{heading}'\">中文字体检查</p></body></html>"
)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as exc:
        raise PackError(msg("pack.no_weasyprint", error=exc)) from exc
    # WeasyPrint logs unsupported CSS and font fallbacks as warnings; we check fonts ourselves.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    return weasyprint


def used_fonts(document: Any) -> set[str]:
    """Families of the fonts a rendered-and-written WeasyPrint document embeds."""
    return {str(font.family) for font in document.fonts.values()}


def check_fonts(required: Iterable[str] = REQUIRED_FONTS) -> None:
    """Refuse to print when a CJK font is missing: fallback fonts would print empty boxes."""
    weasyprint = _weasyprint()
    required = tuple(required)
    document = weasyprint.HTML(string=_PROBE.format(body=required[0], heading=required[-1])).render()
    document.write_pdf()
    missing = [f for f in required if f not in used_fonts(document)]
    if missing:
        fonts = ", ".join(repr(f) for f in missing)
        raise PackError(msg("pack.font_missing", fonts=fonts, package=FONT_PACKAGE))


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """The PDF of *html*; the same HTML always gives the same bytes.

    No creation date is written, and the file identifier is a digest of the HTML,
    so a rebuild of unchanged content is byte-identical (a print shop can diff).
    """
    return html_to_pdf_pages(html, base_url)[0]


def html_to_pdf_pages(html: str, base_url: str | None = None) -> tuple[bytes, int]:
    """:func:`html_to_pdf` and the number of pages it came to."""
    weasyprint = _weasyprint()
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    document = weasyprint.HTML(string=html, base_url=base_url).render()
    pdf = document.write_pdf(pdf_identifier=identifier)
    assert isinstance(pdf, bytes)
    if BODY_FONT not in used_fonts(document):
        raise PackError(msg("pack.font_unused", font=repr(BODY_FONT), package=FONT_PACKAGE))
    return bytes(pdf), len(document.pages)


def pdfs_of(htmls: Sequence[str]) -> list[tuple[bytes, int]]:
    """:func:`html_to_pdf_pages` of each of *htmls*, in order, on every core the process may use.

    WeasyPrint lays a document out on one core, and an exam pack is a dozen documents or more.
    Workers are spawned, not forked: nothing the parent holds (threads, locks) leaks into them.
    The bytes are the same as from one process; the first failing document's error is raised.
    """
    workers = min(len(htmls), _cores(), 8)
    if workers >= 2:
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                return list(pool.map(html_to_pdf_pages, htmls))
        except BrokenProcessPool:
            # A worker could not start or died (a script calling this without an
            # `if __name__ == "__main__":` guard cannot spawn): one by one instead.
            pass
    return [html_to_pdf_pages(html) for html in htmls]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on, not the machine's
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
