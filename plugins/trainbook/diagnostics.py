"""Source positions and the problems found at them.

Every problem the compiler finds is a :class:`Diagnostic`, reported as
``path:line:col: error|warning: message`` so editors and CI logs can jump to it. Messages
are :class:`~trainbook.messages.Text` (English that knows its Chinese); front ends print them
in the handbook's language with ``d.text(language)``. ``error``/``warning`` stay as they are
in every language: editors' problem matchers look for them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .messages import localize

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True, slots=True)
class Pos:
    """A 1-based line and column in one file (a large handbook holds hundreds of thousands:
    slots make each 40 % smaller)."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{display_path(self.path)}:{self.line}:{self.col}"


def display_path(path: str | Path) -> str:
    """Path relative to the working directory when it lies below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@dataclass(frozen=True, order=True)
class Diagnostic:
    pos: Pos
    severity: Severity
    message: str

    def __str__(self) -> str:
        return f"{self.pos}: {self.severity}: {self.message}"

    def text(self, language: str = "en") -> str:
        """``path:line:col: severity: message`` with the message in *language* (zh, en)."""
        return f"{self.pos}: {self.severity}: {localize(self.message, language)}"

    def as_dict(self, language: str = "en") -> dict[str, object]:
        return {
            "path": display_path(self.pos.path),
            "line": self.pos.line,
            "column": self.pos.col,
            "severity": self.severity,
            "message": localize(self.message, language),
        }


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(d: Diagnostic, language: str = "en") -> str:
    """A GitHub Actions workflow command: the problem shows as an annotation on the file's line."""
    where = f"file={_gh_property(display_path(d.pos.path))},line={d.pos.line},col={d.pos.col}"
    return f"::{d.severity} {where},title=trainbook::{_gh_data(localize(d.message, language))}"


@dataclass
class Report:
    """Collects diagnostics; every stage appends, nobody stops at the first."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(pos, "error", message))

    def warning(self, pos: Pos, message: str) -> None:
        self.items.append(Diagnostic(pos, "warning", message))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == "warning"]

    def sorted(self) -> list[Diagnostic]:
        # Deduplicate: the same problem may be reached through two references.
        return sorted(set(self.items), key=lambda d: (d.pos.path, d.pos.line, d.pos.col, d.message))


class ContentError(Exception):
    """Raised by front ends when a content problem must stop the run."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))
