"""Material's search index written without ASCII escapes from the start.

Material's ``SearchIndex.generate_search_index`` returns ``json.dumps(...)`` with the defaults,
so every Chinese character and every zero-width space between words becomes a six-byte
``\\uXXXX``, and its ``on_post_build`` then holds that text and its UTF-8 encoding at once: the
build's memory peak, twice the escaped size of the index. :func:`install` has the index call
Material's own method with ``ensure_ascii=False`` (its module's ``json`` swapped for the call),
so the same value comes out as UTF-8 text, half the bytes. When :func:`install` cannot (another
search plugin, a Material written otherwise), the plugin compacts the written file instead
(:func:`trainbook.searchindex.compact_file`).
"""

from __future__ import annotations

import json
from functools import partial
from types import SimpleNamespace
from typing import Any

from .materialsearch import material_index

_UTF8_JSON = SimpleNamespace(**{**vars(json), "dumps": partial(json.dumps, ensure_ascii=False)})


def install(search: Any) -> bool:
    """Write the index of *search* (Material's search plugin, configured for this build) as UTF-8;
    False, changing nothing, when it is not the plugin this was written against."""
    found = material_index(search)
    if found is None:
        return False
    material_search, index = found
    method = getattr(material_search.SearchIndex, "generate_search_index", None)
    if not callable(method):
        return False
    if getattr(material_search, "json", None) is not json:
        return False

    def generate_search_index(prev: Any) -> Any:
        material_search.json = _UTF8_JSON
        try:
            return method(index, prev)
        finally:
            material_search.json = json

    index.generate_search_index = generate_search_index
    return True
