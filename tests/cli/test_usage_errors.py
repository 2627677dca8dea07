"""A mistyped command line gets argparse's usage and one error line in the handbook's language
(--lang, else theme.language in mkdocs.yml beside the content folder); in English exactly argparse's
words. The mini handbook is a Chinese one."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from trainbook_cli.args import usage_error
from trainbook_cli.main import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err.splitlines()


def test_a_missing_action_is_reported_in_chinese_in_a_chinese_handbook(mini_site: Path, capsys) -> None:
    lines = run(["exam"], capsys)
    assert lines == ["用法：trainbook exam [-h] ACTION ...", "trainbook exam：错误：缺少必需的参数：ACTION"]


def test_a_mistyped_command_names_the_commands_there_are(mini_site: Path, capsys) -> None:
    last = run(["validat"], capsys)[-1]
    assert last.startswith("trainbook：错误：参数 COMMAND 的值 'validat' 无效，可选：'validate', 'stats'")


def test_an_option_without_its_value_says_so(mini_site: Path, capsys) -> None:
    assert run(["grade", "--scores"], capsys)[-1] == "trainbook grade：错误：参数 --scores 后面缺少它的值"


def test_a_wrong_lang_value_falls_back_to_the_handbooks_language(mini_site: Path, capsys) -> None:
    last = run(["stats", "--lang", "fr"], capsys)[-1]
    assert last == "trainbook stats：错误：参数 --lang 的值 'fr' 无效，可选：'zh', 'en'"


def test_lang_en_gives_argparses_own_words(mini_site: Path, capsys) -> None:
    lines = run(["stats", "--bogus", "--lang", "en"], capsys)
    assert lines[0].startswith("usage: trainbook ")
    assert lines[-1] == "trainbook: error: unrecognized arguments: --bogus"


def test_the_content_folders_handbook_decides(mini_site: Path, tmp_path: Path, capsys) -> None:
    english = tmp_path / "en-handbook"
    (english / "content").mkdir(parents=True)
    (english / "mkdocs.yml").write_text("site_name: x\ntheme:\n  name: material\n  language: en\n", encoding="utf-8")
    last = run(["stats", "--content", str(english / "content"), "--bogus"], capsys)[-1]
    assert last == "trainbook: error: unrecognized arguments: --bogus"


class Recorder(argparse.ArgumentParser):
    def error(self, message: str):  # type: ignore[override]
        raise LookupError(message)


def argparse_message(argv: list[str]) -> str:
    """What this Python's argparse says about *argv* on a small parser."""
    parser = Recorder(prog="t")
    parser.add_argument("--lang", choices=["zh", "en"])
    parser.add_argument("--count", type=int)
    parser.add_argument("--content-dir")
    parser.add_argument("--content-file")
    one = parser.add_mutually_exclusive_group(required="--none" not in argv)
    one.add_argument("--all", action="store_true")
    one.add_argument("--exam")
    parser.add_argument("--none", action="store_true")
    parser.add_argument("scheme")
    with pytest.raises(LookupError) as caught:
        parser.parse_args(argv)
    return str(caught.value)


@pytest.mark.parametrize(
    "argv",
    [
        ["--all"],  # the positional is missing
        ["s", "--all", "extra", "--more"],
        ["s", "--all", "--lang", "fr"],
        ["s", "--all", "--exam"],
        ["s", "--all", "--count", "three"],
        ["s", "--all", "--content", "x"],
        ["s", "--all", "--exam", "e"],
        ["s"],
    ],
)
def test_every_argparse_message_is_known_and_its_english_unchanged(argv: list[str]) -> None:
    message = argparse_message(argv)
    known = usage_error(message)
    assert known is not message, f"not in the table: {message}"
    assert str(known) == message
    assert known.zh != message  # a Chinese sentence of its own
