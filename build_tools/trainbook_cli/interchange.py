"""``trainbook import`` and ``trainbook export``: argument parsing and printing only.

The work is done by :mod:`trainbook.interchange` (one call per command).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from trainbook.diagnostics import display_path
from trainbook.interchange import (
    EXPORTS,
    IMPORTS,
    POOL_CHOICES,
    ImportOptions,
    SelectionError,
    export,
    import_file,
    select,
)
from trainbook.messages import localize, msg

from .args import checked_project, chosen_language, content_option, lang_option


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="turn an Excel 题库 or a plain-text question list into a bank file",
        description="Read FILE and write one bank (YAML) that validates cleanly. Every problem is reported as "
        "FILE:SHEET:ROW (xlsx) or FILE:LINE (text); nothing is written unless every row is good, or with "
        "--skip-bad (the skipped rows are listed). An existing bank file is never replaced without --force.",
    )
    p.add_argument(
        "format",
        choices=IMPORTS,
        help="xlsx: columns 题型, 题干, 选项A…, 答案, 解析, …; text: 1. 题干 / A. 选项 / 答案：B",
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--bank", required=True, metavar="ID", help="id of the new bank")
    p.add_argument("--title", help="bank title (default: a title row above the header, else the bank id)")
    p.add_argument("--module", metavar="ID", help="handbook page id the bank belongs to")
    p.add_argument("--out", type=Path, metavar="PATH", help="bank file to write (default: CONTENT/banks/ID.yml)")
    content_option(p)
    p.add_argument("--prefix", help="new question ids are PREFIX-001, PREFIX-002, … (default: the bank id)")
    p.add_argument("--sheet", help="xlsx: read only this sheet (default: every sheet with a question header)")
    p.add_argument("--skip-bad", action="store_true", help="write the good rows and list the bad ones")
    p.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    p.add_argument(
        "--force", action="store_true", help="replace the bank file if it exists (default: refuse, nothing written)"
    )
    lang_option(p, "the messages", default=None)

    e = sub.add_parser(
        "export",
        help="write banks or an exam variant as Moodle XML, GIFT, QTI 2.1, Aiken or Excel",
        description="Export questions for another platform. Each kind of loss the format forces is printed "
        "with a count.",
    )
    e.add_argument("format", choices=tuple(EXPORTS), help="moodle | gift | qti (zip) | aiken | xlsx")
    e.add_argument(
        "--bank", action="append", default=[], metavar="ID", help="a bank to export (repeatable; default all)"
    )
    e.add_argument("--exam", metavar="ID", help="export the questions drawn for one exam variant instead")
    e.add_argument("--variant", default="A", help="exam variant (default: A)")
    e.add_argument(
        "--pool", choices=POOL_CHOICES, default="any", help="with --bank: which pool to export (default: any)"
    )
    e.add_argument("--out", type=Path, required=True, metavar="PATH")
    content_option(e)
    lang_option(e, "the messages", default=None)


def cmd_import(args: argparse.Namespace) -> int:
    out = args.out or args.content / "banks" / f"{args.bank}.yml"
    opts = ImportOptions(
        bank=args.bank,
        out=out,
        title=args.title,
        module=args.module,
        content=args.content,
        prefix=args.prefix,
        skip_bad=args.skip_bad,
        dry_run=args.dry_run,
        replace=args.force,
    )
    result = import_file(args.format, args.file, opts, args.sheet)
    language = chosen_language(args, args.content)
    for problem in result.problems:
        print(problem.text(language), file=sys.stderr)
    if result.skipped and result.text is not None:
        skipped = msg("import.skipped", n=len(result.skipped), rows=", ".join(result.skipped))
        print(localize(skipped, language), file=sys.stderr)
    if result.text is None:
        failed = msg("import.nothing_written", out=display_path(out), n=len(result.errors))
        print(localize(failed, language), file=sys.stderr)
        return 1
    done = msg("import.checked" if args.dry_run else "import.wrote", out=display_path(out), n=result.questions)
    print(localize(done, language), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    language = chosen_language(args, args.content)
    if args.exam and args.bank:
        print(localize(msg("export.both"), language), file=sys.stderr)
        return 2
    project = checked_project(args.content, "export", language)
    if project is None:
        return 1
    try:
        selection = select(project, args.bank, args.exam, args.variant if args.exam else None, args.pool)
    except SelectionError as exc:
        print(localize(msg("export.failed", message=exc.args[0]), language), file=sys.stderr)
        return 2
    losses = export(args.format, project, selection, args.out)
    n = sum(len(q.walk()) - (1 if q.subs else 0) for q in selection.questions())
    done = msg("export.done", out=display_path(args.out), fmt=args.format, n=n, parts=len(selection.parts))
    print(localize(done, language), file=sys.stderr)
    exam_pool = selection.exam_pool_count()
    if exam_pool:
        print(localize(msg("export.exam_pool", fmt=args.format, n=exam_pool), language), file=sys.stderr)
    for line in (*selection.notes, *losses.lines(), *losses.warnings):
        print(localize(line, language), file=sys.stderr)
    return 0


COMMANDS = {"import": cmd_import, "export": cmd_export}
