"""Printed papers in the handbook's language: an English handbook (``trainbook init --lang en``)
prints English papers, answer sheets, keys, rubric and score sheets, with ``<html lang="en">``.
The Chinese papers' words are checked by the other tests of this folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainbook import scaffold
from trainbook_cli.main import main

# CJK ideographs, CJK punctuation (、。「」 and the ideographic space) and full-width forms (（）：＿).
CJK = re.compile(r"[\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("english")
    scaffold.init(root / "handbook", lang="en")
    content = str(root / "handbook" / "content")
    out = root / "out"
    assert main(["exam", "build", "--all", "--content", content, "--out", str(out / "exams"), "--format", "html"]) == 0
    assert main(["forms", "build", "--content", content, "--out", str(out / "forms"), "--format", "html"]) == 0
    return out


def sheets(printed: Path) -> list[Path]:
    return sorted(printed.rglob("*.html"))


def test_every_sheet_of_an_english_handbook_is_printed(printed: Path) -> None:
    names = {p.relative_to(printed).as_posix() for p in sheets(printed)}
    for variant in ("A", "B"):
        for doc in ("paper", "answer-sheet", "key"):
            assert f"exams/repair-intake-test/{variant}/{doc}.html" in names
    assert "exams/repair-intake-test/rubrics/phone-intake.html" in names
    assert any(n.startswith("forms/schemes/") for n in names)
    assert any(n.startswith("forms/forms/") for n in names)


def test_english_sheets_have_no_chinese_words(printed: Path) -> None:
    for path in sheets(printed):
        text = path.read_text(encoding="utf-8")
        found = [m.group() for m in CJK.finditer(text)]
        assert not found, f"{path.relative_to(printed)}: {''.join(found)[:80]}"
        assert text.startswith('<!DOCTYPE html>\n<html lang="en">'), path


def test_english_paper_words(printed: Path) -> None:
    paper = (printed / "exams/repair-intake-test/A/paper.html").read_text(encoding="utf-8")
    # the score table numbers the sections 1, 2 (a Chinese paper: 一, 二)
    assert re.search(r'<th scope="col">No\.</th><th scope="col">1</th><th scope="col">2</th>', paper)
    assert "Instructions to candidates" in paper
    assert 'content: "Page " counter(page) " of " counter(pages);' in paper
    assert '<span class="tb-variant-mark">Paper A</span>' in paper
    key = (printed / "exams/repair-intake-test/B/key.html").read_text(encoding="utf-8")
    assert "<strong>This key is for Paper B only</strong>" in key
    assert "× (false)" in key or "√ (true)" in key
    sheet = (printed / "exams/repair-intake-test/A/answer-sheet.html").read_text(encoding="utf-8")
    assert "<title>Taking repair requests — exam (paper A) Answer sheet</title>" in sheet


def test_chinese_handbook_prints_chinese(tmp_path: Path) -> None:
    scaffold.init(tmp_path / "handbook", lang="zh")
    content = str(tmp_path / "handbook" / "content")
    out = tmp_path / "out"
    assert main(["forms", "build", "--content", content, "--out", str(out), "--format", "html"]) == 0
    rubric = next((out / "rubrics").glob("*.html")).read_text(encoding="utf-8")
    assert rubric.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<h2>评分标准</h2>" in rubric
    assert "考官签名：" in rubric
