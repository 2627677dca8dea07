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
    for language in quizjs.LANGUAGES:  # a site serves one of them as quiz.js
        names = (quizjs.engine_name(language), "quiz.css")
        size = sum(len(gzip.compress((quizjs.ASSETS / n).read_bytes(), 9)) for n in names)
        assert size < 20 * 1024, f"{' + '.join(names)} are {size} bytes gzipped"


def test_each_served_engine_carries_its_own_language_only():
    # One string table in the sources; each built engine has one language's words.
    words = {"zh": "重新练习错题", "en": "Practise wrong answers again"}
    for language in quizjs.LANGUAGES:
        text = (quizjs.ASSETS / quizjs.engine_name(language)).read_text(encoding="utf-8")
        assert [lang for lang, w in words.items() if w in text] == [language]
