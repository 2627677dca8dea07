"""The handbook pages' fences are read once: validation keeps them with the project, and deciding
which banks a page already shows whole uses them instead of reading the pages again."""

from __future__ import annotations

import shutil
from pathlib import Path

from trainbook.diagnostics import Report
from trainbook.fences import whole_banks
from trainbook.load import load_project
from trainbook.validate import validate

from ..conftest import MINI


def test_validation_keeps_every_fence_it_read(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "mini")
    project, report = validate(tmp_path / "mini" / "content")
    assert not report.errors
    assert project.fences is not None
    kinds = [(pf.page.src_path, pf.fence.kind) for pf in project.fences]
    assert ("modules/complaints.md", "quiz") in kinds
    assert all((pf.quiz is not None) == (pf.fence.kind == "quiz") for pf in project.fences)


def mini_showing_the_whole_bank(tmp_path: Path) -> Path:
    """A copy of the mini content whose module page's quiz shows the whole mini bank."""
    shutil.copytree(MINI, tmp_path / "mini")
    content = tmp_path / "mini" / "content"
    page = content / "handbook" / "modules" / "complaints.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("ids: [m-single, m-multiple, m-tf, m-fill, m-short, m-group]\n", ""), encoding="utf-8")
    return content


def test_whole_banks_come_from_the_fences_validation_read(tmp_path: Path) -> None:
    content = mini_showing_the_whole_bank(tmp_path)
    project, _ = validate(content)
    shutil.rmtree(content / "handbook")  # nothing left to read again
    assert set(whole_banks(project, project.fences)) == {"mini"}


def test_a_project_not_validated_has_its_pages_read(tmp_path: Path) -> None:
    content = mini_showing_the_whole_bank(tmp_path)
    project = load_project(content, Report())
    assert project.fences is None
    assert set(whole_banks(project)) == {"mini"}
