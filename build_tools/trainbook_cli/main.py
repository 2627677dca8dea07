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
from trainbook.messages import Text, localize, msg
from trainbook.strings import LANGUAGES
from trainbook.validate import validate

from . import interchange, setup_cmds, stats
from .args import (
    Parser,
    argv_language,
    checked_project,
    chosen_language,
    command_language,
    content_option,
    count,
    lang_option,
    say,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="trainbook",
        description=say(
            "Validate, inspect and print a trainbook handbook (Markdown pages + YAML banks, cases, exams, "
            "rubrics, schemes and forms).",
            "检查、统计并打印 trainbook 手册（Markdown 页面 + YAML 题库、案例、考试蓝图、评分表、考核方案和表单）。",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"trainbook {__version__}",
        help=say("show program's version number and exit", "显示版本号并退出"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "validate",
        help=say(
            "check every file of a content folder and report all problems",
            "检查内容文件夹里的每个文件，报告全部问题",
        ),
        description=say(
            "Check every file of a content folder; report problems as path:line:col: error|warning: message.",
            "检查内容文件夹里的每个文件；问题按 路径:行:列: error|warning: 说明 的格式报告。",
        ),
    )
    p.add_argument(
        "content_dir",
        nargs="?",
        default="content",
        metavar="CONTENT_DIR",
        help=say(
            "content folder (default: content)",
            "内容文件夹（默认：content）",
        ),
    )
    p.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help=say(
            "output format (default: text; github: GitHub Actions annotations)",
            "输出格式（默认：text；github：GitHub Actions 注释）",
        ),
    )
    p.add_argument(
        "--pages",
        metavar="DIR",
        help=say(
            "handbook pages folder (default: CONTENT_DIR/handbook)",
            "手册页面文件夹（默认：CONTENT_DIR/handbook）",
        ),
    )
    lang_option(p, say("the problem messages", "问题提示"), default=None)

    s = sub.add_parser(
        "stats",
        help=say(
            "question counts and objective coverage, to spot gaps",
            "题目数量与目标覆盖情况，用来发现缺口",
        ),
        description=say(
            "Counts by bank, type, difficulty, pool and module, and an objective "
            "coverage table that flags objectives with fewer than 3 questions.",
            "按题库、题型、难度、题目池和模块统计题目数量，并列出培训目标覆盖表，标出题目少于 3 道的目标。",
        ),
    )
    content_option(s)
    s.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help=say(
            "output format (default: text)",
            "输出格式（默认：text）",
        ),
    )
    s.add_argument(
        "--min",
        type=count,
        default=stats.MIN_PER_OBJECTIVE,
        metavar="N",
        help=say(
            f"flag objectives with fewer than N questions (default: {stats.MIN_PER_OBJECTIVE})",
            f"标出题目少于 N 道的目标（默认：{stats.MIN_PER_OBJECTIVE}）",
        ),
    )
    lang_option(s, say("the problem messages", "问题提示"), default=None)
    _grade_parser(sub)
    setup_cmds.add_parsers(sub)
    _printing_commands(sub)
    interchange.add_parsers(sub)
    return parser


def _grade_parser(sub: argparse._SubParsersAction) -> None:
    g = sub.add_parser(
        "grade",
        help=say(
            "weighted results, grades and item analysis of an assessment scheme",
            "按考核方案计算加权成绩、等级并做试题分析",
        ),
        description=say(
            "Compute results of an assessment scheme from a scores sheet (csv or xlsx) and, optionally, "
            "mark a printed exam's responses through its manifest for item analysis. Writes results.csv, items.csv, "
            "departments.csv and report.html to --out, or nothing at all when any input is wrong. Results are "
            "personal data: --out may not lie inside the site or the content folder.",
            "根据成绩表（csv 或 xlsx）计算考核方案的结果；还可以通过试卷清单给纸质考试的作答评分，用于试题分析。"
            "在 --out 中写出 results.csv、items.csv、departments.csv 和 report.html；任何输入有误时什么也不写。"
            "成绩属于个人信息：--out 不能位于网站或内容文件夹之内。",
        ),
    )
    g.add_argument(
        "scheme_id",
        metavar="SCHEME_ID",
        help=say(
            "id of the assessment scheme (schemes/*.yml)",
            "考核方案的 id（schemes/*.yml）",
        ),
    )
    g.add_argument(
        "--scores",
        required=True,
        metavar="FILE",
        help=say(
            "scores sheet: 工号, 姓名, 部门, one column per component",
            "成绩表：工号、姓名、部门，每个考核项目一列",
        ),
    )
    g.add_argument(
        "--responses",
        metavar="FILE",
        help=say(
            "answers written on the printed exam: 工号, 试卷, 1, 2, …",
            "纸质试卷上的作答：工号、试卷、1、2、…",
        ),
    )
    g.add_argument(
        "--exam",
        metavar="ID",
        help=say(
            "exam the responses are for (default: the scheme's only exam)",
            "作答所属的考试（默认：考核方案中唯一的考试）",
        ),
    )
    g.add_argument(
        "--manifest",
        metavar="PATH",
        help=say(
            "exam pack manifest (default: dist/exams/<exam>/manifest.json)",
            "试卷包清单（默认：dist/exams/<exam>/manifest.json）",
        ),
    )
    content_option(g)
    g.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help=say(
            "folder for the results (created when missing)",
            "写出结果的文件夹（不存在时自动创建）",
        ),
    )
    g.add_argument(
        "--anonymize",
        action="store_true",
        help=say(
            "replace 姓名 and 工号 by stable pseudonyms (学员001 …)",
            "用固定的化名（学员001 …）代替姓名和工号",
        ),
    )
    g.add_argument(
        "--salt",
        metavar="TEXT",
        help=say(
            "key for --anonymize: the same salt gives the same pseudonyms",
            "--anonymize 的密钥：相同的 salt 得到相同的化名",
        ),
    )
    g.add_argument(
        "--site-url",
        metavar="URL",
        help=say(
            "address of the published handbook, for links in the report",
            "已发布手册的网址，用于报告中的链接",
        ),
    )
    g.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help=say(
            "language of report.html (default: zh) and of the messages (default: the handbook's, "
            "theme.language in mkdocs.yml)",
            "report.html 的语言（默认：zh）以及提示信息的语言（默认：手册的语言，即 mkdocs.yml 的 theme.language）",
        ),
    )
    g.add_argument(
        "--site-dir",
        default="site",
        metavar="DIR",
        help=say(
            "built site folder, never written to (default: site)",
            "已构建的网站文件夹，只读不写（默认：site）",
        ),
    )


def cmd_grade(args: argparse.Namespace) -> int:
    # Imported by the commands that use them: `validate`, run on every save, starts without
    # the grading and printing code (a fifth of a second on a slow machine).
    from trainbook.grading import GradeError, GradeRequest, grade

    if (args.exam or args.manifest) and not args.responses:
        # Without papers to mark they would be ignored, and the written part read from --scores.
        print(localize(msg("grade.needs_responses"), chosen_language(args, Path(args.content))), file=sys.stderr)
        return 2
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
    parser.add_argument(
        "--out",
        default=default_out,
        metavar="DIR",
        help=say(
            f"output folder (default: {default_out})",
            f"输出文件夹（默认：{default_out}）",
        ),
    )
    parser.add_argument(
        "--format",
        default="pdf,html",
        metavar="pdf,html",
        help=say(
            "pdf, html or both (default: pdf,html)",
            "pdf、html 或两者（默认：pdf,html）",
        ),
    )
    parser.add_argument(
        "--templates",
        action="append",
        default=[],
        metavar="DIR",
        help=say(
            "folder whose papers/*.html and papers/print.css override the built-in templates",
            "用其中的 papers/*.html 和 papers/print.css 替换内置模板的文件夹",
        ),
    )
    lang_option(parser, say("the problem messages", "问题提示"), default=None)


def _printing_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    exam = sub.add_parser(
        "exam",
        help=say(
            "printed exam packs",
            "纸质试卷包",
        ),
        description=say(
            "Printed exam packs.",
            "纸质试卷包。",
        ),
    )
    exam_sub = exam.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = exam_sub.add_parser(
        "build",
        help=say(
            "papers (A/B variants), answer sheets, keys, rubric sheets and a manifest as PDF and HTML",
            "试卷（A/B 卷）、答题卡、答案、评分表和试卷清单，PDF 和 HTML 格式",
        ),
        description=say(
            "Build OUT/<exam>/<variant>/paper, answer-sheet and key, OUT/<exam>/rubrics/<rubric> "
            "and OUT/<exam>/manifest.json|csv. The output folder changes only when everything succeeded.",
            "生成 OUT/<exam>/<variant>/ 下的试卷、答题卡和答案，OUT/<exam>/rubrics/<rubric>，"
            "以及 OUT/<exam>/manifest.json|csv。只有全部成功时输出文件夹才会改变。",
        ),
    )
    b.add_argument(
        "exams",
        nargs="*",
        metavar="EXAM_ID",
        help=say(
            "exam blueprint ids",
            "考试蓝图的 id",
        ),
    )
    b.add_argument(
        "--all",
        action="store_true",
        help=say(
            "every exam blueprint",
            "全部考试蓝图",
        ),
    )
    b.add_argument(
        "--variants",
        metavar="A,B",
        help=say(
            "variants to build (default: the blueprint's variants)",
            "要生成的卷别（默认：蓝图中的卷别）",
        ),
    )
    b.add_argument(
        "--seed",
        metavar="N",
        help=say(
            "master seed, overriding the blueprint's (an integer)",
            "总随机种子，替代蓝图中的设置（整数）",
        ),
    )
    _print_args(b, "dist/exams")

    forms = sub.add_parser(
        "forms",
        help=say(
            "printed rubric sheets, forms and score sheets",
            "纸质评分表、表单和成绩登记表",
        ),
        description=say(
            "Printed sheets.",
            "纸质表格。",
        ),
    )
    forms_sub = forms.add_subparsers(dest="action", metavar="ACTION", required=True)
    f = forms_sub.add_parser(
        "build",
        help=say(
            "every rubric, form and scheme score sheet as PDF and HTML",
            "全部评分表、表单和考核方案成绩登记表，PDF 和 HTML 格式",
        ),
        description=say(
            "Build OUT/rubrics/<id>, OUT/forms/<id> and OUT/schemes/<id> (score sheet) as PDF and HTML.",
            "生成 OUT/rubrics/<id>、OUT/forms/<id> 和 OUT/schemes/<id>（成绩登记表），PDF 和 HTML 格式。",
        ),
    )
    _print_args(f, "dist/forms")


def _report_failure(exc: Exception, language: str = "en") -> int:
    """Print why a printed build failed; its exit code: 2 for a usage error, 1 otherwise."""
    from trainbook.papers import PackError, UsageError

    if isinstance(exc, ContentError):
        for d in exc.diagnostics:
            print(d.text(language), file=sys.stderr)
        print(localize(msg("cli.fix_first"), language), file=sys.stderr)
    elif isinstance(exc, PackError):
        print(localize(msg("pack.error", message=exc.message), language), file=sys.stderr)
    else:
        print(f"trainbook: error: {exc}", file=sys.stderr)
    return 2 if isinstance(exc, UsageError) else 1


def _print_written(paths: Sequence[object], out: str, language: str) -> None:
    print(localize(msg("cli.files_written", where=display_path(out), n=len(paths)), language), file=sys.stderr)


def cmd_exam(args: argparse.Namespace) -> int:
    from trainbook.papers import PackError, build_exams

    notes: list[Text] = []
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
            notes=notes,
        )
    except (PackError, ContentError) as exc:
        return _report_failure(exc, chosen_language(args, Path(args.content)))
    language = chosen_language(args, Path(args.content))
    for note in notes:
        print(localize(note, language), file=sys.stderr)
    _print_written(written, args.out, language)
    return 0


def cmd_forms(args: argparse.Namespace) -> int:
    from trainbook.papers import PackError, build_forms

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
    Parser.language = argv_language(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
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
