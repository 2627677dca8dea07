"""report.html in Debian Chromium: opens from disk without errors, says it holds personal data,
has its charts, links objectives to the handbook and prints on A4."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser


@pytest.fixture(scope="module")
def report(graded: Path, browser: Browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("request", lambda r: errors.append(f"request {r.url}") if not r.url.startswith("file:") else None)
    page.goto((graded / "report.html").as_uri())
    yield page, errors
    page.close()


def test_report_opens_without_console_errors_or_network(report) -> None:
    page, errors = report
    assert page.title().endswith("考核结果报告")
    assert errors == []


def test_report_says_first_that_it_holds_personal_data_and_for_whom(report) -> None:
    page, _ = report
    first = page.locator("body > header > p").first
    assert "个人信息" in first.inner_text() and "培训与考核工作小组" in first.inner_text()


def test_report_draws_its_charts_inline(report) -> None:
    page, _ = report
    # grades, histogram, components, departments, objective mastery
    assert page.locator("svg.chart").count() == 5
    assert page.locator("img, script, link[rel=stylesheet]").count() == 0


def test_retraining_list_links_objectives_to_the_handbook(report) -> None:
    page, _ = report
    row = page.locator("#retraining tr", has_text="E04")
    link = row.locator("a")
    assert link.inner_text().startswith("能按首问负责制受理报修")
    assert link.get_attribute("href") == "https://handbook.example/modules/service/"


def test_flagged_questions_are_listed(report) -> None:
    page, _ = report
    flagged = page.locator("#exam table").nth(1)
    assert [flagged.locator("tbody tr").nth(i).locator("td").first.inner_text() for i in range(3)] == [
        "q5",
        "g8a",
        "g8b",
    ]


def test_report_prints_on_a4(report, tmp_path: Path) -> None:
    page, _ = report
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF") and b"/MediaBox [0 0 595" in pdf


def test_report_in_english(class_dir: Path) -> None:
    from trainbook_cli.main import main

    from .conftest import grade_args

    assert main(grade_args("en", "--lang", "en")) == 0
    html = (class_dir / "en/report.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "Personal Information Protection Law" in html
    assert "Questions to review (3)" in html and "考核结果报告" not in html
