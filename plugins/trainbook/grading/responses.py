"""The responses sheet of a printed exam: 工号, 试卷 (variant), then one column per question
number holding what the candidate wrote → each person's marks, through the manifest. An optional
姓名 column is checked against the scores sheet (a mistyped 工号 would give someone else's marks)."""

from __future__ import annotations

from dataclasses import dataclass

from ..messages import msg
from ..qtypes import TYPES
from ..qtypes.paper import BadResponseError, PaperMark
from .errors import Problems
from .manifest import Manifest, PaperItem
from .scores import ID, NAME
from .tables import Table

VARIANT = "试卷"
UNANSWERED = PaperMark(0.0)


@dataclass(frozen=True)
class Sheet:
    """One candidate's marked paper: items in paper order and the mark of each (None: unanswered)."""

    person: str
    variant: str
    row: int
    items: tuple[PaperItem, ...]
    marks: tuple[PaperMark | None, ...]
    name: str = ""  # the optional 姓名 column, checked against the scores sheet

    @property
    def score(self) -> float:
        return sum(m.points for m in self.marks if m is not None)

    @property
    def full_marks(self) -> float:
        """What this variant's paper is worth: variants drawn with the bank's points may differ."""
        return sum(item.key.points for item in self.items)

    @property
    def share(self) -> float:
        """The score as a share of this paper's full marks (0 for a paper worth nothing)."""
        return self.score / self.full_marks if self.full_marks else 0.0


def mark_responses(table: Table, manifest: Manifest, problems: Problems) -> list[Sheet]:
    path = table.path
    numbers = manifest.numbers
    before = len(problems.items)
    known = {ID, NAME, VARIANT, *numbers}
    for name in (ID, VARIANT):
        if name not in table.header:
            problems.add(path, 1, msg("grade.missing_column", name=name))
    for no in numbers:
        if no not in table.header:
            problems.add(path, 1, msg("grade.missing_question_column", no=no, exam=manifest.exam))
    for name in table.header:
        if name not in known:
            problems.add(
                path,
                1,
                msg(
                    "grade.unknown_response_column",
                    name=name,
                    id=ID,
                    variant=VARIANT,
                    last=numbers[-1],
                    name_col=NAME,
                ),
            )
    if len(problems.items) > before:  # the header is wrong: rows cannot be read
        return []
    if not table.rows:
        # The pack's blank responses-template.xlsx given as it is: not a class that answered nothing.
        problems.add(path, None, msg("grade.no_responses"))
        return []
    col = {name: i for i, name in enumerate(table.header)}
    id_col, variant_col, name_col = col[ID], col[VARIANT], col.get(NAME)
    # Per variant, the column of each of its items; a cell's mark depends only on (item, text).
    layout = {
        v: [(item, col[item.no], TYPES[item.key.type]) for item in items] for v, items in manifest.variants.items()
    }
    stray = {
        v: [col[no] for no in numbers if no not in {i.no for i in items}] for v, items in manifest.variants.items()
    }
    cache: dict[tuple[int, str], PaperMark] = {}
    sheets: list[Sheet] = []
    first_row: dict[str, int] = {}
    for n, cells in table.rows:
        pid = cells[id_col]
        if not pid:
            problems.add(path, n, msg("grade.id_empty", id=ID))
            continue
        if pid in first_row:
            problems.add(path, n, msg("grade.id_twice", id=ID, person=pid, row=first_row[pid]))
            continue
        first_row[pid] = n
        variant = cells[variant_col]
        if variant not in layout:
            problems.add(
                path,
                n,
                msg(
                    "grade.variant_unknown",
                    column=VARIANT,
                    variant=variant,
                    exam=manifest.exam,
                    known=", ".join(layout),
                ),
            )
            continue
        for c in stray[variant]:
            if cells[c]:
                problems.add(path, n, msg("grade.stray_answer", column=table.header[c], variant=variant))
        marks: list[PaperMark | None] = []
        for item, c, kind in layout[variant]:
            text = cells[c]
            if not text:
                marks.append(None)
                continue
            cache_key = (id(item), text)
            mark = cache.get(cache_key)
            if mark is None:
                try:
                    mark = kind.mark_paper(text, item.key)
                except BadResponseError as exc:
                    problems.add(path, n, msg("grade.bad_response", column=item.no, id=item.id, problem=exc.args[0]))
                    marks.append(None)
                    continue
                cache[cache_key] = mark
            marks.append(mark)
        name = cells[name_col] if name_col is not None else ""
        sheets.append(Sheet(pid, variant, n, manifest.variants[variant], tuple(marks), name))
    return sheets
