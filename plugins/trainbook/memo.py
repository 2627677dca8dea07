"""A cache that keeps what the last build used and nothing older.

``mkdocs serve`` rebuilds the whole site after every edit; work that depends only on content
that did not change (a question's rendered data, a quiz's HTML, a run of segmented text) is
looked up from the build before instead of done again. Each build starts a new generation:
an entry the new build uses moves into it, the rest are dropped with the old generation, so
memory stays that of one build however long the server runs.
"""

from __future__ import annotations

from typing import Generic, TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Generations(Generic[K, V]):
    def __init__(self) -> None:
        self._current: dict[K, V] = {}
        self._previous: dict[K, V] = {}

    def next_generation(self) -> None:
        """A new build starts: what the last one used stays available to it, nothing older."""
        self._previous, self._current = self._current, {}

    def clear(self) -> None:
        self._previous, self._current = {}, {}

    def get(self, key: K) -> V | None:
        value = self._current.get(key)
        if value is None:
            value = self._previous.get(key)
            if value is not None:
                self._current[key] = value
        return value

    def put(self, key: K, value: V) -> V:
        self._current[key] = value
        return value
