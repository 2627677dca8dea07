"""The scores sheet: one row per person — 工号, 姓名, 部门, one column per scheme component
(0–100) and, for rubric components, an optional ``<name>一票否决`` column (是/否)."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..messages import msg
from ..model import Component, Scheme
from .errors import Problems
from .tables import ID_COLUMN, Table

ID, NAME, DEPT = ID_COLUMN, "姓名", "部门"
VETO = "一票否决"
YES = frozenset({"是", "y", "yes", "1", "true", "√"})
NO = frozenset({"否", "n", "no", "0", "false", "×", ""})


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    dept: str
    row: int
    scores: Mapping[str, float | None]  # component id -> score 0–100, None when the cell is empty
    vetoed: tuple[str, ...] = ()  # ids of the rubric components whose 一票否决 is 是


def same_name(a: str, b: str) -> bool:
    """Whether two cells name the same person: a two-character name is often padded for alignment
    (王　芳), and full-width and half-width forms are one letter."""
    return _bare(a) == _bare(b)


def _bare(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).split())


def veto_column(c: Component) -> str:
    return f"{c.name}{VETO}"


def read_scores(
    table: Table, scheme: Scheme, problems: Problems, optional: frozenset[str] = frozenset()
) -> list[Person]:
    """People of the scores sheet; *optional* names component ids another file can supply."""
    path = table.path
    header = set(table.header)
    before = len(problems.items)
    expected = [ID, NAME, DEPT, *(c.name for c in scheme.components)]
    allowed = set(expected) | {veto_column(c) for c in scheme.components if c.rubric}
    for name in (ID, NAME, DEPT):
        if name not in header:
            problems.add(path, 1, msg("grade.missing_column", name=name))
    for c in scheme.components:
        if c.name not in header and c.id not in optional:
            problems.add(path, 1, msg("grade.missing_component_column", name=c.name, component=c.id, scheme=scheme.id))
    for name in table.header:
        if name not in allowed:
            problems.add(
                path,
                1,
                msg("grade.unknown_score_column", name=name, scheme=scheme.id, expected=", ".join(expected)),
            )
    if len(problems.items) > before:  # the header is wrong: rows cannot be read
        return []
    if not table.rows:
        problems.add(path, None, msg("grade.no_people"))
        return []
    col = {name: i for i, name in enumerate(table.header)}
    people: list[Person] = []
    first_row: dict[str, int] = {}
    for n, cells in table.rows:
        pid = cells[col[ID]]
        if not pid:
            problems.add(path, n, msg("grade.id_empty", id=ID))
            continue
        if pid in first_row:
            problems.add(path, n, msg("grade.id_twice", id=ID, person=pid, row=first_row[pid]))
            continue
        first_row[pid] = n
        scores: dict[str, float | None] = {}
        vetoed: list[str] = []
        for c in scheme.components:
            if c.name in col:
                scores[c.id] = _score(cells[col[c.name]], c.name, path, n, problems)
            else:
                scores[c.id] = None
            veto = veto_column(c)
            if veto in col:
                value = cells[col[veto]].strip().casefold()
                if value in YES:
                    vetoed.append(c.id)
                elif value not in NO:
                    problems.add(path, n, msg("grade.veto_value", column=veto, found=cells[col[veto]]))
        people.append(Person(pid, cells[col[NAME]], cells[col[DEPT]], n, scores, tuple(vetoed)))
    return people


def _score(cell: str, column: str, path: Path, row: int, problems: Problems) -> float | None:
    if not cell:
        return None
    try:
        value = float(cell)
    except ValueError:
        problems.add(path, row, msg("grade.score_not_number", column=column, found=cell))
        return None
    if not 0 <= value <= 100:
        problems.add(path, row, msg("grade.score_range", column=column, score=cell))
        return None
    return value
