"""Printed documents: HTML from the templates under ``templates/papers/``, then PDF.

Every sheet (paper, answer sheet, key, rubric, form, score sheet) extends
``papers/base.html`` and shares ``papers/print.css``; a theme overrides any of
them by placing a file of the same name in its template folder.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..diagnostics import Pos
from ..markup import MarkdownRenderer
from ..messages import msg
from ..render import environment
from .errors import PackError
from .pdf import BODY_FONT, HEADING_FONT, check_fonts, html_to_pdf_pages

FORMATS = ("pdf", "html")
# Python-Markdown's own extensions: the CLI has no mkdocs.yml to read them from.
PRINT_EXTENSIONS = ("tables", "admonition", "attr_list", "md_in_html", "def_list", "footnotes", "sane_lists")


@dataclass(frozen=True)
class Document:
    path: str  # relative to the output folder, without extension
    html: str
    # The A4 pages the author means the sheet to fill (a rubric's or form's `pages`) and where
    # that was said; a longer PDF stops the build.
    pages: int | None = None
    pages_at: Pos | None = None


class Printer:
    """Renders printed sheets with one Jinja environment and one Markdown renderer."""

    def __init__(self, template_dirs: Sequence[str | Path] = (), md: MarkdownRenderer | None = None):
        self.env = environment(template_dirs)
        self.md = md or MarkdownRenderer(PRINT_EXTENSIONS)
        # The stylesheet is template output, not data: it goes into <style> unescaped.
        css = self.env.get_template("papers/print.css").render(body_font=BODY_FONT, heading_font=HEADING_FONT)
        self.css = Markup(css)

    def render(self, template: str, *, kind: str, doc_title: str, running_title: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(
                css=self.css, kind=kind, doc_title=doc_title, running_title=running_title, md=self.md, **context
            )
        except jinja2.TemplateError as exc:
            raise PackError(msg("pack.template", template=template, error=exc)) from exc


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    wanted = [f.strip().lower() for f in (text.split(",") if isinstance(text, str) else text) if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise PackError(msg("pack.formats", found=",".join(wanted) or msg("pack.nothing")))
    return tuple(f for f in FORMATS if f in wanted)


def write_documents(documents: Iterable[Document], folder: Path, formats: Sequence[str]) -> list[Path]:
    """Write each document as HTML and/or PDF below *folder* (a staging folder)."""
    documents = list(documents)
    if "pdf" in formats and documents:
        check_fonts()
    written = []
    for doc in documents:
        target = folder / doc.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if "html" in formats:
            path = target.with_name(target.name + ".html")
            path.write_text(doc.html, encoding="utf-8", newline="\n")
            written.append(path)
        if "pdf" in formats:
            path = target.with_name(target.name + ".pdf")
            pdf, pages = html_to_pdf_pages(doc.html)
            if doc.pages is not None and pages > doc.pages:
                where = doc.pages_at or doc.path
                raise PackError(msg("pack.too_long", where=where, document=doc.path, pages=pages, allowed=doc.pages))
            path.write_bytes(pdf)
            written.append(path)
    return written
