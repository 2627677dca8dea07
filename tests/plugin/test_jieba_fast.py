"""jieba made faster for search: the same words as ``jieba.cut`` for every run, and the same
dictionary as jieba loads, read from trainbook's own cache."""

from __future__ import annotations

import os
import random
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jieba
import pytest

from trainbook_mkdocs.jiebafast import KEEP, Cutter, cache_dir, load_dictionary

from ..jiebas import isolated_jieba

ROOT = Path(__file__).resolve().parents[2]
RUN = re.compile("[\u4e00-\u9fd5]+")


def jieba_words(tokenizer: Any, text: str) -> list[str]:
    return list(tokenizer.cut(text.encode("utf-8")))


def example_runs() -> list[str]:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "content").rglob("*.yml"))
    runs = {run for path in files for run in RUN.findall(path.read_text(encoding="utf-8"))}
    return sorted(runs)


def test_every_run_of_the_example_handbook_is_cut_as_jieba_cuts_it() -> None:
    runs = example_runs()
    assert len(runs) > 3000
    cutter = Cutter(jieba)
    assert cutter.tokenizer is jieba.dt  # the fast path, not jieba asked again
    for run in runs:
        assert cutter.cut(run) == jieba_words(jieba.dt, run), run


@pytest.mark.parametrize("seed", range(4))
def test_random_runs_of_words_and_unknown_characters_are_cut_as_jieba_cuts_them(seed: int) -> None:
    # Dictionary words joined with arbitrary characters: overlapping candidates, near-ties, and
    # stretches of single characters that go through jieba's HMM.
    rng = random.Random(seed)
    jieba.dt.check_initialized()
    words = [w for w, count in list(jieba.dt.FREQ.items())[seed * 40000 : seed * 40000 + 40000] if count]
    cutter = Cutter(jieba)
    for _ in range(3000):
        run = "".join(
            rng.choice(words) if rng.random() < 0.6 else chr(rng.randrange(0x4E00, 0x9FD6))
            for _ in range(rng.randrange(1, 14))
        )
        assert cutter.cut(run) == jieba_words(jieba.dt, run), run


def test_han_outside_jiebas_block_range_is_left_to_jieba() -> None:
    cutter = Cutter(jieba)
    for run in ("㐀㐁物业", "〇一二", "𠀀客服中心", "中"):
        assert cutter.cut(run) == jieba_words(jieba.dt, run)


def test_a_jieba_with_a_replaced_cut_is_always_asked_itself() -> None:
    asked: list[bytes] = []

    def cut(data: bytes) -> list[str]:
        asked.append(data)
        return ["自定义"]

    module = SimpleNamespace(__version__=jieba.__version__, Tokenizer=jieba.Tokenizer, cut=cut)
    cutter = Cutter(module)
    assert cutter.tokenizer is None
    assert cutter.cut("电梯困人") == ["自定义"]
    assert asked == ["电梯困人".encode()]


def test_an_unverified_jieba_version_is_always_asked_itself() -> None:
    module, _ = isolated_jieba()
    module.__version__ = "0.43"
    assert Cutter(module).tokenizer is None


def test_a_word_added_after_cutting_began_is_used() -> None:
    module, tokenizer = isolated_jieba()
    cutter = Cutter(module)
    before = cutter.cut("电梯困人需要安抚")
    tokenizer.add_word("电梯困人", 100000)
    after = cutter.cut("电梯困人需要安抚")
    assert after == jieba_words(tokenizer, "电梯困人需要安抚")
    assert after != before and after[0] == "电梯困人"


def test_the_cached_dictionary_is_the_one_jieba_loads(tmp_path: Path) -> None:
    module, first = isolated_jieba()
    assert load_dictionary(module, first, tmp_path) is False  # jieba loaded it; cache written
    module, second = isolated_jieba()
    assert load_dictionary(module, second, tmp_path) is True
    assert second.initialized
    assert second.total == first.total
    assert list(second.FREQ.items()) == list(first.FREQ.items())


def test_a_damaged_cache_is_ignored_and_written_again(tmp_path: Path) -> None:
    module, tokenizer = isolated_jieba()
    load_dictionary(module, tokenizer, tmp_path)
    (cache,) = tmp_path.iterdir()
    data = cache.read_bytes()
    cache.write_bytes(data[: len(data) // 2])
    module, damaged = isolated_jieba()
    assert load_dictionary(module, damaged, tmp_path) is False
    assert damaged.FREQ == tokenizer.FREQ
    assert cache.read_bytes() == data


def test_an_unwritable_cache_directory_changes_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    module, tokenizer = isolated_jieba()
    assert load_dictionary(module, tokenizer, blocked / "cache") is False
    assert tokenizer.initialized and len(tokenizer.FREQ) > 100000


def test_an_edited_dictionary_is_loaded_afresh(tmp_path: Path) -> None:
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("电梯 10 n\n困人 5 v\n", encoding="utf-8")
    cache = tmp_path / "cache"
    module, tokenizer = isolated_jieba(dictionary)
    load_dictionary(module, tokenizer, cache)
    dictionary.write_text("电梯 10 n\n困人 5 v\n电梯困人 50 n\n", encoding="utf-8")
    module, edited = isolated_jieba(dictionary)
    assert load_dictionary(module, edited, cache) is False
    assert edited.FREQ["电梯困人"] == 50 and edited.total == 65
    module, again = isolated_jieba(dictionary)
    assert load_dictionary(module, again, cache) is True
    assert again.FREQ == edited.FREQ
    assert Cutter(module).cut("电梯困人") == jieba_words(edited, "电梯困人") == ["电梯困人"]


def test_an_initialised_tokenizer_is_left_as_it_is(tmp_path: Path) -> None:
    module, tokenizer = isolated_jieba()
    tokenizer.initialize()
    tokenizer.add_word("首问负责制", 9)  # a user dictionary, as Material's on_config loads one
    assert load_dictionary(module, tokenizer, tmp_path) is False
    assert tokenizer.FREQ["首问负责制"] == 9
    assert list(tmp_path.iterdir()) == []


def test_a_tie_between_two_routes_goes_to_the_longer_first_word_as_in_jieba(tmp_path: Path) -> None:
    # 甲乙|丙 and 甲|乙丙 add the same two numbers in the other order: exactly equal scores.
    dictionary = tmp_path / "dict.txt"
    dictionary.write_text("甲 10 n\n丙 10 n\n甲乙 20 n\n乙丙 20 n\n", encoding="utf-8")
    module, tokenizer = isolated_jieba(dictionary)
    assert Cutter(module).cut("甲乙丙") == jieba_words(tokenizer, "甲乙丙") == ["甲乙", "丙"]


def test_without_a_home_directory_nothing_is_cached(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr("os.path.expanduser", lambda path: path)  # HOME unset, no passwd entry
    assert cache_dir() is None
    monkeypatch.chdir(tmp_path)
    module, tokenizer = isolated_jieba()
    assert load_dictionary(module, tokenizer, cache_dir()) is False
    assert Cutter(module).cut("电梯困人") == jieba_words(tokenizer, "电梯困人")  # jieba loads it itself
    assert list(tmp_path.iterdir()) == []


def test_the_cache_lives_under_xdg_cache_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "trainbook"


def test_only_the_most_recently_used_dictionary_caches_are_kept(tmp_path: Path) -> None:
    old = [tmp_path / f"jieba-old{i}.bin" for i in range(KEEP + 2)]
    for age, path in enumerate(old):
        path.write_bytes(b"stale")
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    module, tokenizer = isolated_jieba()
    load_dictionary(module, tokenizer, tmp_path)  # writes this installation's cache
    kept = sorted(p.name for p in tmp_path.glob("jieba-*.bin"))
    assert len(kept) == KEEP
    newest_old = sorted(p.name for p in old[-(KEEP - 1) :])
    assert [name for name in kept if name.startswith("jieba-old")] == newest_old
