"""The written page loses its ``data-search-…="…"`` attributes exactly as Material's search
plugin removes them: the plugin hands Material a lean view of a quiz page and cleans the whole
page itself, with a literal search instead of Material's regular expression."""

from __future__ import annotations

import inspect
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import SearchPlugin

from trainbook.searchview import strip_search_attributes


def material_pattern() -> re.Pattern[str]:
    """The pattern the installed Material removes with (so a change there fails here)."""
    source = inspect.getsource(SearchPlugin.on_page_context)
    found = re.search(r're\.sub\(\s*r"((?:[^"\\]|\\.)*)"', source)
    assert found is not None, "Material's search plugin no longer removes data-search attributes with re.sub"
    return re.compile(found.group(1))


MATERIAL = material_pattern()

PIECES = ["data-search-", "exclude", "boost", "x", '="', '"', "=", "-", " ", "\t", "\n", "\u3000", "中", "<p ", ">"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_any_text_is_cleaned_as_material_cleans_it(html: str) -> None:
    assert strip_search_attributes(html) == MATERIAL.sub("", html)


def test_an_attribute_goes_with_the_space_before_it() -> None:
    assert strip_search_attributes('<p data-search-boost="2">甲</p>') == "<p>甲</p>"


def test_attributes_side_by_side_lose_one_space_each() -> None:
    html = '<p  data-search-a="1" data-search-b="2"data-search-c="3">乙</p>'
    assert strip_search_attributes(html) == MATERIAL.sub("", html) == "<p >乙</p>"


def test_the_exclusion_marker_without_a_value_stays() -> None:
    html = '<div class="tb-q__answers" data-search-exclude><p data-search-exclude>丙</p></div>'
    assert strip_search_attributes(html) is html


def test_a_page_without_such_attributes_is_returned_as_it_is() -> None:
    html = "<p>丁</p>" * 100
    assert strip_search_attributes(html) is html


def test_an_attribute_at_the_very_start_takes_nothing_from_the_end() -> None:
    html = 'data-search-boost="2">戊 '
    assert strip_search_attributes(html) == MATERIAL.sub("", html) == ">戊 "
