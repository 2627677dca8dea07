"""A theme's own copy of the quiz templates keeps working. tests/fixtures/theme_quiz_templates holds
copies written the way the built-in templates were before session 17 (``d.key`` attribute access,
the ``markup()`` global); they must render exactly what the built-in templates render, on every
practice question of the example handbook (every question type, case groups, a pointer to a case
whose scenario the page shows above the quiz)."""

from __future__ import annotations

from pathlib import Path

from trainbook.diagnostics import Report
from trainbook.load import load_project
from trainbook.markup import MarkdownRenderer
from trainbook.render import Renderer, environment

ROOT = Path(__file__).resolve().parents[2]
OLD_STYLE = ROOT / "tests" / "fixtures" / "theme_quiz_templates"


def test_a_theme_copy_in_the_old_style_renders_the_same_quiz() -> None:
    project = load_project(ROOT / "content", Report())
    questions = [q for q in project.questions() if q.pool == "practice"]
    assert {q.type for q in questions} >= {"single", "multiple", "matching", "ordering", "group"}
    cases = {c.id: c for c in project.cases}
    shown = {next(q.case for q in questions if q.case): "见上方案例"}
    md = MarkdownRenderer()
    html = [
        Renderer(md, environment(dirs, markdown=md)).quiz_html("tb-quiz-1", questions, cases, shown=shown)
        for dirs in ([], [OLD_STYLE])
    ]
    assert "tb-q__case" in html[0] and "见上方案例" in html[0]
    assert html[1] == html[0]
