"""Rows (from a spreadsheet or plain text) → one bank file that validates cleanly.

All or nothing: every row is read and every problem reported as ``WHERE: error: message``
(WHERE is ``FILE:SHEET:ROW`` or ``FILE:LINE``); the file is written only when no row has an
error, or with ``skip_bad`` without the bad rows (which are listed). The text written is loaded
back through the real loader and checked against the rest of the content (cases, objectives,
ids) before anything touches the disk, so what an import writes always passes ``validate``.
An existing file is never replaced unless ``replace`` is set (``--force``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..atomic import OutputError, write_file
from ..diagnostics import Report
from ..load import Loader, load_project
from ..messages import localize, msg
from ..model import Project
from ..reader import ID_RE
from ..validate import check_project
from ..yamlsource import load_yaml
from .layout import Row
from .rows import Draft, RowError, next_number, read_row
from .yamlout import bank_text, resolve


@dataclass(frozen=True)
class Problem:
    where: str
    message: str  # a messages.Text: the English, knowing its Chinese
    severity: str = "error"

    def __str__(self) -> str:
        return self.text("en")

    def text(self, language: str = "en") -> str:
        """``where: severity: message`` with the message in *language* (zh, en)."""
        return f"{self.where}: {self.severity}: {localize(self.message, language)}"


@dataclass
class ImportResult:
    out: Path
    text: str | None = None  # the bank file, when every row was good (or --skip-bad)
    questions: int = 0
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # where of each row left out (--skip-bad)
    written: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass(frozen=True)
class ImportOptions:
    bank: str
    out: Path
    title: str | None = None
    module: str | None = None
    content: Path = Path("content")
    prefix: str | None = None  # new ids are PREFIX-001, …; default the bank id
    skip_bad: bool = False
    dry_run: bool = False
    replace: bool = False  # an existing ``out`` is refused unless this is set (--force)


def _context(opts: ImportOptions) -> tuple[Project, list[Problem]]:
    """The content the new bank must fit, without the file it replaces."""
    report = Report()
    project = load_project(opts.content, report) if opts.content.is_dir() else Project(str(opts.content), "")
    out = opts.out.resolve()
    keep = tuple(b for b in project.banks if Path(b.pos.path).resolve() != out)
    problems = [
        Problem(str(opts.out), msg("import.bank_taken", bank=opts.bank, path=b.pos.path))
        for b in keep
        if b.id == opts.bank
    ]
    return replace(project, banks=keep), problems


def _attach_groups(drafts: list[Draft], problems: list[Problem]) -> list[Draft]:
    """Sub-question rows join the group row whose 编号 their 题组 cell names."""
    groups = {d.row.label.strip(): d for d in drafts if d.type == "group" and d.row.label.strip()}
    top: list[Draft] = []
    for d in drafts:
        ref = d.row.group.strip()
        if not ref:
            top.append(d)
        elif ref in groups:
            groups[ref].subs.append(d)
        else:
            problems.append(Problem(d.row.where, msg("import.no_group", group=ref)))
    for d in top:
        if d.type == "group" and not d.subs:
            problems.append(Problem(d.row.where, msg("import.empty_group")))
    return top


def _assign_ids(top: list[Draft], taken_before: set[str], prefix: str, problems: list[Problem]) -> None:
    taken = set(taken_before)
    flat = [d for t in top for d in (t, *t.subs)]
    for d in flat:
        rid = d.requested_id
        if rid is None:
            continue
        if rid in taken_before:
            problems.append(Problem(d.row.where, msg("import.id_taken", id=rid)))
        elif rid in taken:
            problems.append(Problem(d.row.where, msg("import.id_twice", id=rid)))
        else:
            d.id = rid
            taken.add(rid)
    n = next_number(prefix, taken)
    for t in top:
        if not t.id:
            while f"{prefix}-{n:03d}" in taken:
                n += 1
            t.id = f"{prefix}-{n:03d}"
            taken.add(t.id)
        for letter in "abcdefghijklmnopqrstuvwxyz":
            pending = [s for s in t.subs if not s.id]
            if not pending:
                break
            if f"{t.id}{letter}" not in taken:
                pending[0].id = f"{t.id}{letter}"
                taken.add(pending[0].id)
        for s in t.subs:
            if not s.id:
                problems.append(Problem(s.row.where, msg("import.too_many_subs", group=t.id)))


def _check(text: str, opts: ImportOptions, project: Project, drafts: list[Draft]) -> list[Problem]:
    """Load the text back and check it with the rest of the content; problems go to their rows."""
    report = Report()
    path = str(opts.out)
    data = load_yaml(text, path, report)
    bank = Loader(report).bank(data, path) if data is not None else None
    if bank is not None:
        check_project(replace(project, banks=(*project.banks, bank)), report)
    starts = _id_lines(text, drafts)
    problems = []
    for d in report.sorted():
        if d.pos.path != path:
            continue
        row = next((r for line, r in reversed(starts) if line <= d.pos.line), None)
        problems.append(Problem(row.where if row else path, d.message, d.severity))
    return problems


def _id_lines(text: str, drafts: list[Draft]) -> list[tuple[int, Row]]:
    where = {d.id: d.row for t in drafts for d in (t, *t.subs)}
    out = []
    for no, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("- id: ") and stripped[6:] in where:
            out.append((no, where[stripped[6:]]))
    return out


def import_rows(
    rows: Sequence[Row], opts: ImportOptions, read_problems: Sequence[Problem] = (), header: str = ""
) -> ImportResult:
    """Turn *rows* into ``opts.out``; see the module docstring for the all-or-nothing rule."""
    result = ImportResult(opts.out, problems=list(read_problems))
    if not ID_RE.match(opts.bank):
        result.problems.append(Problem(str(opts.out), msg("import.bad_bank", bank=opts.bank)))
        return result
    prefix = opts.prefix or opts.bank
    if not ID_RE.match(f"{prefix}-1"):
        result.problems.append(Problem(str(opts.out), msg("import.bad_prefix", prefix=prefix)))
        return result
    if opts.out.is_dir():
        result.problems.append(Problem(str(opts.out), msg("output.is_folder")))
        return result
    if not opts.replace and (opts.out.exists() or opts.out.is_symlink()):
        # A bank an author wrote by hand is never lost to an import.
        result.problems.append(Problem(str(opts.out), msg("import.exists", exists=msg("output.exists"))))
        return result
    project, fatal = _context(opts)
    result.problems += fatal
    if fatal:
        return result
    if not rows and not result.errors:
        result.problems.append(Problem(str(opts.out), msg("import.no_rows")))
        return result

    drafts: list[Draft] = []
    row_problems: list[Problem] = []
    for row in rows:
        try:
            drafts.append(read_row(row))
        except RowError as exc:
            row_problems.append(Problem(row.where, exc.args[0]))
    top = _attach_groups(drafts, row_problems)
    taken = {q.id for b in project.banks for top_q in b.questions for q in top_q.walk()}
    _assign_ids(top, taken, prefix, row_problems)
    result.problems += row_problems

    for _attempt in range(3):
        bad = {p.where for p in result.errors}
        if bad and not opts.skip_bad:
            return result
        kept = [t for t in top if t.row.where not in bad]
        for t in kept:
            t.subs = [s for s in t.subs if s.row.where not in bad]
        kept = [t for t in kept if t.type != "group" or t.subs]
        result.skipped = sorted({r.where for r in rows} & bad, key=[r.where for r in rows].index)
        if not kept:
            result.problems.append(Problem(str(opts.out), msg("import.none_left")))
            return result
        resolve(kept)
        text = bank_text(opts.bank, opts.title or opts.bank, opts.module, kept, opts.out, header, opts.content)
        checked = _check(text, opts, project, kept)
        errors = [p for p in checked if p.severity == "error"]
        result.problems += errors
        if not errors:
            result.problems += [p for p in checked if p.severity != "error"]
            result.questions = sum(1 + len(t.subs) for t in kept)
            if not opts.dry_run:
                try:
                    write_file(opts.out, text, replace=opts.replace)
                except OutputError as exc:
                    result.problems.append(Problem(str(opts.out), exc.message))
                    return result
                result.written = True
            result.text = text
            return result
        if not opts.skip_bad:
            return result
    return result
