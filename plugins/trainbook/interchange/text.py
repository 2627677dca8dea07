"""The common plain-text 题库 layout (as pasted from Word or a PDF):

    一、单项选择题（每题 2 分）
    1. 题干（　）
    A. 选项        (or A、选项 / A．选项; several options may share one line)
    B. 选项
    答案：B        (or 【答案】B, 正确答案：B)
    解析：……       (optional; may run over several lines)
    难度：易  分值：2  知识点：报修、首问负责制   (optional)

A blank line or the next number ends a question. A section heading (一、单项选择题) sets the
type of the questions under it; without one the type is read from the answer (letters →
choice, 对/错 → true_false, ___ in the stem → fill_blank, else short_answer). Read only: the
format has nowhere to keep ids, groups, rubrics or pools.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..messages import msg
from ..qtypes import TYPES
from .importer import Problem
from .layout import Row

_NUMBERED = re.compile(r"^\s*(?:第\s*)?\d+\s*(?:题)?\s*[.．、)）:：]\s*(?P<rest>.*)$")
_SECTION = re.compile(r"^\s*(?:[一二三四五六七八九十]+|第[一二三四五六七八九十\d]+部分)\s*[、.．:：]?\s*(?P<rest>.+)$")
_OPTION = re.compile(r"^\s*(?P<letter>[A-Ja-j])\s*[.．、:：)）]\s*(?P<rest>.*)$")
_INLINE_OPTION = re.compile(r"(?:^|\s+)(?P<letter>[A-J])\s*[.．、]\s*")
_FIELD = re.compile(
    r"^\s*[【\[]?(?P<key>正确答案|参考答案|标准答案|答案|答案解析|试题解析|解析|难度|分值|分数|知识点|标签|题型)[】\]]?"
    r"\s*[:：]?\s*(?P<rest>.*)$"
)
_FIELD_KEYS = {
    "正确答案": "answer",
    "参考答案": "answer",
    "标准答案": "answer",
    "答案": "answer",
    "答案解析": "explanation",
    "试题解析": "explanation",
    "解析": "explanation",
    "难度": "difficulty",
    "分值": "points",
    "分数": "points",
    "知识点": "tags",
    "标签": "tags",
    "题型": "type",
}
_SECTION_POINTS = re.compile(r"每(?:小)?题\s*(\d+(?:\.\d+)?)\s*分")
_TYPE_NAMES = sorted(((n, k.name) for k in TYPES.values() for n in k.names() if len(n) > 1), key=lambda t: -len(t[0]))

LOSSES: tuple[str, ...] = ()


def section_type(heading: str) -> str | None:
    """一、单项选择题（每题2分） → single."""
    text = unicodedata.normalize("NFKC", heading)
    return next((name for label, name in _TYPE_NAMES if label in text), None)


@dataclass
class _Open:
    line: int
    type: str = ""
    points: str = ""
    stem: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    fields: dict[str, list[str]] = field(default_factory=dict)
    current: str = "stem"
    answer_line: int = 0

    def row(self, where: str) -> Row:
        def get(key: str) -> str:
            return "\n".join(self.fields.get(key, [])).strip()

        return Row(
            where=where,
            type=get("type") or self.type,
            stem="\n".join(self.stem).strip(),
            options=tuple(o.strip() for o in self.options),
            answer=get("answer"),
            explanation=get("explanation"),
            difficulty=get("difficulty"),
            points=get("points") or self.points,
            tags=get("tags"),
        )


def _split_inline_options(text: str, expected: str) -> list[tuple[str, str]] | None:
    """``A. 甲  B. 乙  C. 丙`` → [(A, 甲), (B, 乙), (C, 丙)] when the letters run on in order."""
    marks = list(_INLINE_OPTION.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    letters = "".join(m.group("letter") for m in marks)
    start = "ABCDEFGHIJ".find(expected)
    if letters != "ABCDEFGHIJ"[start : start + len(letters)]:
        return None
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out.append((m.group("letter"), text[m.end() : end].strip()))
    return out


def parse(text: str, label: str) -> tuple[list[Row], list[Problem]]:
    rows: list[Row] = []
    problems: list[Problem] = []
    section = ""
    section_points = ""
    q: _Open | None = None

    def close() -> None:
        nonlocal q
        if q is not None:
            if q.stem or q.options or q.fields:
                rows.append(q.row(f"{label}:{q.line}"))
            q = None

    for no, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip():
            if q is not None and "answer" in q.fields:
                close()
            elif q is not None and q.current != "stem":
                q.current = ""
            continue
        m = _NUMBERED.match(line)
        if m:
            close()
            q = _Open(no, type=section, points=section_points, stem=[m.group("rest")])
            continue
        if q is None or (q.current == "stem" and not q.options and "answer" not in q.fields and not q.stem):
            sm = _SECTION.match(line)
            if sm and section_type(sm.group("rest")):
                close()
                section = section_type(sm.group("rest")) or ""
                pm = _SECTION_POINTS.search(unicodedata.normalize("NFKC", sm.group("rest")))
                section_points = pm.group(1) if pm else ""
                continue
        if q is None:
            # Text before the first numbered question that is no heading: a question without a number.
            q = _Open(no, type=section, points=section_points)
        fm = _FIELD.match(line)
        if fm:
            key = _FIELD_KEYS[fm.group("key")]
            if key == "answer" and key in q.fields:
                # Two answers to one question: most often the next question lost its number.
                problems.append(Problem(f"{label}:{no}", msg("import.answer_twice", first=q.answer_line)))
                continue
            if key == "answer":
                q.answer_line = no
            q.fields.setdefault(key, []).append(fm.group("rest"))
            q.current = key if key in ("answer", "explanation") else ""
            # Several short fields on one line: 难度：易  分值：2
            if key in ("difficulty", "points", "tags", "type"):
                parts = re.split(r"\s{2,}|\t", fm.group("rest"))
                q.fields[key][-1] = parts[0]
                for part in parts[1:]:
                    more = _FIELD.match(part)
                    if more:
                        q.fields.setdefault(_FIELD_KEYS[more.group("key")], []).append(more.group("rest"))
            continue
        expected = "ABCDEFGHIJ"[len(q.options)] if len(q.options) < 10 else ""
        if "answer" not in q.fields and q.current in ("stem", "option") and expected:
            inline = _split_inline_options(line.strip(), expected)
            if inline:
                q.options += [t for _, t in inline]
                q.current = "option"
                continue
            om = _OPTION.match(line)
            if om and om.group("letter").upper() == expected:
                q.options.append(om.group("rest"))
                q.current = "option"
                continue
        if q.current == "stem":
            q.stem.append(line.strip())
        elif q.current == "option":
            q.options[-1] += "\n" + line.strip()
        elif q.current in ("answer", "explanation"):
            q.fields[q.current].append(line.strip())
        else:
            problems.append(Problem(f"{label}:{no}", msg("import.stray_line", line=line.strip()[:30])))
    close()
    return rows, problems


def read(path: Path) -> tuple[list[Row], list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = path.read_text(encoding="gb18030")  # what Chinese Windows tools save by default
        except UnicodeDecodeError:
            return [], [Problem(str(path), msg("import.encoding"))]
    except OSError as exc:
        return [], [Problem(str(path), msg("import.unreadable", error=exc.strerror))]
    rows, problems = parse(text, str(path))
    if not rows and not problems:
        problems.append(Problem(str(path), msg("import.no_rows")))
    return rows, problems
