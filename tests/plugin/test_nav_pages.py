"""The generated pages in the nav (`nav_pages`): with `current` (the example handbook) a page lists
only its own group's pages and links every other group to its part of the overview; every
generated page stays reachable, from any page, through the nav or the overview it links to.
With the default `all` every page's nav lists every generated page."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path

PREFIX = "trainbook"
OVERVIEW = f"{PREFIX}/index.html"


class _Links(HTMLParser):
    """Links of the primary nav (with whether each is marked active) and of the article, with the
    ids of the article's h2 headings in between (to cut the article into its sections)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.nav: list[tuple[str, bool]] = []
        self.article: list[tuple[str | None, str]] = []  # (h2 id above the link, href)
        self._nav_depth = 0  # <nav> elements open inside the primary nav (0: outside it)
        self._in_article = False
        self._h2: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "nav" and (self._nav_depth or "md-nav--primary" in a.get("class", "")):
            self._nav_depth += 1
        elif tag == "article":
            self._in_article = True
        elif tag == "h2" and self._in_article:
            self._h2 = a.get("id")
        elif tag == "a" and a.get("href"):
            if self._nav_depth and "md-nav__link" in a.get("class", ""):
                self.nav.append((a["href"], "md-nav__link--active" in a.get("class", "")))
            elif self._in_article:
                self.article.append((self._h2, a["href"]))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self._nav_depth:
            self._nav_depth -= 1
        elif tag == "article":
            self._in_article = False


def _parse(site: Path, page: str) -> _Links:
    links = _Links()
    links.feed((site / page).read_text(encoding="utf-8"))
    return links


def _resolve(page: str, href: str) -> tuple[str, str]:
    """(site path of the target page, fragment) of a relative link on *page*."""
    path, _, fragment = href.partition("#")
    if not path:
        return page, fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html") if target != "." else "index.html"
    return target, fragment


def _generated(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in (site / PREFIX).rglob("*.html")}


def _nav_targets(site: Path, page: str) -> list[tuple[str, str]]:
    return [_resolve(page, href) for href, _ in _parse(site, page).nav]


def test_every_generated_page_is_reachable_from_any_page_through_the_nav_or_the_overview(
    example_site: Path,
) -> None:
    generated = _generated(example_site)
    assert len(generated) > 40  # the example's banks, 24 cases, exams, rubrics, forms, …
    overview = {_resolve(OVERVIEW, href)[0] for _, href in _parse(example_site, OVERVIEW).article}
    starts = [
        "index.html",
        "modules/emergency.html",
        f"{PREFIX}/banks/emergency.html",
        f"{PREFIX}/cases/gas-leak-smell.html",
    ]
    for start in starts:
        nav = {target for target, _ in _nav_targets(example_site, start)}
        assert OVERVIEW in nav, start
        assert generated - nav - overview == set(), start


def test_a_generated_page_lists_its_own_group_and_only_that_one(example_site: Path) -> None:
    generated = _generated(example_site)
    for page in sorted(generated - {OVERVIEW}):
        group = posixpath.dirname(page)
        parsed = _parse(example_site, page)
        targets = [_resolve(page, href)[0] for href, _ in parsed.nav]
        assert {g for g in generated if posixpath.dirname(g) == group} <= set(targets), page
        listed = {t for t in targets if t.startswith(PREFIX + "/") and t != OVERVIEW}
        assert {posixpath.dirname(t) for t in listed} <= {group, f"{PREFIX}/learner"}, page
        assert [_resolve(page, h)[0] for h, active in parsed.nav if active] == [page], page


def test_each_group_link_leads_to_the_part_of_the_overview_listing_that_group(example_site: Path) -> None:
    generated = _generated(example_site) - {OVERVIEW}  # not its headings' own permalinks
    overview = _parse(example_site, OVERVIEW)
    sections: dict[str | None, set[str]] = {}
    for h2, href in overview.article:
        target = _resolve(OVERVIEW, href)[0]
        if target in generated:
            sections.setdefault(h2, set()).add(target)
    group_links = [
        fragment for target, fragment in _nav_targets(example_site, "modules/emergency.html") if target == OVERVIEW
    ]
    assert len(group_links) == 7  # the overview itself, then banks, cases, exams, rubrics, schemes, forms
    for fragment in group_links[1:]:
        assert fragment, "a group link names its part of the overview"
        listed = sections[fragment]
        groups = {posixpath.dirname(t) for t in listed}
        assert len(groups) == 1, fragment
        assert listed == {g for g in generated if posixpath.dirname(g) in groups}, fragment


def test_pages_outside_the_section_carry_a_short_nav(example_site: Path) -> None:
    for page in ["index.html", "modules/emergency.html"]:
        nav = [t for t, _ in _nav_targets(example_site, page) if t.startswith(PREFIX + "/")]
        # The overview, six group links to it, and the learner's two pages: no case, bank or form.
        assert len(nav) == 9, nav
        assert not [t for t in nav if "/cases/" in t or "/banks/" in t], nav


def test_by_default_every_page_lists_every_generated_page(mini_built: Path) -> None:
    generated = _generated(mini_built)
    assert len(generated) > 5
    for page in ["index.html", f"{PREFIX}/index.html"]:
        nav = {target for target, _ in _nav_targets(mini_built, page)}
        assert generated <= nav, page
