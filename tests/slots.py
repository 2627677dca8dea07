"""Where values sit in a parsed document (YAML or JSON), for the fuzz tests that change one of them."""

from __future__ import annotations

from typing import Any


def slots(node: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a parsed document a value sits: a path of keys and indexes (the root first)."""
    found = [trail]
    if isinstance(node, dict):
        for k, v in node.items():
            found += slots(v, (*trail, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            found += slots(v, (*trail, i))
    return found
