"""End to end: a quiz rendered by the real plugin in a real `mkdocs build` works in
Debian Chromium, opened straight from disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from .test_quiz_engine import check, feedback, option, question


@pytest.fixture
def page(mini_built: Path, browser: Browser):
    pg = browser.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto((mini_built / "modules/complaints/index.html").as_uri())
    yield pg, errors
    pg.close()


def test_plugin_rendered_quiz_becomes_interactive_and_scores(page) -> None:
    pg, errors = page
    q = question(pg, "tb-quiz-1", "m-single")
    option(q, 0).click()
    check(q)
    expect(q).to_have_attribute("data-result", "correct")
    expect(feedback(q)).to_contain_text("按首问负责制受理")
    assert errors == []


def test_plugin_rendered_group_points_to_the_case_box_above_it(page) -> None:
    # The module page shows the night-lift case box before its quiz: the scenario is read there.
    pg, _ = page
    group = question(pg, "tb-quiz-1", "m-group")
    expect(group).to_contain_text("阅读本页上方的“案例情景”后作答。")
    expect(group).not_to_contain_text("张女士被困")
    expect(pg.locator("#case-night-lift")).to_contain_text("张女士被困")
