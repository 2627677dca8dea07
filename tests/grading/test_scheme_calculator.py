"""The calculator on a generated scheme page (assets/scheme.js), in a real `mkdocs build` of the
mini handbook opened from disk in Debian Chromium.

mini-scheme: 理论笔试 50 %, 情景模拟 30 % (a rubric with a critical item), 业主满意度 20 %;
合格 from 60, 不合格 below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect


@pytest.fixture(scope="module")
def scheme_page(mini_built: Path, browser: Browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((mini_built / "trainbook/schemes/mini-scheme/index.html").as_uri())
    yield page, errors, mini_built
    page.close()


def fill(page, written: str, practical: str, satisfaction: str, veto: bool = False) -> None:
    calc = page.locator("form[data-tb-scheme-calc]")
    calc.get_by_label("理论笔试").fill(written)
    calc.get_by_label("情景模拟").fill(practical)
    calc.get_by_label("业主满意度").fill(satisfaction)
    calc.locator("input[data-veto]").set_checked(veto)


def results(page) -> tuple[str, str, str]:
    calc = page.locator("form[data-tb-scheme-calc]")
    return (
        calc.locator("[data-total]").inner_text(),
        calc.locator("[data-grade]").inner_text(),
        calc.locator("[data-pass]").inner_text(),
    )


def test_calculator_shows_once_its_script_runs(scheme_page) -> None:
    page, errors, _ = scheme_page
    expect(page.locator("form[data-tb-scheme-calc]")).to_be_visible()
    assert results(page) == ("—", "—", "—")
    assert errors == []


def test_weighted_total_grade_and_pass(scheme_page) -> None:
    page, errors, _ = scheme_page
    fill(page, "80", "70", "90")  # 40 + 21 + 18
    assert results(page) == ("79.0", "合格", "合格")
    fill(page, "50", "66.5", "50")  # 25 + 19.95 + 10 = 54.95 → 55.0 (half up)
    assert results(page) == ("55.0", "不合格", "不合格")
    assert errors == []


def test_a_critical_item_fails_whatever_the_total(scheme_page) -> None:
    page, _, _ = scheme_page
    fill(page, "100", "100", "100", veto=True)
    assert results(page) == ("100.0", "不合格", "不合格")


def test_a_score_out_of_range_gives_no_result(scheme_page) -> None:
    page, _, _ = scheme_page
    fill(page, "120", "70", "90")
    assert results(page) == ("—", "—", "—")
    expect(page.get_by_label("理论笔试")).to_have_attribute("aria-invalid", "true")


def test_the_script_loads_only_on_scheme_pages(scheme_page) -> None:
    _, _, out = scheme_page
    scheme = (out / "trainbook/schemes/mini-scheme/index.html").read_text(encoding="utf-8")
    module = (out / "modules/complaints/index.html").read_text(encoding="utf-8")
    assert "scheme.js" in scheme and "scheme.js" not in module
