from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"


@pytest.fixture
def mini_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the small, valid example site; the test runs inside it."""
    target = tmp_path / "site-src"
    shutil.copytree(MINI, target)
    monkeypatch.chdir(target)
    return target
