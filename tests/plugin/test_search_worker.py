"""Material's search worker is published with trainbook's Chinese query handling appended after
its own code, which stays byte for byte as the theme ships it (behaviour: tests/browser/test_offline_copy.py)."""

from __future__ import annotations

from pathlib import Path

import material

from trainbook.searchindex import WORKER, WORKER_ZH

THEME = Path(material.__file__).resolve().parent / "templates"


def test_the_published_worker_is_materials_followed_by_trainbooks_addition(example_site: Path) -> None:
    workers = [p for p in example_site.rglob("*.js") if WORKER.fullmatch(p.relative_to(example_site).as_posix())]
    assert len(workers) == 1
    rel = workers[0].relative_to(example_site)
    original = (THEME / rel).read_text(encoding="utf-8").rstrip("\n")
    addition = WORKER_ZH.read_text(encoding="utf-8")
    assert workers[0].read_text(encoding="utf-8") == original + "\n" + addition
