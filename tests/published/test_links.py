"""Every internal link and anchor in the built sites resolves: each href/src naming a local
file points at a file that exists, and each #fragment at an id (or a named anchor) in it."""

from __future__ import annotations

from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

LINK_ATTRS = {"href", "src"}
# MkDocs renders 404.html with root-absolute URLs ("/assets/…") because a web server shows it
# at any depth. Everywhere else a root-absolute link would break the site opened from disk.
ROOT_ABSOLUTE_OK = {"404.html"}


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name in LINK_ATTRS:
                self.links.append((self.getpos()[0], value))


@cache
def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def broken_links(site: Path) -> list[str]:
    problems = []
    for path in sorted(site.rglob("*.html")):
        for line, link in parse(path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("//"):
                continue  # external: mailto:, https:, data:, javascript: … are not ours to resolve
            base = site if parts.path.startswith("/") and path.name in ROOT_ABSOLUTE_OK else path.parent
            target = (base / unquote(parts.path).lstrip("/")).resolve() if parts.path else path
            if parts.path.startswith("/") and path.name not in ROOT_ABSOLUTE_OK:
                target = Path(parts.path)
            if target.is_dir():
                target = target / "index.html"
            where = f"{path.relative_to(site)}:{line}: {link}"
            if not target.is_relative_to(site.resolve()) or not target.is_file():
                problems.append(f"{where} (no file {target})")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                problems.append(f"{where} (no id '{unquote(parts.fragment)}' in {target.relative_to(site.resolve())})")
    return problems


@pytest.mark.parametrize("site", ["example_site", "mini_built"])
def test_every_internal_link_and_anchor_resolves(site: str, request: pytest.FixtureRequest) -> None:
    root: Path = request.getfixturevalue(site)
    assert broken_links(root) == []


def test_the_checker_finds_a_missing_file_and_a_missing_anchor(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<a href="b.html#here">ok</a><a href="b.html#gone">x</a><img src="nope.png"><a href="#self">s</a>'
        '<p id="self"></p><a href="https://example.org/x.html">ext</a><a href="/b.html">root</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<h2 id="here">h</h2>', encoding="utf-8")
    problems = broken_links(tmp_path)
    assert len(problems) == 3
    assert "no id 'gone'" in problems[0] and "nope.png" in problems[1] and "/b.html" in problems[2]
