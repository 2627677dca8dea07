"""No page of the built handbook loads a script or stylesheet from another host: Material's offline
plugin would fetch its file:// Worker shim from a public CDN; the site carries its own copy, with
the shim's licence beside it."""

from __future__ import annotations

import re
from pathlib import Path

FOREIGN = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*\shref)="(?:https?:)?//[^"]*"')
SHIM = "assets/trainbook/vendor/iframe-worker"


def test_no_page_loads_a_script_or_stylesheet_from_another_host(example_site: Path) -> None:
    found = {
        str(page.relative_to(example_site)): FOREIGN.findall(page.read_text(encoding="utf-8"))
        for page in example_site.rglob("*.html")
    }
    assert {page: tags for page, tags in found.items() if tags} == {}


def test_every_page_loads_the_sites_own_worker_shim(example_site: Path) -> None:
    for rel in ("index.html", "modules/emergency.html"):
        html = (example_site / rel).read_text(encoding="utf-8")
        prefix = "../" * rel.count("/")
        assert f'<script src="{prefix}{SHIM}/shim.js"></script>' in html, rel


def test_the_shim_ships_with_its_licence(example_site: Path) -> None:
    assert "Permission is hereby granted" in (example_site / SHIM / "LICENSE").read_text(encoding="utf-8")
    assert (example_site / SHIM / "shim.js").read_text(encoding="utf-8").startswith('"use strict"')
