"""`mkdocs serve` shows content problems in the browser and recovers at the next good save.

A real `mkdocs serve --strict` subprocess on a copy of the mini handbook, driven by saving files
and reading pages over HTTP, as an author's browser would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini"
BROKEN = "answer: 错"  # a true/false answer must be true or false
PROBLEM_LIST = 'class="admonition failure tb-problems"'
WAIT = 90  # seconds: a rebuild on a busy 2-core machine


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The mini handbook, broken before the server starts, served on a free port."""
    root = tmp_path_factory.mktemp("serve") / "hb"
    shutil.copytree(MINI, root)
    bank = root / "content/banks/mini.yml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("answer: false", BROKEN, 1), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield root, f"http://127.0.0.1:{port}/"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def get(url: str) -> str:
    # A short timeout: a page that does not answer is the hang this feature removes.
    with urllib.request.urlopen(url, timeout=15) as response:
        return str(response.read().decode("utf-8"))


def wait_for(url: str, condition: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + WAIT
    last = ""
    while time.monotonic() < deadline:
        try:
            last = get(url)
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            last = ""
        if condition(last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url} did not reach the expected state in {WAIT} s; last page:\n{last[:2000]}")


def test_serve_shows_problems_in_the_page_and_recovers_on_the_next_good_save(served: tuple[Path, str]) -> None:
    root, url = served
    bank = root / "content/banks/mini.yml"
    line = bank.read_text(encoding="utf-8").splitlines().index(f"    {BROKEN}") + 1

    # 1. Started with a mistake: the server runs and the page lists the problem with its place.
    page = wait_for(url, lambda html: PROBLEM_LIST in html)
    assert f"content/banks/mini.yml:{line}:" in page
    assert "true_false" in page or "true or false" in page or "true 或 false" in page
    module = get(url + "modules/complaints/")
    assert PROBLEM_LIST in module and f"content/banks/mini.yml:{line}:" in module

    # 2. A good save: the handbook is back, with its quizzes.
    bank.write_text(bank.read_text(encoding="utf-8").replace(BROKEN, "answer: false"), encoding="utf-8")
    module = wait_for(url + "modules/complaints/", lambda html: "data-tb-quiz" in html)
    assert PROBLEM_LIST not in module

    # 3. A later mistake: every page answers at once with the new list instead of hanging,
    #    generated pages (here the bank's page) included.
    case = root / "content/cases/night-lift.yml"
    case.write_text(case.read_text(encoding="utf-8") + "scenario: twice\n", encoding="utf-8")
    module = wait_for(url + "modules/complaints/", lambda html: PROBLEM_LIST in html)
    assert "content/cases/night-lift.yml:" in module
    assert PROBLEM_LIST in get(url + "trainbook/cases/night-lift/")


def test_serve_strict_lists_a_warning_instead_of_stopping(served: tuple[Path, str]) -> None:
    root, url = served
    for rel in ("content/banks/mini.yml", "content/cases/night-lift.yml"):
        shutil.copyfile(MINI / rel, root / rel)
    wait_for(url + "modules/complaints/", lambda html: "data-tb-quiz" in html)
    form = root / "content/forms/mini-form.yml"
    form.write_text(form.read_text(encoding="utf-8") + "feilds: [房号]\n", encoding="utf-8")
    page = wait_for(url + "modules/complaints/", lambda html: PROBLEM_LIST in html)
    assert "content/forms/mini-form.yml:" in page and "feilds" in page
