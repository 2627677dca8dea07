"""The generated pages: banks, cases, mock exams, rubrics, schemes, forms and the overview.

This module only prepares what each page's template receives; the Markdown itself comes
from ``templates/<kind>.md.j2`` (a theme's ``custom_dir/trainbook/`` can override any of
them) and its words from the string table (strings.py) in the handbook's language.
"""

from __future__ import annotations

import posixpath
import traceback
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import jinja2
from markupsafe import Markup

from .bankdata import DATA_URI, INDEX
from .draw import draw_paper, effective_pool, rule_matches
from .fences import WholeBank, whole_banks
from .model import Bank, Case, Exam, Form, Project, Question, Rubric, Scheme
from .qtypes import QUESTION_TYPES, labels
from .render import DOC_LINK, Renderer, script_json
from .strings import DEFAULT_LANGUAGE, Strings

#: Kinds of generated pages, in the order of their nav sections.
SECTION_KINDS = ("banks", "cases", "exams", "rubrics", "schemes", "forms", "learner")

T = TypeVar("T")


class PageTemplateError(Exception):
    """A page template failed (e.g. an overriding template names an undefined variable)."""


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: str  # "overview" or one of SECTION_KINDS
    title: str
    markdown: str


@dataclass(frozen=True)
class Link:
    """A link in page Markdown; without *href* (no page to go to) just the title."""

    title: str
    href: str | None = None


@dataclass(frozen=True)
class TypeCount:
    type: str
    label: str
    count: int


@dataclass(frozen=True)
class BankRow:
    link: Link
    module: Link | None
    count: int
    types: tuple[TypeCount, ...]


@dataclass(frozen=True)
class Entry(Generic[T]):
    """One row of the overview: the item and the link to its page (if it has one)."""

    link: Link
    item: T


class PageBuilder:
    def __init__(
        self,
        project: Project,
        renderer: Renderer,
        prefix: str = "trainbook",
        language: str = DEFAULT_LANGUAGE,
        bank_pages: str = "auto",
    ):
        self.project = project
        self.renderer = renderer
        self.prefix = prefix.strip("/")
        self.t = Strings(language)
        self.type_labels: Mapping[str, str] = labels(self.t.language)
        self.whole: dict[str, WholeBank] = {}
        self.bank_pages = bank_pages  # "auto" | "always"

    def section_titles(self) -> dict[str, str]:
        return {kind: self.t.plain(f"section.{kind}") for kind in SECTION_KINDS}

    def overview_headings(self) -> dict[str, str]:
        """The overview's heading over each kind it lists (every kind but the learner's pages),
        as the default overview template words it: a nav can link a kind to its part of the page."""
        counts = {"cases": {"count": len(self.project.cases)}}
        return {
            kind: self.t.plain(f"overview.{kind}", **counts.get(kind, {}))
            for kind in SECTION_KINDS
            if kind != "learner"
        }

    def uri(self, kind: str, ident: str | None = None) -> str:
        return f"{self.prefix}/index.md" if ident is None else f"{self.prefix}/{kind}/{ident}.md"

    def link(self, from_uri: str, to_uri: str) -> str:
        return posixpath.relpath(to_uri, posixpath.dirname(from_uri))

    def module_link(self, from_uri: str, module: str | None) -> Link | None:
        page = self.project.page(module) if module else None
        if page is None:
            return None
        return Link(page.title or page.id or "", self.link(from_uri, page.src_path))

    def build(self) -> list[GeneratedPage]:
        p = self.project
        # A handbook page that shows a whole bank (no pick) makes its bank page a duplicate:
        # skipped, and the overview links to that handbook page. With pick, the bank page
        # stays (it is where all questions can be practised at once) but out of the search
        # index, so each practice question is found once, on the page that teaches it.
        self.whole = whole_banks(p, p.fences)
        pages = [self.bank(b.id) for b in p.banks if _practice(b.questions) and self._bank_page(b.id)]
        pages += [self.case(c.id) for c in p.cases]
        pages += [self.mock_exam(e.id) for e in p.exams if e.online]
        pages += [self.rubric(r.id) for r in p.rubrics]
        pages += [self.scheme(s.id) for s in p.schemes]
        pages += [self.form(f.id) for f in p.forms]
        if any(_practice(b.questions) for b in p.banks):
            pages += [self.wrongbook(), self.record()]
        return [self.overview(pages), *pages]

    def _bank_page(self, bank_id: str) -> bool:
        shown = self.whole.get(bank_id)
        return self.bank_pages == "always" or shown is None or shown.pick

    def render(self, template: str, title: str, search: bool = True, **context: Any) -> str:
        """*search* False keeps the page out of the search index (its text is found elsewhere)."""
        try:
            return self.renderer.env.get_template(template).render(title=title, t=self.t, search=search, **context)
        except jinja2.TemplateError as e:
            raise PageTemplateError(f"{_template_line(e, template)}: {e.message or e}") from e

    def type_counts(self, questions: Iterable[Question]) -> tuple[TypeCount, ...]:
        counts = Counter(q.type for q in questions)
        return tuple(TypeCount(t, self.type_labels[t], counts[t]) for t in QUESTION_TYPES if counts[t])

    # -- one page per kind ---------------------------------------------------
    def bank(self, bank_id: str) -> GeneratedPage:
        bank = _find(self.project.banks, bank_id)
        uri = self.uri("banks", bank.id)
        practice = _practice(bank.questions)
        markdown = self.render(
            "bank.md.j2",
            bank.title,
            search=bank.id not in self.whole,
            bank=bank,
            module=self.module_link(uri, bank.module),
            count=len(practice),
            groups=self.type_counts(practice),
        )
        return GeneratedPage(uri, "banks", bank.title, markdown)

    def case(self, case_id: str) -> GeneratedPage:
        case = _find(self.project.cases, case_id)
        uri = self.uri("cases", case.id)
        questions = [q for q in self.project.questions() if q.case == case.id and q.pool == "practice"]
        quiz = None
        if questions:
            # The scenario is on this page already: the questions point back to it instead of repeating it.
            cases = {c.id: c for c in self.project.cases}
            shown = {case.id: self.t.plain("case.see_scenario")}
            quiz = Markup(
                self.renderer.quiz_html(
                    f"tb-case-{case.id}", questions, cases, title=self.t.plain("case.quiz"), shown=shown
                )
            )
        markdown = self.render(
            "case.md.j2", case.title, case=case, module=self.module_link(uri, case.module), quiz=quiz
        )
        return GeneratedPage(uri, "cases", case.title, markdown)

    def mock_exam(self, exam_id: str) -> GeneratedPage:
        exam = _find(self.project.exams, exam_id)
        uri = self.uri("exams", exam.id)
        title = self.t.plain("exam.mock_title", title=exam.title)
        paper = draw_paper(self.project, exam, "online", online=True)
        points = {q.id: s.points for s in paper.sections if s.points is not None for q in s.questions}
        cases = {c.id: c for c in self.project.cases}
        pool, data = self.mock_exam_data(exam, paper.total_points)
        quiz = self.renderer.quiz_html(
            f"tb-mock-{exam.id}",
            paper.questions(),
            cases,
            title=title,
            mode="exam",
            time=exam.duration,
            points=points,
            pool=pool,
            extra={"exam": data},
        )
        # Its questions are practice questions that their module pages already make searchable.
        markdown = self.render(
            "mock_exam.md.j2", title, search=False, exam=exam, total=paper.total_points, quiz=Markup(quiz)
        )
        return GeneratedPage(uri, "exams", title, markdown)

    def mock_exam_data(self, exam: Exam, total: float) -> tuple[list[Question], dict[str, Any]]:
        """The practice questions a mock exam draws each attempt from, and what the quiz engine needs
        to draw (each rule's candidates and count, as draw.py applies them) and to report the result."""
        practice = _practice(self.project.questions())
        pool: dict[str, Question] = {}
        sections = []
        for section in exam.sections:
            rules = []
            for rule in section.draw:
                matched = [q for q in practice if rule_matches(rule, q, effective_pool(rule, online=True))]
                if rule.ids:
                    matched.sort(key=lambda q: rule.ids.index(q.id))
                pool.update((q.id, q) for q in matched)
                rules.append({"ids": [q.id for q in matched], "count": rule.count})
            sections.append({"title": section.title, "points": section.points, "rules": rules})
        objectives = {q.id: sorted(q.all_objectives) for q in pool.values() if q.all_objectives}
        used = {o for ids in objectives.values() for o in ids}
        info = {
            o.id: {"text": o.text, "href": DOC_LINK + page.src_path}
            for page in self.project.pages
            for o in page.objectives
            if o.id in used
        }
        data = {
            "id": exam.id,
            "pass": exam.pass_mark,
            "total": total,
            "shuffle": exam.shuffle_questions,
            "sections": sections,
            "objectives": objectives,
            "objective_info": info,
        }
        return list(pool.values()), data

    def wrongbook(self) -> GeneratedPage:
        """错题本: a section per bank; the questions the learner last got wrong are loaded on the page,
        per bank and only where there are some, from the data files bankdata.py writes."""
        uri = self.uri("learner", "wrong")
        title = self.t.plain("learner.wrong_title")
        sections = [{"id": bank.id, "title": bank.title} for bank in self.project.banks if _practice(bank.questions)]
        # Its questions are searchable on their banks' and modules' pages.
        markdown = self.render(
            "wrongbook.md.j2", title, search=False, sections=sections, index=DOC_LINK + DATA_URI + INDEX
        )
        return GeneratedPage(uri, "learner", title, markdown)

    def record(self) -> GeneratedPage:
        """学习记录: which questions belong to which module, and the mock exams; the engine adds the learner's
        progress from the browser."""
        uri = self.uri("learner", "record")
        title = self.t.plain("learner.record_title")
        modules = []
        for bank in self.project.banks:
            practice = _practice(bank.questions)
            if not practice:
                continue
            page = self.project.page(bank.module) if bank.module else None
            name = (page.title or page.id) if page else bank.title
            href = DOC_LINK + (page.src_path if page else self.uri("banks", bank.id))
            modules.append({"title": name, "href": href, "ids": [q.id for q in practice]})
        exams = [
            {"id": e.id, "title": e.title, "href": DOC_LINK + self.uri("exams", e.id), "pass": e.pass_mark}
            for e in self.project.exams
            if e.online
        ]
        data = script_json({"modules": modules, "exams": exams})
        # What the engine will draw, for the page's hold of its height: a table of the modules and
        # one of the exams when there are any, a row each.
        markdown = self.render("record.md.j2", title, data=data, modules=len(modules), exams=len(exams))
        return GeneratedPage(uri, "learner", title, markdown)

    def rubric(self, rubric_id: str) -> GeneratedPage:
        rubric = _find(self.project.rubrics, rubric_id)
        uri = self.uri("rubrics", rubric.id)
        case = self.project.case(rubric.case) if rubric.case else None
        case_link = Link(case.title, self.link(uri, self.uri("cases", case.id))) if case else None
        markdown = self.render("rubric.md.j2", rubric.title, rubric=rubric, case_link=case_link)
        return GeneratedPage(uri, "rubrics", rubric.title, markdown)

    def scheme(self, scheme_id: str) -> GeneratedPage:
        scheme = _find(self.project.schemes, scheme_id)
        uri = self.uri("schemes", scheme.id)
        titles = {
            **{("exam", e.id): e.title for e in self.project.exams},
            **{("rubric", r.id): r.title for r in self.project.rubrics},
            **{("form", f.id): f.title for f in self.project.forms},
        }
        online = {e.id for e in self.project.exams if e.online}
        sources: dict[str, Link] = {}
        for c in scheme.components:
            for kind in ("exam", "rubric", "form"):
                ref = getattr(c, kind)
                if ref:
                    # Only online exams have a page; a written exam is named, not linked.
                    linkable = kind != "exam" or ref in online
                    href = self.link(uri, self.uri(kind + "s", ref)) if linkable else None
                    sources[c.id] = Link(titles.get((kind, ref), ref), href)
        markdown = self.render("scheme.md.j2", scheme.title, scheme=scheme, sources=sources)
        return GeneratedPage(uri, "schemes", scheme.title, markdown)

    def form(self, form_id: str) -> GeneratedPage:
        form = _find(self.project.forms, form_id)
        uri = self.uri("forms", form.id)
        return GeneratedPage(uri, "forms", form.title, self.render("form.md.j2", form.title, form=form))

    def overview(self, pages: list[GeneratedPage]) -> GeneratedPage:
        uri = self.uri("overview")
        p = self.project
        generated = {g.src_uri for g in pages}

        def ref(kind: str, ident: str, title: str) -> Link:
            target = self.uri(kind, ident)
            if target not in generated and kind == "banks" and ident in self.whole:
                target = self.whole[ident].src_path  # the handbook page that shows the bank whole
                return Link(title, self.link(uri, target))
            return Link(title, self.link(uri, target) if target in generated else None)

        banks = [
            BankRow(
                ref("banks", b.id, b.title),
                self.module_link(uri, b.module),
                len(_practice(b.questions)),
                self.type_counts(_practice(b.questions)),
            )
            for b in p.banks
        ]
        title = self.t.plain("overview.title")
        markdown = self.render(
            "overview.md.j2",
            title,
            banks=banks,
            cases=[Entry[Case](ref("cases", c.id, c.title), c) for c in p.cases],
            exams=[Entry[Exam](ref("exams", e.id, e.title), e) for e in p.exams],
            rubrics=[Entry[Rubric](ref("rubrics", r.id, r.title), r) for r in p.rubrics],
            schemes=[Entry[Scheme](ref("schemes", s.id, s.title), s) for s in p.schemes],
            forms=[Entry[Form](ref("forms", f.id, f.title), f) for f in p.forms],
        )
        return GeneratedPage(uri, "overview", title, markdown)


def _template_line(error: jinja2.TemplateError, name: str) -> str:
    """``path:line`` of the template line that failed (Jinja maps its frames to templates)."""
    if isinstance(error, jinja2.TemplateSyntaxError):
        return f"{error.filename or error.name or name}:{error.lineno}"
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.endswith((".j2", ".html"))]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def _practice(questions: Iterable[Question]) -> list[Question]:
    return [q for q in questions if q.pool == "practice"]


Item = TypeVar("Item", Bank, Case, Exam, Rubric, Scheme, Form)


def _find(items: Iterable[Item], ident: str) -> Item:
    found = next((i for i in items if i.id == ident), None)
    if found is None:
        raise KeyError(f"no {ident!r} in the project")
    return found
