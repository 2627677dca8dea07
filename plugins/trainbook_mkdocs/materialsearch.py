"""Material's search plugin, where the adapter's changes to it (segment.py, searchwrite.py) find it."""

from __future__ import annotations

from typing import Any


def material_module() -> Any:
    """Material's search plugin module; None when Material is not installed."""
    try:
        from material.plugins.search import plugin as module  # type: ignore[import-untyped]
    except ImportError:
        return None
    return module


def material_index(search: Any) -> tuple[Any, Any] | None:
    """(Material's search plugin module, the search index of *search*) when *search* is Material's
    search plugin, configured for this build; None for anything else (the changes then do nothing)."""
    module = material_module()
    if module is None:
        return None
    index = getattr(search, "search_index", None)
    return (module, index) if isinstance(index, module.SearchIndex) else None
