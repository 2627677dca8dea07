"""The example handbook under content/: it validates clean, builds strict, keeps
exam-pool questions out of site/, and Chinese search finds its key terms."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from trainbook.validate import validate
from trainbook_cli import stats

ROOT = Path(__file__).resolve().parents[2]


def exam_pool_stems() -> list[str]:
    stems = []
    for path in sorted((ROOT / "content/banks").glob("*.yml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
        default_pool = (bank.get("defaults") or {}).get("pool", "practice")
        for q in bank["questions"]:
            if q.get("pool", default_pool) == "exam":
                for part in [q, *(q.get("questions") or [])]:
                    stem = re.sub(r"\s+", "", part.get("stem") or "")
                    if len(stem) >= 12:
                        stems.append(stem[:24])
    return stems


def test_example_content_validates_without_errors_or_warnings() -> None:
    _, report = validate(ROOT / "content")
    assert [str(d) for d in report.sorted()] == []


def test_example_meets_the_handbook_floors() -> None:
    project, _ = validate(ROOT / "content")
    data = stats.collect(project)
    total = data["total"]
    assert total >= 400
    assert all(data["types"][t] > 0 for t in data["types"])
    assert data["groups_on_cases"] >= 15
    assert data["pool"]["exam"] >= 0.3 * total
    assert all(n >= 0.1 * total for n in data["difficulty"].values())
    assert data["flagged"] == []
    assert len(project.cases) >= 20 and len(project.rubrics) >= 4 and len(project.forms) >= 5
    assert sum(1 for e in project.exams if e.online) >= 1


def test_no_exam_pool_stem_anywhere_in_the_built_site(example_site: Path) -> None:
    stems = exam_pool_stems()
    assert len(stems) > 100
    leaks = []
    scanned = []
    for path in example_site.rglob("*"):
        if path.suffix in (".html", ".js", ".json", ".xml"):
            scanned.append(path.relative_to(example_site).as_posix())
            text = re.sub(r"\s+", "", path.read_text(encoding="utf-8", errors="replace"))
            leaks += [(str(path.relative_to(example_site)), s) for s in stems if s in text]
    assert "assets/trainbook/data/banks/emergency.js" in scanned  # the 错题本's question data too
    assert leaks == []


QUIZ_DATA = re.compile(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', re.S)


def test_wrongbook_data_files_carry_what_the_pages_quizzes_carry(example_site: Path) -> None:
    """Same question data (so the same content hash and saved progress) as every practice quiz of
    the handbook's, bank and case pages; where a page shows the case above, its group carries a
    pointer to it as well (shown_stem, which the engine's hash leaves out)."""
    data = {}
    for path in (example_site / "assets/trainbook/data/banks").glob("*.js"):
        found = re.fullmatch(r'trainbookData\("banks/[a-z0-9-]+\.js",(.*)\);\n', path.read_text(encoding="utf-8"), re.S)
        assert found is not None, path
        data.update((q["id"], q) for q in json.loads(found.group(1)))
    compared = pointed = 0
    for page in example_site.rglob("*.html"):
        if page.relative_to(example_site).parts[:2] == ("trainbook", "exams"):
            continue  # an exam section's points
        for raw in QUIZ_DATA.findall(page.read_text(encoding="utf-8")):
            for q in json.loads(raw)["questions"]:
                pointer = q.pop("shown_stem", None)
                assert q == data[q["id"]], (page, q["id"])
                assert pointer is None or "阅读本页上方" in pointer, (page, q["id"])
                compared += 1
                pointed += pointer is not None
    assert compared >= len(data) > 200 and pointed >= 20


@pytest.mark.parametrize("term", ["业委会", "电梯困人", "首问负责制", "公共维修资金"])
def test_chinese_search_finds_domain_terms_as_words(example_site: Path, term: str) -> None:
    index = json.loads((example_site / "search/search_index.json").read_text(encoding="utf-8"))
    pattern = re.compile(r"(^|[\s\u200b])" + term + r"([\s\u200b]|$)")
    hits = [d["location"] for d in index["docs"] if pattern.search(d["title"] + " " + d["text"])]
    assert hits, f"search index has no whole-word '{term}'"


@pytest.mark.parametrize("page", ["index.html", "modules/emergency.html", "trainbook/banks/emergency.html"])
def test_pages_carry_no_english_theme_chrome(example_site: Path, page: str) -> None:
    html = (example_site / page).read_text(encoding="utf-8")
    assert 'title="本节链接"' in html or "headerlink" not in html
    assert "Permanent link" not in html and "Made with" not in html


@pytest.mark.parametrize("page", ["trainbook/schemes/cs-annual.html", "trainbook/exams/cs-basic.html"])
def test_scheme_and_exam_pages_say_how_to_get_the_printed_pack(example_site: Path, page: str) -> None:
    html = (example_site / page).read_text(encoding="utf-8")
    assert "make exams" in html and "dist/exams/" in html
