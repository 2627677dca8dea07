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
from pathlib import Path

#: Material's search worker, as its theme ships it (the name carries a content hash).
WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
WORKER_ZH = Path(__file__).resolve().parent / "assets" / "search" / "worker-zh.js"


def compact(text: str) -> str:
    """The same JSON value, without ASCII escapes."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def with_chinese_queries(worker: str) -> str:
    """Material's worker script with trainbook's Chinese query handling after it."""
    return worker.rstrip("\n") + "\n" + WORKER_ZH.read_text(encoding="utf-8")
