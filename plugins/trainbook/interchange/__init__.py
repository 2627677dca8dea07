"""Import question banks from Excel and plain text; export them to Moodle XML, GIFT, QTI 2.1,
Aiken and Excel.

Each format is one module with ``read`` and/or ``write`` over the model and a ``LOSSES``
tuple naming what it cannot carry (printed with counts when it happens). Type-specific cell
notation lives with the types (``qtypes.flat``); each exporter keeps one table keyed by type
name for its own format. Front ends call :func:`import_file` and :func:`export`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import OutputError, staged_file
from ..diagnostics import display_path
from ..messages import msg
from ..model import Case, Project
from ..outfolder import guarded_home
from .losses import Losses
from .select import POOL_CHOICES, Selection, SelectionError, from_banks, from_exam

if TYPE_CHECKING:
    from .importer import ImportOptions, ImportResult, Problem

Writer = Callable[[Selection, Path, Mapping[str, Case]], Losses]


class _Writers(Mapping[str, Writer]):
    """Format name → the ``write`` of its module, the module imported on first use: a command that
    does not export (``trainbook validate`` …) does not pay for loading five formats."""

    def __init__(self, modules: Mapping[str, str]):
        self._modules = modules

    def __getitem__(self, fmt: str) -> Writer:
        module = import_module(f"{__name__}.{self._modules[fmt]}")
        return module.write  # type: ignore[no-any-return]

    def __iter__(self) -> Iterator[str]:
        return iter(self._modules)

    def __len__(self) -> int:
        return len(self._modules)


#: export format → its writer; the CLI offers exactly these.
EXPORTS: Mapping[str, Writer] = _Writers(
    {"moodle": "moodle", "gift": "gift", "qti": "qti", "aiken": "aiken", "xlsx": "xlsx"}
)
IMPORTS = ("xlsx", "text")
#: What the importer defines, loaded with it when first asked for (PEP 562).
_IMPORTER_NAMES = ("ImportOptions", "ImportResult", "Problem")


def __getattr__(name: str) -> Any:
    if name in _IMPORTER_NAMES:
        return getattr(import_module(f"{__name__}.importer"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def import_file(fmt: str, path: Path, opts: ImportOptions, sheet: str | None = None) -> ImportResult:
    """Read *path* as *fmt* and write the bank ``opts.out`` (all rows good, or ``skip_bad``)."""
    from .importer import import_rows

    if fmt == "xlsx":
        from . import xlsx

        read = xlsx.read(path, sheet)
        rows, problems, title = read.rows, read.problems, read.title
    elif fmt == "text":
        from . import text

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
    """Write *selection* as *fmt* to *out*, all or nothing; raises :class:`trainbook.atomic.OutputError`,
    also when exam-only questions would land where the site publishes them (see ..outfolder)."""
    exam_pool = selection.exam_pool_count()
    home = guarded_home(out, project.content_dir) if exam_pool else None
    if home is not None:
        raise OutputError(out, msg("export.published", n=exam_pool, what=home.what, folder=display_path(home.folder)))
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
