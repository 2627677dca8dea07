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
from trainbook.strings import Strings

from .args import Parser, chosen_language, content_option, has_nav, lang_option, pages_dir


def add_parsers(sub: argparse._SubParsersAction[Parser]) -> None:
    p = sub.add_parser(
        "init",
        help="create a new handbook repository with example content",
        description="Create a complete, minimal handbook repository: mkdocs.yml, content/ with one example of "
        "every kind, README for trainers, Makefile (make site / serve / test), CI workflow, pre-commit config "
        "and editor schemas. DIR must be empty or new; with --force files are added to a non-empty DIR "
        "but an existing file is never replaced.",
    )
    p.add_argument("dir", nargs="?", default=".", metavar="DIR", help="folder to create it in (default: .)")
    p.add_argument("--title", help="site title (default: 物业服务培训手册 / Property service training handbook)")
    lang_option(p, "the content")
    p.add_argument("--force", action="store_true", help="add the files to a non-empty DIR, keeping existing ones")

    s = sub.add_parser(
        "schemas",
        help="write the editor schemas and the VS Code yaml.schemas mapping",
        description="Copy the JSON Schemas of this trainbook into OUT (with a VERSION stamp) and map the content "
        "globs to them in .vscode/settings.json, keeping every other setting. Run it in the handbook's root.",
    )
    s.add_argument(
        "--out",
        default=str(editor_schemas.DEFAULT_DIR),
        metavar="DIR",
        help=f"where to write the schemas (default: {editor_schemas.DEFAULT_DIR.as_posix()})",
    )
    content_option(s)

    n = sub.add_parser(
        "new",
        help="write a commented starter file: module, bank, case, exam, rubric or form",
        description="Write one commented starter file of KIND with id ID where it belongs (a module page in "
        "modules/ of the pages folder, mkdocs.yml's docs_dir or CONTENT/handbook; a bank in CONTENT/banks/, …), "
        "with the editor schema line. It validates as "
        "written; nothing is written when the id or file is taken. An exam draws from --bank (default: the bank "
        "named ID, else the first bank).",
    )
    n.add_argument("kind", choices=newfile.KINDS, metavar="KIND", help=" | ".join(newfile.KINDS))
    n.add_argument("id", metavar="ID", help="id of the new file (lowercase letters, digits, '-')")
    content_option(n)
    n.add_argument("--title", help="title (default: the kind and the id; change it in the file)")
    n.add_argument("--bank", metavar="ID", help="exam: the bank its draw rule uses")
    lang_option(n, "the starter text and messages", default=None)


def cmd_init(args: argparse.Namespace) -> int:
    words = Strings(args.lang)
    root = Path(args.dir)
    try:
        result = scaffold.init(root, title=args.title, lang=args.lang, force=args.force)
    except scaffold.InitError as exc:
        print(f"trainbook init: error: {exc}", file=sys.stderr)
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
    editor_schemas.write_copies(out)  # an OutputError is reported by main()
    mapping = editor_schemas.vscode_mapping(root, out, content)
    try:
        editor_schemas.merge_settings(settings, mapping)
    except editor_schemas.SettingsError as exc:
        print(f"trainbook schemas: error: {exc}", file=sys.stderr)
        print(f"Add this to {editor_schemas.SETTINGS.as_posix()} by hand:\n{_snippet(mapping)}", file=sys.stderr)
        return 1
    settings_name = editor_schemas.SETTINGS.as_posix()
    print(f"Editor schemas written to {out.as_posix()} (trainbook {__version__}); {settings_name} updated.")
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
            print(d, file=sys.stderr)
        print(f"trainbook new: error: {exc}", file=sys.stderr)
        return 1
    for d in new.warnings:
        print(d, file=sys.stderr)
    print(words.plain("new.created", path=display_path(new.path)))
    if new.kind != "module":
        print(words.plain("new.next.yaml"))
    else:  # without a nav: in mkdocs.yml MkDocs lists every page by itself
        print(words.plain("new.next.module" if has_nav(args.content) else "new.next.page"))
    return 0


def _snippet(mapping: Mapping[str, list[str]]) -> str:
    return json.dumps({editor_schemas.SETTINGS_KEY: mapping}, ensure_ascii=False, indent=4)
