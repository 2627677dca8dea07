"""The quiz engine: small sources under assets/src/ built into the served assets/quiz.js and quiz.css.

The sources are joined in the order of SOURCES (intro.js opens the one IIFE, boot.js closes it: no
bundler needed) and minified, so that the quiz JS and CSS stay under 20 KB gzipped together. The
built files are committed so that `mkdocs build` works from a clean checkout; after editing a source
run `python -m trainbook.quizjs` (tests/core/test_quiz_sources.py fails while they differ). The
minifier (calmjs.parse, pinned in the `test` extra) is needed only to rebuild, never to build a site.

A site shows one language, so the served engine carries only that language's strings: the sources
keep one string table (strings.js, every language side by side) and the build writes one engine per
language, quiz.js (Chinese, the default) and quiz.<lang>.js; the MkDocs plugin publishes the site's
one as assets/trainbook/quiz.js.
"""

from __future__ import annotations

import re
from pathlib import Path

ASSETS = Path(__file__).resolve().parent / "assets"
SRC = ASSETS / "src"

#: Join order: strings and helpers first, then storage, one file per question type, the
#: builder table, one question, one quiz, the learner's page parts (page total, 学习记录), start-up.
SOURCES = (
    "intro.js",
    "strings.js",
    "core.js",
    "storage.js",
    "types/choice.js",
    "types/fill_blank.js",
    "types/ordering.js",
    "types/matching.js",
    "types/short_answer.js",
    "types/group.js",
    "registry.js",
    "item.js",
    "quiz.js",
    "learner.js",
    "boot.js",
)

#: The string table's languages (strings.js); the first is the default, served as plain quiz.js.
LANGUAGES = ("zh", "en")

BANNER_JS = "/* trainbook quiz engine, built from assets/src/ by trainbook.quizjs: edit the sources. */\n"
BANNER_CSS = "/* trainbook quiz styles, built from assets/src/quiz.css by trainbook.quizjs. */\n"


def engine_name(language: str) -> str:
    """The built engine's file name in assets/ for *language* (one of LANGUAGES)."""
    return "quiz.js" if language == LANGUAGES[0] else f"quiz.{language}.js"


# One language's table in strings.js: `    zh: {` to its closing `    },` at the same indent.
_TABLE = re.compile(r"^    (\w+): \{\n.*?^    \},?\n", re.M | re.S)


def only_language(strings_js: str, language: str) -> str:
    """strings.js with the string table of *language* alone."""
    names = [m.group(1) for m in _TABLE.finditer(strings_js)]
    if sorted(names) != sorted(LANGUAGES):
        raise ValueError(f"strings.js: expected the tables {LANGUAGES}, found {names}")
    return _TABLE.sub(lambda m: m.group(0) if m.group(1) == language else "", strings_js)


def joined(language: str | None = None) -> str:
    """The sources joined in order; with *language*, only that language's strings."""
    parts = []
    for name in SOURCES:
        text = (SRC / name).read_text(encoding="utf-8")
        parts.append(only_language(text, language) if language and name == "strings.js" else text)
    return "".join(parts)


def minify_js(source: str) -> str:
    from calmjs.parse import es5  # type: ignore[import-untyped]
    from calmjs.parse.unparsers.es5 import minify_print  # type: ignore[import-untyped]

    text: str = minify_print(es5(source), obfuscate=True, obfuscate_globals=False)
    return text + "\n"


def minify_css(source: str) -> str:
    # Safe for our stylesheet: no strings or url()s whose spaces matter.
    text = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*([{};,>])\s*", r"\1", text)
    text = re.sub(r"\s*:\s*(?![^{}]*\{)", ":", text)  # property colons only, not selectors' :hover
    text = re.sub(r"(?<![\w.])0\.(\d)", r".\1", text)  # 0.5em → .5em
    return text.replace(";}", "}").strip() + "\n"


def built() -> dict[str, str]:
    """The served files' contents, by file name."""
    out = {engine_name(lang): BANNER_JS + minify_js(joined(lang)) for lang in LANGUAGES}
    out["quiz.css"] = BANNER_CSS + minify_css((SRC / "quiz.css").read_text(encoding="utf-8"))
    return out


def main() -> None:
    for name, text in built().items():
        (ASSETS / name).write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
