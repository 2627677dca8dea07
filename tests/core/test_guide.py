"""The authoring guide (content/handbook/guide/) covers every file kind and question type, and its
examples are real: the complete files it shows validate together without a single problem."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.core.test_bad_inputs import CASES, place
from tests.core.test_messages import BANK_HEAD, TYPED
from trainbook.fences import QUIZ_KEYS
from trainbook.messages import localize
from trainbook.newfile import KINDS
from trainbook.qtypes import TYPES
from trainbook.validate import validate

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "content" / "handbook" / "guide"
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=\S+/(?P<kind>[a-z]+)\.schema\.json$")
FOLDER = {"bank": "banks", "case": "cases", "exam": "exams", "rubric": "rubrics", "scheme": "schemes", "form": "forms"}
MINI = ROOT / "tests" / "fixtures" / "mini"


def blocks(lang: str) -> list[str]:
    """Bodies of the guide's fenced code blocks of one language (```yaml, ````markdown, …)."""
    found = []
    for page in sorted(GUIDE.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        pattern = rf"^(?P<fence>`{{3,}}){re.escape(lang)}[ \t]*\n(?P<body>.*?)^(?P=fence)[ \t]*$"
        found += [m.group("body") for m in re.finditer(pattern, text, re.M | re.S)]
    return found


def complete_files() -> dict[str, list[str]]:
    """The YAML examples that are whole files (their schema line, then an id), by kind."""
    files: dict[str, list[str]] = {}
    for body in blocks("yaml"):
        match = SCHEMA_LINE.match(body.splitlines()[0])
        if match and re.search(r"^id: ", body, re.M):
            files.setdefault(match.group("kind"), []).append(body)
    return files


def page_examples() -> list[str]:
    return [b for b in blocks("markdown") if b.startswith("---\n")]


@pytest.fixture(scope="module")
def guide_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The guide's complete examples written out as one content folder."""
    content = tmp_path_factory.mktemp("guide") / "content"
    for kind, bodies in complete_files().items():
        for i, body in enumerate(bodies):
            path = content / FOLDER[kind] / f"{kind}-{i}.yml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body, encoding="utf-8")
    for i, body in enumerate(page_examples()):
        path = content / "handbook" / "modules" / f"page-{i}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(body, encoding="utf-8")
    return content


def test_guide_shows_a_complete_example_of_every_file_kind() -> None:
    assert set(complete_files()) == set(FOLDER)
    assert page_examples(), "no complete handbook page (front matter and text) in the guide"


def test_complete_examples_validate_together_without_any_problem(guide_content: Path) -> None:
    _, report = validate(guide_content)
    assert [str(d) for d in report.sorted()] == []


def test_example_bank_has_every_question_type(guide_content: Path) -> None:
    project, _ = validate(guide_content)
    shown = {q.type for b in project.banks for top in b.questions for q in top.walk()}
    assert shown == set(TYPES)


def test_every_question_type_has_a_row_in_the_types_table() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in GUIDE.glob("*.md"))
    for name in TYPES:
        assert re.search(rf"^\| `{name}` ", text, re.M), f"question type {name} has no row in the guide's table"


def test_every_quiz_block_option_is_explained() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in GUIDE.glob("*.md"))
    for key in QUIZ_KEYS:
        assert re.search(rf"^\| `{key}` \|", text, re.M), f"quiz option {key} is not in the guide's table"


def test_every_kind_trainbook_new_writes_is_mentioned() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in GUIDE.glob("*.md"))
    for kind in KINDS:
        assert f"trainbook new {kind}" in text


@pytest.fixture(scope="module")
def real_messages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """What trainbook really says about the bad-input corpus and the typing mistakes of
    tests/core/test_messages.py, validated all at once."""
    site = tmp_path_factory.mktemp("bad") / "site"
    shutil.copytree(MINI, site)
    for case in CASES:
        if case.name != "ten-megabytes.yml":  # its message is not in the guide; reading it is slow
            place(site, case)
    for i, typed in enumerate(TYPED):
        (site / "content" / "banks" / f"typed-{i}.yml").write_text(BANK_HEAD + typed[1], encoding="utf-8")
    _, report = validate(site / "content")
    return [d.message for d in report.items]


def test_error_messages_the_guide_explains_are_ones_trainbook_really_gives(real_messages: list[str]) -> None:
    # Each row of the errors table quotes a message in Chinese and in English (… stands for the
    # author's ids and values); a reworded message must be reworded in the guide too.
    text = (GUIDE / "errors.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(?P<zh>[^`]+)` \| `(?P<en>[^`]+)` \|", text, re.M)
    assert len(rows) >= 25
    chinese = [localize(m, "zh") for m in real_messages]
    for zh, en in rows:
        assert any(re.search(_pattern(en), m) for m in real_messages), f"trainbook never says {en!r}"
        assert any(re.search(_pattern(zh), m) for m in chinese), f"trainbook never says {zh!r}"


def _pattern(quoted: str) -> str:
    return ".+?".join(re.escape(part) for part in quoted.split("…"))
