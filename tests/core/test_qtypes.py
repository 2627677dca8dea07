"""The question-type registry (plugins/trainbook/qtypes/) is the one definition of each type:
the loader, the editor schema, the quiz data, the static template and the quiz engine's
builders all follow it, and these tests fail when any of them drifts."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from trainbook.diagnostics import Report
from trainbook.load import Loader
from trainbook.markup import MarkdownRenderer
from trainbook.model import Body, Choice, FillBlank, Group, Question, TrueFalse
from trainbook.qtypes import QUESTION_TYPES, TYPE_NAMES_ZH, TYPES, labels
from trainbook.qtypes.schema import BANK_SCHEMA, bank_type_rules
from trainbook.render import TEMPLATES, Renderer
from trainbook.yamlsource import load_yaml

ROOT = Path(__file__).resolve().parents[2]
QUIZ_JS = ROOT / "plugins/trainbook/assets/quiz.js"
QUIZ_REGISTRY_JS = ROOT / "plugins/trainbook/assets/src/registry.js"  # the served quiz.js is minified
SCHEMA = json.loads(BANK_SCHEMA.read_text(encoding="utf-8"))

DEFAULTS = {"points": 1, "difficulty": 2, "pool": "practice"}


def load_question(yaml_text: str) -> tuple[Question | None, Report]:
    report = Report()
    data = load_yaml(yaml_text, "bank.yml", report)
    q = Loader(report).question(data, data.pos, "b", dict(DEFAULTS), "question 1")
    return q, report


def schema_accepts(question: dict) -> bool:
    doc = {"id": "b", "title": "t", "questions": [question]}
    return not list(Draft202012Validator(SCHEMA).iter_errors(doc))


# ------------------------------------------------------------------ one definition, many readers


def test_shipped_bank_schema_rules_are_generated_from_the_registry():
    defs = SCHEMA["$defs"]
    assert defs["question"]["allOf"] == bank_type_rules()
    assert defs["subQuestion"]["allOf"] == bank_type_rules(in_group=True)
    assert defs["question"]["properties"]["type"]["enum"] == list(QUESTION_TYPES)
    assert defs["subQuestion"]["properties"]["type"]["enum"] == [n for n, k in TYPES.items() if k.in_group]


def test_every_type_key_is_a_documented_schema_property():
    props = SCHEMA["$defs"]["question"]["properties"]
    for kind in TYPES.values():
        for key in kind.keys:
            assert key in props, f"{kind.name}: key '{key}' missing from bank.schema.json"
            assert props[key].get("title") and props[key].get("description")


def test_quiz_engine_has_a_builder_for_every_registered_type():
    js = QUIZ_REGISTRY_JS.read_text(encoding="utf-8")
    block = re.search(r"var BUILDERS = \{(.*?)\};", js, re.S)
    assert block, "quiz.js must declare its builders in one BUILDERS table"
    names = re.findall(r"(\w+):\s*build\w+", block.group(1))
    assert names == list(QUESTION_TYPES)


def test_quiz_engine_takes_type_names_from_the_data_not_its_own_table():
    js = QUIZ_JS.read_text(encoding="utf-8")
    for label in ("单选题", "组合题", "单项选择题", "案例分析题"):
        assert label not in js


def test_every_type_has_its_static_template():
    for kind in TYPES.values():
        assert (TEMPLATES / kind.template).is_file(), kind.template


def test_labels_exist_in_chinese_and_english():
    zh, en = labels("zh"), labels("en")
    assert zh == dict(TYPE_NAMES_ZH)
    assert zh["single"] == "单项选择题" and zh["group"] == "案例分析题"
    assert all(en[n] and en[n] != zh[n] for n in QUESTION_TYPES)


# ------------------------------------------------------------------ typed payloads


@pytest.mark.parametrize(
    "yaml_text,body_type",
    [
        ("id: q1\ntype: single\nstem: s\noptions: [a, b]\nanswer: A\nexplanation: e\n", Choice),
        ("id: q1\ntype: true_false\nstem: s\nanswer: true\nexplanation: e\n", TrueFalse),
        ("id: q1\ntype: fill_blank\nstem: s ___\nanswer: [x]\nexplanation: e\n", FillBlank),
        (
            "id: q1\ntype: group\nstem: s\nexplanation: e\nquestions:\n"
            "  - {id: q1a, type: true_false, stem: t, answer: false, explanation: e}\n",
            Group,
        ),
    ],
)
def test_each_type_loads_into_its_own_payload(yaml_text: str, body_type: type[Body]):
    q, report = load_question(yaml_text)
    assert not report.errors
    assert q is not None and isinstance(q.body, body_type)
    assert isinstance(q.body, TYPES[q.type].body_type)


def test_a_group_is_worth_the_sum_of_its_sub_questions():
    q, _ = load_question(
        "id: g\ntype: group\nstem: s\nexplanation: e\nquestions:\n"
        "  - {id: g1, type: true_false, stem: t, answer: false, explanation: e, points: 2}\n"
        "  - {id: g2, type: true_false, stem: t, answer: true, explanation: e, points: 3}\n"
    )
    assert q is not None and q.points == 5 and [s.id for s in q.subs] == ["g1", "g2"]
    assert all(s.parent == "g" for s in q.subs)


def test_shuffle_false_keeps_the_authored_option_order_flag():
    q, report = load_question(
        "id: q\ntype: single\nstem: s\noptions: [a, b]\nanswer: A\nshuffle: false\nexplanation: e\n"
    )
    assert not report.errors and isinstance(q.body, Choice) and q.body.shuffle is False


def test_shuffle_is_not_a_key_of_true_false():
    _, report = load_question("id: q\ntype: true_false\nstem: s\nanswer: true\nshuffle: false\nexplanation: e\n")
    assert any("unknown key 'shuffle'" in d.message for d in report.warnings)


# ------------------------------------------------------------------ loader and schema agree


@pytest.mark.parametrize(
    "qtype,answer,letters",
    [
        ("single", "b", (1,)),
        ("single", "B", (1,)),
        ("single", ["c"], (2,)),
        ("multiple", "A, C", (0, 2)),
        ("multiple", "A、C", (0, 2)),
        ("multiple", "a，c，d", (0, 2, 3)),
        ("multiple", "ACD", (0, 2, 3)),
        ("multiple", ["A", "c"], (0, 2)),
    ],
)
def test_answer_forms_the_loader_accepts_the_schema_accepts(qtype, answer, letters):
    question = {"id": "q", "type": qtype, "stem": "s", "options": ["a", "b", "c", "d"], "answer": answer}
    q, report = load_question(json.dumps(question, ensure_ascii=False))
    assert not report.errors, [str(d) for d in report.errors]
    assert isinstance(q.body, Choice) and q.body.answer == letters
    assert schema_accepts(question)


@pytest.mark.parametrize(
    "qtype,answer",
    [("single", "AB"), ("single", "X"), ("multiple", "A"), ("multiple", "AZ"), ("true_false", "对")],
)
def test_answer_forms_the_loader_rejects_the_schema_rejects(qtype, answer):
    question = {"id": "q", "type": qtype, "stem": "s", "answer": answer}
    if qtype != "true_false":
        question["options"] = ["a", "b", "c", "d"]
    _, report = load_question(json.dumps(question, ensure_ascii=False))
    assert report.errors
    assert not schema_accepts(question)


# ------------------------------------------------------------------ quiz data


def test_quiz_data_carries_the_registry_label_in_the_handbook_language():
    q, _ = load_question("id: q\ntype: single\nstem: s\noptions: [a, b]\nanswer: A\nexplanation: e\n")
    assert q is not None
    assert Renderer(MarkdownRenderer()).question_data(q)["label"] == "单项选择题"
    assert Renderer(MarkdownRenderer(), lang="en").question_data(q)["label"] == "Single choice"


def test_quiz_data_tells_the_engine_whether_options_may_be_shuffled():
    q, _ = load_question("id: q\ntype: single\nstem: s\noptions: [a, b]\nanswer: A\nshuffle: false\nexplanation: e\n")
    assert q is not None
    assert Renderer(MarkdownRenderer()).question_data(q)["shuffle"] is False
