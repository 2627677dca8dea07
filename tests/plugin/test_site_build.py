"""A tiny real site, built by the real `mkdocs build` in tmp_path (once for the read-only tests)."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import mkdocs_build

SECRET = "ZZSECRETZZ"  # only in the exam-pool question m-secret
DATA = "assets/trainbook/data"
PRACTICE = ["m-single", "m-multiple", "m-tf", "m-fill", "m-order", "m-match", "m-short", "m-group"]


def build(site: Path) -> subprocess.CompletedProcess[str]:
    return mkdocs_build(site)


@pytest.fixture(scope="module")
def built(mini_built: Path) -> Path:
    """One build of the mini site for every test here that only reads it."""
    return mini_built


def test_generated_pages_exist(built: Path) -> None:
    for page in (
        "trainbook/index.html",
        "trainbook/banks/mini/index.html",
        "trainbook/cases/night-lift/index.html",
        "trainbook/rubrics/mini-roleplay/index.html",
        "trainbook/schemes/mini-scheme/index.html",
        "trainbook/forms/mini-form/index.html",
        "trainbook/exams/mini-exam/index.html",
    ):
        assert (built / page).is_file(), page


def test_quiz_assets_load_only_on_pages_with_a_quiz(built: Path) -> None:
    home = (built / "index.html").read_text(encoding="utf-8")
    module = (built / "modules/complaints/index.html").read_text(encoding="utf-8")
    assert "quiz.js" not in home and "quiz.css" not in home
    assert "assets/trainbook/quiz.js" in module and "assets/trainbook/quiz.css" in module
    assert (built / "assets/trainbook/quiz.js").is_file()


def test_quiz_reads_without_javascript_and_shows_no_answers(built: Path) -> None:
    html = (built / "modules/complaints/index.html").read_text(encoding="utf-8")
    static = html.split('class="tb-quiz__static"')[1].split("</script>")[0].split("<script")[0]
    assert "<fieldset>" in static and "<legend" in static and '<ol class="tb-options" type="A">' in static
    assert "首问负责制受理" not in static  # the explanation of m-single
    assert "安抚、通知维保、报告" not in static  # the reference answer of m-short


def test_quiz_data_is_inline_json(built: Path) -> None:
    html = (built / "modules/complaints/index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert {q["id"] for q in data["questions"]} >= {"m-single", "m-group", "m-short"}


def test_every_quiz_slot_was_filled(built: Path) -> None:
    # The quizzes go into their pages while MkDocs writes them (markdown_ext.fill_slots).
    pages = list(built.rglob("*.html"))
    assert [p for p in pages if "data-tb-slot" in p.read_text(encoding="utf-8")] == []
    assert sum('class="tb-quiz"' in p.read_text(encoding="utf-8") for p in pages) >= 3


def test_no_exam_pool_question_reaches_the_site(built: Path) -> None:
    files = [p for p in built.rglob("*") if p.is_file()]
    assert built / DATA / "banks/mini.js" in files  # the 错题本's question data is scanned too
    leaks = [p for p in files if SECRET.encode() in p.read_bytes()]
    assert leaks == []
    assert "m-secret" not in (built / "search/search_index.json").read_text(encoding="utf-8")


def data_file(path: Path) -> tuple[str, object]:
    """The key and the data of one of the 错题本's data files (``trainbookData("key", data);``)."""
    found = re.fullmatch(r'trainbookData\("([^"]+)",(.*)\);\n', path.read_text(encoding="utf-8"), re.S)
    assert found is not None, path
    return found.group(1), json.loads(found.group(2))


def test_wrongbook_data_files_hold_the_page_quizzes_data_and_no_exam_question(built: Path) -> None:
    key, index = data_file(built / DATA / "index.js")
    assert key == "index.js"
    assert index == {"mini": {"file": "banks/mini.js", "ids": PRACTICE}}
    key, questions = data_file(built / DATA / "banks/mini.js")
    assert key == "banks/mini.js"
    assert isinstance(questions, list) and [q["id"] for q in questions] == PRACTICE
    assert "m-secret" not in json.dumps(questions) and all(q.get("pool") != "exam" for q in questions)
    # Exactly what the handbook page's quiz gives the engine: same content hash, same saved progress.
    html = (built / "modules/complaints/index.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S).group(1)
    shown = {q["id"]: q for q in json.loads(raw)["questions"]}
    assert len(shown) >= 6
    # The page shows the night-lift case box above its quiz: the group points to it (display only).
    assert "阅读本页上方" in shown["m-group"].pop("shown_stem")
    assert [q for q in questions if q["id"] in shown] == list(shown.values())


def test_wrongbook_page_lists_banks_without_their_questions(built: Path) -> None:
    html = (built / "trainbook/learner/wrong/index.html").read_text(encoding="utf-8")
    assert 'data-tb-wrongbook="../../../assets/trainbook/data/index.js"' in html
    assert 'data-tb-bank="mini"' in html and "tb-quiz__data" not in html
    assert "首问负责制受理" not in html  # the explanation of m-single: in the data file only
    assert "assets/trainbook/wrongbook.js" in html and "assets/trainbook/quiz.js" in html


def test_search_index_keeps_domain_terms_whole(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(d["text"] + " " + d["title"] for d in index["docs"])
    assert re.search(r"(^|[\s\u200b])首问负责制([\s\u200b]|$)", text)


def test_strict_build_fails_on_a_content_warning(mini_site: Path) -> None:
    bank = mini_site / "content/banks/mini.yml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace("    tags: [首问负责制]", "    tagz: [首问负责制]"), encoding="utf-8"
    )
    result = build(mini_site)
    assert result.returncode != 0
    assert "未知的键 'tagz'" in result.stderr  # in the handbook's language (zh)


def test_content_error_aborts_the_build_with_the_location(mini_site: Path) -> None:
    bank = mini_site / "content/banks/mini.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: ABD", "answer: ABZ"), encoding="utf-8")
    result = build(mini_site)
    assert result.returncode != 0
    assert "content/banks/mini.yml:22:" in result.stderr and "'answer'" in result.stderr
    assert "Traceback" not in result.stderr


def home_with_nav(site: Path, nav: str) -> str:
    """Build the site with an explicit nav and return its home page."""
    cfg = site / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "nav:\n" + nav, encoding="utf-8")
    result = build(site)
    assert result.returncode == 0, result.stderr
    return (site / "site/index.html").read_text(encoding="utf-8")


def test_generated_pages_join_an_explicit_nav_as_a_section(mini_site: Path) -> None:
    home = home_with_nav(mini_site, "  - 首页: index.md\n  - 投诉处理: modules/complaints.md\n")
    assert "练习与考核" in home and "trainbook/banks/mini/" in home


def test_generated_pages_listed_by_the_author_are_not_appended(mini_site: Path) -> None:
    home = home_with_nav(mini_site, "  - 首页: index.md\n  - 题库: trainbook/banks/mini.md\n")
    assert "练习与考核" not in home and "trainbook/banks/mini/" in home


def test_record_page_holds_a_row_per_module_and_online_exam(built: Path) -> None:
    """The 学习记录's hold of its height until the engine draws it: the module table and the exam
    table, one row for each entry of the record's data."""
    html = (built / "trainbook/learner/record/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'class="tb-record__data">(.*?)</script>', html, re.S).group(1))
    hold = re.search(r'<div class="tb-record__hold" aria-hidden="true">(.*?)</div>', html).group(1)
    assert len(data["modules"]) >= 1 and len(data["exams"]) == 1
    assert hold.count('"tb-record__hold-row"') == len(data["modules"])
    assert hold.count('"tb-record__hold-row tb-record__hold-row--exam"') == len(data["exams"])
    assert hold.count('<span class="tb-record__hold-table') == 2
