"""Arguments and checks the commands share, defined once."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, NoReturn

from trainbook import messages
from trainbook.messages import Text, localize, mkdocs_config, msg
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
        help=say(
            "content folder holding handbook/, banks/, cases/, … (default: content)",
            "内容文件夹，包含 handbook/、banks/、cases/ 等（默认：content）",
        ),
    )


def count(text: str) -> int:
    """An option's value that counts something: a whole number, 0 or more (``--min 3``)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        # argparse puts "argument --min: " before it; _USAGE_ERRORS knows the sentence.
        raise argparse.ArgumentTypeError(f"not a whole number of 0 or more: {text!r}")
    return value


def lang_option(parser: argparse.ArgumentParser, what: str, default: str | None = "zh") -> None:
    """``--lang zh|en``; ``default=None`` means: the handbook's language (see :func:`chosen_language`).
    *what*: a :func:`say` of what the option sets the language of."""
    shown = say("the handbook's, theme.language in mkdocs.yml", "手册的语言，即 mkdocs.yml 的 theme.language")
    shown = shown if default is None else default
    help_ = say(f"language of {what} (default: {shown})", f"{what}的语言（默认：{shown}）")
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=help_)


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


# argparse's messages as it words them, and the message of the table saying the same (tests/cli/
# test_usage_errors.py makes the running Python's argparse say each and compares).
_USAGE_ERRORS = [
    (re.compile(p), name)
    for p, name in (
        (r"the following arguments are required: (?P<args>.+)", "args.required"),
        (r"unrecognized arguments: (?P<args>.+)", "args.unrecognized"),
        (r"argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)", "args.choice"),
        (r"argument (?P<arg>\S+): expected one argument", "args.expected_one"),
        (r"argument (?P<arg>\S+): invalid (?P<type>\S+) value: (?P<value>.+)", "args.bad_value"),
        (r"argument (?P<arg>\S+): not a whole number of 0 or more: (?P<value>.+)", "args.not_count"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "args.ambiguous"),
        (r"argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)", "args.exclusive"),
        (r"one of the arguments (?P<args>.+) is required", "args.one_of"),
    )
]


def usage_error(message: str) -> Text | str:
    """argparse's *message* as a message of the table; one it does not know stays as it is."""
    for pattern, name in _USAGE_ERRORS:
        m = pattern.fullmatch(message)
        if m is not None:
            return msg(name, **m.groupdict())
    return message


def argv_language(argv: Sequence[str]) -> str:
    """The language of a command line's messages before it is parsed: its --lang, else the language
    of the handbook of its --content folder (default: content)."""
    content = "content"
    for i, arg in enumerate(argv):
        name, eq, value = arg.partition("=")
        if not eq:
            value = argv[i + 1] if i + 1 < len(argv) else ""
        if name == "--lang" and value in LANGUAGES:
            return value
        if name == "--content" and value:
            content = value
    return handbook_language(Path(content))


class Parser(argparse.ArgumentParser):
    """argparse's parser speaking the language of the command line's handbook (zh, en): its help,
    usage and usage errors. Sub-commands' parsers are of the same class."""

    # Of the command line being parsed: trainbook_cli.main sets it (argv_language) before the
    # parsers are made, as their help texts are chosen then (say).
    language: ClassVar[str] = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if Parser.language == "zh":
            # argparse's own words, which it wrote in English at construction.
            self._positionals.title = "位置参数"
            self._optionals.title = "选项"
            for action in self._actions:
                if isinstance(action, argparse._HelpAction):
                    action.help = "显示本帮助并退出"

    def format_usage(self) -> str:
        return _usage_words(super().format_usage())

    def format_help(self) -> str:
        text = _usage_words(super().format_help())
        if Parser.language == "zh":
            # argparse ends each group's heading with an ASCII colon; Chinese text takes "：".
            for group in self._action_groups:
                if group.title:
                    text = text.replace(f"\n{group.title}:\n", f"\n{group.title}：\n")
        return text

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = msg("args.error", prog=self.prog, message=usage_error(message))
        self.exit(2, localize(text, Parser.language) + "\n")


def _usage_words(text: str) -> str:
    if text.startswith("usage: "):
        return localize(msg("args.usage"), Parser.language) + text[len("usage: ") :]
    return text


def say(en: str, zh: str) -> str:
    """A help text in the language of the command line being parsed (Parser.language)."""
    return zh if Parser.language == "zh" else en
