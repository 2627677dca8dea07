"""Problems with a grading run's input files, reported as ``FILE:ROW: message`` in English and
Chinese (messages from the one table, :mod:`trainbook.messages`; the command line picks the language)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import display_path
from ..messages import Text


def located(path: str | Path, row: int | None, message: Text) -> Text:
    """``FILE:ROW: message`` (``FILE: message`` without a row), in both languages."""
    where = display_path(path) if row is None else f"{display_path(path)}:{row}"
    return Text(f"{where}: {message}", f"{where}: {message.zh}")


class GradeError(Exception):
    """The input cannot be graded; ``problems`` lists every ``FILE:ROW: message`` found."""

    def __init__(self, problems: list[Text]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Problems:
    """Collects every problem of a run so the trainer fixes them all at once."""

    items: list[Text] = field(default_factory=list)

    def add(self, path: str | Path, row: int | None, message: Text) -> None:
        self.items.append(located(path, row, message))

    def raise_if_any(self) -> None:
        if self.items:
            raise GradeError(list(self.items))
