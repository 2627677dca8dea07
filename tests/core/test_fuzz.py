"""Fuzzing the loader with hypothesis: random YAML text and random mutations of valid
files never make an exception escape `validate()` — every problem becomes a report
entry at a real line of a real file — content it passes renders without an exception,
and each example finishes within the deadline.

The default profile is derandomized and small, so `make test` is quick and repeatable;
`HYPOTHESIS_PROFILE=fuzz` runs many more, random examples while hunting for crashes.
"""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import MINI
from tests.slots import slots
from trainbook.diagnostics import Diagnostic
from trainbook.markdown_ext import TrainbookExtension
from trainbook.markup import MarkdownRenderer
from trainbook.model import Project
from trainbook.pages import PageBuilder
from trainbook.render import Renderer, environment
from trainbook.validate import validate

settings.register_profile(
    "default",
    max_examples=100,
    deadline=timedelta(seconds=2),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("fuzz", max_examples=2000, deadline=timedelta(seconds=2), database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FILES = {
    "banks": "banks/mini.yml",
    "cases": "cases/night-lift.yml",
    "exams": "exams/mini-exam.yml",
    "rubrics": "rubrics/mini-roleplay.yml",
    "schemes": "schemes/mini-scheme.yml",
    "forms": "forms/mini-form.yml",
    "handbook": "handbook/modules/complaints.md",
}
ORIGINAL = {kind: (MINI / "content" / rel).read_text(encoding="utf-8") for kind, rel in FILES.items()}

# Characters that steer YAML and Markdown parsers into their less-travelled paths.
SYNTAX = [*":-?[]{},&*!|>'\"%@`#\t\n\r ~.=<\\", "---", "```", "___", "\ufeff", "问", "、", "\x00", "\x85"]


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "content"
    shutil.copytree(MINI / "content", root)
    return root


def render(project: Project) -> None:
    """Content the validator passes must render: every generated page, every page's fences."""
    md = MarkdownRenderer(["admonition"])
    PageBuilder(project, Renderer(md, environment(markdown=md))).build()
    for page in project.pages:
        text = (Path(project.pages_dir) / page.src_path).read_text(encoding="utf-8-sig")
        markdown.markdown(text, extensions=["admonition", TrainbookExtension(project, Renderer(md))])


def check(content: Path, kind: str, text: str) -> None:
    """Validate with *text* as the file of *kind*; afterwards restore the valid file."""
    path = content / FILES[kind]
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        project, report = validate(content)
        if not report.errors:
            render(project)
    finally:
        path.write_text(ORIGINAL[kind], encoding="utf-8")
    for d in report.items:
        assert isinstance(d, Diagnostic) and d.message.strip()
        assert Path(d.pos.path).is_relative_to(content), d
        source = text if Path(d.pos.path) == path else Path(d.pos.path).read_text(encoding="utf-8")
        assert 1 <= d.pos.line <= len(source.splitlines()) + 1 and d.pos.col >= 1, d


kinds = st.sampled_from(sorted(FILES))


def syntax_text(max_size: int, other: bool = True) -> st.SearchStrategy[str]:
    piece = st.sampled_from(SYNTAX) | st.characters() if other else st.sampled_from(SYNTAX)
    return st.lists(piece, max_size=max_size).map("".join)


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["A", "AB", "Z", "对", "yes", "___", "m-single", "night-lift", "mini", "practice", "exam", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def mutate(doc: Any, trail: tuple, op: str, value: Any, key: str) -> Any:
    if not trail:
        return value
    parent = doc
    for step in trail[:-1]:
        parent = parent[step]
    last = trail[-1]
    if op == "replace":
        parent[last] = value
    elif op == "delete":
        del parent[last]
    elif op == "duplicate" and isinstance(parent, list):
        parent.insert(last, parent[last])
    elif op == "add-key" and isinstance(parent[last], dict):
        parent[last][key] = value
    return doc


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(kind=kinds, text=syntax_text(200))
def test_random_text_is_reported_not_raised(content: Path, kind: str, text: str) -> None:
    check(content, kind, text)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), kind=kinds.filter(lambda k: k != "handbook"))
def test_mutated_valid_documents_are_reported_not_raised(content: Path, data: st.DataObject, kind: str) -> None:
    doc = yaml.safe_load(ORIGINAL[kind])
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        trail = data.draw(st.sampled_from(slots(doc)), label="where")
        op = data.draw(st.sampled_from(["replace", "delete", "duplicate", "add-key"]), label="op")
        doc = mutate(doc, trail, op, data.draw(values, label="value"), data.draw(st.text(max_size=8), label="key"))
    check(content, kind, yaml.safe_dump(doc, allow_unicode=True, sort_keys=False))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data(), kind=kinds)
def test_edited_source_text_is_reported_not_raised(content: Path, data: st.DataObject, kind: str) -> None:
    # Character-level edits (including of page front matter and quiz/case fences) that keep most lines intact.
    text = ORIGINAL[kind]
    for _ in range(data.draw(st.integers(1, 4), label="edits")):
        start = data.draw(st.integers(0, len(text)), label="start")
        end = data.draw(st.integers(start, min(len(text), start + 12)), label="end")
        insert = data.draw(syntax_text(6, other=False), label="insert")
        text = text[:start] + insert + text[end:]
    check(content, kind, text)
