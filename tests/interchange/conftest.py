from __future__ import annotations

from pathlib import Path

import pytest

from trainbook.model import Project
from trainbook.validate import validate

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "content"


@pytest.fixture(scope="module")
def example() -> Project:
    """The example handbook's content, loaded once per module (it is valid)."""
    project, report = validate(EXAMPLE)
    assert not report.errors, report.errors[:3]
    return project
