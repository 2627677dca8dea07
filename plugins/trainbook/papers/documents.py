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
from markupsafe import Markup, escape

from ..diagnostics import Pos, display_path
from ..markup import MarkdownRenderer
from ..messages import msg
from ..render import environment
from ..strings import DEFAULT_LANGUAGE, Strings
from .errors import PackError, UsageError
from .output import in_stage
from .pdf import BODY_FONT, HEADING_FONT, check_fonts, pdfs_of

FORMATS = ("pdf", "html")
# The printed documents' <html lang>, per handbook language.
HTML_LANG = {"zh": "zh-CN", "en": "en"}
# The space between items on one line (numbered blanks, check boxes): the width of a character.
GAP = {"zh": "\u3000", "en": "\u2003"}
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

    def __init__(
        self,
        template_dirs: Sequence[str | Path] = (),
        md: MarkdownRenderer | None = None,
        language: str = DEFAULT_LANGUAGE,
    ):
        for folder in template_dirs:
            # A mistyped --templates would otherwise print with the built-in templates unnoticed.
            if not Path(folder).is_dir():
                raise PackError(msg("pack.templates_missing", folder=folder))
        self.strings = PrintStrings(language)
        self.env = environment(template_dirs, language=self.strings.language)
        # The sheets are HTML, not Markdown: `t` fills its placeholders HTML-escaped, as the
        # templates' own {{ }} are.
        self.env.globals["t"] = self.strings
        self.env.globals["language"] = self.strings.language
        self.env.globals["html_lang"] = HTML_LANG[self.strings.language]
        self.env.globals["gap"] = GAP[self.strings.language]
        assert isinstance(self.env.loader, jinja2.FileSystemLoader)
        self.env.loader = _Utf8Templates(self.env.loader)
        self.md = md or MarkdownRenderer(PRINT_EXTENSIONS)
        self.env.filters["css_string"] = css_string
        self._css: dict[tuple[str, str | None], Markup] = {}
        self.stylesheet("", None)  # a broken print.css stops the build before anything is written

    def stylesheet(self, running_title: str, variant: str | None) -> Markup:
        """print.css for one sheet: its page header and footer name the sheet and the variant."""
        key = (running_title, variant)
        if key not in self._css:
            # The stylesheet is template output, not data: it goes into <style> unescaped.
            self._css[key] = Markup(
                self._render(
                    "papers/print.css",
                    body_font=BODY_FONT,
                    heading_font=HEADING_FONT,
                    running_title=running_title,
                    variant=variant,
                )
            )
        return self._css[key]

    def render(self, template: str, *, kind: str, doc_title: str, running_title: str, **context: Any) -> str:
        css = self.stylesheet(running_title, context.get("variant"))
        return self._render(
            template, css=css, kind=kind, doc_title=doc_title, running_title=running_title, md=self.md, **context
        )

    def _render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise PackError(msg("pack.template", template=template, error=exc)) from exc


class PrintStrings(Strings):
    """The string table for HTML templates: a placeholder's value is HTML-escaped unless it is
    ``Markup`` (the generated pages' ``t`` escapes for Markdown, which would turn a ``+`` or
    ``*`` in an exam title into a character reference)."""

    def __call__(self, key: str, **values: Any) -> Markup:
        return Markup(self.text(key).format(**{k: escape(v) for k, v in values.items()}))


def css_string(text: str) -> Markup:
    """*text* as a quoted CSS string (for ``content:``), safe inside ``<style>``."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ").replace("<", "\\3c ")
    return Markup(f'"{escaped}"')


class _Utf8Templates(jinja2.BaseLoader):
    """The template loader, but a file that is not UTF-8 is a message naming that file (which may
    be one the rendered template includes), not a UnicodeDecodeError."""

    def __init__(self, files: jinja2.FileSystemLoader):
        self.files = files

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Any]:
        try:
            return self.files.get_source(environment, template)
        except UnicodeDecodeError as exc:
            found = (Path(d) / template for d in self.files.searchpath)
            path = next((p for p in found if p.is_file()), Path(template))
            raise PackError(msg("pack.template_encoding", path=display_path(path), error=exc.reason)) from None

    def list_templates(self) -> list[str]:
        return self.files.list_templates()


def parse_formats(text: str | Iterable[str]) -> tuple[str, ...]:
    wanted = [f.strip().lower() for f in (text.split(",") if isinstance(text, str) else text) if f.strip()]
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise UsageError(msg("pack.formats", found=",".join(wanted) or msg("pack.nothing")))
    return tuple(f for f in FORMATS if f in wanted)


def write_documents(documents: Iterable[Document], folder: Path, formats: Sequence[str]) -> list[Path]:
    """Write each document as HTML and/or PDF below *folder* (a staging folder)."""
    documents = list(documents)
    pdfs: list[tuple[bytes, int]] = []
    if "pdf" in formats and documents:
        check_fonts()
        pdfs = pdfs_of([doc.html for doc in documents])
    written = []
    for i, doc in enumerate(documents):
        target = in_stage(folder, doc.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        if "html" in formats:
            path = target.with_name(target.name + ".html")
            path.write_text(doc.html, encoding="utf-8", newline="\n")
            written.append(path)
        if "pdf" in formats:
            path = target.with_name(target.name + ".pdf")
            pdf, pages = pdfs[i]
            if doc.pages is not None and pages > doc.pages:
                where = doc.pages_at or doc.path
                raise PackError(msg("pack.too_long", where=where, document=doc.path, pages=pages, allowed=doc.pages))
            path.write_bytes(pdf)
            written.append(path)
    return written
