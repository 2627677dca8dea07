"""Search for Chinese handbooks: a smaller index, and queries split into the index's words.

Material's search plugin writes its index with ``json.dumps`` defaults: every Chinese character
becomes a six-byte ``\\uXXXX`` escape, and so does the zero-width space its jieba segmentation
puts between words. Written as UTF-8 the same index is about half the size, and it is the
largest download of every page. The content is unchanged: same JSON value, same separator.

Material's search worker splits a Chinese query into the index's words, but never looks at the
last character of a run (电梯 is searched as 电*, every word starting with 电) and marks all but
the last word as missing (“缺少: 电梯* 困” on pages that contain 电梯困人). ``assets/search/worker-zh.js``
corrects both inside the worker and decides “missing” by the section's own text;
``with_chinese_queries`` appends it to Material's worker script.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

#: Material's search worker, as its theme ships it (the name carries a content hash).
WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
WORKER_ZH = Path(__file__).resolve().parent / "assets" / "search" / "worker-zh.js"


def compact(text: str) -> str:
    """The same JSON value, without ASCII escapes (and without whitespace between tokens)."""
    out: list[str] = []
    _write_compact(text, out.append)
    return "".join(out)


def compact_file(path: Path) -> None:
    """Compact the JSON file at *path* in place. Parsing the index whole would add all its objects
    to the build's peak memory, at its very end: the outer object and array are copied token by
    token, and each entry of the index is parsed and written on its own. Written beside the file
    and moved over it, so it is never half-written."""
    text = path.read_text(encoding="utf-8")
    tmp = path.with_name(path.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as out:
            _write_compact(text, out.write)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_compact(text: str, write: Callable[[str], object]) -> None:
    """Write the JSON document *text* compactly, piece by piece; raise on anything after it."""
    end = _copy(text, _skip(text, 0), write, 0)
    if _skip(text, end) != len(text):
        raise json.JSONDecodeError("Extra data", text, end)


_DECODE = json.JSONDecoder().raw_decode
_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_SPACE = re.compile(r"[ \t\n\r]*")
_CONTAINERS = 2  # levels copied token by token: the index object and its list of entries


def _skip(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _copy(text: str, at: int, write: Callable[[str], object], depth: int) -> int:
    """Write the JSON value at *at* compactly; return where it ends."""
    opening = text[at : at + 1]
    if depth >= _CONTAINERS or opening not in ("{", "["):
        value, end = _DECODE(text, at)
        write(_ENCODE(value))
        return end
    closing = "}" if opening == "{" else "]"
    write(opening)
    at = _skip(text, at + 1)
    if text[at : at + 1] == closing:
        write(closing)
        return at + 1
    while True:
        if opening == "{":
            key, at = _DECODE(text, at)
            if not isinstance(key, str):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, at)
            at = _skip(text, at)
            if text[at : at + 1] != ":":
                raise json.JSONDecodeError("Expecting ':' delimiter", text, at)
            write(_ENCODE(key) + ":")
            at = _skip(text, at + 1)
        at = _skip(text, _copy(text, at, write, depth + 1))
        sign = text[at : at + 1]
        if sign == closing:
            write(closing)
            return at + 1
        if sign != ",":
            raise json.JSONDecodeError("Expecting ',' delimiter", text, at)
        write(",")
        at = _skip(text, at + 1)


def with_chinese_queries(worker: str) -> str:
    """Material's worker script with trainbook's Chinese query handling after it."""
    return worker.rstrip("\n") + "\n" + WORKER_ZH.read_text(encoding="utf-8")
