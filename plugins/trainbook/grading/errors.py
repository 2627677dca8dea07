"""Problems with a grading run's input files, reported as ``FILE:ROW: message``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import display_path


class GradeError(Exception):
    """The input cannot be graded; ``problems`` lists every ``FILE:ROW: message`` found."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Problems:
    """Collects every problem of a run so the trainer fixes them all at once."""

    items: list[str] = field(default_factory=list)

    def add(self, path: str | Path, row: int | None, message: str) -> None:
        where = display_path(path) if row is None else f"{display_path(path)}:{row}"
        self.items.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise GradeError(list(self.items))
