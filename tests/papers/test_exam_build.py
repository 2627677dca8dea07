"""`trainbook exam build`: printed exam packs (papers in variants, 答题卡, key, rubric sheets, manifest).

The small fixture handbook tests/fixtures/pack draws every question type; its pack is built
once per module (PDFs are slow) and twice for the byte-equality check.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from trainbook.model import Choice, FillBlank, Matching, Ordering, ShortAnswer
from trainbook.papers import load_content
from trainbook.papers.arrange import arrange
from trainbook_cli.main import main

from .pdftools import embedded_fonts, pdf_text, rightmost_lines_mm, squashed, tree_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PACK = FIXTURES / "pack" / "content"
EXAMPLE = Path(__file__).resolve().parents[2] / "content"
DOCS = ("paper", "answer-sheet", "key")


def copy_pack(tmp_path: Path) -> Path:
    """A copy of the fixture handbook (mkdocs.yml included, for the papers' header); its content folder."""
    shutil.copytree(PACK.parent, tmp_path / "src")
    return tmp_path / "src" / "content"


def build(content: Path, out: Path, *extra: str) -> int:
    return main(["exam", "build", "pack-exam", "--content", str(content), "--out", str(out), *extra])


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("packs")
    outs = (root / "one", root / "two")
    for out in outs:
        assert build(PACK, out) == 0
    return outs


@pytest.fixture(scope="module")
def manifest(packs: tuple[Path, Path]) -> dict:
    return json.loads((packs[0] / "pack-exam/manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project():
    return load_content(PACK)


def test_pack_holds_papers_answer_sheets_keys_rubric_sheets_and_manifest(packs: tuple[Path, Path]) -> None:
    out = packs[0] / "pack-exam"
    produced = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    expected = [f"{v}/{d}.{ext}" for v in "AB" for d in DOCS for ext in ("html", "pdf")]
    expected += ["rubrics/roleplay.html", "rubrics/roleplay.pdf", "manifest.json", "manifest.csv"]
    expected += ["responses-template.xlsx"]
    assert produced == sorted(expected)


def test_two_builds_are_byte_identical(packs: tuple[Path, Path]) -> None:
    assert tree_bytes(packs[0]) == tree_bytes(packs[1])


def test_output_unchanged_after_reordering_a_bank_and_adding_a_question_no_rule_draws(
    packs: tuple[Path, Path], tmp_path: Path
) -> None:
    content = copy_pack(tmp_path)
    bank = content / "banks/pack.yml"
    lines = bank.read_text(encoding="utf-8").splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if "id: s-01" in line)
    moved = lines.pop(first)
    bank.write_text("".join(lines) + moved, encoding="utf-8")  # s-01 now stands last
    (content / "banks/extra.yml").write_text(
        "id: extra\ntitle: 另一个题库\nquestions:\n"
        "  - {id: x-01, type: single, stem: 新增题, options: [甲, 乙], answer: A, explanation: 说明}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(content, out) == 0
    assert tree_bytes(out) == tree_bytes(packs[0])


def test_a_different_seed_gives_a_different_paper(project) -> None:
    exam = project.exams[0]
    assert arrange(project, exam, "A", 1).markable() != arrange(project, exam, "A", 2).markable()


def test_manifest_follows_the_documented_format(manifest: dict) -> None:
    assert manifest["format"] == "trainbook-exam-manifest/1"
    assert (manifest["exam"], manifest["seed"], manifest["pass"], manifest["total"]) == ("pack-exam", 42, 18, 28)
    a = manifest["variants"]["A"]
    assert [e["no"] for e in a] == [str(n) for n in range(1, 11)] + ["11.1", "11.2"]
    assert {e["group"] for e in a if "group" in e} == {"g-01"}
    by_id = {e["id"]: e for e in a}
    assert by_id["sa-01"]["answer"] is None and "order" not in by_id["sa-01"]
    assert by_id["tf-01"]["answer"] == "错"
    assert by_id["fb-01"]["answer"] == "首问负责制|首问责任制;回访闭环"
    assert sum(e["points"] for e in a) == manifest["total"]


def test_manifest_answers_are_the_bank_answers_under_the_printed_order(manifest: dict, project) -> None:
    for entries in manifest["variants"].values():
        for e in entries:
            q = project.question(e["id"])
            body, order = q.body, e.get("order", [])
            if isinstance(body, Choice):
                assert sorted(e["answer"]) == sorted("ABCDEFGH"[order.index(i)] for i in body.answer)
            elif isinstance(body, Ordering):
                assert [body.items[order["ABCDEFGHIJ".index(c)]] for c in e["answer"]] == list(body.items)
            elif isinstance(body, Matching):
                rights = [r for _, r in body.pairs] + list(body.distractors)
                picked = [rights[order["abcdefghij".index(c)]] for c in e["answer"]]
                assert picked == [r for _, r in body.pairs]


def test_options_keep_their_order_when_the_question_says_shuffle_false(manifest: dict) -> None:
    for entries in manifest["variants"].values():
        fixed = next(e for e in entries if e["id"] == "s-fixed")
        assert fixed["order"] == [0, 1, 2, 3] and fixed["answer"] == "B"


def _paper_options(html: str, no: str) -> dict[str, str]:
    """Letter → option text of question *no* on a paper's HTML."""
    start = html.index(f'<span class="tb-q__no">{no}.</span>')
    end = html.index("</ol>", start)
    return dict(re.findall(r'<span class="tb-letter">([A-Za-z])\.</span>(.*?)</li>', html[start:end]))


def test_every_paper_question_is_in_its_key_with_the_permuted_letter(
    packs: tuple[Path, Path], manifest: dict, project
) -> None:
    for variant, entries in manifest["variants"].items():
        folder = packs[0] / "pack-exam" / variant
        paper = (folder / "paper.html").read_text(encoding="utf-8")
        key = (folder / "key.html").read_text(encoding="utf-8")
        paper_nos = re.findall(r'<span class="tb-q__no">([\d.]+)\.</span>', paper)
        key_nos = re.findall(r'<tr><th scope="row">([\d.]+)</th>', key)
        markable = [e["no"] for e in entries]
        assert key_nos == markable
        assert [n for n in paper_nos if n in markable] == markable
        for e in entries:
            row = re.search(rf'<tr><th scope="row">{re.escape(e["no"])}</th>(.*?)</tr>', key, re.S)
            assert row is not None
            q = project.question(e["id"])
            if isinstance(q.body, Choice):
                assert f'<td class="tb-key__answer">{e["answer"]}</td>' in row.group(1)
                printed = _paper_options(paper, e["no"])
                assert sorted(printed[letter] for letter in e["answer"]) == sorted(
                    q.body.options[i] for i in q.body.answer
                )
            elif isinstance(q.body, ShortAnswer):
                assert q.body.reference.split("：")[0] in row.group(1)
            elif e["answer"] is not None:
                assert all(c in row.group(1) for c in e["answer"].replace("|", "").replace(";", ""))


def test_pdf_text_layer_holds_the_chinese_stems_and_the_cjk_fonts_are_embedded(
    packs: tuple[Path, Path], manifest: dict, project
) -> None:
    paper = packs[0] / "pack-exam/A/paper.pdf"
    text = squashed(pdf_text(paper))
    for e in manifest["variants"]["A"]:
        stem = project.question(e["id"]).stem
        assert re.split(r"（|_{3,}|，|：", stem)[0] in text, stem
    assert "晚上十一点，三号楼电梯停在两层之间" in text  # the case text of the group
    assert "试卷测试手册" in text and "A 卷" in text and "第 1 页 / 共 3 页" in text
    fonts = embedded_fonts(paper)
    assert any("CJK" in name for name in fonts) and all(fonts.values()), fonts


def test_nothing_in_the_pack_is_drawn_past_the_right_margin(packs: tuple[Path, Path]) -> None:
    """A4 is 210 mm wide and print.css keeps 16 mm on the right: no rule, box or answer line of a
    paper, answer sheet, key or rubric sheet reaches past 194 mm (where a printer may cut it off)."""
    out = packs[0] / "pack-exam"
    for pdf in sorted(out.rglob("*.pdf")):
        reach = rightmost_lines_mm(pdf)
        assert max(reach) <= 194.1, (str(pdf.relative_to(out)), reach)


def test_the_html_printed_from_chromium_names_exam_variant_and_page_on_every_page(
    packs: tuple[Path, Path], browser, tmp_path: Path
) -> None:
    """The HTML is half of the pack: printed from the browser, each page still carries the exam,
    the variant and 第 X 页 / 共 Y 页, as the PDF does (Chromium has no string-set)."""
    page = browser.new_page()
    try:
        for doc, title in (("paper", "试卷测试考试"), ("answer-sheet", "试卷测试考试 答题卡")):
            page.goto((packs[0] / "pack-exam/B" / f"{doc}.html").as_uri())
            printed = tmp_path / f"{doc}.pdf"
            page.pdf(path=str(printed), prefer_css_page_size=True)
            pages = [squashed(p.extract_text()) for p in PdfReader(printed).pages]
            for n, text in enumerate(pages, 1):
                assert title in text and "B 卷" in text, (doc, n, text[:80])
                assert re.search(rf"第 {n} [页⻚] / 共 {len(pages)} [页⻚]", text), (doc, n)
    finally:
        page.close()


def test_no_answer_or_explanation_reaches_the_paper_or_the_answer_sheet(packs: tuple[Path, Path], project) -> None:
    secrets = set()
    for q in (q for b in project.banks for top in b.questions for q in top.walk()):
        secrets.add(q.explanation)
        if isinstance(q.body, ShortAnswer):
            secrets.add(q.body.reference)
            secrets.update(p.point for p in q.body.rubric)
        if isinstance(q.body, FillBlank):
            secrets.update(a for accepted in q.body.blanks for a in accepted)
    secrets.discard("")
    for variant in "AB":
        for doc in ("paper", "answer-sheet"):
            folder = packs[0] / "pack-exam" / variant
            for text in (
                (folder / f"{doc}.html").read_text(encoding="utf-8"),
                squashed(pdf_text(folder / f"{doc}.pdf")),
            ):
                leaked = [s for s in secrets if s in text]
                assert not leaked, (variant, doc, leaked)


def test_single_choice_answers_are_spread_over_the_letters() -> None:
    example = load_content(EXAMPLE)
    checked = 0
    for exam in example.exams:
        for seed in (exam.seed, 1, 2, 3):
            for variant in exam.variants:
                paper = arrange(example, exam, variant, seed)
                letters = Counter(i.answer for i in paper.markable() if i.kind == "single")
                total = sum(letters.values())
                if total >= 10:
                    checked += 1
                    assert max(letters.values()) <= 0.4 * total, (exam.id, seed, variant, letters)
    assert checked >= 8


def test_html_only_build_writes_no_pdf(tmp_path: Path) -> None:
    assert build(PACK, tmp_path / "out", "--format", "html", "--variants", "B") == 0
    files = {str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*") if p.is_file()}
    assert "pack-exam/B/paper.html" in files and not any(f.endswith(".pdf") for f in files)
    assert not any(f.startswith("pack-exam/A/") for f in files)


def test_variants_worth_different_totals_are_pointed_out(mini_site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without section points a paper is worth what it drew: the examiner hears of it, in the
    handbook's language, and the pack is written as asked."""
    exam = mini_site / "content/exams/mini-exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8").replace("    points: 2\n", "", 1), encoding="utf-8")
    bank = mini_site / "content/banks/mini.yml"
    text = bank.read_text(encoding="utf-8").replace("    pool: exam\n", "    pool: exam\n    points: 5\n")
    bank.write_text(text + SECOND_EXAM_SINGLE, encoding="utf-8")
    assert main(["exam", "build", "mini-exam", "--format", "html", "--seed", "2", "--out", "dist/exams"]) == 0
    err = capsys.readouterr().err
    assert "注意：试卷 'mini-exam' 各卷总分不同（A 卷 7 分，B 卷 11 分）；trainbook grade 按各卷自己的满分折算" in err
    manifest = json.loads((mini_site / "dist/exams/mini-exam/manifest.json").read_text(encoding="utf-8"))
    assert {v: sum(e["points"] for e in items) for v, items in manifest["variants"].items()} == {"A": 7, "B": 11}
    assert main(["exam", "build", "mini-exam", "--format", "html", "--seed", "1", "--out", "dist/same"]) == 0
    assert "各卷总分不同" not in capsys.readouterr().err  # this seed draws the same totals


SECOND_EXAM_SINGLE = """\
  - id: m-secret2
    type: single
    pool: exam
    points: 1
    stem: 考试专用题：报修受理后应当（　）。
    options: [登记并派单, 让业主自己修]
    answer: A
    explanation: 仅用于正式考试。
    objectives: [cmp-1]
"""


def _unfillable(content: Path) -> None:
    exam = content / "exams/pack-exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8").replace("count: 4", "count: 9"), encoding="utf-8")


# (arguments, spoil the content, message, exit code: 1 bad input, 2 a usage error as the README says)
FAILURES = {
    "unknown exam id": (["exam", "build", "no-such-exam"], None, "no exam blueprint 'no-such-exam'", 1),
    "unknown variant": (["exam", "build", "pack-exam", "--variants", "A,C"], None, "has no variant 'C'", 1),
    "non-integer seed": (["exam", "build", "pack-exam", "--seed", "abc"], None, "--seed: expected an integer", 2),
    "unfillable draw rule": (["exam", "build", "pack-exam"], _unfillable, "needs 9, has 5", 1),
    "neither ids nor --all": (["exam", "build"], None, "--all", 2),
    "ids and --all": (["exam", "build", "pack-exam", "--all"], None, "or give --all, not both", 2),
    "unknown format": (["exam", "build", "pack-exam", "--format", "docx"], None, "docx", 2),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_bad_input_is_one_clear_line_and_leaves_the_output_untouched(
    case: str, packs: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args, spoil, message, code = FAILURES[case]
    content = copy_pack(tmp_path)
    if spoil:
        spoil(content)
    out = tmp_path / "out"
    shutil.copytree(packs[0], out)
    before = tree_bytes(out)
    assert main([*args, "--content", str(content), "--out", str(out)]) == code
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if "error" in line]) == 1
    assert tree_bytes(out) == before


def test_unwritable_out_is_one_line_and_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    assert build(PACK, blocker / "out") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "cannot write there" in err[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


def test_missing_cjk_font_fails_the_exam_build_and_leaves_the_output_untouched(
    packs: tuple[Path, Path], tmp_path: Path
) -> None:
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">'
        f"<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    shutil.copytree(packs[0], out)
    before = tree_bytes(out)
    cmd = [sys.executable, "-m", "trainbook_cli.main", "exam", "build", "--all", "--content", str(PACK)]
    result = subprocess.run(
        [*cmd, "--out", str(out)], capture_output=True, text=True, env={**os.environ, "FONTCONFIG_FILE": str(conf)}
    )
    assert result.returncode == 1
    assert "Noto Serif CJK SC" in result.stderr and "Traceback" not in result.stderr
    assert tree_bytes(out) == before


def test_bad_input_is_reported_in_chinese_with_lang_zh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = copy_pack(tmp_path)
    args = ["exam", "build", "pack-exam", "--variants", "A,C", "--lang", "zh", "--content", str(content)]
    assert main([*args, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "trainbook：错误：试卷 'pack-exam' 没有 'C' 卷（它的试卷：A, B）"
    assert not (tmp_path / "out").exists()
