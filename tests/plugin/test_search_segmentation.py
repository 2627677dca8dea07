"""Chinese segmentation for search, memoised per run of Han text: it must return exactly what
Material's own segmentation returns, reuse a run across builds, and start afresh when the
jieba dictionaries change."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import jieba
import pytest
from material.plugins.search import plugin as material_search

from trainbook_mkdocs.segment import Segmenter, dictionary_key, preload

from ..jiebas import isolated_jieba

ROOT = Path(__file__).resolve().parents[2]
HAN = material_search.bre.compile(r"(\p{script: Han}+)", material_search.bre.UNICODE)


def material(text: str) -> str:
    return str(material_search.SearchIndex()._segment_chinese(text))


class CountingJieba:
    """jieba, counting how many runs it was asked to cut."""

    def __init__(self) -> None:
        self.calls = 0

    def cut(self, data: bytes) -> Any:
        self.calls += 1
        return jieba.cut(data)


def example_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content").rglob("*.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "content" / "banks").glob("*.yml"))]
    return texts


def test_every_example_text_is_segmented_exactly_as_material_does() -> None:
    seg = Segmenter(jieba, HAN)
    seg.begin_build(None)
    for text in example_texts():
        assert seg.segment(text) == material(text)


@pytest.mark.parametrize("seed", range(5))
def test_mixed_scripts_and_separators_are_segmented_exactly_as_material_does(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "物业客服电梯困人业委会首问负责制公共维修资金㐀𠀀〇々，。、 \u200b\nabcXYZ019-_'\"<>&"
    seg = Segmenter(jieba, HAN)
    seg.begin_build(None)
    for _ in range(50):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        assert seg.segment(text) == material(text)


def test_a_run_is_cut_once_within_a_build_and_again_on_the_next() -> None:
    counting = CountingJieba()
    seg = Segmenter(counting, HAN)
    seg.begin_build("dict-a")
    seg.segment("下列说法正确的是，下列说法正确的是。")
    assert counting.calls == 1
    seg.begin_build("dict-a")
    seg.segment("下列说法正确的是。")
    assert counting.calls == 1


def test_one_build_remembers_short_runs_only_and_serve_remembers_all() -> None:
    short, long = "首问负责制", "业主报修后客服应当及时回访并记录结果"
    for keep_all, calls in ((False, 3), (True, 2)):
        counting = CountingJieba()
        seg = Segmenter(counting, HAN)
        seg.begin_build(None)
        seg.keep_all = keep_all  # install(): True under `mkdocs serve`, for the next rebuild
        for text in (short, long, short, long):
            assert seg.segment(text) == material(text)
        assert counting.calls == calls


def test_changed_dictionaries_segment_afresh() -> None:
    counting = CountingJieba()
    seg = Segmenter(counting, HAN)
    seg.begin_build("dict-a")
    seg.segment("电梯困人")
    seg.begin_build("dict-b")
    seg.segment("电梯困人")
    assert counting.calls == 2


def test_a_run_unused_by_the_last_build_is_forgotten() -> None:
    counting = CountingJieba()
    seg = Segmenter(counting, HAN)
    for text in ("业委会", "首问负责制", "业委会"):
        seg.begin_build(None)
        seg.segment(text)
    assert counting.calls == 3


def test_the_dictionary_key_changes_when_the_user_dictionary_is_edited(tmp_path: Path) -> None:
    user = tmp_path / "jieba.txt"
    user.write_text("电梯困人 10 n\n", encoding="utf-8")
    before = dictionary_key(None, str(user))
    user.write_text("电梯困人 10 n\n业委会 10 n\n", encoding="utf-8")
    assert dictionary_key(None, str(user)) != before


def search_plugin(**options: Any) -> Any:
    plugin = material_search.SearchPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    return plugin


@pytest.fixture
def fresh_jieba(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Any:
    """The jieba Material's search uses, with a tokenizer of its own and the cache in *tmp_path*."""
    module, _ = isolated_jieba()
    monkeypatch.setattr(material_search, "jieba", module)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return module


def test_preload_gives_jieba_its_dictionary_before_search_adds_the_user_dictionary(fresh_jieba: Any) -> None:
    search = search_plugin(jieba_dict_user="dict/jieba.txt")
    assert preload(search) is False  # the first time jieba loads it, and trainbook caches it
    first = fresh_jieba.dt
    fresh_jieba.dt = jieba.Tokenizer()
    fresh_jieba.cut = fresh_jieba.dt.cut
    assert preload(search) is True
    assert fresh_jieba.dt.initialized
    assert fresh_jieba.dt.FREQ == first.FREQ


def test_preload_leaves_a_main_dictionary_of_the_sites_own_to_search(fresh_jieba: Any, tmp_path: Path) -> None:
    main = tmp_path / "main.txt"
    main.write_text("电梯 10 n\n", encoding="utf-8")
    assert preload(search_plugin(jieba_dict=str(main))) is False
    assert not fresh_jieba.dt.initialized


def test_preload_does_nothing_for_another_search_plugin(fresh_jieba: Any) -> None:
    from mkdocs.contrib.search import SearchPlugin

    assert preload(SearchPlugin()) is False
    assert not fresh_jieba.dt.initialized
