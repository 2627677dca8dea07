"""YAML syntax errors said where the mistake starts, in words an author can act on.

PyYAML reports where its parser gave up, in parser terms ("while scanning a simple key;
could not find expected ':'"). The mistakes Chinese keyboards make every day — a full-width
colon ``answer：A``, indentation typed as full-width spaces, Chinese quotes around a value
holding ``: `` — get a specific hint at the line that holds them instead; an unclosed ``[``
or ``{`` is reported where it opens. Other errors keep PyYAML's English (the Chinese
translates the parts it knows).
"""

from __future__ import annotations

import re
from typing import Any

from .messages import Text, msg

# A key typed with a full-width colon: "answer：A", "- id：q1".
_FULLWIDTH_COLON = re.compile(r"^[ \u3000]*(?:-[ \u3000]+)?([A-Za-z_][\w-]*)[ \u3000]*：")
# Indentation typed (partly) as full-width spaces before a key or list item.
_FULLWIDTH_INDENT = re.compile(r"^ *\u3000[ \u3000]*(?:-[ \u3000]|[A-Za-z_][\w-]*[ \u3000]*[:：])")
# "answer:A" — a key whose colon is not followed by a space (so YAML reads one plain text).
_NO_SPACE = re.compile(r"^ *(?:- +)?([A-Za-z_][\w-]*):(?=[^\s/])")
_CHINESE_QUOTES = ("“", "”", "‘", "’")
_FLOW = {"[": "]", "{": "}"}

#: PyYAML's parts of a message, in Chinese.
_ZH = {
    "while scanning a simple key": "读取键时",
    "could not find expected ':'": "没有找到应有的 ':'",
    "mapping values are not allowed here": "这里不能出现 'key: value'",
    "while parsing a block mapping": "解析键值映射时",
    "while parsing a block collection": "解析列表时",
    "while parsing a flow sequence": "解析 [ ] 列表时",
    "while parsing a flow mapping": "解析 { } 映射时",
    "while parsing a flow node": "解析值时",
    "while parsing a block node": "解析值时",
    "while scanning a quoted scalar": "读取带引号的值时",
    "while scanning a block scalar": "读取多行文本时",
    "while scanning for the next token": "读取下一个记号时",
    "while scanning an anchor": "读取锚点（&）时",
    "while scanning an alias": "读取别名（*）时",
    "while scanning a tag": "读取标签（!）时",
    "while scanning a plain scalar": "读取值时",
    "found unexpected end of stream": "文件意外结束",
    "found unexpected ':'": "发现了多余的 ':'",
    "expected a single document in the stream": "一个文件只能有一个 YAML 文档",
    "but found another document": "却发现了另一个文档（'---'）",
    "found character '\\t' that cannot start any token": "发现了不能出现在这里的 Tab 字符",
    "found undefined alias": "发现了未定义的别名",
    "found character '@' that cannot start any token": "'@' 不能作为值的开头，请给整个值加英文引号",
    "found character '`' that cannot start any token": "'`' 不能作为值的开头，请给整个值加英文引号",
}
_EXPECTED = re.compile(r"^expected (.+), but (?:found|got) (.+)$")


def _zh_part(part: str) -> str:
    if part in _ZH:
        return _ZH[part]
    m = _EXPECTED.match(part)
    if m:
        return f"应为 {m.group(1).replace(' or ', ' 或 ')}，却遇到 {m.group(2)}"
    return part


def _mark(mark: Any) -> tuple[int, int] | None:
    return None if mark is None else (mark.line, mark.column)


def _hint(lines: list[str], first: int, last: int, exc: Any) -> tuple[int, int, Text] | None:
    """(0-based line, 0-based col, hint) for a typing mistake between lines *first* and *last*."""
    for i in range(max(first, 0), min(last, len(lines) - 1) + 1):
        line = lines[i]
        m = _FULLWIDTH_INDENT.match(line)
        if m:
            return i, line.index("\u3000"), msg("hint.fullwidth_space")
        m = _FULLWIDTH_COLON.match(line)
        if m:
            return i, m.start(1), msg("hint.fullwidth_colon", key=m.group(1))
    problem = exc.problem or ""
    context = exc.context or ""
    if problem == "mapping values are not allowed here" and exc.problem_mark is not None:
        i = exc.problem_mark.line
        line = lines[i] if i < len(lines) else ""
        if any(q in line for q in _CHINESE_QUOTES):
            col = min(line.index(q) for q in _CHINESE_QUOTES if q in line)
            return i, col, msg("hint.chinese_quotes")
    if problem == "mapping values are not allowed here" and exc.problem_mark is not None:
        i = exc.problem_mark.line
        deeper = _deeper_key(lines, i)
        if deeper is not None:
            return i, deeper[0], msg("hint.deeper_indent", key=deeper[1])
    if context == "while scanning a simple key" and exc.context_mark is not None:
        i = exc.context_mark.line
        m = _NO_SPACE.match(lines[i]) if i < len(lines) else None
        if m:
            return i, m.start(1), msg("hint.no_space", key=m.group(1))
    return None


def key_typed_wrong(text: str) -> Text | None:
    """The hint when a text YAML read whole was meant as keys: "bank：x" or "bank:x" is valid
    YAML for one plain text, so no syntax error carries the hint (a one-line fence, front matter)."""
    first = text.split("\n", 1)[0]
    m = _FULLWIDTH_COLON.match(first)
    if m:
        return msg("hint.fullwidth_colon", key=m.group(1))
    m = _NO_SPACE.match(first)
    if m:
        return msg("hint.no_space", key=m.group(1))
    return None


_KEY_LINE = re.compile(r"^( *)(?:- +)?([A-Za-z_][\w-]*):(?:\s|$)")


def _deeper_key(lines: list[str], i: int) -> tuple[int, str] | None:
    """(column, key) when line *i* is a key indented deeper than the key line above it."""
    if i >= len(lines):
        return None
    here = _KEY_LINE.match(lines[i])
    above = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    there = _KEY_LINE.match(above) if above is not None else None
    if here is None or there is None or len(here.group(1)) <= len(there.group(1)):
        return None
    if above is not None and above.rstrip().endswith((":", "|", ">", "|-", ">-")):
        return None  # a nested mapping or a block text starts here: deeper is right
    return len(here.group(1)), here.group(2)


def _unclosed_flow(lines: list[str], exc: Any) -> tuple[int, int, str] | None:
    """Where a '[' or '{' that is never closed opens."""
    context = exc.context or ""
    mark = exc.context_mark
    if not context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")) or mark is None:
        return None
    line = lines[mark.line] if mark.line < len(lines) else ""
    opener = line[mark.column : mark.column + 1]
    if opener not in _FLOW:
        return None
    rest = line[mark.column :]
    problem = exc.problem_mark
    after = lines[problem.line][problem.column :] if problem is not None and problem.line < len(lines) else ""
    if rest.count(opener) <= rest.count(_FLOW[opener]) or _FLOW[opener] in after:
        return None  # it is closed: the mistake is inside, where the parser stopped
    return mark.line, mark.column, opener


def syntax_problem(exc: Any, text: str) -> tuple[int, int, Text]:
    """(1-based line, 1-based column, message) for PyYAML's MarkedYAMLError *exc* on *text*."""
    lines = text.splitlines()
    problem_at = _mark(exc.problem_mark) or (0, 0)
    context_at = _mark(exc.context_mark)
    first = problem_at[0] - 2
    if context_at is not None and exc.context == "while scanning a simple key":
        first = min(first, context_at[0])  # a simple key stands on one line
    quoted = (exc.context or "").startswith("while scanning a quoted")  # the open quote is the mistake
    hint = None if quoted else _hint(lines, first, problem_at[0], exc)
    if hint is not None:
        line, col, message = hint
        return line + 1, col + 1, msg("yaml.syntax", detail=message)

    parts = [p for p in (exc.context or "", exc.problem or "") if p]
    en = "; ".join(parts)
    zh = "；".join(_zh_part(p) for p in parts)
    line, col = problem_at
    context = exc.context or ""
    suffix: Text | None = None
    if context.startswith("while scanning") and exc.context_mark is not None:
        # A scanner error "while scanning a quoted scalar" is reported at the end of the file;
        # the mistake (the unclosed quote) is where the context starts.
        line, col = context_at or problem_at
        if context.startswith("while scanning a quoted"):
            suffix = msg("yaml.quote_never_closed")
    unclosed = _unclosed_flow(lines, exc)
    if unclosed is not None:
        line, col, opener = unclosed
        suffix = msg("yaml.flow_never_closed", open=opener, close=_FLOW[opener])
    if exc.problem and "found character '\\t'" in exc.problem:
        suffix = msg("yaml.tab")
    if suffix is not None:
        en += str(suffix)
        zh = f"{suffix.zh}（{zh}）"
    return line + 1, col + 1, msg("yaml.syntax", detail=Text(en, zh))
