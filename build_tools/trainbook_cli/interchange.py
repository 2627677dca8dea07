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
    SelectionError,
    export,
    import_file,
    select,
)
from trainbook.messages import localize, msg

from .args import checked_project, chosen_language, content_option, lang_option, say


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help=say(
            "turn an Excel 题库 or a plain-text question list into a bank file",
            "把 Excel 题库或纯文本题目清单转换为题库文件",
        ),
        description=say(
            "Read FILE and write one bank (YAML) that validates cleanly. Every problem is reported as "
            "FILE:SHEET:ROW (xlsx) or FILE:LINE (text); nothing is written unless every row is good, or with "
            "--skip-bad (the skipped rows are listed). An existing bank file is never replaced without --force.",
            "读取 FILE，写出一个能通过检查的题库（YAML）。每个问题都按 FILE:工作表:行（xlsx）或 FILE:行（text）报告；"
            "只有每一行都没有问题时才写出，或使用 --skip-bad（列出跳过的行）。"
            "已有的题库文件不会被替换，除非使用 --force。",
        ),
    )
    p.add_argument(
        "format",
        choices=IMPORTS,
        help=say(
            "xlsx: columns 题型, 题干, 选项A…, 答案, 解析, …; text: 1. 题干 / A. 选项 / 答案：B",
            "xlsx：列为 题型、题干、选项A…、答案、解析、…；text：1. 题干 / A. 选项 / 答案：B",
        ),
    )
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument(
        "--bank",
        required=True,
        metavar="ID",
        help=say(
            "id of the new bank",
            "新题库的 id",
        ),
    )
    p.add_argument(
        "--title",
        help=say(
            "bank title (default: a title row above the header, else the bank id)",
            "题库标题（默认：表头上方的标题行，否则为题库 id）",
        ),
    )
    p.add_argument(
        "--module",
        metavar="ID",
        help=say(
            "handbook page id the bank belongs to",
            "题库所属手册页面的 id",
        ),
    )
    p.add_argument(
        "--out",
        type=Path,
        metavar="PATH",
        help=say(
            "bank file to write (default: CONTENT/banks/ID.yml)",
            "要写出的题库文件（默认：CONTENT/banks/ID.yml）",
        ),
    )
    content_option(p)
    p.add_argument(
        "--prefix",
        help=say(
            "new question ids are PREFIX-001, PREFIX-002, … (default: the bank id)",
            "新题目的 id 为 PREFIX-001、PREFIX-002、…（默认：题库 id）",
        ),
    )
    p.add_argument(
        "--sheet",
        help=say(
            "xlsx: read only this sheet (default: every sheet with a question header)",
            "xlsx：只读这个工作表（默认：每个带题目表头的工作表）",
        ),
    )
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help=say(
            "write the good rows and list the bad ones",
            "写出没有问题的行，并列出有问题的行",
        ),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=say(
            "check and report only; write nothing",
            "只检查和报告，不写出任何文件",
        ),
    )
    p.add_argument(
        "--force",
        action="store_true",
        help=say(
            "replace the bank file if it exists (default: refuse, nothing written)",
            "题库文件已存在时替换它（默认：拒绝，什么也不写）",
        ),
    )
    lang_option(p, say("the messages", "提示信息"), default=None)

    e = sub.add_parser(
        "export",
        help=say(
            "write banks or an exam variant as Moodle XML, GIFT, QTI 2.1, Aiken or Excel",
            "把题库或某一卷别的考试题目导出为 Moodle XML、GIFT、QTI 2.1、Aiken 或 Excel",
        ),
        description=say(
            "Export questions for another platform. Each kind of loss the format forces is printed with a count.",
            "为其他平台导出题目。格式造成的每一种信息损失都会打印出来，并附数量。",
        ),
    )
    e.add_argument(
        "format",
        choices=tuple(EXPORTS),
        help=say(
            "moodle | gift | qti (zip) | aiken | xlsx",
            "moodle | gift | qti（zip）| aiken | xlsx",
        ),
    )
    e.add_argument(
        "--bank",
        action="append",
        default=[],
        metavar="ID",
        help=say(
            "a bank to export (repeatable; default all)",
            "要导出的题库（可重复；默认：全部）",
        ),
    )
    e.add_argument(
        "--exam",
        metavar="ID",
        help=say(
            "export the questions drawn for one exam variant instead",
            "改为导出某一考试卷别抽到的题目",
        ),
    )
    e.add_argument(
        "--variant",
        default="A",
        help=say(
            "exam variant (default: A)",
            "考试卷别（默认：A）",
        ),
    )
    e.add_argument(
        "--pool",
        choices=POOL_CHOICES,
        default="any",
        help=say(
            "with --bank: which pool to export (default: any)",
            "与 --bank 一起用：导出哪个题目池（默认：any）",
        ),
    )
    e.add_argument("--out", type=Path, required=True, metavar="PATH")
    content_option(e)
    lang_option(e, say("the messages", "提示信息"), default=None)


def cmd_import(args: argparse.Namespace) -> int:
    from trainbook.interchange import ImportOptions  # the importer loads only for this command

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
    key = "export.done_exam" if args.exam else "export.done"
    done = msg(key, out=display_path(args.out), fmt=args.format, n=n, parts=len(selection.parts))
    print(localize(done, language), file=sys.stderr)
    exam_pool = selection.exam_pool_count()
    if exam_pool:
        print(localize(msg("export.exam_pool", fmt=args.format, n=exam_pool), language), file=sys.stderr)
    for line in (*selection.notes, *losses.lines(), *losses.warnings):
        print(localize(line, language), file=sys.stderr)
    return 0


COMMANDS = {"import": cmd_import, "export": cmd_export}
