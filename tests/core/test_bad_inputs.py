"""Every rule of the authoring contract, one bad file each: the problem is reported
at the exact path:line, and the message names the key or thing at fault."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from trainbook.validate import validate
from trainbook_cli.main import main

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
CASES = sorted(p for p in BAD.rglob("*") if p.is_file())
EXPECT_RE = re.compile(r"expect: (error|warning) (\d+) (.+?)(?: -->)?$")


def expectations(path: Path) -> list[tuple[str, int, str]]:
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = EXPECT_RE.search(line)
        if m:
            found.append((m.group(1), int(m.group(2)), m.group(3)))
    assert found, f"{path} declares no expectation"
    return found


def place(site: Path, bad: Path) -> str:
    kind = bad.parent.name
    target = site / "content" / kind / bad.name
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(bad, target)
    return f"content/{kind}/{bad.name}"


def test_the_base_fixture_is_clean(mini_site: Path) -> None:
    _, report = validate("content")
    assert [str(d) for d in report.sorted()] == []


@pytest.mark.parametrize("bad", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_bad_input_is_reported_at_its_line(mini_site: Path, bad: Path) -> None:
    rel = place(mini_site, bad)
    _, report = validate("content")
    lines = [str(d) for d in report.sorted()]
    for severity, line, text in expectations(bad):
        prefix = f"{rel}:{line}:" if line else f"{rel}:"
        hits = [x for x in lines if x.startswith(prefix) and f": {severity}: " in x and text in x]
        assert hits, f"expected {severity} at {prefix} containing {text!r}; got:\n" + "\n".join(lines)


@pytest.mark.parametrize("bad", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_cli_exit_code_matches_severity(mini_site: Path, bad: Path, capsys: pytest.CaptureFixture[str]) -> None:
    place(mini_site, bad)
    has_error = any(sev == "error" for sev, _, _ in expectations(bad))
    assert main(["validate", "content"]) == (1 if has_error else 0)
    assert "Traceback" not in capsys.readouterr().out
