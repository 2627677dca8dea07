"""The offline copy `make site` writes: dist/handbook-offline.zip, unpacked and opened straight from
disk in Chromium with every network request refused. Navigation, Chinese search and the quizzes
work, and no request goes anywhere but to the files themselves. Chinese search results make sense,
from disk (the search runs in an iframe) and served (in a Worker): a word is searched as itself,
results that contain the query's words do not list them as missing, snippets start at a word."""

from __future__ import annotations

import functools
import http.server
import json
import re
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from ..sitebuild import ENV

ROOT = Path(__file__).resolve().parents[2]
BUILD_SITE = ROOT / "build_tools" / "build-site.sh"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
MODULE = "modules/emergency.html"
BANK = "trainbook/banks/emergency.html"  # every practice question shown, none drawn at random


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
def served(offline: Path):
    """The unpacked copy on a local web server, where Material runs its search in a real Worker."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(offline / "handbook-offline"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def context(offline: Path, browser: Browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    ctx.set_default_timeout(15_000)
    yield ctx
    ctx.close()


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
    for part in ("index.html", MODULE, BANK, "search/search_index.js", "assets/trainbook/quiz.js"):
        assert (folder / part).is_file(), part
    assert (folder / "assets/trainbook/vendor/iframe-worker/LICENSE").is_file()


def search(page: Page, query: str) -> list[dict[str, object]]:
    """Type *query* into Material's search box; every result section as title, snippet, marks, missing."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    expect(page.locator(".md-search-result__meta")).to_contain_text("个符合条件的结果")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    result: list[dict[str, object]] = page.evaluate(
        """() => [...document.querySelectorAll('.md-search-result__article')].map(a => {
            const plain = e => e.textContent.replace(/[\\u200b\\s]+/g, '');
            const copy = a.cloneNode(true);
            copy.querySelectorAll('h1, h2, .md-search-result__terms, .md-icon').forEach(e => e.remove());
            const terms = a.querySelector('.md-search-result__terms');
            return {title: plain(a.querySelector('h1, h2')), snippet: plain(copy),
                    marks: [...a.querySelectorAll('mark')].map(plain), missing: terms ? plain(terms) : ''};
        })"""
    )
    return result


def open_site(context: BrowserContext, offline: Path, served: str, where: str, errors: list[str]) -> Page:
    if where == "disk":
        return visit(context, offline, "index.html", errors)
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{served}/index.html")
    return page


def test_search_from_disk_finds_the_lift_entrapment_pages(context: BrowserContext, offline: Path, requests) -> None:
    errors: list[str] = []
    page = visit(context, offline, "index.html", errors)
    titles = [r["title"] for r in search(page, "电梯困人")]
    assert "夜间电梯困人事件" in titles
    assert errors == [] and outside(requests) == []


@pytest.mark.parametrize("where", ["disk", "served"])
def test_results_containing_the_phrase_list_no_missing_words(
    context: BrowserContext, offline: Path, served: str, where: str
) -> None:
    errors: list[str] = []
    results = search(open_site(context, offline, served, where, errors), "电梯困人")
    holding = [r for r in results if "电梯困人" in f"{r['title']}{r['snippet']}"]
    assert len(holding) >= 3
    assert [(r["title"], r["missing"]) for r in holding if r["missing"]] == []
    assert errors == []


@pytest.mark.parametrize("where", ["disk", "served"])
def test_a_two_character_word_is_searched_as_itself(
    context: BrowserContext, offline: Path, served: str, where: str
) -> None:
    # Material alone searches 电梯 as 电*: 电话, 电钻 and 电器 are found and marked.
    errors: list[str] = []
    results = search(open_site(context, offline, served, where, errors), "电梯")
    marks = {m for r in results for m in r["marks"]}  # type: ignore[attr-defined]
    assert "电梯" in marks
    assert sorted(m for m in marks if not m.startswith("电梯")) == []
    assert "电梯" in str(results[0]["title"]) + str(results[0]["snippet"])
    assert errors == []


def test_a_result_opens_its_page_with_the_query_marked(context: BrowserContext, offline: Path, requests) -> None:
    page = visit(context, offline, "index.html", [])
    search(page, "电梯困人")
    page.locator(".md-search-result__link").first.click()
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    assert set(marks.all_text_contents()) == {"电梯困人"}
    assert outside(requests) == []


@pytest.mark.parametrize("query", ["电梯困人", "投诉", "业主", "维修资金", "个人信息"])
def test_snippets_start_at_a_word_not_at_punctuation(context: BrowserContext, offline: Path, query: str) -> None:
    results = search(visit(context, offline, "index.html", []), query)
    assert [r["snippet"] for r in results if re.match(r"[，。、；：！？,.;:!?）]", str(r["snippet"]))] == []


def test_a_quiz_answers_from_disk(context: BrowserContext, offline: Path, requests) -> None:
    errors: list[str] = []
    page = visit(context, offline, BANK, errors)
    html = (offline / "handbook-offline" / BANK).read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S)
    assert raw is not None
    data = json.loads(raw.group(1))
    assert data["pick"] is None  # the whole bank is on the page
    first = next(q for q in data["questions"] if q["type"] == "single")
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


def test_wrongbook_from_disk_loads_the_bank_with_a_wrong_answer(
    context: BrowserContext, offline: Path, requests
) -> None:
    errors: list[str] = []
    page = visit(context, offline, BANK, errors)
    html = (offline / "handbook-offline" / BANK).read_text(encoding="utf-8")
    raws = re.findall(r'<script type="application/json" class="tb-quiz__data">(.*?)</script>', html, re.S)
    last = [q for raw in raws for q in json.loads(raw)["questions"] if q["type"] == "single"][-1]
    item = page.locator(f'li.tb-q[data-qid="{last["id"]}"]').first
    item.locator(f':scope > .tb-q__body .tb-opt[data-index="{(last["answer"][0] + 1) % 2}"]').click()
    item.locator(":scope > .tb-q__actions .tb-q__check").click()
    expect(item).to_have_attribute("data-result", "wrong")
    book = visit(context, offline, "trainbook/learner/wrong.html", errors)
    expect(book.locator("[data-tb-wrongbook]")).to_have_attribute("data-state", "ready")
    expect(book.locator("[data-tb-wrongbook]")).to_have_attribute("data-loaded", "emergency")
    wrong = book.locator(f'#tb-wrong-emergency li.tb-q[data-qid="{last["id"]}"]')
    expect(wrong).to_be_visible()
    wrong.locator(f':scope > .tb-q__body .tb-opt[data-index="{last["answer"][0]}"]').click()
    wrong.locator(":scope > .tb-q__actions .tb-q__check").click()
    expect(wrong.locator(".tb-fb__book")).to_contain_text("移出错题本")
    assert errors == [] and outside(requests) == []
