"""The Nu Html Checker (vnu.jar from npm, run with the machine's Java) finds no error in
the built sites: trainbook's generated pages, quiz and case HTML, and the handbook pages
around them. Two constructs of the Material theme's own templates are exempt, matched
precisely (message and markup), each with the reason; any other error fails the test."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# (why, message pattern, pattern of the offending markup) — all from Material for MkDocs' templates.
THEME_EXCEPTIONS = (
    (
        "material/templates/base.html: the drawer and search toggles are checkboxes with autocomplete=off "
        "(keeps Firefox from restoring their state on reload)",
        re.compile(r"^Attribute “autocomplete” is only allowed when the input type is"),
        re.compile(r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"'),
    ),
    (
        'material/templates/partials/nav-item.html: section labels get tabindex="{{ tabindex }}", '
        "left empty for sections that are not navigation.sections/tabs collapsibles",
        re.compile(r"^Bad value “” for attribute “tabindex” on element “label”"),
        re.compile(r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex='),
    ),
)


def report(stderr: str) -> list[dict]:
    """The checker's JSON report; Java may print a notice (JAVA_TOOL_OPTIONS …) before it."""
    return json.loads(stderr[stderr.index("{") :])["messages"]


def theme_exception(message: dict) -> str | None:
    for why, text, markup in THEME_EXCEPTIONS:
        if text.search(message.get("message", "")) and markup.search(message.get("extract", "")):
            return why
    return None


@pytest.fixture(scope="module")
def vnu_messages(example_site: Path, mini_built: Path) -> list[dict]:
    """One checker run (one JVM start) over both built sites."""
    java = shutil.which("java")
    assert java, "java is missing: make test installs default-jre-headless"
    assert VNU.is_file(), f"{VNU} is missing: make test runs npm ci"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            str(example_site),
            str(mini_built),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = report(result.stderr)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    return messages


def describe(m: dict) -> str:
    return f"{m.get('url', '')}:{m.get('lastLine', '?')}: {m.get('message', '')}\n    {m.get('extract', '').strip()}"


def test_the_nu_html_checker_finds_no_error_in_the_built_sites(vnu_messages: list[dict]) -> None:
    errors = [m for m in vnu_messages if m.get("type") != "info" and theme_exception(m) is None]
    assert errors == [], "\n".join(describe(m) for m in errors[:30])


def test_every_theme_exception_is_still_needed(vnu_messages: list[dict]) -> None:
    # When Material fixes its markup, drop the exception rather than keep excusing errors.
    used = {theme_exception(m) for m in vnu_messages}
    assert [why for why, _, _ in THEME_EXCEPTIONS if why not in used] == []


def test_the_checker_reports_errors_in_broken_markup(tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="zh"><head><title>x</title></head>'
        '<body><li id="a">1</li><p id="a">2</p></body></html>',
        encoding="utf-8",
    )
    result = subprocess.run(
        [shutil.which("java") or "java", "-jar", str(VNU), "--errors-only", "--format", "json", str(page)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = [m["message"] for m in report(result.stderr)]
    assert any("Duplicate ID" in m for m in messages) and result.returncode == 1
