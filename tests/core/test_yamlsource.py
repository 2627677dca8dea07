from __future__ import annotations

import time

from trainbook.diagnostics import Report
from trainbook.yamlsource import MAX_BYTES, Map, load_yaml


def load(text: str) -> tuple[object, Report]:
    report = Report()
    return load_yaml(text, "x.yml", report), report


def test_positions_of_keys_and_values_are_one_based() -> None:
    data, _ = load("id: a\nlist:\n  - one\n  - two\n")
    assert isinstance(data, Map)
    assert (data.key_at("id").line, data.key_at("id").col) == (1, 1)
    assert data["list"].at(1).line == 4


def test_nested_collection_is_located_at_its_key() -> None:
    data, _ = load("a: 1\nitems:\n  - x\n")
    assert data.at("items").line == 2


def test_duplicate_key_is_an_error_at_the_second_key() -> None:
    _, report = load("id: a\ntitle: x\nid: b\n")
    assert [str(d) for d in report.errors] == [
        "x.yml:3:1: error: duplicate key 'id' (first at line 1); YAML would silently keep only the last one"
    ]


def test_unclosed_quote_is_reported_at_the_opening_quote() -> None:
    _, report = load('a: 1\nb: "open\nc: 2\nd: 3\n')
    assert report.errors[0].pos.line == 2


def test_alias_bomb_fails_fast() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefghi", "bcdefghij", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    start = time.monotonic()
    data, report = load("\n".join(lines))
    assert data is None
    assert "alias bomb" in report.errors[0].message
    assert time.monotonic() - start < 5


def test_deep_nesting_is_refused() -> None:
    data, report = load("a: " + "[" * 5000 + "]" * 5000)
    assert data is None
    assert "nesting deeper" in report.errors[0].message


def test_huge_file_is_refused_before_parsing() -> None:
    data, report = load("a: " + "x" * (MAX_BYTES + 1))
    assert data is None
    assert "larger than" in report.errors[0].message


def test_line_offset_shifts_reported_lines() -> None:
    report = Report()
    load_yaml("a: 1\na: 2\n", "page.md", report, line_offset=10)
    assert report.errors[0].pos.line == 12
