"""``trainbook`` command line entry point.

Exit codes: 0 clean (warnings allowed), 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from trainbook import __version__
from trainbook.diagnostics import display_path
from trainbook.validate import validate

from . import stats


def _content_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        default="content",
        metavar="DIR",
        help="content folder holding handbook/, banks/, cases/, … (default: content)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trainbook",
        description="Validate and inspect a trainbook handbook (Markdown pages + YAML banks, cases, exams, "
        "rubrics, schemes and forms).",
    )
    parser.add_argument("--version", action="version", version=f"trainbook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "validate",
        help="check every file of a content folder and report all problems",
        description="Check every file of a content folder; report problems as path:line:col: error|warning: message.",
    )
    p.add_argument(
        "content_dir", nargs="?", default="content", metavar="CONTENT_DIR", help="content folder (default: content)"
    )
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--pages", metavar="DIR", help="handbook pages folder (default: CONTENT_DIR/handbook)")

    s = sub.add_parser(
        "stats",
        help="question counts and objective coverage, to spot gaps",
        description="Counts by bank, type, difficulty, pool and module, and an objective "
        "coverage table that flags objectives with fewer than 3 questions.",
    )
    _content_arg(s)
    s.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    s.add_argument(
        "--min",
        type=int,
        default=stats.MIN_PER_OBJECTIVE,
        metavar="N",
        help=f"flag objectives with fewer than N questions (default: {stats.MIN_PER_OBJECTIVE})",
    )
    return parser


def cmd_validate(args: argparse.Namespace) -> int:
    _, report = validate(args.content_dir, args.pages)
    items = report.sorted()
    if args.format == "json":
        json.dump(
            {"errors": len(report.errors), "warnings": len(report.warnings), "problems": [d.as_dict() for d in items]},
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for d in items:
            print(d)
        n_err, n_warn = len(report.errors), len(report.warnings)
        where = display_path(args.content_dir)
        print(
            f"{where}: {n_err} error(s), {n_warn} warning(s)" if items else f"{where}: no problems found",
            file=sys.stderr,
        )
    return 1 if report.errors else 0


def cmd_stats(args: argparse.Namespace) -> int:
    project, report = validate(args.content)
    if report.errors:
        for d in report.sorted():
            print(d, file=sys.stderr)
        print("stats needs content without errors; fix the errors above first", file=sys.stderr)
        return 1
    data = stats.collect(project, args.min)
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(stats.as_text(data))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return {"validate": cmd_validate, "stats": cmd_stats}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
