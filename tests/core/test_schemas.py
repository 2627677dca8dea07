"""JSON Schemas for the YAML kinds (plugins/trainbook/schemas/*.schema.json).

The schemas serve editors (VS Code YAML extension: completion and inline errors). These tests
check that each schema is a valid Draft 2020-12 schema, that every content YAML file validates
and points at its schema on its first line, and that typical authoring mistakes are rejected.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "plugins/trainbook/schemas"
CONTENT = ROOT / "content"

# kind -> content sub-folder
KINDS = {
    "bank": "banks",
    "case": "cases",
    "exam": "exams",
    "rubric": "rubrics",
    "scheme": "schemes",
    "form": "forms",
}

HEADER = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def load_schema(kind: str) -> dict:
    return json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(load_schema(kind))


def describe_errors(kind: str, doc) -> list[str]:
    errors = sorted(validator(kind).iter_errors(doc), key=lambda e: list(e.absolute_path))
    return ["/".join(str(p) for p in e.absolute_path) + ": " + e.message for e in errors]


def content_files(kind: str) -> list[Path]:
    folder = CONTENT / KINDS[kind]
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in (".yml", ".yaml"))


# ---------------------------------------------------------------- valid inline examples
# The samples of FORMATS.md (the authoring contract), with a bank covering every question type.

VALID_YAML = {
    "bank": """
id: complaints
title: 投诉处理题库
module: complaint-handling
defaults:
  points: 2
  difficulty: 2
  pool: practice
questions:
  - id: cmp-001
    type: single
    stem: 业主来电投诉楼上漏水，客服人员首先应当（　）。
    options:
      - 记录来电信息，安抚业主并立即通知维修人员上门查看
      - 告知业主自行与楼上住户协商
      - 要求业主先缴清物业费再派单
      - 等待下周统一处理
    answer: A
    explanation: 按首问负责制受理……
    objectives: [cmp-1]
    tags: [首问负责制, 报修]
    difficulty: 1
    points: 2
    pool: practice
    source: 《物业管理条例》第三十五条
  - id: cmp-002
    type: multiple
    stem: 受理投诉时应当做到（　）。
    options: [耐心倾听, 详细记录, 推诿责任, 及时回访]
    answer: ABD
    partial: true
  - id: cmp-003
    type: multiple
    stem: 以下哪些属于公共区域（　）？
    options: [电梯厅, 业主室内, 楼梯间]
    answer: [A, C]
  - id: cmp-004
    type: true_false
    stem: 投诉处理完毕后无需回访。
    answer: false
    pool: exam
  - id: cmp-005
    type: fill_blank
    stem: 首问负责制要求第一位接待人员在 ___ 小时内反馈，并登记 ___。
    answer: [24, [投诉登记表, 登记表]]        # a bare number is read as text
    tags: [12345, 时限]
  - id: cmp-006
    type: ordering
    stem: 请排列投诉处理步骤。
    items: [受理登记, 调查核实, 处理反馈, 回访归档]
  - id: cmp-007
    type: matching
    stem: 将事项与负责部门匹配。
    pairs:
      - [电梯故障, 工程部]
      - [噪音投诉, 客服部]
    distractors: [财务部]
  - id: cmp-008
    type: short_answer
    stem: 简述投诉处理的基本流程。
    reference: 受理、调查、处理、回访。
    points: 4
    rubric:
      - {point: 受理登记, points: 2}
      - {point: 回访, points: 2}
  - id: cmp-009
    type: group
    case: elevator-entrapment
    questions:
      - id: cmp-009-1
        type: true_false
        stem: 应先安抚被困人员。
        answer: true
      - id: cmp-009-2
        type: single
        stem: 救援应由（　）实施。
        options: [专业维保人员, 业主自行]
        answer: A
  - id: cmp-010
    type: group
    stem: 阅读以下材料，回答问题。
    questions:
      - id: cmp-010-1
        type: short_answer
        stem: 你会如何处理？
        reference: 先安抚，再登记。
""",
    "case": """
id: elevator-entrapment
title: 夜间电梯困人事件
module: emergency
tags: [电梯, 应急]
summary: 一句话概述
scenario: |
  ……
discussion:
  - 值班客服在接到求助电话后应当按什么顺序行动？
analysis: |
practice: |
references:
  - 《特种设备安全法》
""",
    "exam": """
id: cs-written-basic
title: 物业客服岗位知识考试（基础）
duration: 90
pass: 60
seed: 20261127
variants: [A, B]
shuffle: {questions: true, options: true}
online: false
instructions: |
  ……
sections:
  - title: 一、单项选择题
    instructions: 每题 2 分，共 20 分。
    points: 2
    draw:
      - {bank: laws, type: single, count: 5}
      - {tags: [投诉], type: single, difficulty: [1, 2], count: 5}
      - {ids: [cmp-010]}
      - {objectives: [cmp-1], difficulty: 3, pool: exam, count: 1}
""",
    "rubric": """
id: complaint-roleplay
title: 投诉受理情景模拟评分表
case: noisy-neighbour
duration: 10
instructions: ……
pass: 60
criteria:
  - name: 接听礼仪
    description: 三声内接听，规范问候并自报姓名
    points: 10
    levels:
      - {label: 优, points: 10, description: ……}
      - {label: 良, points: 8}
      - {label: 中, points: 6}
      - {label: 差, points: 0}
  - name: 泄露业主个人信息
    critical: true
""",
    "scheme": """
id: cs-annual
title: 客服人员年度考核方案
components:
  - {id: written, name: 理论笔试, weight: 30, exam: cs-written-basic}
  - {id: practical, name: 情景模拟, weight: 40, rubric: complaint-roleplay}
  - {id: satisfaction, name: 业主满意度, weight: 20, form: owner-satisfaction}
  - {id: attendance, name: 培训出勤, weight: 10}
grades:
  - {label: 优秀, min: 90}
  - {label: 良好, min: 80}
  - {label: 合格, min: 60}
  - {label: 不合格, min: 0}
outcomes: |
  ……
""",
    "form": """
id: owner-satisfaction
title: 业主满意度调查表
intro: ……
fields: [房号, 联系电话, 日期]
sections:
  - title: 服务评价
    items:
      - {text: 客服人员的服务态度, scale: [非常满意, 满意, 一般, 不满意, 非常不满意]}
      - {text: 您最常办理的业务, choices: [报修, 投诉, 缴费, 咨询], multiple: true}
      - {text: 其他意见和建议, lines: 3}
table:
  columns: [序号, 姓名, 工号, 部门, 签到时间, 签名]
  rows: 20
""",
}


def valid(kind: str):
    return yaml.safe_load(VALID_YAML[kind])


# ---------------------------------------------------------------- (1) the schemas themselves


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_schema_is_valid_draft_2020_12(kind):
    schema = load_schema(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(f"/{kind}.schema.json")
    Draft202012Validator.check_schema(schema)


def _undocumented(node, where="", conditional=False):
    """Property schemas lacking title/description, outside if/then/else/not branches."""
    missing = []
    if isinstance(node, dict):
        for key, value in node.items():
            in_cond = conditional or key in ("if", "then", "else", "not")
            if key == "properties" and isinstance(value, dict) and not in_cond:
                for name, prop in value.items():
                    if isinstance(prop, dict) and not ({"title", "description"} <= prop.keys()):
                        missing.append(f"{where}/properties/{name}")
            missing += _undocumented(value, f"{where}/{key}", in_cond)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            missing += _undocumented(value, f"{where}/{i}", conditional)
    return missing


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_property_has_title_and_description(kind):
    assert _undocumented(load_schema(kind)) == []


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_inline_example_validates(kind):
    assert describe_errors(kind, valid(kind)) == []


# ---------------------------------------------------------------- (2) content files validate


def _content_params():
    params = []
    for kind in sorted(KINDS):
        files = content_files(kind)
        if files:
            params += [pytest.param(kind, f, id=str(f.relative_to(ROOT))) for f in files]
        else:  # nothing authored yet for this kind: still exercise the schema
            params.append(pytest.param(kind, None, id=f"{kind}-inline-example"))
    return params


@pytest.mark.parametrize("kind,path", _content_params())
def test_content_validates(kind, path):
    doc = valid(kind) if path is None else yaml.safe_load(path.read_text(encoding="utf-8"))
    assert describe_errors(kind, doc) == []


# ---------------------------------------------------------------- (4) schema comment line


def _header_params():
    params = []
    for kind in sorted(KINDS):
        params += [pytest.param(kind, f, id=str(f.relative_to(ROOT))) for f in content_files(kind)]
    if not params:
        params.append(
            pytest.param(
                None,
                None,
                id="no-content-yet",
                marks=pytest.mark.skip(reason="no content YAML files yet"),
            )
        )
    return params


@pytest.mark.parametrize("kind,path", _header_params())
def test_content_first_line_names_schema(kind, path):
    first = path.read_text(encoding="utf-8").splitlines()[0] if path.stat().st_size else ""
    match = HEADER.match(first)
    assert match, f"first line must be '# yaml-language-server: $schema=…', found {first!r}"
    target = (path.parent / match.group(1)).resolve()
    assert target.is_file(), f"schema not found: {target}"
    assert target == (SCHEMAS / f"{kind}.schema.json").resolve()


# ---------------------------------------------------------------- (3) mistakes are rejected


def _q(doc, i=0):
    return doc["questions"][i]


def _set(key, value, i=0):
    def mutate(doc):
        _q(doc, i)[key] = value

    return mutate


def _del(key, i=0):
    def mutate(doc):
        del _q(doc, i)[key]

    return mutate


def _group_in_group(doc):
    group = next(q for q in doc["questions"] if q["type"] == "group")
    group["questions"][0] = {
        "id": "nested",
        "type": "group",
        "stem": "嵌套",
        "questions": [{"id": "n-1", "type": "true_false", "stem": "x", "answer": True}],
    }


def _group_without_case_or_stem(doc):
    group = next(q for q in doc["questions"] if q["type"] == "group")
    group.pop("case", None)
    group.pop("stem", None)


def _criterion_no_points(doc):
    del doc["criteria"][0]["points"]


def _draw_unknown_key(doc):
    doc["sections"][0]["draw"][0]["number"] = 5


def _form_item_unknown_key(doc):
    doc["sections"][0]["items"][2]["rows"] = 3


def _form_item_two_kinds(doc):
    doc["sections"][0]["items"][0]["lines"] = 2


def _form_multiple_without_choices(doc):
    doc["sections"][0]["items"][2] = {"text": "意见", "multiple": True}


def _component_two_sources(doc):
    doc["components"][0]["rubric"] = "complaint-roleplay"


def _top(key, value):
    def mutate(doc):
        doc[key] = value

    return mutate


# (name, kind, mutation, expected error location: a prefix of some error's path; jsonschema
# reports a key forbidden by a `false` schema at the enclosing object)
BAD = [
    (
        "true_false answer 对",
        "bank",
        _set("answer", "对", 3),
        ["questions", 3, "answer"],
    ),
    (
        "true_false answer string true",
        "bank",
        _set("answer", "true", 3),
        ["questions", 3, "answer"],
    ),
    ("single answer Z", "bank", _set("answer", "Z"), ["questions", 0, "answer"]),
    (
        "single answer two letters",
        "bank",
        _set("answer", "AB"),
        ["questions", 0, "answer"],
    ),
    ("missing stem", "bank", _del("stem"), ["questions", 0]),
    (
        "options with 1 item",
        "bank",
        _set("options", ["唯一选项"]),
        ["questions", 0, "options"],
    ),
    (
        "options with 9 items",
        "bank",
        _set("options", list("abcdefghi")),
        ["questions", 0, "options"],
    ),
    ("single without answer", "bank", _del("answer"), ["questions", 0]),
    ("bad question id Law-1", "bank", _set("id", "Law-1"), ["questions", 0, "id"]),
    ("bad bank id", "bank", _top("id", "1-bank"), ["id"]),
    ("pool draft", "bank", _set("pool", "draft"), ["questions", 0, "pool"]),
    (
        "default pool draft",
        "bank",
        lambda d: d["defaults"].update(pool="draft"),
        ["defaults", "pool"],
    ),
    ("difficulty 4", "bank", _set("difficulty", 4), ["questions", 0, "difficulty"]),
    ("negative points", "bank", _set("points", -1), ["questions", 0, "points"]),
    ("unknown type", "bank", _set("type", "essay"), ["questions", 0, "type"]),
    ("unknown question key", "bank", _set("answers", "A"), ["questions", 0]),
    (
        "options on true_false",
        "bank",
        _set("options", ["对", "错"], 3),
        ["questions", 3],
    ),
    ("partial on single", "bank", _set("partial", True), ["questions", 0]),
    (
        "option read as boolean (yes)",
        "bank",
        _set("options", [True, False]),
        ["questions", 0, "options", 0],
    ),
    (
        "tag read as boolean (on)",
        "bank",
        _set("tags", [True]),
        ["questions", 0, "tags", 0],
    ),
    (
        "multiple answer one letter",
        "bank",
        _set("answer", "A", 1),
        ["questions", 1, "answer"],
    ),
    (
        "multiple answer list of one",
        "bank",
        _set("answer", ["A"], 2),
        ["questions", 2, "answer"],
    ),
    (
        "multiple answer letter I",
        "bank",
        _set("answer", "AI", 1),
        ["questions", 1, "answer"],
    ),
    (
        "fill_blank answer not a list",
        "bank",
        _set("answer", "24", 4),
        ["questions", 4, "answer"],
    ),
    (
        "fill_blank stem without ___",
        "bank",
        _set("stem", "没有空", 4),
        ["questions", 4, "stem"],
    ),
    (
        "ordering with 1 item",
        "bank",
        _set("items", ["only"], 5),
        ["questions", 5, "items"],
    ),
    (
        "matching pair of 3",
        "bank",
        _set("pairs", [["a", "b", "c"], ["d", "e"]], 6),
        ["questions", 6, "pairs", 0],
    ),
    ("short_answer without reference", "bank", _del("reference", 7), ["questions", 7]),
    (
        "short_answer rubric item without points",
        "bank",
        _set("rubric", [{"point": "x"}], 7),
        ["questions", 7, "rubric", 0],
    ),
    ("group inside group", "bank", _group_in_group, ["questions", 8, "questions", 0]),
    (
        "group without case or stem",
        "bank",
        _group_without_case_or_stem,
        ["questions", 8],
    ),
    ("points on group", "bank", _set("points", 5, 8), ["questions", 8]),
    ("case without scenario", "case", lambda d: d.pop("scenario"), []),
    ("case bad id", "case", _top("id", "Elevator"), ["id"]),
    (
        "rubric criterion without points, not critical",
        "rubric",
        _criterion_no_points,
        ["criteria", 0],
    ),
    (
        "rubric level without points",
        "rubric",
        lambda d: d["criteria"][0]["levels"].append({"label": "无"}),
        ["criteria", 0, "levels", 4],
    ),
    ("draw rule unknown key", "exam", _draw_unknown_key, ["sections", 0, "draw", 0]),
    (
        "draw rule pool draft",
        "exam",
        lambda d: d["sections"][0]["draw"][0].update(pool="draft"),
        ["sections", 0, "draw", 0, "pool"],
    ),
    (
        "draw rule difficulty 5",
        "exam",
        lambda d: d["sections"][0]["draw"][1].update(difficulty=[1, 5]),
        ["sections", 0, "draw", 1, "difficulty"],
    ),
    ("exam online not bool", "exam", _top("online", "yes"), ["online"]),
    (
        "exam unknown shuffle key",
        "exam",
        _top("shuffle", {"answers": True}),
        ["shuffle"],
    ),
    (
        "scheme component two sources",
        "scheme",
        _component_two_sources,
        ["components", 0],
    ),
    (
        "scheme component without weight",
        "scheme",
        lambda d: d["components"][0].pop("weight"),
        ["components", 0],
    ),
    (
        "scheme grade without min",
        "scheme",
        lambda d: d["grades"][0].pop("min"),
        ["grades", 0],
    ),
    (
        "form item unknown key",
        "form",
        _form_item_unknown_key,
        ["sections", 0, "items", 2],
    ),
    (
        "form item scale and lines",
        "form",
        _form_item_two_kinds,
        ["sections", 0, "items", 0],
    ),
    (
        "form multiple without choices",
        "form",
        _form_multiple_without_choices,
        ["sections", 0, "items", 2],
    ),
    ("form table without columns", "form", _top("table", {"rows": 5}), ["table"]),
]


@pytest.mark.parametrize("kind,mutate,where", [pytest.param(k, m, w, id=n) for n, k, m, w in BAD])
def test_mistake_is_rejected(kind, mutate, where):
    doc = valid(kind)
    assert describe_errors(kind, doc) == []  # the mutation alone causes the failure
    mutate(doc)
    errors = list(validator(kind).iter_errors(copy.deepcopy(doc)))
    assert errors, "expected the schema to reject this document"
    paths = [list(e.absolute_path) for e in errors]
    assert any(p[: len(where)] == where for p in paths), f"no error at {where}: {paths}"
