"""Arguments and checks the commands share, defined once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from trainbook.model import Project
from trainbook.strings import LANGUAGES, language_code
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
    """``--lang zh|en``; ``default=None`` means: the handbook's language (see :func:`handbook_language`)."""
    shown = "the handbook's language in mkdocs.yml, else zh" if default is None else default
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=f"language of {what} (default: {shown})")


def handbook_config(content: Path) -> dict[str, Any]:
    """mkdocs.yml beside the content folder ``content`` (empty when missing or unreadable)."""
    config = content.resolve().parent / "mkdocs.yml"
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_TolerantLoader)
    except (OSError, yaml.YAMLError):
        data = None
    return data if isinstance(data, dict) else {}


def has_nav(content: Path) -> bool:
    """Whether the handbook lists its pages in mkdocs.yml (a new page must then be added there)."""
    return bool(handbook_config(content).get("nav"))


def pages_dir(content: Path) -> Path | None:
    """The handbook's pages folder: mkdocs.yml's docs_dir, else None (CONTENT/handbook)."""
    docs = handbook_config(content).get("docs_dir")
    return content.resolve().parent / docs if isinstance(docs, str) else None


def handbook_language(content: Path) -> str:
    """The language of the handbook whose content folder is ``content``: mkdocs.yml's theme.language."""
    theme = handbook_config(content).get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language_code(language if isinstance(language, str) else None)


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml files that use ``!!python/name:`` or ``!ENV`` tags (their values do not matter here)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_TolerantLoader.add_multi_constructor("", _ignore_tag)


def checked_project(content: Path, command: str, language: str = "en") -> Project | None:
    """The validated project, or None after printing its errors in *language* (the command then exits 1)."""
    project, report = validate(content)
    if not report.errors:
        return project
    for d in report.sorted():
        print(d.text(language), file=sys.stderr)
    print(f"{command} needs content without errors; fix the errors above first", file=sys.stderr)
    return None
