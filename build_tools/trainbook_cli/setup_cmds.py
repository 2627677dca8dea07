"""``trainbook init`` and ``trainbook schemas``: setting up a handbook repository."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from trainbook import editor_schemas, scaffold
from trainbook.diagnostics import display_path

# Trainer-facing words of these commands, once per language.
WORDS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "created": "已在 {root} 创建培训手册（{n} 个文件）。",
        "kept": "已存在、未改动：{path}",
        "settings": "{problem}\n请手动把下面的内容加入 .vscode/settings.json：\n{snippet}",
        "next": "下一步：\n  cd {root}\n  git init\n  make site      # 生成网站到 site/，用浏览器打开 site/index.html\n"
        "然后阅读 README.md：在哪里写什么。",
        "schemas": "编辑器规则文件已写入 {out}（trainbook {version}），{settings} 已更新。",
    },
    "en": {
        "created": "Created a training handbook in {root} ({n} files).",
        "kept": "exists, left unchanged: {path}",
        "settings": "{problem}\nAdd this to .vscode/settings.json by hand:\n{snippet}",
        "next": "Next:\n  cd {root}\n  git init\n"
        "  make site      # builds the website into site/; open site/index.html\n"
        "Then read README.md: where to write what.",
        "schemas": "Editor schemas written to {out} (trainbook {version}); {settings} updated.",
    },
}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    p.add_argument("--lang", choices=scaffold.LANGS, default="zh", help="language of the content (default: zh)")
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
    s.add_argument("--content", default="content", metavar="DIR", help="content folder (default: content)")


def cmd_init(args: argparse.Namespace) -> int:
    words = WORDS[args.lang]
    root = Path(args.dir)
    try:
        result = scaffold.init(root, title=args.title, lang=args.lang, force=args.force)
    except (scaffold.InitError, OSError) as exc:
        print(f"trainbook init: error: {exc}", file=sys.stderr)
        return 1
    for rel in result.kept:
        print(words["kept"].format(path=rel.as_posix()))
    status = 0
    if result.settings_problem is not None:
        snippet = _snippet(editor_schemas.vscode_mapping(root, root / editor_schemas.DEFAULT_DIR, root / "content"))
        print(words["settings"].format(problem=result.settings_problem, snippet=snippet), file=sys.stderr)
        status = 1
    print(words["created"].format(root=display_path(root), n=len(result.created)))
    print(words["next"].format(root=display_path(root)))
    return status


def cmd_schemas(args: argparse.Namespace) -> int:
    root = Path(".")
    out, content = Path(args.out), Path(args.content)
    settings = root / editor_schemas.SETTINGS
    try:
        editor_schemas.write_copies(out)
    except OSError as exc:
        print(f"trainbook schemas: error: {exc}", file=sys.stderr)
        return 1
    mapping = editor_schemas.vscode_mapping(root, out, content)
    try:
        editor_schemas.merge_settings(settings, mapping)
    except editor_schemas.SettingsError as exc:
        print(f"trainbook schemas: error: {exc}", file=sys.stderr)
        print(WORDS["en"]["settings"].format(problem="", snippet=_snippet(mapping)).lstrip(), file=sys.stderr)
        return 1
    print(
        WORDS["en"]["schemas"].format(
            out=out.as_posix(), version=scaffold.__version__, settings=editor_schemas.SETTINGS.as_posix()
        )
    )
    return 0


def _snippet(mapping: Mapping[str, list[str]]) -> str:
    return json.dumps({editor_schemas.SETTINGS_KEY: mapping}, ensure_ascii=False, indent=4)
