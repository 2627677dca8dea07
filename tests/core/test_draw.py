"""Paper draws are deterministic: a variant's paper depends only on the seed, the
variant and the ids of the questions each rule can draw — not on file order, not on
questions no rule can reach, not on other sections."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from trainbook.diagnostics import Report
from trainbook.draw import Paper, draw_paper
from trainbook.load import load_project


def question(qid: str, qtype: str, pool: str = "practice") -> dict:
    q: dict = {"id": qid, "type": qtype, "stem": f"题干 {qid}", "explanation": "说明。", "pool": pool}
    if qtype == "single":
        q |= {"options": ["甲", "乙", "丙"], "answer": "A"}
    elif qtype == "true_false":
        q |= {"answer": True}
    elif qtype == "ordering":
        q |= {"items": ["一", "二", "三"]}
    return q


def bank() -> dict:
    return {
        "id": "pool",
        "title": "题库",
        "questions": [question(f"s-{i:02d}", "single") for i in range(30)]
        + [question(f"t-{i:02d}", "true_false") for i in range(20)]
        + [question(f"x-{i:02d}", "single", pool="exam") for i in range(10)],
    }


def exam(seed: int = 11, **changes: object) -> dict:
    blueprint = {
        "id": "paper",
        "title": "试卷",
        "seed": seed,
        "variants": ["A", "B"],
        "online": True,
        "sections": [
            {"title": "一", "draw": [{"bank": "pool", "type": "single", "count": 8}]},
            {"title": "二", "draw": [{"type": "true_false", "count": 5}]},
        ],
    }
    return blueprint | changes


def draw(tmp_path: Path, bank_doc: dict, exam_doc: dict, variant: str = "A", online: bool = False) -> Paper:
    content = tmp_path / f"content-{len(list(tmp_path.iterdir()))}"
    for kind, doc in (("banks", bank_doc), ("exams", exam_doc)):
        (content / kind).mkdir(parents=True)
        (content / kind / f"{doc['id']}.yml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    report = Report()
    project = load_project(content, report)
    assert report.errors == []
    return draw_paper(project, project.exams[0], variant, online=online)


def ids(paper: Paper) -> list[list[str]]:
    return [[q.id for q in s.questions] for s in paper.sections]


def test_same_seed_variant_and_ids_give_the_same_paper(tmp_path: Path) -> None:
    first = draw(tmp_path, bank(), exam())
    second = draw(tmp_path, bank(), exam())
    assert ids(first) == ids(second)
    assert [len(s) for s in ids(first)] == [8, 5] and first.shortfalls == ()


def test_reordering_a_bank_files_questions_changes_nothing(tmp_path: Path) -> None:
    shuffled = bank()
    shuffled["questions"] = list(reversed(shuffled["questions"]))
    shuffled["questions"][:10] = sorted(shuffled["questions"][:10], key=lambda q: q["id"][::-1])
    for variant in ("A", "B"):
        assert ids(draw(tmp_path, bank(), exam(), variant)) == ids(draw(tmp_path, shuffled, exam(), variant))


def test_adding_a_question_no_rule_can_draw_changes_nothing(tmp_path: Path) -> None:
    bigger = bank()
    bigger["questions"].insert(0, question("a-ordering", "ordering"))
    bigger["questions"].append(question("z-ordering", "ordering"))
    for variant in ("A", "B"):
        assert ids(draw(tmp_path, bank(), exam(), variant)) == ids(draw(tmp_path, bigger, exam(), variant))


@pytest.mark.parametrize("seed", [1, 2, 3, 20261127])
def test_different_variants_draw_different_papers(tmp_path: Path, seed: int) -> None:
    a = draw(tmp_path, bank(), exam(seed), "A")
    b = draw(tmp_path, bank(), exam(seed), "B")
    assert set(ids(a)[0]) != set(ids(b)[0])


def test_different_seeds_draw_different_papers(tmp_path: Path) -> None:
    assert ids(draw(tmp_path, bank(), exam(1))) != ids(draw(tmp_path, bank(), exam(2)))


def test_editing_one_section_leaves_another_sections_draw_alone(tmp_path: Path) -> None:
    edited = exam()
    edited["sections"] = [
        {"title": "一（改）", "draw": [{"bank": "pool", "type": "single", "count": 3}]},
        edited["sections"][1],
    ]
    before, after = draw(tmp_path, bank(), exam()), draw(tmp_path, bank(), edited)
    assert ids(before)[1] == ids(after)[1]
    assert ids(before)[0] != ids(after)[0]


def test_editing_a_later_section_leaves_an_earlier_one_alone(tmp_path: Path) -> None:
    edited = exam()
    edited["sections"] = [edited["sections"][0], {"title": "二", "draw": [{"type": "true_false", "count": 12}]}]
    assert ids(draw(tmp_path, bank(), exam()))[0] == ids(draw(tmp_path, bank(), edited))[0]


def test_the_online_mock_exam_draws_only_practice_questions(tmp_path: Path) -> None:
    everything = exam()
    everything["sections"] = [{"title": "一", "draw": [{"bank": "pool", "type": "single", "count": 30}]}]
    paper = draw(tmp_path, bank(), everything, online=True)
    assert paper.shortfalls == ()
    assert all(q.pool == "practice" for q in paper.questions())


def test_fixed_ids_keep_their_listed_order_without_shuffling(tmp_path: Path) -> None:
    fixed = exam(shuffle={"questions": False})
    fixed["sections"] = [{"title": "一", "draw": [{"ids": ["t-05", "s-03", "t-01"]}]}]
    assert ids(draw(tmp_path, bank(), fixed)) == [["t-05", "s-03", "t-01"]]
