"""The search index is rewritten without ASCII escapes, an entry at a time: the same text as
parsing it whole and writing it again with ``ensure_ascii=False`` and no spaces."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from trainbook.searchindex import compact, compact_file

# Characters Material's index may hold, as Python's json escapes them.
CHARS = ["a", "\\", '"', "/", "\n", "\t", "\x00", "\x1f", "\x7f", "中", "\u200b", "😀", "\u2028", "é", "\\u"]


def reference(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


def index(rng: random.Random) -> str:
    """An index shaped like Material's: a config object and a list of entries."""
    words = ["".join(rng.choice(CHARS) for _ in range(rng.randint(0, 20))) for _ in range(rng.randint(0, 6))]
    docs = [{"location": f"p{i}.html#{w}", "title": w, "text": w[::-1], "boost": 1.5} for i, w in enumerate(words)]
    value = {
        "config": {"lang": ["zh"], "separator": "[\\s\\u200b]+", "fields": {"title": {"boost": 1000.0}}},
        "docs": docs,
    }
    return json.dumps(value, indent=rng.choice([None, 1]), separators=rng.choice([(",", ":"), (", ", ": ")]))


def test_compact_writes_what_a_whole_json_round_trip_writes() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = index(rng)
        assert compact(text) == reference(text)


def test_chinese_and_a_surrogate_pair_are_written_as_characters() -> None:
    assert compact('{"t":"\\u7535\\u68af\\u200b\\ud83d\\ude00"}') == '{"t":"电梯\u200b😀"}'


def test_the_file_is_compacted_in_place(tmp_path: Path) -> None:
    path = tmp_path / "search_index.json"
    text = index(random.Random(3))
    path.write_text(text, encoding="utf-8")
    compact_file(path)
    assert path.read_text(encoding="utf-8") == reference(text)
    assert [p.name for p in tmp_path.iterdir()] == ["search_index.json"]


@pytest.mark.parametrize("broken", ['{"docs":[{"a":1},{"b":}]}', '{"docs":[1,2]', '{"docs":[1] 2}'])
def test_a_broken_file_is_left_as_it_was(tmp_path: Path, broken: str) -> None:
    path = tmp_path / "search_index.json"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(json.JSONDecodeError):
        compact_file(path)
    assert path.read_text(encoding="utf-8") == broken
    assert [p.name for p in tmp_path.iterdir()] == ["search_index.json"]
