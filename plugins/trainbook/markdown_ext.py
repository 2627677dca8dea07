"""Python-Markdown extension for the ```quiz and ```case fences.

Usable without MkDocs: ``markdown.markdown(text, extensions=[TrainbookExtension(project)])``.
The MkDocs adapter sets :attr:`TrainbookExtension.link` before each page so case
boxes can link to their case page relative to the page being rendered.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .diagnostics import ContentError, Pos, Report
from .fences import find_fences, read_case_ref, read_quiz, select_quiz
from .markup import MarkdownRenderer
from .model import Project
from .render import Renderer

# Before fenced_code (25) and pymdownx.superfences (which takes the same slot),
# so our fences are never mistaken for code blocks.
PRIORITY = 29


class FencePreprocessor(Preprocessor):
    def __init__(self, md: Markdown, ext: TrainbookExtension):
        super().__init__(md)
        self.ext = ext
        self.counter = 0

    def run(self, lines: list[str]) -> list[str]:
        fences = list(find_fences(lines))
        if not fences:
            return lines
        out: list[str] = []
        last = 0
        for fence in fences:
            out.extend(lines[last : fence.start])
            html = self.render(fence.kind, fence.body, fence.start)
            out.extend(["", self.md.htmlStash.store(html), ""])
            last = fence.end + 1
        out.extend(lines[last:])
        return out

    def render(self, kind: str, body: str, start: int) -> str:
        ext = self.ext
        report = Report()
        pos = Pos(ext.source_path or "<markdown>", start + 2, 1)
        if kind == "quiz":
            spec = read_quiz(body, pos, report)
            questions = select_quiz(ext.project, spec, report) if spec is not None else []
            if spec is None or report.errors:
                raise ContentError(report.sorted())
            self.counter += 1
            cases = {c.id: c for c in ext.project.cases}
            return ext.renderer.quiz_html(
                f"tb-quiz-{self.counter}",
                questions,
                cases,
                title=spec.title,
                mode=spec.mode,
                time=spec.time,
                pick=spec.pick,
            )
        ref = read_case_ref(body, pos, report)
        case = ext.project.case(ref[0]) if ref else None
        if case is None:
            if ref:
                report.error(ref[1], f"case block: case study '{ref[0]}' does not exist")
            raise ContentError(report.sorted())
        return ext.renderer.case_html(case, ext.link(case.id) if ext.link else None)


class TrainbookExtension(Extension):
    def __init__(self, project: Project, renderer: Renderer | None = None, **kwargs: object):
        super().__init__(**kwargs)
        self.project = project
        self.renderer = renderer or Renderer(MarkdownRenderer())
        self.link: Callable[[str], str | None] | None = None
        self.source_path: str | None = None
        self.processor: FencePreprocessor | None = None

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        self.processor = FencePreprocessor(md, self)
        md.preprocessors.register(self.processor, "trainbook_fences", PRIORITY)
        md.registerExtension(self)

    def reset(self) -> None:
        if self.processor is not None:
            self.processor.counter = 0
