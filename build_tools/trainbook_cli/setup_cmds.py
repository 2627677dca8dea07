"""``trainbook init``, ``trainbook schemas`` and ``trainbook new``: setting up a handbook and its files."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from trainbook import __version__, editor_schemas, newfile, scaffold
from trainbook.atomic import OutputError, unwritable
from trainbook.diagnostics import display_path
from trainbook.messages import localize, msg
from trainbook.strings import Strings

from .args import Parser, chosen_language, command_language, content_option, has_nav, lang_option, pages_dir, say


def add_parsers(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser(
        "init",
        help=say(
            "create a new handbook repository with example content",
            "新建一个带示例内容的手册仓库",
        ),
        description=say(
            "Create a complete, minimal handbook repository: mkdocs.yml, content/ with one example of "
            "every kind, README for trainers, Makefile (make site / serve / test), CI workflow, pre-commit config "
            "and editor schemas. DIR must be empty or new; with --force files are added to a non-empty DIR "
            "but an existing file is never replaced.",
            "新建一个完整的最小手册仓库：mkdocs.yml、content/（每种文件各一个示例）、给培训师的 README、"
            "Makefile（make site / serve / test）、CI 工作流、pre-commit 配置和编辑器 schema。"
            "DIR 必须为空或尚不存在；使用 --force 时文件加入非空的 DIR，但已有文件从不替换。",
        ),
    )
    p.add_argument(
        "dir",
        nargs="?",
        default=".",
        metavar="DIR",
        help=say(
            "folder to create it in (default: .)",
            "在哪个文件夹中创建（默认：.）",
        ),
    )
    p.add_argument(
        "--title",
        help=say(
            "site title (default: 物业服务培训手册 / Property service training handbook)",
            "网站标题（默认：物业服务培训手册 / Property service training handbook）",
        ),
    )
    lang_option(p, say("the content", "示例内容"))
    p.add_argument(
        "--force",
        action="store_true",
        help=say(
            "add the files to a non-empty DIR, keeping existing ones",
            "把文件加入非空的 DIR，保留已有文件",
        ),
    )

    s = sub.add_parser(
        "schemas",
        help=say(
            "write the editor schemas and the VS Code yaml.schemas mapping",
            "写出编辑器 schema 和 VS Code 的 yaml.schemas 映射",
        ),
        description=say(
            "Copy the JSON Schemas of this trainbook into OUT (with a VERSION stamp) and map the content "
            "globs to them in .vscode/settings.json, keeping every other setting. Run it in the handbook's root.",
            "把本版 trainbook 的 JSON Schema 复制到 OUT（附 VERSION 标记），并在 .vscode/settings.json 中"
            "把内容文件的路径模式映射到它们，其他设置保持不变。请在手册根目录运行。",
        ),
    )
    s.add_argument(
        "--out",
        default=str(editor_schemas.DEFAULT_DIR),
        metavar="DIR",
        help=say(
            f"where to write the schemas (default: {editor_schemas.DEFAULT_DIR.as_posix()})",
            f"schema 写到哪里（默认：{editor_schemas.DEFAULT_DIR.as_posix()}）",
        ),
    )
    content_option(s)

    n = sub.add_parser(
        "new",
        help=say(
            "write a commented starter file: module, bank, case, exam, rubric or form",
            "写出一个带注释的起始文件：模块、题库、案例、考试、评分表或表单",
        ),
        description=say(
            "Write one commented starter file of KIND with id ID where it belongs (a module page in "
            "modules/ of the pages folder, mkdocs.yml's docs_dir or CONTENT/handbook; a bank in CONTENT/banks/, …), "
            "with the editor schema line. It validates as "
            "written; nothing is written when the id or file is taken. An exam draws from --bank (default: the bank "
            "named ID, else the first bank).",
            "按 KIND 写出一个 id 为 ID、带注释的起始文件，放在它该在的位置（模块页面在页面文件夹的 modules/ 中，"
            "页面文件夹即 mkdocs.yml 的 docs_dir 或 CONTENT/handbook；题库在 CONTENT/banks/ 中，……），"
            "并带编辑器 schema 行。写出的文件能通过检查；id 或文件已被占用时什么也不写。"
            "考试从 --bank 抽题（默认：名为 ID 的题库，否则第一个题库）。",
        ),
    )
    n.add_argument("kind", choices=newfile.KINDS, metavar="KIND", help=" | ".join(newfile.KINDS))
    n.add_argument(
        "id",
        metavar="ID",
        help=say(
            "id of the new file (lowercase letters, digits, '-')",
            "新文件的 id（小写字母、数字和 '-'）",
        ),
    )
    content_option(n)
    n.add_argument(
        "--title",
        help=say(
            "title (default: the kind and the id; change it in the file)",
            "标题（默认：种类加 id；请在文件中修改）",
        ),
    )
    n.add_argument(
        "--bank",
        metavar="ID",
        help=say(
            "exam: the bank its draw rule uses",
            "考试：抽题规则所用的题库",
        ),
    )
    lang_option(n, say("the starter text and messages", "起始文件和提示信息"), default=None)


def cmd_init(args: argparse.Namespace) -> int:
    words = Strings(args.lang)
    root = Path(args.dir)
    try:
        result = scaffold.init(root, title=args.title, lang=args.lang, force=args.force)
    except scaffold.InitError as exc:
        print(localize(msg("cli.command_error", command="init", message=str(exc)), args.lang), file=sys.stderr)
        return 1
    except OSError as exc:  # the folder cannot be made or written: say why, as every output does
        print(OutputError(exc.filename or root, unwritable(exc)).text(args.lang), file=sys.stderr)
        return 1
    for rel in result.kept:
        print(words.plain("init.kept", path=rel.as_posix()))
    status = 0
    if result.settings_problem is not None:
        snippet = _snippet(editor_schemas.vscode_mapping(root, root / editor_schemas.DEFAULT_DIR, root / "content"))
        print(words.plain("init.settings", problem=result.settings_problem, snippet=snippet), file=sys.stderr)
        status = 1
    print(words.plain("init.created", root=display_path(root), n=len(result.created)))
    print(words.plain("init.next", root=display_path(root)))
    return status


def cmd_schemas(args: argparse.Namespace) -> int:
    root = Path(".")
    out, content = Path(args.out), args.content
    settings = root / editor_schemas.SETTINGS
    settings_name = editor_schemas.SETTINGS.as_posix()
    lang = command_language(args)  # schemas has no --lang: the handbook's
    editor_schemas.write_copies(out)  # an OutputError is reported by main()
    mapping = editor_schemas.vscode_mapping(root, out, content)
    try:
        editor_schemas.merge_settings(settings, mapping)
    except editor_schemas.SettingsError as exc:
        print(localize(msg("cli.command_error", command="schemas", message=exc.message), lang), file=sys.stderr)
        by_hand = msg("schemas.by_hand", settings=settings_name, snippet=_snippet(mapping))
        print(localize(by_hand, lang), file=sys.stderr)
        return 1
    written = msg("schemas.written", out=out.as_posix(), version=__version__, settings=settings_name)
    print(localize(written, lang))
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    lang = chosen_language(args, args.content)
    words = Strings(lang)
    try:
        new = newfile.plan(
            args.kind,
            args.id,
            args.content,
            title=args.title,
            lang=lang,
            pages_dir=pages_dir(args.content),
            bank=args.bank,
        )
        newfile.write(new)
    except newfile.NewError as exc:
        for d in exc.problems:
            print(d.text(lang), file=sys.stderr)
        print(localize(msg("cli.command_error", command="new", message=str(exc)), lang), file=sys.stderr)
        return 1
    for d in new.warnings:
        print(d.text(lang), file=sys.stderr)
    print(words.plain("new.created", path=display_path(new.path)))
    if new.kind != "module":
        print(words.plain("new.next.yaml"))
    else:  # without a nav: in mkdocs.yml MkDocs lists every page by itself
        print(words.plain("new.next.module" if has_nav(args.content) else "new.next.page"))
    return 0


def _snippet(mapping: Mapping[str, list[str]]) -> str:
    return json.dumps({editor_schemas.SETTINGS_KEY: mapping}, ensure_ascii=False, indent=4)
