"""The quiz engine: small sources under assets/src/ built into the served assets/quiz.js and quiz.css.

The sources are joined in the order of SOURCES (intro.js opens the one IIFE, boot.js closes it: no
bundler needed) and minified, so that the quiz JS and CSS stay under 20 KB gzipped together. The
built files are committed so that `mkdocs build` works from a clean checkout; after editing a source
run `python -m trainbook.quizjs` (tests/core/test_quiz_sources.py fails while they differ). The
minifier (calmjs.parse, pinned in the `test` extra) is needed only to rebuild, never to build a site.
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

BANNER_JS = "/* trainbook quiz engine, built from assets/src/ by trainbook.quizjs: edit the sources. */\n"
BANNER_CSS = "/* trainbook quiz styles, built from assets/src/quiz.css by trainbook.quizjs. */\n"


def joined() -> str:
    return "".join((SRC / name).read_text(encoding="utf-8") for name in SOURCES)


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
    return {
        "quiz.js": BANNER_JS + minify_js(joined()),
        "quiz.css": BANNER_CSS + minify_css((SRC / "quiz.css").read_text(encoding="utf-8")),
    }


def main() -> None:
    for name, text in built().items():
        (ASSETS / name).write_text(text, encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()
