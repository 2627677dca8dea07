"""Rubric sheets, forms and scheme score sheets as printed documents."""

from __future__ import annotations

from ..model import Form, Project, Rubric, Scheme
from .documents import Document, Printer


def rubric_sheet(printer: Printer, project: Project, rubric: Rubric, path: str) -> Document:
    case = project.case(rubric.case) if rubric.case else None
    html = printer.render(
        "papers/rubric.html",
        kind="rubric",
        doc_title=rubric.title,
        running_title=rubric.title,
        variant=None,
        rubric=rubric,
        case=case,
    )
    return Document(path, html, rubric.pages, rubric.at("pages"))


def form_sheet(printer: Printer, form: Form, path: str) -> Document:
    html = printer.render(
        "papers/form.html", kind="form", doc_title=form.title, running_title=form.title, variant=None, form=form
    )
    return Document(path, html, form.pages, form.at("pages"))


def scheme_sheet(printer: Printer, project: Project, scheme: Scheme, path: str) -> Document:
    titles = {
        **{("exam", e.id): e.title for e in project.exams},
        **{("rubric", r.id): r.title for r in project.rubrics},
        **{("form", f.id): f.title for f in project.forms},
    }
    sources = {}
    for c in scheme.components:
        for kind in ("exam", "rubric", "form"):
            ref = getattr(c, kind)
            if ref:
                sources[c.id] = titles.get((kind, ref), ref)
    html = printer.render(
        "papers/scheme.html",
        kind="scheme",
        doc_title=printer.strings.plain("paper.scheme_doc_title", title=scheme.title),
        running_title=scheme.title,
        variant=None,
        scheme=scheme,
        sources=sources,
    )
    return Document(path, html)


def all_sheets(printer: Printer, project: Project) -> list[Document]:
    """Everything ``trainbook forms build`` prints."""
    docs = [rubric_sheet(printer, project, r, f"rubrics/{r.id}") for r in project.rubrics]
    docs += [form_sheet(printer, f, f"forms/{f.id}") for f in project.forms]
    docs += [scheme_sheet(printer, project, s, f"schemes/{s.id}") for s in project.schemes]
    return docs
