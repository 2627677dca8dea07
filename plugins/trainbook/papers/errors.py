"""The one error a printed-pack build reports: a single line a trainer can act on."""

from __future__ import annotations


class PackError(Exception):
    """Bad input or environment for a printed pack; ``str()`` is the whole message."""
