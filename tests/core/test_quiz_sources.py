"""The served quiz engine is built from its small sources (plugins/trainbook/assets/src/)."""

from __future__ import annotations

import gzip

from trainbook import quizjs


def test_served_quiz_files_are_the_build_of_their_sources():
    for name, text in quizjs.built().items():
        served = (quizjs.ASSETS / name).read_text(encoding="utf-8")
        assert served == text, f"assets/{name} is stale: run `python -m trainbook.quizjs`"


def test_every_source_file_is_joined_exactly_once():
    on_disk = sorted(p.relative_to(quizjs.SRC).as_posix() for p in quizjs.SRC.rglob("*.js"))
    assert sorted(quizjs.SOURCES) == on_disk


def test_quiz_js_and_css_stay_under_20_kb_gzipped_together():
    size = sum(len(gzip.compress((quizjs.ASSETS / n).read_bytes(), 9)) for n in ("quiz.js", "quiz.css"))
    assert size < 20 * 1024, f"quiz.js + quiz.css are {size} bytes gzipped"
