"""What a printed build may never do, whatever it is given: write exam papers and keys where the
handbook site publishes them, write outside its output folder, print with templates other than
the ones named, or stop with a traceback instead of a message.

Each test builds HTML only from a copy of tests/fixtures/pack (content/ beside its mkdocs.yml).
"""

from __future__ import annotations

import dataclasses
import json
import math
import shutil
from pathlib import Path

import pytest

from trainbook.papers import PackError, load_content
from trainbook.papers.arrange import arrange
from trainbook.papers.documents import Document, write_documents
from trainbook.papers.manifest import manifest_json
from trainbook.papers.output import staged
from trainbook_cli.main import main

from .pdftools import tree_bytes

PACK = Path(__file__).resolve().parents[1] / "fixtures" / "pack"


@pytest.fixture
def handbook(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the pack handbook (mkdocs.yml + content/); the test runs inside it."""
    root = tmp_path / "handbook"
    shutil.copytree(PACK, root)
    monkeypatch.chdir(root)
    return root


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def entries_under(folder: Path) -> list[str]:
    """Files and folders: a refused build creates no empty folder either."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def exam_build(*args: str) -> int:
    return main(["exam", "build", "pack-exam", "--format", "html", "--lang", "en", *args])


def set_variants(handbook: Path, variants: str) -> None:
    exam = handbook / "content/exams/pack-exam.yml"
    text = exam.read_text(encoding="utf-8").replace("variants: [A, B]", f"variants: {variants}")
    exam.write_text(text, encoding="utf-8")


# -- exam papers and keys never go where the site publishes them -------------------------------

HANDBOOK = "docs_dir: content/handbook\n"
PUBLISHED = {
    "the handbook's pages": ("content/handbook/papers", HANDBOOK, "the content folder"),
    "the content folder": ("content", HANDBOOK, "the content folder"),
    "docs_dir outside the content": ("pages/exams", "docs_dir: pages\n", "the handbook's pages (docs_dir"),
    "MkDocs' default docs_dir": ("docs/exams", "", "the handbook's pages (docs_dir in mkdocs.yml) (docs)"),
    "the default site_dir": ("site/exams", HANDBOOK, "the built site (site)"),
    "site_dir named in mkdocs.yml": ("public/exams", HANDBOOK + "site_dir: public\n", "the built site (public)"),
    "site_dir itself": ("public", HANDBOOK + "site_dir: public\n", "the built site (public)"),
}


@pytest.mark.parametrize("case", PUBLISHED, ids=list(PUBLISHED))
def test_exam_build_refuses_an_output_folder_the_site_would_publish(
    case: str, handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, config, named = PUBLISHED[case]
    (handbook / "mkdocs.yml").write_text("site_name: 试卷测试手册\n" + config, encoding="utf-8")
    before = entries_under(handbook)
    assert exam_build("--out", out) == 1
    err = capsys.readouterr().err
    assert f"{out}: exam papers, keys and manifests may not be written inside {named}" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert entries_under(handbook) == before


def test_exam_build_refusal_is_in_chinese_for_a_chinese_handbook(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["exam", "build", "pack-exam", "--format", "html", "--lang", "zh", "--out", "site/exams"]) == 1
    assert capsys.readouterr().err.strip() == (
        "trainbook：错误：site/exams：试卷、参考答案和清单不能写到已生成的网站（site）里，否则会随手册网站发布；"
        "请用 --out 另选文件夹"
    )


def test_exam_build_never_replaces_the_content_folder_it_reads(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A pack replaces OUT/<exam id> whole: here that folder is the content itself.
    (handbook / "content").rename(handbook / "pack-exam")
    (handbook / "mkdocs.yml").write_text("site_name: x\ndocs_dir: pack-exam/handbook\n", encoding="utf-8")
    before = tree_bytes(handbook)
    assert exam_build("--content", "pack-exam", "--out", ".") == 1
    err = capsys.readouterr().err
    assert "pack-exam: the build would replace this folder, which holds the content folder (pack-exam)" in err
    assert tree_bytes(handbook) == before


def test_exam_build_beside_the_site_is_fine(handbook: Path) -> None:
    assert exam_build("--out", "dist/exams") == 0
    assert "pack-exam/A/key.html" in files_under(handbook / "dist/exams")


@pytest.mark.parametrize("out", ["content/handbook/forms", "site/forms"])
def test_forms_build_refuses_the_sources_and_the_site_too(
    out: str, handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Not secret, but a sheet in the sources would be built into the site and one in site/
    # deleted by the next build: printed output lives beside the handbook, never in it.
    before = entries_under(handbook)
    assert main(["forms", "build", "--format", "html", "--lang", "en", "--out", out]) == 1
    err = capsys.readouterr().err
    assert f"{out}: printed sheets may not be written inside" in err and "Traceback" not in err
    assert entries_under(handbook) == before


def test_grade_refuses_the_site_dir_named_in_mkdocs_yml(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (handbook / "mkdocs.yml").write_text("site_name: x\ndocs_dir: content/handbook\nsite_dir: public\n", "utf-8")
    (handbook / "scores.csv").write_text("工号,姓名,部门\n", encoding="utf-8")
    args = ["grade", "annual", "--scores", "scores.csv", "--out", "public/grades", "--lang", "en"]
    assert main(args) == 1
    assert "results are personal data and may not be written inside the built site (public)" in capsys.readouterr().err
    assert not (handbook / "public").exists()


# -- variant ids name folders: nothing outside --out, ever --------------------------------------


@pytest.mark.parametrize(
    "variants",
    ['["../../../escaped"]', '[".."]', '["A/B"]', f"[{'A' * 300}]", '[A, "A B"]', '["A\\\\B"]', '[""]'],
)
def test_a_variant_id_that_is_not_letters_and_digits_is_a_validation_error_at_the_id(
    variants: str, handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_variants(handbook, variants)
    assert main(["validate", "content", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert "content/exams/pack-exam.yml:6:" in out and "is not a variant id; use 1–16 letters or digits" in out
    assert "Traceback" not in out
    assert exam_build("--out", "out/deep") == 1
    assert not (handbook / "out").exists() and not (handbook / "escaped").exists()


def test_the_message_points_at_the_bad_id_in_a_list(handbook: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_variants(handbook, '[A, "../x"]')
    assert main(["validate", "content", "--lang", "en"]) == 1
    assert "content/exams/pack-exam.yml:6:15: error: key 'variants'" in capsys.readouterr().out


def test_variant_ids_of_any_script_and_numbers_are_fine(handbook: Path) -> None:
    set_variants(handbook, "[甲, 乙, 1, V2026]")
    assert exam_build("--out", "out") == 0
    assert {p.name for p in (handbook / "out/pack-exam").iterdir() if p.is_dir()} >= {"甲", "乙", "1"}


@pytest.mark.parametrize("path", ["../escaped/paper", "exam/../../escaped/key", "{tmp}/escaped", "exam/./../../x"])
def test_the_pack_writer_never_writes_outside_its_staging_folder(path: str, tmp_path: Path) -> None:
    path = path.format(tmp=tmp_path)  # an absolute path
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.txt").write_text("old pack", encoding="utf-8")
    with pytest.raises(PackError, match="must stay inside the output folder"), staged(out) as stage:
        write_documents([Document("exam/A/paper", "<p>ok</p>"), Document(path, "<p>key</p>")], stage, ("html",))
    assert files_under(tmp_path) == ["out/kept.txt"]


# -- templates: the ones named, readable, or a message ----------------------------------------


def test_a_missing_templates_folder_is_an_error_not_the_built_in_templates(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert exam_build("--out", "out", "--templates", "/nonexistent") == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "trainbook: error: --templates /nonexistent: no such folder (the built-in templates were not used instead)"
    )
    assert not (handbook / "out").exists()


@pytest.mark.parametrize("name", ["paper.html", "macros.html", "print.css"])
def test_a_template_that_is_not_utf8_is_named_in_one_line(
    name: str, handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (handbook / "tpl/papers").mkdir(parents=True)
    (handbook / "tpl/papers" / name).write_bytes(b"\xff\xfe<p>x</p>")
    assert exam_build("--out", "out", "--templates", "tpl") == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        f"trainbook: error: tpl/papers/{name}: the template is not UTF-8 text (invalid start byte); save it as UTF-8"
    ]
    assert not (handbook / "out").exists()


# -- the manifest writer checks data with messages, not asserts --------------------------------


def test_a_non_finite_number_in_the_manifest_is_a_pack_error_not_an_assert() -> None:
    project = load_content(PACK / "content")
    paper = arrange(project, project.exams[0], "A")
    first = paper.sections[0]
    spoiled = dataclasses.replace(first.items[0], points=math.nan)
    section = dataclasses.replace(first, items=(spoiled, *first.items[1:]))
    paper = dataclasses.replace(paper, sections=(section, *paper.sections[1:]))
    with pytest.raises(PackError, match="exam 'pack-exam': the manifest would hold a number that is not finite"):
        manifest_json([paper])


def test_the_manifest_layout_is_the_manifest_data() -> None:
    # One line per entry for readable diffs, and still exactly the documented JSON.
    from trainbook.papers.manifest import manifest

    project = load_content(PACK / "content")
    papers = [arrange(project, project.exams[0], v) for v in ("A", "B")]
    text = manifest_json(papers)
    assert json.loads(text) == manifest(papers)
    assert sum(1 for line in text.splitlines() if line.startswith('      {"no"')) == 2 * 12


def test_a_refused_build_leaves_an_earlier_pack_as_it_was(handbook: Path) -> None:
    assert exam_build("--out", "dist") == 0
    before = tree_bytes(handbook / "dist")
    assert exam_build("--out", "dist", "--templates", "missing") == 1
    assert tree_bytes(handbook / "dist") == before


# -- validate accepts only what a printed pack can print and grading can read back ---------------


def spoil_bank(handbook: Path, old: str, new: str) -> None:
    bank = handbook / "content/banks/pack.yml"
    text = bank.read_text(encoding="utf-8")
    assert old in text
    bank.write_text(text.replace(old, new), encoding="utf-8")


def distractors(n: int) -> str:
    return "distractors: [" + ", ".join(f"干扰项{i}" for i in range(n)) + "]"


def test_a_matching_question_prints_at_most_26_right_hand_entries(handbook: Path) -> None:
    spoil_bank(handbook, "distractors: [绿化部]", distractors(23))  # 3 pairs + 23 = a–z
    assert exam_build("--out", "out") == 0
    assert ">z.</span>" in (handbook / "out/pack-exam/A/paper.html").read_text(encoding="utf-8")


def test_a_27th_right_hand_entry_is_a_validation_error_at_the_distractors(
    handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spoil_bank(handbook, "distractors: [绿化部]", distractors(24))
    assert main(["validate", "content", "--lang", "en"]) == 1
    assert (
        "content/banks/pack.yml:38:5: error: question 'mt-01' has 27 right-hand entries (3 pairs and 24 "
        "distractors); a printed paper letters them a–z, so at most 26"
    ) in capsys.readouterr().out
    assert exam_build("--out", "out") == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "templates" not in err and not (handbook / "out").exists()


@pytest.mark.parametrize(
    ("answer", "col"),
    [("['', 回访闭环]", 14), ("[[首问负责制, ''], 回访闭环]", 14), ("[首问负责制, '  ']", 21)],
)
def test_an_empty_accepted_answer_is_a_validation_error_at_its_blank(
    answer: str, col: int, handbook: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # It would give the points for a blank left empty, and grading refuses the manifest it makes.
    spoil_bank(handbook, "answer: [[首问负责制, 首问责任制], 回访闭环]", f"answer: {answer}")
    assert main(["validate", "content", "--lang", "en"]) == 1
    out = capsys.readouterr().out
    assert f"content/banks/pack.yml:27:{col}: error: blank " in out
    assert "accepts an empty answer; write the text the blank expects" in out
    assert exam_build("--out", "out") == 1 and not (handbook / "out").exists()
