"""Printing the site from the browser: any handbook page comes out as a clean A4 sheet.

Chromium's own PDF output (page.pdf, print media) of a plain handbook page — one without
any trainbook block — must carry no navigation or search chrome and keep table rows whole.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

ROWS = 80
PAGE = (
    """\
---
title: 打印测试表格
---

# 打印测试表格

!!! note "说明"
    本表用于检查浏览器打印效果。

| 序号 | 事项 | 责任人 |
|---|---|---|
"""
    + "".join(f"| {i} | 第{i}行事项甲乙 | 第{i}行责任人丙丁 |\n" for i in range(1, ROWS + 1))
    + """
## 宽表

| 列一 | 列二 | 列三 | 列四 | 列五 | 列六 | 列七 | 列八 |
|---|---|---|---|---|---|---|---|
| """
    + " | ".join(ch * 12 for ch in "甲乙丙丁戊己庚")
    + """ | 最后一列的内容 |
"""
)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, browser: Browser) -> PdfReader:
    src = tmp_path_factory.mktemp("print-src") / "site-src"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "mini", src)
    (src / "content/handbook/print-test.md").write_text(PAGE, encoding="utf-8")
    (src / "mkdocs.yml").write_text(
        (src / "mkdocs.yml").read_text(encoding="utf-8").replace("  - admonition\n", "  - admonition\n  - tables\n"),
        encoding="utf-8",
    )
    out = src / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=src,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    page = browser.new_page()
    page.goto((out / "print-test/index.html").as_uri())
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    page.close()
    return PdfReader(io.BytesIO(pdf))


def page_texts(reader: PdfReader) -> list[str]:
    # Chromium writes some CJK characters as Kangxi radicals (⾏ for 行); NFKC folds them back.
    return [unicodedata.normalize("NFKC", p.extract_text()).replace(" ", "").replace("\n", "") for p in reader.pages]


def test_handbook_page_prints_on_a4(printed: PdfReader) -> None:
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_printed_handbook_page_has_no_navigation_or_search_chrome(printed: PdfReader) -> None:
    text = "".join(page_texts(printed))
    assert "打印测试表格" in text and "第80行责任人丙丁" in text
    # The nav lists the other pages; the header holds the search box and the site name.
    assert "投诉处理" not in text
    assert "搜索" not in text
    assert "迷你手册" not in text


def test_wide_tables_print_whole_not_clipped_by_the_scroller(printed: PdfReader) -> None:
    assert "最后一列的内容" in "".join(page_texts(printed))


def test_printed_table_rows_are_not_split_across_pages(printed: PdfReader) -> None:
    assert len(printed.pages) >= 2, "the table should need more than one page"
    pages = page_texts(printed)
    for i in range(1, ROWS + 1):
        holders = [n for n, text in enumerate(pages) if f"第{i}行事项甲乙" in text]
        assert len(holders) == 1
        assert f"第{i}行责任人丙丁" in pages[holders[0]], f"row {i} is split across pages"
