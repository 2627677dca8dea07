"""Imported text comes from strangers: it must build into pages as text, never as markup that runs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import lxml.html

from trainbook.interchange import ImportOptions, import_file

from .helpers import write_xlsx

HOSTILE = [
    ["题型", "题干", "选项A", "选项B", "答案", "解析"],
    ["单选", '<script>alert("x1")</script>业主报修应当（　）。', '<img src=x onerror=alert("x2")>登记', "推诿", "A",
     '<a href="javascript:alert(3)">看这里</a>'],
    ["判断", '<svg onload=alert("x4")>客服应当微笑。</svg>', "", "", "对", "<iframe src=//evil></iframe>说明"],
]  # fmt: skip


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for v in data.values():
            yield from _strings(v)
    elif isinstance(data, list):
        for v in data:
            yield from _strings(v)


def _active(root: Any) -> list[str]:
    """Anything in an HTML tree that would run: scripts with code, on* handlers, javascript: URLs, frames."""
    found = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag in ("iframe", "object", "embed"):
            found.append(f"<{el.tag}>")
        if el.tag == "script" and el.get("type") != "application/json" and "alert" in (el.text or ""):
            found.append(f"<script>{el.text}")
        for name, value in el.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"{el.tag} {name}={value}")
            if name in ("href", "src") and value.strip().lower().startswith("javascript:"):
                found.append(f"{el.tag} {name}={value}")
    return found


def test_an_imported_hostile_row_builds_into_a_page_without_executable_markup(tmp_path: Path, mini_site: Path) -> None:
    book = write_xlsx(tmp_path / "hostile.xlsx", HOSTILE)
    out = mini_site / "content/banks/hostile.yml"
    result = import_file("xlsx", book, ImportOptions(bank="hostile", out=out, content=mini_site / "content"))
    assert result.written, [str(p) for p in result.problems]
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=mini_site,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert build.returncode == 0, build.stderr
    page = (mini_site / "site/trainbook/banks/hostile/index.html").read_text(encoding="utf-8")
    assert "业主报修应当" in page and "客服应当微笑" in page  # the text itself arrived
    root = lxml.html.fromstring(page)
    assert _active(root) == []
    data_blocks = root.xpath("//script[@type='application/json']")
    assert data_blocks, "the bank page carries its quiz data"
    for block in data_blocks:
        for text in _strings(json.loads(block.text)):
            if "<" in text:
                assert _active(lxml.html.fragment_fromstring(text, create_parent="div")) == [], text
