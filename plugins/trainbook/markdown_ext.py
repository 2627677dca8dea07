"""Python-Markdown extension for the ```quiz and ```case fences.

Usable without MkDocs: ``markdown.markdown(text, extensions=[TrainbookExtension(project)])``.
The MkDocs adapter calls :meth:`TrainbookExtension.begin_page` before each page so case
boxes can link to their case page relative to the page being rendered, and so problems
point at the page file.

Fences are found at any depth (inside admonitions, content tabs, list items): the rendered
HTML is stashed and its placeholder keeps the fence's indentation, so Python-Markdown puts the
quiz inside the same container. A content problem found while rendering (a fence the
validator could not see, e.g. one pulled in by pymdownx.snippets) raises :class:`ContentError`,
or, with ``collect_problems=True``, is appended to :attr:`TrainbookExtension.problems` for the
front end to report (MkDocs offers no hook around a page's Markdown conversion).

With ``defer=True`` a quiz is checked and selected while the page is converted, but its HTML
is rendered only when the front end asks for it: the page holds a slot (an empty ``<div>``
naming it) and :meth:`TrainbookExtension.take_deferred` hands over what fills each slot.
MkDocs converts every page before it writes any, and keeps each page's HTML to the end; a
page of quizzes is mostly quiz HTML, so the adapter puts it in just before the page is written
and takes it out again afterwards (see the plugin's ``on_page_context``).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .diagnostics import ContentError, Diagnostic, Pos, Report
from .fence_source import PageSource
from .fences import Fence, find_fences, not_closed, read_case_ref, read_quiz, select_quiz
from .markup import MarkdownRenderer
from .messages import Text, msg
from .model import Project
from .render import Renderer
from .strings import Strings

# Before fenced_code (25) and pymdownx.superfences (which takes the same slot),
# so our fences are never mistaken for code blocks.
PRIORITY = 29


class FencePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: TrainbookExtension):
        super().__init__(md)
        self.ext = ext
        self.counter = 0
        self.page_bar = False  # the page's practice total sits before its first practice quiz
        self.shown_cases: list[str] = []  # cases whose box (with the scenario) the page shows so far

    def run(self, lines: list[str]) -> list[str]:
        fences = list(find_fences(lines))
        if not fences:
            return lines
        source = PageSource(self.ext.source_path, self.ext.include_dirs)
        out: list[str] = []
        last = 0
        for fence in fences:
            out.extend(lines[last : fence.start])
            html = self.render(fence, lines, source)
            # Blank lines make the placeholder a block of its own; its indentation keeps it in
            # the admonition, tab or list item the fence was in.
            out.extend(["", " " * fence.indent + self.md.htmlStash.store(html), ""])
            last = fence.end + 1
        out.extend(lines[last:])
        return out

    def render(self, fence: Fence, lines: list[str], source: PageSource) -> str:
        found = source.locate(lines[fence.start : fence.end + 1], lines, fence.start)
        report = Report()
        if found.included:
            # Lines count from the block's opening line; the diagnostics are reworded below.
            pos = Pos(found.path, 2, fence.indent + 1)
            body = fence.body
        else:
            pos = Pos(found.path, found.opening + 2, found.indent() + 1)
            body = found.body(fence.end - fence.start - 1)
        if fence.closed:
            html = self._render(fence.kind, body, pos, report)
        else:
            html = None
            report.error(Pos(pos.path, pos.line - 1, pos.col), not_closed(fence))
        problems = report.sorted()
        if found.included:
            problems = [
                Diagnostic(
                    Pos(found.path, found.directive_line, 1),
                    d.severity,
                    msg("check.included", line=d.pos.line, kind=fence.kind, message=_text(d.message)),
                )
                for d in problems
            ]
        elif found.path == source.path:
            problems = [d for d in problems if d.severity == "error"]  # the validator warned already
        self.ext.report(problems)
        return html if html is not None else ""

    def _render(self, kind: str, body: str, pos: Pos, report: Report) -> str | None:
        ext = self.ext
        if kind == "quiz":
            spec = read_quiz(body, pos, report)
            questions = select_quiz(ext.project, spec, report) if spec is not None else []
            if spec is None or report.errors:
                return None
            self.counter += 1
            page_bar = spec.mode == "practice" and not self.page_bar
            self.page_bar = self.page_bar or page_bar
            cases = {c.id: c for c in ext.project.cases}
            # A question on a case whose box stands above it points to that box, not a second copy.
            note = Strings(ext.renderer.lang).plain("case.see_scenario")
            shown = {cid: note for cid in self.shown_cases}
            render = partial(
                ext.renderer.quiz_html,
                f"tb-quiz-{self.counter}",
                questions,
                cases,
                title=spec.title,
                mode=spec.mode,
                time=spec.time,
                pick=spec.pick,
                page_bar=page_bar,
                shown=shown,
            )
            if not ext.defer:
                return render()
            ext.renderer.check_published(questions)  # refused now, as the eager path would
            return ext.defer_slot(render)
        ref = read_case_ref(body, pos, report)
        case = ext.project.case(ref[0]) if ref else None
        if case is None:
            if ref:
                report.error(ref[1], msg("check.case_block_missing", id=ref[0]))
            return None
        self.shown_cases.append(case.id)
        return ext.renderer.case_html(case, ext.link(case.id) if ext.link else None)


def _text(message: str) -> Text:
    return message if isinstance(message, Text) else Text(message)


class TrainbookExtension(Extension):
    def __init__(
        self,
        project: Project,
        renderer: Renderer | None = None,
        *,
        collect_problems: bool = False,
        include_dirs: Sequence[str | Path] = (),
        defer: bool = False,
        **kwargs: object,
    ):
        """*include_dirs*: where included files are looked up (pymdownx.snippets' base_path);
        *defer*: leave slots for the quizzes' HTML (:meth:`take_deferred`, :func:`fill_slots`)."""
        super().__init__(**kwargs)
        self.project = project
        self.renderer = renderer or Renderer(MarkdownRenderer())
        self.link: Callable[[str], str | None] | None = None
        self.source_path: str | None = None
        self.collect_problems = collect_problems
        self.include_dirs = list(include_dirs)
        self.problems: list[Diagnostic] = []
        self.processor: FencePreprocessor | None = None
        self.defer = defer
        self.deferred: dict[str, Callable[[], str]] = {}
        # Slots name this build, so a page that happens to contain a slot's markup keeps it.
        self._slot_prefix = secrets.token_hex(8)

    def defer_slot(self, render: Callable[[], str]) -> str:
        slot = f'<div data-tb-slot="{self._slot_prefix}-{len(self.deferred)}"></div>'
        self.deferred[slot] = render
        return slot

    def take_deferred(self) -> dict[str, Callable[[], str]]:
        """The slots left in the page converted last, each with what renders its HTML."""
        deferred, self.deferred = self.deferred, {}
        return deferred

    def begin_page(self, source_path: str | None, link: Callable[[str], str | None] | None = None) -> None:
        """Before converting one page: its file (for positions) and how to link case pages."""
        self.source_path = source_path
        self.link = link
        self.problems = []
        self.deferred = {}

    def report(self, problems: list[Diagnostic]) -> None:
        if not problems:
            return
        if not self.collect_problems and any(d.severity == "error" for d in problems):
            raise ContentError(problems)
        self.problems.extend(problems)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.processor = FencePreprocessor(md, self)
        md.preprocessors.register(self.processor, "trainbook_fences", PRIORITY)
        md.registerExtension(self)

    def reset(self) -> None:
        if self.processor is not None:
            self.processor.counter = 0
            self.processor.page_bar = False
            self.processor.shown_cases = []


_SLOT = re.compile(r'<div data-tb-slot="[0-9a-f]+-[0-9]+"></div>')


def fill_slots(html: str, deferred: dict[str, Callable[[], str]]) -> str:
    """*html* with each slot of *deferred* replaced by its rendered HTML.

    Raises :class:`SlotError` when a slot is no longer in *html* (an extension or plugin
    rewrote it): the quiz would otherwise be missing without a word."""
    if not deferred:
        return html
    filled: set[str] = set()

    def fill(m: re.Match[str]) -> str:
        render = deferred.get(m.group(0))
        if render is None:
            return m.group(0)
        filled.add(m.group(0))
        text = render()
        # Markdown strips the whitespace around its whole output; so must a quiz at either end.
        if m.start() == 0:
            text = text.lstrip()
        if m.end() == len(html):
            text = text.rstrip()
        return text

    out = _SLOT.sub(fill, html)
    if len(filled) != len(deferred):
        raise SlotError(len(deferred) - len(filled))
    return out


class SlotError(RuntimeError):
    def __init__(self, missing: int):
        super().__init__(
            f"{missing} quiz slot(s) were removed from the page's HTML before the quizzes were put in "
            "(an extension or plugin rewrote '<div data-tb-slot=…></div>')"
        )
