"""The one error a printed-pack build reports: a single line a trainer can act on."""

from __future__ import annotations

from ..messages import Text


class PackError(Exception):
    """Bad input or environment for a printed pack; ``str()`` is the whole message (English),
    :attr:`message` the same in both languages (from :mod:`trainbook.messages`)."""

    def __init__(self, message: Text):
        super().__init__(message)
        self.message = message


class UsageError(PackError):
    """An argument the build cannot take (no exam named, --seed not a number, an unknown
    --format): the command line's mistake, which the CLI exits with 2 like any usage error."""
