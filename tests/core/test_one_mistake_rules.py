"""Rules the bad-input corpus cannot state, because they are about what is NOT reported: one
mistake gives one message, and what the authoring contract allows stays clean."""

from __future__ import annotations

from pathlib import Path

from trainbook.validate import validate


def problems(site: Path, kind: str, text: str) -> list[str]:
    (site / "content" / kind / "x.yml").write_text(text, encoding="utf-8")
    _, report = validate("content")
    return [str(d) for d in report.sorted() if d.pos.path == f"content/{kind}/x.yml"]


def test_a_numeric_question_id_is_one_message_not_also_missing(mini_site: Path) -> None:
    lines = problems(
        mini_site,
        "banks",
        "id: x\ntitle: T\nquestions:\n  - id: 7\n    type: true_false\n    stem: s\n    answer: true\n"
        "    explanation: e\n",
    )
    assert len(lines) == 1 and "key 'id' of question 1 must be an id" in lines[0]


def test_a_refused_tag_on_a_required_key_is_not_also_missing(mini_site: Path) -> None:
    lines = problems(mini_site, "rubrics", "id: x\ntitle: !foo T\ncriteria:\n  - {name: a, points: 1}\n")
    assert len(lines) == 1 and "'!foo'" in lines[0]


def test_a_sub_question_repeating_its_groups_pool_is_only_a_warning(mini_site: Path) -> None:
    bank = (
        "id: x\ntitle: T\ndefaults: {pool: exam}\nquestions:\n  - id: x-1\n    type: group\n    stem: s\n"
        "    explanation: e\n    questions:\n      - {id: x-1a, type: true_false, stem: s, answer: true, pool: exam,"
        " explanation: e}\n"
    )
    lines = problems(mini_site, "banks", bank)
    assert len(lines) == 1 and ": warning: key 'pool' of question 'x-1a' is ignored" in lines[0]


def test_a_number_in_yaml_1_1_exponent_form_is_a_number(mini_site: Path) -> None:
    bank = (
        "id: x\ntitle: T\nquestions:\n"
        "  - {id: x-1, type: true_false, stem: s, answer: true, points: 1.5e+1, explanation: e}\n"
    )
    assert problems(mini_site, "banks", bank) == []
    project, _ = validate("content")
    assert project.question("x-1").points == 15  # type: ignore[union-attr]


def test_one_variant_may_still_be_written_without_a_list(mini_site: Path) -> None:
    exam = "id: x\ntitle: T\nvariants: B\nsections:\n  - title: 一\n    draw:\n      - {ids: [m-tf]}\n"
    assert problems(mini_site, "exams", exam) == []
    project, _ = validate("content")
    assert [e.variants for e in project.exams if e.id == "x"] == [("B",)]


def test_an_online_exam_may_draw_pool_any_papers_from_both_pools_and_the_mock_from_practice(mini_site: Path) -> None:
    exam = (
        "id: x\ntitle: T\nonline: true\nsections:\n  - title: 一\n    draw:\n"
        "      - {bank: mini, type: single, pool: any, count: 1}\n"
    )
    assert problems(mini_site, "exams", exam) == []
