"""What `mkdocs serve` reuses from the rebuild before: a quiz rendered by a keeping Renderer is
exactly what a fresh one renders, questions that did not change are not rendered again, and a
changed template or question is."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from trainbook.bankdata import data_files
from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook.markup import MarkdownRenderer
from trainbook.memo import Generations
from trainbook.model import Project, Question
from trainbook.render import TEMPLATES, Renderer, environment

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(ROOT / "content", Report())


def practice(project: Project) -> list[Question]:
    return [q for q in project.questions() if q.pool == "practice"]


def quiz(renderer: Renderer, project: Project, questions: list[Question]) -> str:
    cases = {c.id: c for c in project.cases}
    return renderer.quiz_html("tb-quiz-1", questions, cases, title="自测", pick=3)


class CountingRenderer(Renderer):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.rendered: list[str] = []

    def _question_data(self, q, points=None, cases=None):  # type: ignore[no-untyped-def]
        self.rendered.append(q.id)
        return super()._question_data(q, points, cases)


def test_a_kept_quiz_is_what_a_fresh_renderer_renders(project: Project) -> None:
    md = MarkdownRenderer(["tables"])
    questions = practice(project)
    Renderer(md, keep=True)  # a build before
    first = quiz(Renderer(md, keep=True), project, questions)
    again = quiz(Renderer(md, keep=True), project, questions)
    assert first == again == quiz(Renderer(MarkdownRenderer(["tables"])), project, questions)


def test_a_rebuild_renders_only_the_questions_that_changed(project: Project) -> None:
    md = MarkdownRenderer(["tables", "admonition"])
    questions = practice(project)[:20]
    quiz(CountingRenderer(md, keep=True), project, questions)
    edited = [replace(questions[0], stem=questions[0].stem + "（改）"), *questions[1:]]
    again = CountingRenderer(md, keep=True)
    html = quiz(again, project, edited)
    assert again.rendered == [questions[0].id]
    assert "（改）" in html


def test_a_renderer_that_does_not_keep_renders_everything(project: Project) -> None:
    md = MarkdownRenderer(["tables", "def_list"])
    questions = practice(project)[:5]
    quiz(CountingRenderer(md), project, questions)
    again = CountingRenderer(md)
    quiz(again, project, questions)
    assert again.rendered == [q.id for q in questions]


def test_an_edited_template_renders_the_quiz_again(project: Project, tmp_path: Path) -> None:
    custom = tmp_path / "trainbook"
    custom.mkdir()
    md = MarkdownRenderer(["tables", "footnotes"])
    questions = practice(project)[:3]
    before = quiz(Renderer(md, environment([custom], markdown=md), keep=True), project, questions)
    shutil.copy(TEMPLATES / "quiz.html", custom / "quiz.html")
    text = (custom / "quiz.html").read_text(encoding="utf-8")
    (custom / "quiz.html").write_text(text.replace('class="tb-quiz"', 'class="tb-quiz tb-custom"'), encoding="utf-8")
    after = quiz(Renderer(md, environment([custom], markdown=md), keep=True), project, questions)
    assert "tb-custom" not in before and "tb-custom" in after


def test_generations_keep_what_the_last_build_used_and_nothing_older() -> None:
    memo: Generations[str, int] = Generations()
    memo.put("a", 1)
    memo.put("b", 2)
    memo.next_generation()
    assert memo.get("a") == 1  # used by this build: kept for the next
    memo.next_generation()
    assert memo.get("a") == 1 and memo.get("b") is None


def test_a_rebuild_reuses_the_data_file_of_an_unchanged_bank_and_rewrites_a_changed_one(project: Project) -> None:
    md = MarkdownRenderer(["tables", "md_in_html"])
    memo: Generations[tuple[object, ...], tuple[list[object], str]] = Generations()
    first = dict(data_files(project, Renderer(md, keep=True), memo))
    memo.next_generation()
    bank = next(b for b in project.banks if any(q.pool == "practice" for q in b.questions))
    edited_q = next(q for q in bank.questions if q.pool == "practice")
    edited = replace(
        project,
        banks=tuple(
            replace(b, questions=tuple(replace(q, stem=q.stem + "（改）") if q is edited_q else q for q in b.questions))
            if b is bank
            else b
            for b in project.banks
        ),
    )
    again = dict(data_files(edited, Renderer(md, keep=True), memo))
    fresh = dict(data_files(edited, Renderer(MarkdownRenderer(["tables", "md_in_html"]))))
    assert again == fresh
    # The index (a few ids per bank) is written afresh each time.
    changed = [path for path in first if path.startswith("banks/") and first[path] is not again[path]]
    assert changed == [f"banks/{bank.id}.js"]
