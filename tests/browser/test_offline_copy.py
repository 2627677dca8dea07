"""The offline copy `make site` writes: dist/handbook-offline.zip, unpacked and opened straight from
disk in Chromium with every network request refused. Navigation, Chinese search and the quizzes
work, and no request goes anywhere but to the files themselves."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from ..sitebuild import ENV
from .test_quiz_engine import CHROMIUM_ARGS, chromium_executable

ROOT = Path(__file__).resolve().parents[2]
BUILD_SITE = ROOT / "build_tools" / "build-site.sh"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
MODULE = "modules/emergency.html"


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook built as `make site` builds it; returns the folder the zip unpacked into."""
    out = tmp_path_factory.mktemp("offline")
    target = out / "dist" / "handbook-offline.zip"
    result = subprocess.run(
        ["sh", str(BUILD_SITE), MKDOCS, str(out / "site"), str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=ENV,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    unpacked = out / "unpacked"
    with zipfile.ZipFile(target) as zf:
        zf.extractall(unpacked)
    return unpacked


@pytest.fixture(scope="module")
def context(offline: Path):
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        ctx.set_default_timeout(15_000)
        yield ctx
        browser.close()


@pytest.fixture
def requests(context: BrowserContext):
    """Every URL the pages (and their frames) ask for; anything not on disk is refused, as offline."""
    seen: list[str] = []
    context.route(re.compile(r"^(?!file:)"), lambda route: (seen.append(route.request.url), route.abort()))
    context.on("request", lambda r: seen.append(r.url))
    yield seen
    context.unroute(re.compile(r"^(?!file:)"))


def outside(urls: list[str]) -> list[str]:
    return sorted({u for u in urls if not u.startswith(("file:", "data:", "blob:", "about:"))})


def visit(context: BrowserContext, offline: Path, path: str, errors: list[str]) -> Page:
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((offline / "handbook-offline" / path).as_uri())
    return page


def test_the_zip_unpacks_into_one_folder_holding_the_whole_site(offline: Path) -> None:
    assert [p.name for p in offline.iterdir()] == ["handbook-offline"]
    folder = offline / "handbook-offline"
    for part in ("index.html", MODULE, "search/search_index.js", "assets/trainbook/quiz.js"):
        assert (folder / part).is_file(), part
    assert (folder / "assets/trainbook/vendor/iframe-worker/LICENSE").is_file()


def test_search_from_disk_finds_the_lift_entrapment_pages(context: BrowserContext, offline: Path, requests) -> None:
    errors: list[str] = []
    page = visit(context, offline, "index.html", errors)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("电梯困人")
    box.press("End")  # Material reads the query on keyup
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    expect(page.locator(".md-search-result__list")).to_contain_text("夜间电梯困人事件")
    assert errors == [] and outside(requests) == []


def test_a_quiz_answers_from_disk(context: BrowserContext, offline: Path, requests) -> None:
    errors: list[str] = []
    page = visit(context, offline, MODULE, errors)
    html = (offline / "handbook-offline" / MODULE).read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S)
    assert raw is not None
    first = next(q for q in json.loads(raw.group(1))["questions"] if q["type"] == "single")
    item = page.locator(f'li.tb-q[data-qid="{first["id"]}"]').first
    item.locator(f':scope > .tb-q__body .tb-opt[data-index="{first["answer"][0]}"]').click()
    item.locator(":scope > .tb-q__actions .tb-q__check").click()
    expect(item).to_have_attribute("data-result", "correct")
    assert errors == [] and outside(requests) == []


def test_navigation_from_disk_opens_the_linked_page(context: BrowserContext, offline: Path, requests) -> None:
    errors: list[str] = []
    page = visit(context, offline, "index.html", errors)
    page.locator(".md-tabs").get_by_role("link", name="课程模块").click()
    expect(page).to_have_url(re.compile(r"/handbook-offline/modules/[a-z-]+\.html$"))
    expect(page.locator("article h1")).to_be_visible()
    assert errors == [] and outside(requests) == []
