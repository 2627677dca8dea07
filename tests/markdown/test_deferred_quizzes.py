"""Quizzes left as slots while a page is converted (``defer=True``, what the MkDocs adapter
uses) come out exactly as the quizzes rendered in place, once the slots are filled."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from trainbook.markdown_ext import SlotError, TrainbookExtension, fill_slots
from trainbook.model import Project
from trainbook.render import LeakError
from trainbook.validate import validate

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "content"
EXTENSIONS = ["admonition", "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed"]

PAGES = {
    "at both ends": "```quiz\nids: [m-single]\n```\n\nMiddle.\n\n```quiz\nbank: mini\n```\n",
    "alone": "```quiz\nids: [m-tf, m-fill]\n```\n",
    "nested": (
        '!!! note "自测"\n    先读一遍。\n\n    ```quiz\n    ids: [m-single]\n    ```\n\n'
        '=== "甲"\n    ```quiz\n    ids: [m-tf]\n    ```\n\n=== "乙"\n    Text.\n\n'
        "1. 第一步\n\n    ```quiz\n    ids: [m-group]\n    ```\n\n2. 第二步\n"
    ),
    "mock exam and text around": "# 标题\n\n前文。\n\n```quiz\nbank: mini\nmode: exam\ntime: 10\n```\n\n后文。\n",
}


@pytest.fixture(scope="module")
def project() -> Project:
    project, report = validate(MINI)
    assert not report.errors
    return project


def convert(project: Project, text: str, *, defer: bool) -> tuple[str, TrainbookExtension]:
    ext = TrainbookExtension(project, defer=defer)
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, ext], extension_configs={"pymdownx.tabbed": {"alternate_style": True}}
    )
    return md.convert(text), ext


@pytest.mark.parametrize("name", sorted(PAGES))
def test_filled_slots_give_the_page_rendered_in_place(project: Project, name: str) -> None:
    eager, _ = convert(project, PAGES[name], defer=False)
    slotted, ext = convert(project, PAGES[name], defer=True)
    deferred = ext.take_deferred()
    assert deferred and 'class="tb-quiz"' not in slotted
    assert fill_slots(slotted, deferred) == eager
    assert ext.take_deferred() == {}  # handed over once


def test_a_slot_that_went_missing_is_an_error_not_a_missing_quiz(project: Project) -> None:
    slotted, ext = convert(project, PAGES["at both ends"], defer=True)
    deferred = ext.take_deferred()
    first = next(iter(deferred))
    with pytest.raises(SlotError, match="1 quiz slot"):
        fill_slots(slotted.replace(first, ""), deferred)


def test_slot_markup_written_by_an_author_is_left_alone(project: Project) -> None:
    text = '<div data-tb-slot="0123abcd-0"></div>\n\n```quiz\nids: [m-tf]\n```\n'
    eager, _ = convert(project, text, defer=False)
    slotted, ext = convert(project, text, defer=True)
    assert fill_slots(slotted, ext.take_deferred()) == eager
    assert '<div data-tb-slot="0123abcd-0"></div>' in eager


def test_the_last_line_of_defence_refuses_exam_pool_questions(project: Project) -> None:
    # Checked when a deferred quiz is selected, before its slot is left in the page.
    questions = project.banks[0].questions
    secret = next(q for q in questions if q.pool == "exam")
    ext = TrainbookExtension(project, defer=True)
    ext.renderer.check_published([q for q in questions if q.pool == "practice"])
    with pytest.raises(LeakError, match=secret.id):
        ext.renderer.check_published([secret])
