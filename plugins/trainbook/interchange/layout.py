"""The 题库 row layout: the columns an xlsx import reads (tolerantly) and an xlsx export writes.

One row is one question; a group is a row of type 题组 followed by rows whose 题组 cell names
the group's 编号. What a cell holds is the type's flat notation (``qtypes.flat``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields

from ..qtypes.flat import OPTION_LETTERS


@dataclass(frozen=True)
class Column:
    key: str  # the Row field
    header: str  # what an export writes
    aliases: tuple[str, ...] = ()  # other headers an import accepts


COLUMNS: tuple[Column, ...] = (
    Column("label", "编号", ("id", "试题编号", "题目编号", "题目id", "试题id", "question id")),
    Column("type", "题型", ("类型", "试题类型", "题目类型", "题型名称", "type")),
    Column("stem", "题干", ("题目", "试题", "题目内容", "试题内容", "问题", "题目名称", "stem", "question")),
    Column("answer", "答案", ("正确答案", "标准答案", "参考答案", "答案选项", "answer")),
    Column("explanation", "解析", ("答案解析", "试题解析", "题目解析", "解释", "说明", "explanation")),
    Column("difficulty", "难度", ("难易程度", "难易度", "难度等级", "difficulty")),
    Column("tags", "知识点", ("标签", "考点", "知识点标签", "tags")),
    Column("points", "分值", ("分数", "得分", "题目分值", "试题分值", "points", "score")),
    Column("objectives", "学习目标", ("目标", "objectives")),
    Column("source", "来源", ("出处", "依据", "source")),
    Column("pool", "用途", ("题库类型", "试题用途", "pool")),
    Column("group", "题组", ("所属题组", "group")),
    Column("case", "案例", ("案例编号", "case")),
    Column("matches", "匹配项", ("右侧选项", "右列", "matches")),
    Column("rubric", "评分要点", ("评分标准", "rubric")),
    Column("shuffle", "选项乱序", ("乱序", "shuffle")),
    Column("partial", "少选得分", ("少选得半分", "部分得分", "partial")),
)

OPTION_HEADER = "选项{}"
_OPTION_RE = re.compile(r"^(?:选项|option|答案选项)([a-j]|10|[1-9])$|^([a-j])$")


def normalise(header: str) -> str:
    """Full-width → half-width, no spaces, no required-marks or trailing colons, lower case."""
    text = unicodedata.normalize("NFKC", header)
    text = re.sub(r"[\s*＊:：()（）\[\]【】]", "", text)
    return text.lower()


_BY_NAME: dict[str, str] = {}
for _col in COLUMNS:
    for _name in (_col.header, *_col.aliases):
        _BY_NAME[normalise(_name)] = _col.key


def match_header(header: str) -> str | None:
    """A Row field name, ``option:N`` (0-based) for an option column, or None when unknown."""
    name = normalise(header)
    if not name:
        return None
    m = _OPTION_RE.match(name)
    if m:
        token = m.group(1) or m.group(2)
        index = int(token) - 1 if token.isdigit() else OPTION_LETTERS.lower().index(token)
        return f"option:{index}"
    return _BY_NAME.get(name)


@dataclass(frozen=True)
class Row:
    """One question as cells, whatever it was read from; ``where`` names it for messages."""

    where: str
    label: str = ""  # 编号: the question id, or a label sub-question rows refer to
    type: str = ""
    stem: str = ""
    options: tuple[str, ...] = ()
    answer: str = ""
    explanation: str = ""
    difficulty: str = ""
    tags: str = ""
    points: str = ""
    objectives: str = ""
    source: str = ""
    pool: str = ""
    group: str = ""
    case: str = ""
    matches: str = ""
    rubric: str = ""
    shuffle: str = ""
    partial: str = ""


ROW_TEXT_FIELDS = tuple(f.name for f in fields(Row) if f.name not in ("where", "options"))


def headers(n_options: int) -> list[str]:
    """The header row an export writes: at least options A–H, more when an ordering needs them."""
    out = []
    for col in COLUMNS:
        out.append(col.header)
        if col.key == "stem":
            out.extend(OPTION_HEADER.format(OPTION_LETTERS[i]) for i in range(max(8, n_options)))
    return out
