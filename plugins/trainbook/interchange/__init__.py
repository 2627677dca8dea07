"""Import question banks from Excel and plain text; export them to Moodle XML, GIFT, QTI 2.1,
Aiken and Excel.

Each format is one module with ``read`` and/or ``write`` over the model and a ``LOSSES``
tuple naming what it cannot carry (printed with counts when it happens). Type-specific cell
notation lives with the types (``qtypes.flat``); each exporter keeps one table keyed by type
name for its own format. Front ends call :func:`import_file` and :func:`export`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from ..atomic import staged_file
from ..model import Case, Project
from . import aiken, gift, moodle, qti, text, xlsx
from .importer import ImportOptions, ImportResult, Problem, import_rows
from .losses import Losses
from .select import POOL_CHOICES, Selection, SelectionError, from_banks, from_exam

Writer = Callable[[Selection, Path, Mapping[str, Case]], Losses]

#: export format → its writer; the CLI offers exactly these.
EXPORTS: Mapping[str, Writer] = {
    "moodle": moodle.write,
    "gift": gift.write,
    "qti": qti.write,
    "aiken": aiken.write,
    "xlsx": xlsx.write,
}
IMPORTS = ("xlsx", "text")


def import_file(fmt: str, path: Path, opts: ImportOptions, sheet: str | None = None) -> ImportResult:
    """Read *path* as *fmt* and write the bank ``opts.out`` (all rows good, or ``skip_bad``)."""
    if fmt == "xlsx":
        read = xlsx.read(path, sheet)
        rows, problems, title = read.rows, read.problems, read.title
    elif fmt == "text":
        rows, problems = text.read(path)
        title = None
    else:
        raise ValueError(f"unknown import format {fmt!r}")
    if opts.title is None:
        opts = replace(opts, title=title or opts.bank)
    return import_rows(rows, opts, problems)


def select(project: Project, banks: list[str], exam: str | None, variant: str | None, pool: str) -> Selection:
    if exam is not None:
        return from_exam(project, exam, variant or "A")
    return from_banks(project, banks, pool)


def export(fmt: str, project: Project, selection: Selection, out: Path) -> Losses:
    """Write *selection* as *fmt* to *out*, all or nothing; raises :class:`trainbook.atomic.OutputError`."""
    cases = {c.id: c for c in project.cases}
    with staged_file(out) as tmp:
        return EXPORTS[fmt](selection, tmp, cases)


__all__ = [
    "EXPORTS",
    "IMPORTS",
    "POOL_CHOICES",
    "ImportOptions",
    "ImportResult",
    "Losses",
    "Problem",
    "Selection",
    "SelectionError",
    "export",
    "import_file",
    "select",
]
