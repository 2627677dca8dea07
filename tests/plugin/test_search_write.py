"""Material's search index written as UTF-8 from the start: the same text the build wrote before
(Material's ASCII JSON, then compacted), while Material's own method still does the work."""

from __future__ import annotations

import json
from types import SimpleNamespace

from material.plugins.search import plugin as material_search

from trainbook.searchindex import compact
from trainbook_mkdocs.searchwrite import install

CONFIG = {"lang": ["zh"], "separator": "[\\s\\u200b]+", "pipeline": ["stemmer"], "fields": {"title": {"boost": 1000.0}}}
ENTRIES = [
    {"location": "index.html", "title": "电梯\u200b困人", "text": '<p>“首问负责制” \\ "引号" \u2028 😀 é</p>'},
    {"location": "a.html#x", "title": "业委会", "text": "<p>公共维修资金</p>", "tags": ["制度"]},
]


def index() -> material_search.SearchIndex:
    search_index = material_search.SearchIndex(**CONFIG)
    search_index.entries = [dict(e) for e in ENTRIES]
    return search_index


def test_the_index_is_what_compacting_materials_ascii_json_gave() -> None:
    ascii_text = index().generate_search_index(None)
    assert "\\u7535" in ascii_text  # Material alone escapes every Chinese character
    search = SimpleNamespace(search_index=index())
    assert install(search)
    text = search.search_index.generate_search_index(None)
    assert text == compact(ascii_text)
    assert "电梯\u200b困人" in text and json.loads(text)["docs"] == ENTRIES


def test_materials_module_keeps_its_json_after_the_call() -> None:
    search = SimpleNamespace(search_index=index())
    install(search)
    search.search_index.generate_search_index(None)
    assert material_search.json is json


def test_a_search_plugin_without_materials_index_is_left_alone() -> None:
    search = SimpleNamespace(search_index=object())
    assert not install(search)
