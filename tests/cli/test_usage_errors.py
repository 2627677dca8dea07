"""The command line speaks the handbook's language (--lang, else theme.language in mkdocs.yml beside
the content folder): a mistyped one gets argparse's usage and one error line, --help every command's
help; in English exactly argparse's words. The mini handbook is a Chinese one."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from trainbook_cli.args import Parser, count, usage_error
from trainbook_cli.main import build_parser, main


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


def test_a_negative_minimum_for_stats_is_refused(mini_site: Path, capsys) -> None:
    last = run(["stats", "--min", "-5"], capsys)[-1]
    assert last == "trainbook stats：错误：参数 --min 的值 '-5' 无效（应为 0 或更大的整数）"


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
    parser.add_argument("--floor", type=count)
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
        ["s", "--all", "--floor", "-1"],
        ["s", "--all", "--floor", "one"],
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


# -- --help ---------------------------------------------------------------------------------------------


def help_text(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_help_is_chinese_in_a_chinese_handbook(mini_site: Path, capsys) -> None:
    text = help_text(["grade"], capsys)
    assert text.startswith("用法：trainbook grade ")
    assert "\n位置参数：\n" in text and "\n选项：\n" in text and "显示本帮助并退出" in text
    assert "成绩表：工号、姓名、部门，每个考核项目一列" in text
    assert "show this help" not in text and "scores sheet" not in text


def test_help_in_english_keeps_argparses_words(mini_site: Path, capsys) -> None:
    text = help_text(["grade", "--lang", "en"], capsys)
    assert text.startswith("usage: trainbook grade ")
    assert "positional arguments:" in text and "options:" in text and "show this help message and exit" in text
    assert "scores sheet: 工号, 姓名, 部门, one column per component" in text


def actions(parser: argparse.ArgumentParser, path: str = "trainbook") -> list[tuple[str, argparse.Action]]:
    """Every option and argument of *parser* and of its sub-commands, with the command it belongs to."""
    found = []
    for action in parser._actions:
        found.append((path, action))
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found.append((f"{path} {choice.dest}", choice))
            for name, sub in action.choices.items():
                found.extend(actions(sub, f"{path} {name}"))
    return found


def parser_in(language: str, monkeypatch: pytest.MonkeyPatch) -> argparse.ArgumentParser:
    monkeypatch.setattr(Parser, "language", language)
    return build_parser()


def test_every_english_help_sentence_has_a_chinese_one(monkeypatch: pytest.MonkeyPatch) -> None:
    english = parser_in("en", monkeypatch)
    chinese = parser_in("zh", monkeypatch)
    pairs = list(zip(actions(english), actions(chinese), strict=True))
    assert len(pairs) > 70
    for (where, en), (_, zh) in pairs:
        words = [w for w in str(en.help or "").split() if w.isalpha() and w.isascii()]
        if len(words) >= 2 and " | " not in str(en.help):  # a sentence, not choices "moodle | gift | …"
            assert zh.help != en.help and any("\u4e00" <= c <= "\u9fff" for c in zh.help), (where, en.help)
    both = zip(subparsers(english), subparsers(chinese), strict=True)
    descriptions = [(en.description, zh.description) for en, zh in both]
    assert len(descriptions) > 10 and all(zh != en for en, zh in descriptions)


def subparsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found.extend(subparsers(sub))
    return found


# -- the set-up commands' own errors ---------------------------------------------------------------------


def test_init_into_a_non_empty_folder_says_so_in_the_chosen_language(tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path)]) == 1  # --lang zh is init's default
    assert capsys.readouterr().err.startswith(f"trainbook init：错误：{tmp_path} 不是空文件夹；")
    assert main(["init", str(tmp_path), "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith(f"trainbook init: error: {tmp_path} is not empty; ")


def test_new_with_a_taken_id_says_so_in_the_handbooks_language(mini_site: Path, capsys) -> None:
    assert main(["new", "bank", "mini"]) == 1
    assert capsys.readouterr().err.strip() == "trainbook new：错误：content/banks/mini.yml 已经存在，未作改动"


def test_schemas_refuses_a_commented_settings_file_in_the_handbooks_language(mini_site: Path, capsys) -> None:
    settings = mini_site / ".vscode/settings.json"
    settings.parent.mkdir()
    settings.write_text('{ // mine\n  "editor.tabSize": 2 }\n', encoding="utf-8")
    assert main(["schemas"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("trainbook schemas：错误：.vscode/settings.json:1:3：不是纯 JSON（")
    assert err[0].endswith("；未作改动") and err[1] == "请手动把下面的内容加入 .vscode/settings.json："
    assert settings.read_text(encoding="utf-8") == '{ // mine\n  "editor.tabSize": 2 }\n'


def test_schemas_says_what_it_wrote_in_the_handbooks_language(mini_site: Path, capsys) -> None:
    assert main(["schemas"]) == 0
    assert capsys.readouterr().out.startswith("编辑器 schema 已写到 .trainbook/schemas（trainbook ")
