"""Arguments and checks the commands share, defined once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from trainbook import messages
from trainbook.messages import localize, mkdocs_config, msg
from trainbook.model import Project
from trainbook.strings import LANGUAGES
from trainbook.validate import validate


def content_option(parser: argparse.ArgumentParser) -> None:
    """``--content DIR``: the folder holding handbook/, banks/, cases/, …"""
    parser.add_argument(
        "--content",
        type=Path,
        default=Path("content"),
        metavar="DIR",
        help="content folder holding handbook/, banks/, cases/, … (default: content)",
    )


def lang_option(parser: argparse.ArgumentParser, what: str, default: str | None = "zh") -> None:
    """``--lang zh|en``; ``default=None`` means: the handbook's language (see :func:`chosen_language`)."""
    shown = "the handbook's, theme.language in mkdocs.yml" if default is None else default
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=f"language of {what} (default: {shown})")


def handbook_config(content: Path) -> dict[str, Any]:
    """mkdocs.yml beside the content folder ``content`` (empty when missing or unreadable)."""
    return mkdocs_config(content.resolve().parent)


def has_nav(content: Path) -> bool:
    """Whether the handbook lists its pages in mkdocs.yml (a new page must then be added there)."""
    return bool(handbook_config(content).get("nav"))


def pages_dir(content: Path) -> Path | None:
    """The handbook's pages folder: mkdocs.yml's docs_dir, else None (CONTENT/handbook)."""
    docs = handbook_config(content).get("docs_dir")
    return content.resolve().parent / docs if isinstance(docs, str) else None


def handbook_language(content: Path) -> str:
    """The language of the handbook whose content folder is ``content`` (see trainbook.messages).

    A content folder that does not exist (a typing mistake) has no handbook around it: then the
    handbook is the one the command runs in, so the message saying so is in its language.
    """
    root = content.resolve().parent
    if not content.is_dir() and not messages.mkdocs_config(root):
        root = Path.cwd()
    return messages.handbook_language(root)


def chosen_language(args: argparse.Namespace, content: Path) -> str:
    """--lang, else the language of the handbook whose content folder is ``content``."""
    return str(args.lang) if args.lang else handbook_language(content)


def command_language(args: argparse.Namespace) -> str:
    """The language of any command's messages: its --lang, else its content folder's handbook's."""
    content = getattr(args, "content", None) or getattr(args, "content_dir", None) or "content"
    return str(getattr(args, "lang", None) or handbook_language(Path(content)))


def checked_project(content: Path, command: str, language: str = "en") -> Project | None:
    """The validated project, or None after printing its errors in *language* (the command then exits 1)."""
    project, report = validate(content)
    if not report.errors:
        return project
    for d in report.sorted():
        print(d.text(language), file=sys.stderr)
    print(localize(msg("cli.needs_clean", command=command), language), file=sys.stderr)
    return None
