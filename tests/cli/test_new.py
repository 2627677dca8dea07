"""`trainbook new KIND ID`: a commented starter file in the right place that validates as written."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainbook import scaffold
from trainbook.newfile import KINDS
from trainbook.validate import validate
from trainbook_cli.main import main

WHERE = {
    "module": "content/handbook/modules/{id}.md",
    "bank": "content/banks/{id}.yml",
    "case": "content/cases/{id}.yml",
    "exam": "content/exams/{id}.yml",
    "rubric": "content/rubrics/{id}.yml",
    "form": "content/forms/{id}.yml",
}


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A handbook made by `trainbook init` (zh); the test runs in its root."""
    root = tmp_path / "hb"
    scaffold.init(root)
    monkeypatch.chdir(root)
    return root


def test_the_kinds_are_the_six_the_trainers_asked_for() -> None:
    assert set(KINDS) == {"module", "bank", "case", "exam", "rubric", "form"} == set(WHERE)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("kind", sorted(WHERE))
def test_new_file_lands_in_its_folder_and_validates_without_any_problem(
    handbook: Path, kind: str, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", kind, "fresh-one", "--lang", lang]) == 0
    path = handbook / WHERE[kind].format(id="fresh-one")
    assert path.is_file()
    text = path.read_text(encoding="utf-8")
    assert "id: fresh-one" in text
    # Commented: the trainer reads what each key is for in the file itself.
    assert sum(line.lstrip().startswith("#") or " # " in line for line in text.splitlines()) >= 3
    _, report = validate(handbook / "content")
    assert report.sorted() == []
    assert str(path.relative_to(handbook)) in capsys.readouterr().out


@pytest.mark.parametrize("kind", sorted(set(WHERE) - {"module"}))
def test_yaml_file_names_its_schema_and_the_schema_exists(handbook: Path, kind: str) -> None:
    assert main(["new", kind, "fresh-one"]) == 0
    path = handbook / WHERE[kind].format(id="fresh-one")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=../../.trainbook/schemas/{kind}.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


def test_schema_line_follows_the_handbooks_own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = tmp_path / "content"
    (content / "banks").mkdir(parents=True)
    (content / "banks" / "a.yml").write_text(
        "# yaml-language-server: $schema=../../tools/schemas/bank.schema.json\n"
        "id: a\ntitle: A\nquestions:\n  - {id: a-1, type: true_false, stem: s, answer: true, explanation: e}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["new", "case", "c1"]) == 0
    first = (content / "cases" / "c1.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../tools/schemas/case.schema.json"


def test_language_follows_the_handbooks_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scaffold.init(tmp_path, lang="en")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "bank", "fresh-one"]) == 0
    text = (tmp_path / "content/banks/fresh-one.yml").read_text(encoding="utf-8")
    assert "one example question of each type" in text and "题库" not in text


def test_title_option_is_written_as_a_yaml_string(handbook: Path) -> None:
    assert main(["new", "case", "fresh-one", "--title", "楼道: 堆放杂物 #1"]) == 0
    project, report = validate(handbook / "content")
    assert report.sorted() == []
    case = project.case("fresh-one")
    assert case is not None and case.title == "楼道: 堆放杂物 #1"


def test_existing_file_is_never_replaced(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = handbook / "content/banks/repair-intake.yml"
    before = path.read_bytes()
    assert main(["new", "bank", "repair-intake"]) == 1
    assert path.read_bytes() == before
    assert "repair-intake.yml" in capsys.readouterr().err


def test_id_used_by_another_file_of_the_kind_is_refused(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (handbook / "content/cases/upstairs-leak.yml").rename(handbook / "content/cases/leak.yml")
    assert main(["new", "case", "upstairs-leak", "--lang", "en"]) == 1
    assert not (handbook / "content/cases/upstairs-leak.yml").exists()
    assert "case id 'upstairs-leak' is already used by" in capsys.readouterr().err


def test_new_file_that_would_clash_is_not_written_and_the_clash_is_shown(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The starter bank numbers its questions ID-001 …; another bank already uses one of them.
    bank = handbook / "content/banks/repair-intake.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("id: rep-001", "id: clash-001"), encoding="utf-8")
    assert main(["new", "bank", "clash", "--lang", "en"]) == 1
    assert not (handbook / "content/banks/clash.yml").exists()
    err = capsys.readouterr().err
    assert "content/banks/clash.yml:" in err and "duplicate question id 'clash-001'" in err


def test_bad_id_is_refused(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "form", "Sign_In", "--lang", "en"]) == 1
    assert "'Sign_In' is not an id" in capsys.readouterr().err
    assert not list((handbook / "content/forms").glob("Sign*"))


def test_exam_draws_from_the_bank_given(handbook: Path) -> None:
    assert main(["new", "bank", "second"]) == 0
    assert main(["new", "exam", "second-test", "--bank", "second"]) == 0
    project, report = validate(handbook / "content")
    assert report.sorted() == []
    exam = next(e for e in project.exams if e.id == "second-test")
    assert [r.bank for s in exam.sections for r in s.draw] == ["second"]


def test_exam_without_any_bank_says_to_make_one_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["new", "exam", "x", "--lang", "en"]) == 1
    assert not (tmp_path / "content/exams").exists()


def test_unknown_bank_for_an_exam_is_refused(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "exam", "x", "--bank", "nope", "--lang", "en"]) == 1
    assert "bank 'nope' does not exist" in capsys.readouterr().err


def test_module_hint_asks_to_add_the_page_to_nav_only_when_mkdocs_yml_has_a_nav(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "module", "first", "--lang", "en"]) == 0
    assert "nav:" not in capsys.readouterr().out  # MkDocs lists every page by itself
    config = handbook / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - index.md\n", encoding="utf-8")
    assert main(["new", "module", "second", "--lang", "en"]) == 0
    assert "add the page to nav: in mkdocs.yml" in capsys.readouterr().out


def test_module_goes_into_the_docs_dir_of_mkdocs_yml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\ndocs_dir: pages\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "module", "intro", "--lang", "en"]) == 0
    assert (tmp_path / "pages/modules/intro.md").is_file()
    _, report = validate(tmp_path / "content", tmp_path / "pages")
    assert report.sorted() == []


def test_an_existing_module_page_is_named_as_the_trainer_typed_it(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The pages folder comes from mkdocs.yml (an absolute path): the message still names it relatively.
    assert main(["new", "module", "repair-intake"]) == 1
    assert capsys.readouterr().err.strip() == (
        "trainbook new：错误：content/handbook/modules/repair-intake.md 已经存在，未作改动"
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_module_starter_asks_for_a_nav_entry_only_when_mkdocs_yml_has_a_nav(handbook: Path, lang: str) -> None:
    # Adding a nav: for one page would drop every other page from the navigation.
    assert main(["new", "module", "first", "--lang", lang]) == 0
    comments = [
        line for line in (handbook / "content/handbook/modules/first.md").read_text().splitlines() if "nav" in line
    ]
    said = " ".join(comments)
    assert (
        ("只有 mkdocs.yml 里写了 nav 列表时" in said) if lang == "zh" else ("unless mkdocs.yml has a nav: list" in said)
    )


def test_an_imported_bank_names_its_schema_as_the_handbooks_own_files_do(handbook: Path) -> None:
    """Not an absolute path into this machine's installed package, which would be committed."""
    (handbook / "q.txt").write_text("1. 报修应当（　）\nA. 推诿\nB. 登记并跟进\n答案：B\n", encoding="utf-8")
    assert main(["import", "text", "q.txt", "--bank", "imported"]) == 0
    path = handbook / "content/banks/imported.yml"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../.trainbook/schemas/bank.schema.json"
    assert (path.parent / first.split("=", 1)[1]).resolve().is_file()
