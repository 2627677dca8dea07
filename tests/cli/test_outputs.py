"""What the commands write: never over an author's file, all or nothing, and when an output
cannot be written one line ``path: error: message`` in the handbook's language — no traceback,
nothing left behind. The mini handbook is a Chinese one (theme.language: zh)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from trainbook.atomic import OutputError, staged_file, staged_folder, write_file
from trainbook_cli.main import main

QUESTION = "1. 业主报修时，客服应当（　）\nA. 推给维修部\nB. 首问负责、登记并跟进\n答案：B\n解析：首问负责制。\n"
ON_LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")


@pytest.fixture
def questions(mini_site: Path) -> Path:
    path = mini_site / "q.txt"
    path.write_text(QUESTION, encoding="utf-8")
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* (hidden ones too) with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def errors(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if ": error: " in line]


# -- trainbook import never replaces an existing bank without --force -------------------------------------


@pytest.mark.parametrize(
    "where",
    [
        ["--bank", "mini"],  # the default path of an existing bank id: content/banks/mini.yml
        ["--bank", "fresh", "--out", "content/banks/mini.yml"],  # an explicit --out that exists
    ],
)
def test_import_refuses_an_existing_bank_file_and_leaves_it_untouched(
    mini_site: Path, questions: Path, where: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(mini_site)
    assert main(["import", "text", "q.txt", *where]) == 1
    assert errors(capsys.readouterr().err) == ["content/banks/mini.yml: error: 已经存在，未作改动（加 --force 可覆盖）"]
    assert snapshot(mini_site) == before


def test_a_dry_run_says_the_file_exists_too(
    mini_site: Path, questions: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "text", "q.txt", "--bank", "mini", "--dry-run", "--lang", "en"]) == 1
    assert "content/banks/mini.yml: error: exists already; nothing was written" in capsys.readouterr().err


def test_import_force_replaces_the_bank_file(mini_site: Path, questions: Path) -> None:
    bank = mini_site / "content/banks/mini.yml"
    bank.chmod(0o640)
    assert main(["import", "text", "q.txt", "--bank", "mini", "--force"]) == 0
    text = bank.read_text(encoding="utf-8")
    assert "首问负责、登记并跟进" in text and "id: mini-001" in text
    assert bank.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its permissions
    assert [p.name for p in bank.parent.iterdir()] == ["mini.yml"]


def test_import_help_documents_force(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "--force" in capsys.readouterr().out


def test_an_empty_text_file_is_named_as_the_problem_not_the_output(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "empty.txt").write_text("", encoding="utf-8")
    assert main(["import", "text", "empty.txt", "--bank", "fresh", "--out", "t2.yml"]) == 1
    assert errors(capsys.readouterr().err) == ["empty.txt: error: 没有找到可导入的题目行"]


# -- outputs that cannot be written ----------------------------------------------------------------------


EXPORTS = ["moodle", "gift", "qti", "aiken", "xlsx"]


@pytest.mark.parametrize("fmt", EXPORTS)
def test_export_under_a_file_is_one_error_line_and_nothing_written(
    mini_site: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "plain").write_text("a file, not a folder", encoding="utf-8")
    before = snapshot(mini_site)
    assert main(["export", fmt, "--out", f"plain/sub/x.{fmt}"]) == 1
    assert errors(capsys.readouterr().err) == [f"plain/sub/x.{fmt}: error: 无法写入：路径中有一部分是文件，不是文件夹"]
    assert snapshot(mini_site) == before


@ON_LINUX
@pytest.mark.parametrize("fmt", EXPORTS)
def test_export_into_a_folder_that_cannot_exist(mini_site: Path, fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", fmt, "--out", f"/proc/x.{fmt}", "--lang", "en"]) == 1
    [line] = errors(capsys.readouterr().err)
    assert line.endswith(f"proc/x.{fmt}: error: cannot be written: the folder does not exist")


def test_export_onto_a_folder_asks_for_a_file_name(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_site / "out").mkdir()
    assert main(["export", "gift", "--out", "out"]) == 1
    assert errors(capsys.readouterr().err) == ["out: error: 无法写入：这是一个文件夹；请给出文件名"]
    assert list((mini_site / "out").iterdir()) == []


def test_export_creates_missing_folders(mini_site: Path) -> None:
    assert main(["export", "gift", "--out", "new/folder/mini.gift"]) == 0
    assert (mini_site / "new/folder/mini.gift").read_text(encoding="utf-8").strip()
    assert [p.name for p in (mini_site / "new/folder").iterdir()] == ["mini.gift"]


def test_a_long_chinese_file_name_is_written(mini_site: Path) -> None:
    name = "物业客服" * 20 + ".gift"  # 245 bytes in UTF-8: a temporary name beside it must stay shorter than 256
    assert main(["export", "gift", "--out", name]) == 0
    assert [p.name for p in mini_site.iterdir() if p.suffix == ".gift"] == [name]


def test_export_through_a_link_replaces_its_target_and_keeps_the_link(mini_site: Path) -> None:
    (mini_site / "real.gift").write_text("old", encoding="utf-8")
    (mini_site / "link.gift").symlink_to("real.gift")
    assert main(["export", "gift", "--out", "link.gift"]) == 0
    assert (mini_site / "link.gift").is_symlink()
    assert (mini_site / "real.gift").read_text(encoding="utf-8") != "old"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_export_to_a_device_writes_to_it(mini_site: Path) -> None:
    assert main(["export", "xlsx", "--out", "/dev/null"]) == 0  # as --out /dev/stdout: a stream
    assert Path("/dev/null").is_char_device()


@pytest.mark.parametrize(
    ("out", "message"),
    [
        ("plain/x.yml", "plain/x.yml: error: 无法写入：路径中有一部分是文件，不是文件夹"),
        ("folder", "folder: error: 无法写入：这是一个文件夹；请给出文件名"),
    ],
)
def test_import_to_an_unwritable_out_says_why(
    mini_site: Path, questions: Path, out: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (mini_site / "plain").write_text("a file", encoding="utf-8")
    (mini_site / "folder").mkdir()
    before = snapshot(mini_site)
    assert main(["import", "text", "q.txt", "--bank", "fresh", "--out", out]) == 1
    assert errors(capsys.readouterr().err) == [message]
    assert snapshot(mini_site) == before


@ON_LINUX
@pytest.mark.parametrize(
    ("out", "reason"),
    [("/proc/x.yml", "the folder does not exist"), ("/proc/self/x.yml", "")],
)
def test_import_into_system_folders_says_why(
    mini_site: Path, questions: Path, out: str, reason: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "text", "q.txt", "--bank", "fresh", "--out", out, "--lang", "en"]) == 1
    [line] = errors(capsys.readouterr().err)
    assert line.startswith(f"{out}: error: cannot be written: {reason}")


def test_schemas_onto_a_file_says_it_is_not_a_folder(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (mini_site / "f1").write_text("mine", encoding="utf-8")
    assert main(["schemas", "--out", "f1"]) == 1
    assert errors(capsys.readouterr().err) == ["f1: error: 已存在，且不是文件夹"]
    assert (mini_site / "f1").read_text(encoding="utf-8") == "mine"


def test_new_where_its_folder_cannot_be_made_says_why(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cases = mini_site / "content/cases"
    for path in cases.iterdir():
        path.unlink()
    cases.rmdir()
    cases.write_text("not a folder", encoding="utf-8")
    assert main(["new", "case", "x"]) == 1
    assert errors(capsys.readouterr().err) == ["content/cases/x.yml: error: 无法写入：路径中有一部分是文件，不是文件夹"]


def test_init_where_its_folder_cannot_be_made_says_why(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain").write_text("a file", encoding="utf-8")
    assert main(["init", str(tmp_path / "plain/handbook"), "--lang", "en"]) == 1
    [line] = errors(capsys.readouterr().err)
    assert line.endswith("plain/handbook: error: cannot be written: a part of the path is a file, not a folder")


@ON_LINUX
def test_printed_packs_say_why_in_the_handbooks_language(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forms", "build", "--out", "/proc/x", "--format", "html"]) == 1
    assert capsys.readouterr().err.strip() == "trainbook：错误：/proc/x：无法写入（文件夹不存在）"


def test_printed_packs_say_what_was_written_in_the_handbooks_language(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["forms", "build", "--out", "printed", "--format", "html"]) == 0
    written = len([p for p in (mini_site / "printed").rglob("*") if p.is_file()])
    assert capsys.readouterr().err.strip() == f"printed：已写出 {written} 个文件"
    assert main(["forms", "build", "--out", "printed-en", "--format", "html", "--lang", "en"]) == 0
    assert capsys.readouterr().err.strip() == f"printed-en: {written} file(s) written"


# -- a missing folder is one message, in the handbook's language --------------------------------------------


def test_a_mistyped_content_folder_is_reported_in_the_handbooks_language(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "/nonexistent-content"]) == 1
    out = capsys.readouterr().out
    assert "内容文件夹不存在" in out and "content folder" not in out


def test_a_missing_pages_folder_is_one_error(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "content", "--pages", "nowhere"]) == 1
    assert capsys.readouterr().out.splitlines() == ["nowhere:1:1: error: 页面文件夹不存在"]


# -- the helper every command writes through -------------------------------------------------------------


def test_a_failed_write_leaves_neither_the_file_nor_the_folders_made_for_it(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), staged_file(tmp_path / "a/b/out.txt") as tmp:
        tmp.write_text("half", encoding="utf-8")
        raise RuntimeError("the writer failed")
    assert list(tmp_path.iterdir()) == []


def test_a_file_that_must_be_new_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text("the author's", encoding="utf-8")
    with pytest.raises(OutputError) as exc:
        write_file(tmp_path / "x.yml", "new", replace=False)
    assert exc.value.text("zh").endswith("x.yml: error: 已经存在，未作改动")
    assert (tmp_path / "x.yml").read_text(encoding="utf-8") == "the author's"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yml"]


def test_a_file_appearing_while_it_is_written_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "x.yml"
    with pytest.raises(OutputError), staged_file(target, replace=False) as tmp:
        tmp.write_text("new", encoding="utf-8")
        target.write_text("written meanwhile", encoding="utf-8")
    assert target.read_text(encoding="utf-8") == "written meanwhile"
    assert [p.name for p in tmp_path.iterdir()] == ["x.yml"]


def test_a_staged_folder_replaces_its_files_and_keeps_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("kept", encoding="utf-8")
    (out / "results.csv").write_text("old", encoding="utf-8")
    with staged_folder(out) as stage:
        (stage / "results.csv").write_text("new", encoding="utf-8")
    assert snapshot(out) == {"mine.txt": b"kept", "results.csv": b"new"}
    with pytest.raises(OutputError), staged_folder(out) as stage:
        (stage / "results.csv").write_text("newer", encoding="utf-8")
        raise OSError(28, "No space left on device")
    assert snapshot(out) == {"mine.txt": b"kept", "results.csv": b"new"}
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


@pytest.mark.parametrize("out", ["content/handbook/downloads/mini.xml", "site/mini.xml", "content/mini.xml"])
def test_an_export_with_exam_only_questions_is_not_written_where_the_site_would_publish_it(
    mini_site: Path, out: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(mini_site)
    assert main(["export", "moodle", "--out", out]) == 1
    [line] = errors(capsys.readouterr().err)
    assert line.startswith(f"{out}: error: 导出的文件含 ") and "道考试专用题（pool: exam）及其答案" in line
    assert "--pool practice" in line
    assert snapshot(mini_site) == before


def test_practice_questions_alone_may_be_exported_into_the_pages_as_a_download(mini_site: Path) -> None:
    out = "content/handbook/downloads/mini.xml"
    assert main(["export", "moodle", "--pool", "practice", "--out", out]) == 0
    assert "<question" in (mini_site / out).read_text(encoding="utf-8")


def test_an_export_says_how_many_banks_its_questions_come_from(
    mini_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "gift", "--out", "mini.gift"]) == 0
    assert "道题，来自 1 个题库" in capsys.readouterr().err
