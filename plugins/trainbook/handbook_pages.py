"""What trainbook adds to the handbook's own pages, for readers.

- A module page (front matter ``duration``, ``audience`` or ``objectives``) gets a header under
  its title — duration, audience, objectives and the reader's progress — and a footer: its case
  studies and where to practise more.
- A page whose front matter lists ``paths`` (usually the home page) shows them under its title:
  per reader role the modules in order, with duration, objectives, the reader's progress and
  where to go next.

The additions are Markdown from ``templates/module_header.md.j2``, ``module_footer.md.j2`` and
``paths.md.j2`` (a theme's ``custom_dir/trainbook/`` can override them). Progress lives in the
reader's browser: the pages carry each module's practice question ids (``tb-progress__data``)
and the quiz engine fills in the state from its saved progress.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .model import Objective, Page, Project
from .pages import Link, PageBuilder
from .render import DOC_LINK, Renderer, script_json
from .strings import DEFAULT_LANGUAGE, Strings

#: The words assets/progress.js shows: a module's state ({d} done of {n}, {p} % right) and where next.
PROGRESS_WORDS = ("todo", "doing", "done", "next", "cont", "all")
_H1_RE = re.compile(r"^#[ \t]+\S")
_FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")


@dataclass(frozen=True)
class ModuleEntry:
    """One module of a learning path."""

    id: str
    title: str
    href: str  # tb-doc:<src path>, made a URL by the front end
    duration: str | None
    objectives: tuple[Objective, ...]
    tracked: bool  # it has practice questions, so the reader's progress can be shown


@dataclass(frozen=True)
class PathEntry:
    id: str
    title: str
    intro: str | None
    next: str | None
    modules: tuple[ModuleEntry, ...]
    duration: str | None  # of all its modules
    exam_title: str | None = None  # the mock exam that ends the path
    exam_href: str | None = None  # tb-doc:<src path> of its page

    @property
    def order(self) -> str:
        """The ids of its modules with practice questions, in order (where the reader goes next)."""
        return " ".join(m.id for m in self.modules if m.tracked)


def duration_text(t: Strings, minutes: int | None) -> str | None:
    """Training time as the programme counts it: 学时 of 60 minutes, minutes below an hour or off the half hour."""
    if minutes is None:
        return None
    if minutes >= 60 and minutes % 30 == 0:
        return t.plain("reader.hours", hours=f"{minutes / 60:g}")
    return t.plain("reader.minutes", minutes=minutes)


class PageAdditions:
    """Adds headers, footers and learning paths to handbook pages (see the module docstring).

    *generated*: the src paths of the generated pages (cases, banks, 错题本, 学习记录) that exist.
    """

    def __init__(
        self,
        project: Project,
        renderer: Renderer,
        generated: Collection[str],
        prefix: str = "trainbook",
        language: str = DEFAULT_LANGUAGE,
    ):
        self.project = project
        self.renderer = renderer
        self.t = Strings(language)
        self.uris = PageBuilder(project, renderer, prefix, language)
        self.generated = set(generated)
        self.by_path = {p.src_path: p for p in project.pages}
        self.questions: dict[str, list[str]] = {}
        for bank in project.banks:
            if bank.module:
                ids = [q.id for q in bank.questions if q.pool == "practice"]
                self.questions.setdefault(bank.module, []).extend(ids)

    def add(self, src_path: str, markdown: str) -> str:
        """The page's Markdown with its additions; unchanged for a page that has none."""
        page = self.by_path.get(src_path)
        if page is None or not (page.paths or page.is_module):
            return markdown
        top = []
        if page.is_module:
            top.append(self.header(page))
        if page.paths:
            top.append(self.paths(page))
        bottom = self.footer(page) if page.is_module and page.id else ""
        return _after_title(markdown, "\n".join(top)) + ("\n\n" + bottom if bottom else "")

    # -- parts -------------------------------------------------------------------------------
    def render(self, template: str, **context: Any) -> str:
        """A template's Markdown; a broken (overriding) template raises PageTemplateError."""
        return self.uris.render(template, "", **context)

    def progress_data(self, module_ids: Collection[str], page: Page) -> Markup | None:
        """The practice question ids of *module_ids* and their pages, for the quiz engine."""
        modules = {}
        for mid in module_ids:
            target = self.project.page(mid)
            if target is None or not self.questions.get(mid):
                continue
            modules[mid] = {
                "ids": self.questions[mid],
                "title": target.title or mid,
                "href": DOC_LINK + target.src_path,
            }
        words = {key: self.t.text(f"reader.state_{key}") for key in PROGRESS_WORDS}
        return script_json({"modules": modules, "words": words}) if modules else None

    def header(self, page: Page) -> str:
        tracked = bool(page.id and self.questions.get(page.id))
        return self.render(
            "module_header.md.j2",
            page=page,
            duration=duration_text(self.t, page.duration),
            progress=self.progress_data([page.id], page) if tracked and page.id else None,
        )

    def footer(self, page: Page) -> str:
        cases = [
            (Link(c.title, self.link(page, self.uris.uri("cases", c.id))), c)
            for c in self.project.cases
            if c.module == page.id and self.uris.uri("cases", c.id) in self.generated
        ]
        practice = []
        for bank in self.project.banks:
            uri = self.uris.uri("banks", bank.id)
            if bank.module == page.id and uri in self.generated:
                practice.append(Link(self.t.plain("reader.bank", title=bank.title), self.link(page, uri)))
        if practice or cases:
            for key, ident in (("learner.wrong_title", "wrong"), ("learner.record_title", "record")):
                uri = self.uris.uri("learner", ident)
                if uri in self.generated:
                    practice.append(Link(self.t.plain(key), self.link(page, uri)))
        if not cases and not practice:
            return ""
        return self.render("module_footer.md.j2", cases=cases, practice=practice)

    def paths(self, page: Page) -> str:
        entries = []
        every = []
        for lp in page.paths:
            modules = []
            minutes = 0
            for mid in lp.modules:
                target = self.project.page(mid)
                if target is None:
                    continue  # the validator reported it
                minutes += target.duration or 0
                modules.append(
                    ModuleEntry(
                        mid,
                        target.title or mid,
                        DOC_LINK + target.src_path,
                        duration_text(self.t, target.duration),
                        target.objectives,
                        bool(self.questions.get(mid)),
                    )
                )
                every.append(mid)
            exam = next((e for e in self.project.exams if e.id == lp.exam and e.online), None)
            exam_uri = self.uris.uri("exams", exam.id) if exam is not None else None
            entries.append(
                PathEntry(
                    lp.id,
                    lp.title,
                    lp.intro,
                    lp.next,
                    tuple(modules),
                    duration_text(self.t, minutes or None),
                    self.t.plain("exam.mock_title", title=exam.title) if exam is not None else None,
                    DOC_LINK + exam_uri if exam_uri is not None and exam_uri in self.generated else None,
                )
            )
        return self.render("paths.md.j2", paths=entries, progress=self.progress_data(dict.fromkeys(every), page))

    def link(self, page: Page, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(page.src_path) or ".")


def _after_title(markdown: str, block: str) -> str:
    """*block* right under the page's first level-1 heading (outside code), else at the top."""
    lines = markdown.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        m = _FENCE_RE.match(line)
        if m:
            mark = m.group(1)
            if fence is None:
                fence = mark
            elif mark[0] == fence[0] and len(mark) >= len(fence):
                fence = None
            continue
        if fence is None and _H1_RE.match(line):
            return "\n".join([*lines[: i + 1], "", block, "", *lines[i + 1 :]])
    return block + "\n\n" + markdown
