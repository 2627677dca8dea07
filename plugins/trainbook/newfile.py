"""``trainbook new``: one commented starter file of a kind, in the right place, that validates as written.

The texts live beside ``trainbook init``'s starter handbook, in ``starter/new/<lang>/<kind>.<ext>``
(outside ``starter/<lang>/``, so ``init`` does not copy them), and are filled by the same
placeholder substitution (:func:`trainbook.scaffold.fill`). Besides ``init``'s placeholders they
use ``@id@``, ``@schema@`` (the folder of the editor schemas as the handbook's other files name
it) and, for an exam, ``@bank@``, ``@count@``, ``@pass@`` and ``@seed@``.

Nothing is written unless the new file, loaded back and checked with the rest of the content,
has no problem; an existing file is never replaced.
"""

from __future__ import annotations

import math
import os
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .atomic import write_file
from .diagnostics import Diagnostic, Report, display_path
from .draw import draw_paper
from .editor_schemas import DEFAULT_DIR
from .load import Loader, load_project, rel, yaml_files
from .model import Project
from .reader import ID_RE
from .scaffold import STARTER, fill
from .strings import Strings
from .validate import check_project
from .yamlsource import load_yaml

#: kind → the Project field (and content sub-folder) holding it; a module is a handbook page.
FOLDERS: Mapping[str, str] = {
    "module": "handbook",
    "bank": "banks",
    "case": "cases",
    "exam": "exams",
    "rubric": "rubrics",
    "form": "forms",
}
KINDS = tuple(FOLDERS)
_SCHEMA_LINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(?P<dir>\S+)/[a-z]+\.schema\.json\s*$")
_EXAM_COUNT = 10  # questions an exam starter draws, at most
_EXAM_PASS = 0.6  # its pass mark as a share of the paper's points


class NewError(Exception):
    """The file cannot be created; nothing was written. ``problems`` are the new file's own."""

    def __init__(self, message: str, problems: tuple[Diagnostic, ...] = ()):
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class NewFile:
    kind: str
    ident: str
    path: Path
    text: str
    warnings: tuple[Diagnostic, ...] = ()


def plan(
    kind: str,
    ident: str,
    content_dir: str | Path,
    *,
    title: str | None = None,
    lang: str = "zh",
    pages_dir: str | Path | None = None,
    bank: str | None = None,
) -> NewFile:
    """The starter file for ``kind`` with id ``ident``, checked against the content; raises NewError."""
    words = Strings(lang)
    if kind not in FOLDERS:
        raise NewError(words.plain("new.unknown_kind", kind=kind, kinds=", ".join(KINDS)))
    if not ID_RE.match(ident):
        raise NewError(words.plain("new.bad_id", id=ident))
    content = Path(content_dir)
    if not content.is_dir():
        raise NewError(words.plain("new.no_content", content=content))
    pages = Path(pages_dir) if pages_dir is not None else content / "handbook"
    path = pages / "modules" / f"{ident}.md" if kind == "module" else content / FOLDERS[kind] / f"{ident}.yml"
    if path.exists():
        raise NewError(words.plain("new.exists", path=display_path(path)))
    project = load_project(content, Report(), pages)
    taken = _ids(project, kind)
    if ident in taken:
        raise NewError(words.plain("new.taken", kind=kind, id=ident, path=taken[ident]))
    values = {
        "@id@": ident,
        "@schema@": schema_dir(path.parent, content),
        "@seed@": str(zlib.crc32(ident.encode()) % 100_000_000),
    }
    if kind == "exam":
        values.update(_exam_values(project, ident, bank, words))
    template = STARTER / "new" / words.language / (f"{kind}.md" if kind == "module" else f"{kind}.yml")
    text = fill(template.read_text(encoding="utf-8"), title or words.plain(f"new.title.{kind}", id=ident), values)
    if kind == "exam":
        text = _with_pass_mark(text, project, path)
    problems = check(project, kind, text, path)
    errors = tuple(d for d in problems if d.severity == "error")
    if errors:
        raise NewError(words.plain("new.invalid", path=display_path(path)), errors)
    return NewFile(kind, ident, path, text, problems)


def write(new: NewFile) -> None:
    """Write the planned file all or nothing; never replaces a file that appeared meanwhile.
    Raises :class:`trainbook.atomic.OutputError` when it cannot be written."""
    write_file(new.path, new.text, replace=False)


def check(project: Project, kind: str, text: str, path: Path) -> tuple[Diagnostic, ...]:
    """The problems of ``text`` (a file of ``kind`` at ``path``) within ``project``."""
    report = Report()
    where = str(path)
    added: Any
    if kind == "module":
        added = Loader(report).page(text, where, rel(path, Path(project.pages_dir)))
    else:
        data = load_yaml(text, where, report)
        added = getattr(Loader(report), kind)(data, where) if data is not None else None
    if added is not None:
        field = "pages" if kind == "module" else FOLDERS[kind]
        grown: dict[str, Any] = {field: (*getattr(project, field), added)}
        project = replace(project, **grown)
        check_project(project, report)
    return tuple(d for d in report.sorted() if d.pos.path == where)


def schema_dir(folder: Path, content: Path) -> str:
    """How the handbook's YAML files in ``folder`` name the schema folder.

    The handbook's own files decide (this repository points into the package, a handbook made by
    ``trainbook init`` at its ``.trainbook/schemas`` copies); without any, the copies' folder.
    """
    siblings = [folder] + [content / f for f in FOLDERS.values() if content / f != folder and f != "handbook"]
    for candidate in siblings:
        for path in yaml_files(candidate):
            with open(path, encoding="utf-8-sig", errors="replace") as fh:
                match = _SCHEMA_LINE.match(fh.readline().strip())
            if match:
                return match.group("dir")
    return Path(os.path.relpath(content.resolve().parent / DEFAULT_DIR, folder.resolve())).as_posix()


def _ids(project: Project, kind: str) -> dict[str, str]:
    items = project.pages if kind == "module" else getattr(project, FOLDERS[kind])
    return {item.id: item.pos.path for item in items if item.id}


def _exam_values(project: Project, ident: str, bank_id: str | None, words: Strings) -> dict[str, str]:
    if bank_id is None:
        # The bank of the same name, else the first one: the author edits the draw rule anyway.
        chosen = project.bank(ident) or (project.banks[0] if project.banks else None)
        if chosen is None:
            raise NewError(words.plain("new.exam_needs_bank"))
    else:
        found = project.bank(bank_id)
        if found is None:
            raise NewError(words.plain("new.no_bank", bank=bank_id))
        chosen = found
    count = min(_EXAM_COUNT, len(chosen.questions))
    return {"@bank@": chosen.id, "@count@": str(count), "@pass@": "0"}


def _with_pass_mark(text: str, project: Project, path: Path) -> str:
    """Set ``pass`` to a share of the smallest variant's points (the points depend on the draw)."""
    report = Report()
    data = load_yaml(text, str(path), report)
    exam = Loader(report).exam(data, str(path)) if data is not None else None
    if exam is None:
        return text
    totals = [draw_paper(project, exam, v).total_points for v in exam.variants]
    mark = math.ceil(min(totals, default=0) * _EXAM_PASS)
    return re.sub(r"^pass: 0\b", f"pass: {mark}", text, count=1, flags=re.M)
