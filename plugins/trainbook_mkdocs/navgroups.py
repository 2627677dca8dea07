"""The generated section of the nav, page by page (``nav_pages: current``).

Every page carries the whole nav, and listing every generated page under its group on every
page made that section most of a quiz page's navigation markup (docs/performance.md, "A
shorter navigation"). With ``current`` a page lists the pages of its own group only; each
other group the overview lists becomes one link to its part of the overview, where all its
pages are. Groups the overview does not list (the learner's pages) stay listed everywhere.

MkDocs hands every page the same Navigation object, so the section's children are set for
each page just before its template is rendered (on_page_context), and for the theme's own
pages (404.html) with no group open.
"""

from __future__ import annotations

from html import unescape
from typing import Any

from mkdocs.structure.nav import Link, Section
from mkdocs.structure.pages import Page


class CurrentGroupNav:
    def __init__(self, section: Section, groups: list[tuple[str, Section]], headings: dict[str, str], overview: Page):
        self.section = section
        self.full = list(section.children)
        # The groups the overview lists, by identity: only those ever fold into a link.
        self.folding = {id(group): (kind, group) for kind, group in groups if kind in headings}
        self.headings = headings  # kind -> the overview's heading over it
        self.overview = overview
        self.links: dict[str, Link] = {}

    def show(self, page: Page | None) -> None:
        """Set the section's children for *page* (None: a page outside every group)."""
        children: list[Any] = []
        for child in self.full:
            folding = self.folding.get(id(child))
            if folding is None or any(c is page for c in folding[1].children):
                children.append(child)
            else:
                children.append(self._link(*folding))
        self.section.children = children

    def _link(self, kind: str, group: Section) -> Link:
        link = self.links.get(kind)
        if link is None:
            # The overview's Markdown is rendered before any page is written, so its headings'
            # ids are known here; a template that words them otherwise gets the page's top.
            anchor = _anchors(self.overview.toc or []).get(self.headings[kind])
            url = self.overview.url + (f"#{anchor}" if anchor else "")
            link = self.links[kind] = Link(group.title, url)
            link.parent = self.section
        return link


def _anchors(items: Any) -> dict[str, str]:
    """Heading text -> id, over a page's table of contents (first of each text)."""
    out: dict[str, str] = {}
    for item in items:
        out.setdefault(unescape(item.title), item.id)
        for title, anchor in _anchors(item.children).items():
            out.setdefault(title, anchor)
    return out
