"""Each practice question is published and searchable once: a bank shown whole on a handbook
page gets no duplicate bank page; generated pages that repeat questions stay out of the search
index; the index is written as UTF-8, not as \\u escapes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ..conftest import MINI
from ..sitebuild import mkdocs_build

MODULE = "content/handbook/modules/complaints.md"


def build_with_fence(tmp: Path, fence: str) -> Path:
    src = tmp / "src"
    shutil.copytree(MINI, src)
    page = src / MODULE
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"```quiz\n.*?```", "```quiz\n" + fence + "```", text, count=1, flags=re.S)
    page.write_text(text, encoding="utf-8")
    result = mkdocs_build(src, src / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return src / "site"


@pytest.fixture(scope="module")
def whole(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_fence(tmp_path_factory.mktemp("whole"), "bank: mini\n")


@pytest.fixture(scope="module")
def picked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_with_fence(tmp_path_factory.mktemp("picked"), "bank: mini\npick: 3\n")


def index_pages(site: Path) -> list[str]:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    return [d["location"].split("#")[0] for d in index["docs"]]


def test_a_bank_shown_whole_on_a_handbook_page_gets_no_bank_page(whole: Path) -> None:
    assert not (whole / "trainbook/banks/mini/index.html").exists()


def test_the_overview_links_such_a_bank_to_the_page_that_shows_it(whole: Path) -> None:
    overview = (whole / "trainbook/index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="\.\./modules/complaints/"[^>]*>[^<]*</a>', overview)


def test_a_bank_shown_with_pick_keeps_its_page_out_of_search(picked: Path) -> None:
    assert (picked / "trainbook/banks/mini/index.html").is_file()
    pages = index_pages(picked)
    assert "trainbook/banks/mini/" not in pages and "modules/complaints/" in pages


def test_a_practice_stem_is_indexed_on_one_page_only(picked: Path) -> None:
    index = json.loads((picked / "search/search_index.json").read_text(encoding="utf-8"))
    stem = "业主来电投诉漏水"
    pages = {d["location"].split("#")[0] for d in index["docs"] if stem in d["text"].replace("\u200b", "")}
    assert len(pages) == 1


def test_search_index_is_utf8_not_ascii_escapes(example_site: Path) -> None:
    raw = (example_site / "search/search_index.json").read_text(encoding="utf-8")
    # (the separator regex in the config legitimately spells "\\u200b" with an escaped backslash)
    assert not re.search(r"(?<!\\)\\u(200b|[4-9][0-9a-f]{3})", raw)
    assert "首问负责制" in raw.replace("\u200b", "")


def test_offline_search_script_carries_the_same_compact_index(example_site: Path) -> None:
    raw = (example_site / "search/search_index.json").read_text(encoding="utf-8")
    script = (example_site / "search/search_index.js").read_text(encoding="utf-8")
    assert script == "var __index = " + raw


def test_mock_exam_pages_are_not_indexed(example_site: Path) -> None:
    assert not [p for p in index_pages(example_site) if p.startswith("trainbook/exams/")]


def test_search_indexes_a_question_by_its_stem_not_its_options(picked: Path) -> None:
    index = json.loads((picked / "search/search_index.json").read_text(encoding="utf-8"))
    text = "".join(d["text"] for d in index["docs"]).replace("\u200b", "")
    assert "业主来电投诉漏水" in text
    assert "让业主自行协商" not in text and "要求先缴费" not in text
