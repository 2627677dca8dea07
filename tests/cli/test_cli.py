from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trainbook_cli.main import main


def test_validate_defaults_to_content_and_exits_0_when_clean(mini_site: Path) -> None:
    assert main(["validate"]) == 0


def test_validate_starts_without_the_grading_and_printing_code(mini_site: Path) -> None:
    """`validate` runs on every save (editors, pre-commit): it loads only what it uses."""
    assert _loaded_by_validate(("trainbook.grading", "trainbook.papers")) == []


def test_validate_starts_without_the_import_and_export_formats(mini_site: Path) -> None:
    """The formats load with `import` and `export`; `init` alone reads the installed package's metadata."""
    exchange = ("moodle", "gift", "qti", "aiken", "xlsx", "text", "importer")
    unused = (*(f"trainbook.interchange.{m}" for m in exchange), "importlib.metadata")
    assert _loaded_by_validate(unused) == []


def _loaded_by_validate(prefixes: tuple[str, ...]) -> list[str]:
    """The modules named by *prefixes* that `trainbook validate` has loaded once it is done."""
    script = (
        "import sys\n"
        "from trainbook_cli.main import main\n"
        "code = main(['validate', 'content'])\n"
        f"loaded = sorted(m for m in sys.modules if m.startswith({prefixes!r}))\n"
        "print(code, loaded)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    code, loaded = done.stdout.splitlines()[-1].split(" ", 1)
    assert code == "0"
    return list(json.loads(loaded.replace("'", '"')))


def test_validate_exits_1_on_errors(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = mini_site / "content/banks/mini.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: false", "answer: 错"), encoding="utf-8")
    assert main(["validate", "content"]) == 1
    assert "content/banks/mini.yml:" in capsys.readouterr().out


def test_validate_json_lists_problems(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_site / "content/forms/extra.yml").write_text("id: x\ntitle: t\nfeilds: [a]\n", encoding="utf-8")
    assert main(["validate", "content", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["warnings"] == 1 and data["problems"][0]["line"] == 3


def test_validate_github_format_prints_workflow_annotations(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "content/forms/extra.yml").write_text("id: x\ntitle: t\nfeilds: [a, b]\n", encoding="utf-8")
    assert main(["validate", "content", "--format", "github", "--lang", "en"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("::warning file=content/forms/extra.yml,line=3,col=1,title=trainbook::unknown key 'feilds'")


def test_github_annotations_escape_newlines_and_percent_signs() -> None:
    from trainbook.diagnostics import Diagnostic, Pos, as_github

    d = Diagnostic(Pos("a,b.yml", 2, 5), "error", "100% wrong\nsecond line")
    assert as_github(d) == "::error file=a%2Cb.yml,line=2,col=5,title=trainbook::100%25 wrong%0Asecond line"


def test_missing_content_folder_is_an_error_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "nowhere"]) == 1
    assert "content folder does not exist" in capsys.readouterr().out


def test_usage_errors_exit_2() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "xml"])
    assert exc.value.code == 2
    assert main([]) == 2


def test_console_script_help_lists_the_commands() -> None:
    exe = Path(sys.executable).with_name("trainbook")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    assert "validate" in out and "stats" in out


def test_stats_flags_objectives_with_too_few_questions(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--content", "content", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "cmp-2" in out and "too few" in out  # cmp-2 has only 2 questions in the fixture


def test_stats_reports_in_the_handbooks_language(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--content", "content"]) == 0
    out = capsys.readouterr().out
    flagged = next(line for line in out.splitlines() if "cmp-2" in line and "<--" in line)
    assert flagged.endswith("<-- 题目太少") and "按题型：" in out and "个学习目标少于 3 题：" in out
    assert "too few" not in out and "By type" not in out
