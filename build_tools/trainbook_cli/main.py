"""``trainbook`` command line entry point.

Exit codes: 0 clean (warnings allowed), 1 content errors, 2 usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from trainbook import __version__, editor_schemas
from trainbook.atomic import OutputError
from trainbook.diagnostics import ContentError, as_github, display_path
from trainbook.grading import GradeError, GradeRequest, grade
from trainbook.messages import localize, msg
from trainbook.papers import PackError, build_exams, build_forms
from trainbook.strings import LANGUAGES
from trainbook.validate import validate

from . import interchange, setup_cmds, stats
from .args import Parser, checked_project, chosen_language, command_language, content_option, lang_option


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="trainbook",
        description="Validate, inspect and print a trainbook handbook (Markdown pages + YAML banks, cases, exams, "
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
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="output format (default: text; github: GitHub Actions annotations)",
    )
    p.add_argument("--pages", metavar="DIR", help="handbook pages folder (default: CONTENT_DIR/handbook)")
    lang_option(p, "the problem messages", default=None)

    s = sub.add_parser(
        "stats",
        help="question counts and objective coverage, to spot gaps",
        description="Counts by bank, type, difficulty, pool and module, and an objective "
        "coverage table that flags objectives with fewer than 3 questions.",
    )
    content_option(s)
    s.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    s.add_argument(
        "--min",
        type=int,
        default=stats.MIN_PER_OBJECTIVE,
        metavar="N",
        help=f"flag objectives with fewer than N questions (default: {stats.MIN_PER_OBJECTIVE})",
    )
    lang_option(s, "the problem messages", default=None)
    _grade_parser(sub)
    setup_cmds.add_parsers(sub)
    _printing_commands(sub)
    interchange.add_parsers(sub)
    return parser


def _grade_parser(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser(
        "grade",
        help="weighted results, grades and item analysis of an assessment scheme",
        description="Compute results of an assessment scheme from a scores sheet (csv or xlsx) and, optionally, "
        "mark a printed exam's responses through its manifest for item analysis. Writes results.csv, items.csv, "
        "departments.csv and report.html to --out, or nothing at all when any input is wrong. Results are "
        "personal data: --out may not lie inside the site or the content folder.",
    )
    g.add_argument("scheme_id", metavar="SCHEME_ID", help="id of the assessment scheme (schemes/*.yml)")
    g.add_argument(
        "--scores", required=True, metavar="FILE", help="scores sheet: 工号, 姓名, 部门, one column per component"
    )
    g.add_argument("--responses", metavar="FILE", help="answers written on the printed exam: 工号, 试卷, 1, 2, …")
    g.add_argument("--exam", metavar="ID", help="exam the responses are for (default: the scheme's only exam)")
    g.add_argument("--manifest", metavar="PATH", help="exam pack manifest (default: dist/exams/<exam>/manifest.json)")
    content_option(g)
    g.add_argument("--out", required=True, metavar="DIR", help="folder for the results (created when missing)")
    g.add_argument("--anonymize", action="store_true", help="replace 姓名 and 工号 by stable pseudonyms (学员001 …)")
    g.add_argument("--salt", metavar="TEXT", help="key for --anonymize: the same salt gives the same pseudonyms")
    g.add_argument("--site-url", metavar="URL", help="address of the published handbook, for links in the report")
    g.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of report.html (default: zh) and of the messages (default: the handbook's, "
        "theme.language in mkdocs.yml)",
    )
    g.add_argument(
        "--site-dir", default="site", metavar="DIR", help="built site folder, never written to (default: site)"
    )


def cmd_grade(args: argparse.Namespace) -> int:
    request = GradeRequest(
        scheme=args.scheme_id,
        scores=Path(args.scores),
        out=Path(args.out),
        content=args.content,
        responses=Path(args.responses) if args.responses else None,
        exam=args.exam,
        manifest=Path(args.manifest) if args.manifest else None,
        anonymize=args.anonymize,
        salt=args.salt,
        site_dir=Path(args.site_dir),
        site_url=args.site_url,
        language=args.lang or "zh",
    )
    language = chosen_language(args, Path(args.content))
    try:
        outcome = grade(request)
    except GradeError as exc:
        for problem in exc.problems:
            print(localize(problem, language), file=sys.stderr)
        print(localize(msg("grade.failed", n=len(exc.problems)), language), file=sys.stderr)
        return 1
    counts = {"out": display_path(outcome.out), "people": outcome.people, "failed": outcome.failed}
    done = msg("grade.done_items", **counts, items=outcome.items) if outcome.items else msg("grade.done", **counts)
    print(localize(done, language), file=sys.stderr)
    return 0


def _print_args(parser: argparse.ArgumentParser, default_out: str) -> None:
    content_option(parser)
    parser.add_argument("--out", default=default_out, metavar="DIR", help=f"output folder (default: {default_out})")
    parser.add_argument(
        "--format", default="pdf,html", metavar="pdf,html", help="pdf, html or both (default: pdf,html)"
    )
    parser.add_argument(
        "--templates",
        action="append",
        default=[],
        metavar="DIR",
        help="folder whose papers/*.html and papers/print.css override the built-in templates",
    )
    lang_option(parser, "the problem messages", default=None)


def _printing_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    exam = sub.add_parser("exam", help="printed exam packs", description="Printed exam packs.")
    exam_sub = exam.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = exam_sub.add_parser(
        "build",
        help="papers (A/B variants), answer sheets, keys, rubric sheets and a manifest as PDF and HTML",
        description="Build OUT/<exam>/<variant>/paper, answer-sheet and key, OUT/<exam>/rubrics/<rubric> "
        "and OUT/<exam>/manifest.json|csv. The output folder changes only when everything succeeded.",
    )
    b.add_argument("exams", nargs="*", metavar="EXAM_ID", help="exam blueprint ids")
    b.add_argument("--all", action="store_true", help="every exam blueprint")
    b.add_argument("--variants", metavar="A,B", help="variants to build (default: the blueprint's variants)")
    b.add_argument("--seed", metavar="N", help="master seed, overriding the blueprint's (an integer)")
    _print_args(b, "dist/exams")

    forms = sub.add_parser("forms", help="printed rubric sheets, forms and score sheets", description="Printed sheets.")
    forms_sub = forms.add_subparsers(dest="action", metavar="ACTION", required=True)
    f = forms_sub.add_parser(
        "build",
        help="every rubric, form and scheme score sheet as PDF and HTML",
        description="Build OUT/rubrics/<id>, OUT/forms/<id> and OUT/schemes/<id> (score sheet) as PDF and HTML.",
    )
    _print_args(f, "dist/forms")


def _report_failure(exc: Exception, language: str = "en") -> int:
    if isinstance(exc, ContentError):
        for d in exc.diagnostics:
            print(d.text(language), file=sys.stderr)
        print(localize(msg("cli.fix_first"), language), file=sys.stderr)
    elif isinstance(exc, PackError):
        print(localize(msg("pack.error", message=exc.message), language), file=sys.stderr)
    else:
        print(f"trainbook: error: {exc}", file=sys.stderr)
    return 1


def _print_written(paths: Sequence[object], out: str, language: str) -> None:
    print(localize(msg("cli.files_written", where=display_path(out), n=len(paths)), language), file=sys.stderr)


def cmd_exam(args: argparse.Namespace) -> int:
    try:
        written = build_exams(
            args.content,
            args.out,
            exam_ids=args.exams,
            all_exams=args.all,
            variants=args.variants,
            seed=args.seed,
            formats=args.format,
            template_dirs=args.templates,
        )
    except (PackError, ContentError) as exc:
        return _report_failure(exc, chosen_language(args, Path(args.content)))
    _print_written(written, args.out, chosen_language(args, Path(args.content)))
    return 0


def cmd_forms(args: argparse.Namespace) -> int:
    try:
        written = build_forms(args.content, args.out, formats=args.format, template_dirs=args.templates)
    except (PackError, ContentError) as exc:
        return _report_failure(exc, chosen_language(args, Path(args.content)))
    _print_written(written, args.out, chosen_language(args, Path(args.content)))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    _, report = validate(args.content_dir, args.pages)
    # The repository root holds the content folder; its editor schemas should match this trainbook.
    editor_schemas.check_copies(Path(args.content_dir).resolve().parent, report)
    items = report.sorted()
    language = chosen_language(args, Path(args.content_dir))
    if args.format == "json":
        json.dump(
            {
                "errors": len(report.errors),
                "warnings": len(report.warnings),
                "problems": [d.as_dict(language) for d in items],
            },
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        sys.stdout.write("\n")
    else:
        for d in items:
            print(as_github(d, language) if args.format == "github" else d.text(language))
        n_err, n_warn = len(report.errors), len(report.warnings)
        where = display_path(args.content_dir)
        summary = (
            msg("cli.summary", where=where, errors=n_err, warnings=n_warn) if items else msg("cli.clean", where=where)
        )
        print(summary.zh if language == "zh" else summary, file=sys.stderr)
    return 1 if report.errors else 0


def cmd_stats(args: argparse.Namespace) -> int:
    language = chosen_language(args, Path(args.content))
    project = checked_project(args.content, "stats", language)
    if project is None:
        return 1
    data = stats.collect(project, args.min)
    if args.format == "json":
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(stats.as_text(data, language))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    Parser.argv = tuple(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    commands = {
        "validate": cmd_validate,
        "stats": cmd_stats,
        "grade": cmd_grade,
        "init": setup_cmds.cmd_init,
        "schemas": setup_cmds.cmd_schemas,
        "new": setup_cmds.cmd_new,
        "exam": cmd_exam,
        "forms": cmd_forms,
        **interchange.COMMANDS,
    }
    try:
        return commands[args.command](args)
    except OutputError as exc:
        # Every command writes through trainbook.atomic: one place says why an output could not be written.
        print(exc.text(command_language(args)), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
