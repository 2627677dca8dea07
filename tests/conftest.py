from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from .chromium import CHROMIUM_ARGS, chromium_executable
from .sitebuild import mkdocs_build

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


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example handbook, built once per test run; tests only read it."""
    out = tmp_path_factory.mktemp("example") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini fixture site, built once per test run; tests only read it."""
    out = tmp_path_factory.mktemp("mini-built") / "site"
    result = mkdocs_build(MINI, out)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


# Module scope, not session: only one sync Playwright may run at a time, and modules that start
# their own (`with sync_playwright()`) must be able to run after this one.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, one per test module."""
    executable = chromium_executable()
    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
