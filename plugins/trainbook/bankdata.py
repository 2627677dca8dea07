"""The 错题本's question data: one script asset per bank, loaded by the page only where needed.

The 错题本 page (``pages.PageBuilder.wrongbook``) lists the banks; it does not carry their
questions. The build writes each bank's practice questions, as the quiz engine receives them on
the handbook's pages (same data, same keys, so the engine's content hash and the learner's saved
progress match), into ``<DATA_URI>banks/<bank id>.js``, plus ``<DATA_URI>index.js`` naming each
bank's question ids. ``assets/wrongbook.js`` loads the index, then only the banks holding a question
the learner last answered wrongly. Script files rather than JSON: a ``<script src>`` loads from
file:// and under ``script-src 'self'``, where fetch/XHR of a local file does not.

Only practice-pool questions are written: exam-pool questions never reach the site.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .memo import Generations
from .model import Project
from .render import Renderer

#: Where the data files go in the site, next to the engine's assets.
DATA_URI = "assets/trainbook/data/"
#: The index file, relative to DATA_URI.
INDEX = "index.js"
#: The function each file calls (defined by assets/wrongbook.js before it loads one).
REGISTER = "trainbookData"


def data_files(
    project: Project, renderer: Renderer, memo: Generations[tuple[Any, ...], tuple[list[Any], str]] | None = None
) -> Iterator[tuple[str, str]]:
    """(path relative to DATA_URI, script text) for each bank with practice questions, then the
    index; one bank's data at a time, so the build never holds all of it. With a *memo* (``mkdocs
    serve``), a bank whose questions' data are the very objects of the build before (the renderer
    keeps them while their questions are unchanged) reuses its text."""
    cases = {c.id: c for c in project.cases}
    index: dict[str, Any] = {}
    for bank in project.banks:
        practice = [q for q in bank.questions if q.pool == "practice"]
        if not practice:
            continue
        path = f"banks/{bank.id}.js"
        # As the page quizzes get them: no points override, every case of the project.
        data = [renderer.question_data(q, None, cases) for q in practice]
        if memo is None:
            yield path, script(path, data)
        else:
            key = (path, *map(id, data))
            hit = memo.get(key)
            # The entry holds the data themselves, so their ids are not reused meanwhile.
            if hit is None or any(a is not b for a, b in zip(hit[0], data, strict=True)):
                hit = memo.put(key, (data, script(path, data)))
            yield path, hit[1]
        index[bank.id] = {"file": path, "ids": [q.id for q in practice]}
    yield INDEX, script(INDEX, index)


def script(key: str, data: Any) -> str:
    """``trainbookData("<key>", <data>);``, *key* being the file's path under DATA_URI; the JSON as
    the pages' ``script_json`` writes it (sorted keys: the engine's content hash follows key order)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # JSON is a JavaScript expression, except that older engines end a string at U+2028/U+2029.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"{REGISTER}({json.dumps(key)},{text});\n"
