"""The ```quiz and ```case fences as a plain Python-Markdown extension."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest

from trainbook.diagnostics import ContentError
from trainbook.markdown_ext import TrainbookExtension
from trainbook.model import Project
from trainbook.validate import validate

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini" / "content"


@pytest.fixture(scope="module")
def project() -> Project:
    project, report = validate(MINI)
    assert not report.errors
    return project


def render(project: Project, text: str) -> str:
    return markdown.markdown(text, extensions=["admonition", TrainbookExtension(project)])


def quiz_data(html: str) -> dict:
    raw = re.search(r'class="tb-quiz__data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def test_quiz_fence_renders_a_fieldset_per_question(project: Project) -> None:
    html = render(project, "```quiz\nbank: mini\n```\n")
    assert html.count("<fieldset>") >= 8
    assert '<ol class="tb-options" type="A">' in html


def test_quiz_data_holds_only_practice_questions(project: Project) -> None:
    data = quiz_data(render(project, "```quiz\nbank: mini\n```\n"))
    ids = {q["id"] for q in data["questions"]}
    assert "m-secret" not in ids and "m-single" in ids


def test_quiz_filters_by_type(project: Project) -> None:
    data = quiz_data(render(project, "```quiz\nbank: mini\ntype: true_false\n```\n"))
    assert [q["id"] for q in data["questions"]] == ["m-tf"]


def test_fill_blank_stem_marks_each_blank(project: Project) -> None:
    data = quiz_data(render(project, "```quiz\nids: [m-fill]\n```\n"))
    assert 'data-blank="0"' in data["questions"][0]["stem"]


def test_group_on_a_case_uses_the_scenario_as_its_stem(project: Project) -> None:
    data = quiz_data(render(project, "```quiz\nids: [m-group]\n```\n"))
    group = data["questions"][0]
    assert "张女士被困" in group["stem"] and group["case_title"] == "夜间电梯困人"
    assert group["points"] == 4


def test_a_group_below_its_case_box_points_to_it_instead_of_repeating_the_scenario(project: Project) -> None:
    html = render(project, "```case\nid: night-lift\n```\n\n```quiz\nids: [m-group]\n```\n")
    shown = re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)
    assert shown.count("张女士被困") == 1  # in the case box only, not again in the static question
    group = quiz_data(html)["questions"][0]
    assert "阅读本页上方的“案例情景”后作答。" in group["shown_stem"]
    # The question itself is unchanged (the engine's content hash: the same saved progress).
    alone = quiz_data(render(project, "```quiz\nids: [m-group]\n```\n"))["questions"][0]
    assert {k: v for k, v in group.items() if k != "shown_stem"} == alone and "shown_stem" not in alone


def test_a_case_box_below_the_quiz_leaves_the_scenario_in_the_question(project: Project) -> None:
    html = render(project, "```quiz\nids: [m-group]\n```\n\n```case\nid: night-lift\n```\n")
    assert "shown_stem" not in quiz_data(html)["questions"][0]


def test_pick_and_exam_mode_reach_the_data(project: Project) -> None:
    data = quiz_data(render(project, "```quiz\nbank: mini\npick: 3\nmode: exam\ntime: 5\n```\n"))
    assert (data["pick"], data["mode"], data["time"]) == (3, "exam", 5)


def test_script_data_cannot_close_its_script_tag(project: Project) -> None:
    html = render(project, '```quiz\nbank: mini\ntitle: "</script><b>x"\n```\n')
    body = re.search(r'class="tb-quiz__data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in body


def test_case_fence_renders_the_scenario_and_discussion(project: Project) -> None:
    html = render(project, "```case\nid: night-lift\n```\n")
    assert "夜间电梯困人" in html and "值班客服应先做什么" in html


def test_fences_inside_other_code_blocks_are_left_alone(project: Project) -> None:
    html = render(project, "````markdown\n```quiz\nbank: nope\n```\n````\n")
    assert "tb-quiz" not in html


def test_quiz_naming_an_exam_pool_question_is_an_error(project: Project) -> None:
    with pytest.raises(ContentError, match="exam-pool"):
        render(project, "```quiz\nids: [m-secret]\n```\n")
