"""Chinese word segmentation for Material's search plugin, done once per distinct run of text.

Material's search index splits every run of Han characters with jieba (its
``SearchIndex._segment_chinese``) — for every page on every build, and on every rebuild of
``mkdocs serve``. Segmenting a run depends only on the run and jieba's dictionaries, so a run
already segmented is looked up instead: a question bank's recurring phrasing (下列说法正确的是 …)
within one build, and every unchanged page on a rebuild (one ``mkdocs build`` remembers only the
short runs, see :data:`SHORT`). The result is the same text,
character for character (a test compares it with Material's own function).

A run not in the memo is cut by :class:`~trainbook_mkdocs.jiebafast.Cutter` (jieba's words, in
less time), and jieba's dictionary is read from trainbook's faster cache of it
(:func:`~trainbook_mkdocs.jiebafast.load_dictionary`).

The memo keeps what the last build used and nothing older (:class:`trainbook.memo.Generations`),
and starts afresh when the jieba dictionaries configured for search change.
"""

from __future__ import annotations

import os
from typing import Any

from trainbook.memo import Generations

from .jiebafast import Cutter, cache_dir, load_dictionary, verified_tokenizer
from .materialsearch import material_index, material_module

ZWSP = "\u200b"
#: Runs up to this many characters are remembered in every build: words and short phrases recur
#: all over a handbook. Longer runs are mostly unique (in a 10,000-question corpus of written
#: Chinese, some 67,000 of them, about 8 MiB), so one `mkdocs build` forgets them; `mkdocs
#: serve` keeps them too, for the next rebuild.
SHORT = 8


class Segmenter:
    """Material's segmentation of a text, remembered per run of Han characters."""

    def __init__(self, jieba: Any, han: Any):
        """*jieba*: the jieba module; *han*: the pattern of a Han run (Material's, compiled once)."""
        self._cutter = Cutter(jieba)
        self._han = han
        self._key: object = None
        self._done: Generations[str, str] = Generations()
        self.keep_all = True  # also the runs longer than SHORT (for the next build)

    @property
    def tokenizer(self) -> Any:
        """The jieba tokenizer segmented with (None when jieba itself is asked every time)."""
        return self._cutter.tokenizer

    def begin_build(self, key: object) -> None:
        """Start a build whose segmentation is determined by *key* (the dictionaries in use)."""
        if key == self._key:
            self._done.next_generation()
        else:
            self._done.clear()
        self._key = key

    def _run(self, match: Any) -> str:
        value: str = match.group(0)
        done = self._done.get(value)
        if done is None:
            # As Material does it: the words, each between zero-width spaces.
            done = ZWSP + ZWSP.join(self._cutter.cut(value)) + ZWSP
            if self.keep_all or len(value) <= SHORT:
                self._done.put(value, done)
        return done

    def segment(self, data: str) -> str:
        """What ``SearchIndex._segment_chinese(data)`` returns."""
        return str(self._han.sub(self._run, data)).strip(ZWSP)


def dictionary_key(*paths: str | None) -> tuple[object, ...]:
    """What identifies the configured dictionaries: their paths, sizes and modification times."""
    key: list[object] = []
    for path in paths:
        try:
            st = os.stat(path) if path else None
        except OSError:
            st = None
        key.append((path, st.st_size, st.st_mtime_ns) if st else (path, None, None))
    return tuple(key)


_SEGMENTER: Segmenter | None = None


def preload(search: Any) -> bool:
    """Before Material's search plugin is configured: give jieba its dictionary from trainbook's
    cache (:func:`~trainbook_mkdocs.jiebafast.load_dictionary`), so that a user dictionary the
    plugin then loads (``jieba_dict_user``) is added to it instead of making jieba load the
    dictionary itself. Nothing when *search* is not Material's plugin or names its own main
    dictionary (``jieba_dict``: loaded in :func:`install`, once the plugin has set it)."""
    material_search = material_module()
    jieba = getattr(material_search, "jieba", None)
    if jieba is None or not isinstance(search, material_search.SearchPlugin):
        return False
    if search.config.get("jieba_dict"):
        return False
    tokenizer = verified_tokenizer(jieba)
    return tokenizer is not None and load_dictionary(jieba, tokenizer, cache_dir())


def install(search: Any, keep_all: bool = True) -> bool:
    """Segment through the memo in *search* (Material's search plugin, configured for this
    build); False, changing nothing, when it is not the plugin this was written against.
    *keep_all*: remember long runs too (for a next build: ``mkdocs serve``)."""
    global _SEGMENTER
    found = material_index(search)
    if found is None:
        return False
    material_search, index = found
    jieba = getattr(material_search, "jieba", None)
    if jieba is None:
        return False
    if not callable(getattr(material_search.SearchIndex, "_segment_chinese", None)):
        return False
    if _SEGMENTER is None:
        han = material_search.bre.compile(r"(\p{script: Han}+)", material_search.bre.UNICODE)
        _SEGMENTER = Segmenter(jieba, han)
    config = search.config
    _SEGMENTER.begin_build(dictionary_key(config.get("jieba_dict"), config.get("jieba_dict_user")))
    _SEGMENTER.keep_all = keep_all
    if _SEGMENTER.tokenizer is not None:  # a main dictionary of the site's own, set just now
        load_dictionary(jieba, _SEGMENTER.tokenizer, cache_dir())
    index._segment_chinese = _SEGMENTER.segment
    return True
