"""Every rule of the authoring contract, one bad file each: the problem is reported
at the exact path:line, and the message names the key or thing at fault.

A case is a file under tests/fixtures/bad/<kind>/ that declares what it expects
(``expect: <severity> <line> <text>``, in a YAML or HTML comment). Files that cannot
carry that line — an empty file, one too big to commit — are made here instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from trainbook.validate import validate
from trainbook.yamlsource import MAX_BYTES
from trainbook_cli.main import main

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "bad"
EXPECT_RE = re.compile(r"expect: (error|warning) (\d+) (.+?)(?: -->)?$")
KINDS = ("banks", "cases", "exams", "rubrics", "schemes", "forms", "handbook")


@dataclass(frozen=True)
class Case:
    kind: str
    name: str
    data: Callable[[], bytes]
    expect: tuple[tuple[str, int, str], ...]

    @property
    def id(self) -> str:
        return f"{self.kind}/{Path(self.name).stem}"


def expectations(data: bytes) -> tuple[tuple[str, int, str], ...]:
    # Bytes, not text: some cases are deliberately not UTF-8 after their expect line.
    found = []
    for line in data.decode("utf-8", "replace").splitlines():
        m = EXPECT_RE.search(line)
        if m:
            found.append((m.group(1), int(m.group(2)), m.group(3)))
    return tuple(found)


def from_file(path: Path) -> Case:
    data = path.read_bytes()
    expect = expectations(data)
    assert expect, f"{path} declares no expectation"
    return Case(path.parent.name, path.name, path.read_bytes, expect)


def too_big() -> bytes:
    # Valid YAML throughout, so only the size can be the problem; never committed.
    line = "  - 这一行只是为了把文件撑大，超过上限。\n".encode()
    return b"id: huge\ntitle: huge\nquestions:\n" + line * (10 * 1024 * 1024 // len(line) + 1)


GENERATED = (
    Case("banks", "empty.yml", lambda: b"", (("error", 1, "file is empty"),)),
    Case("cases", "empty.yml", lambda: b"", (("error", 1, "file is empty"),)),
    Case("banks", "ten-megabytes.yml", too_big, (("error", 1, f"larger than {MAX_BYTES // (1024 * 1024)} MiB"),)),
)
CASES = [from_file(p) for p in sorted(BAD.rglob("*")) if p.is_file()] + list(GENERATED)


def place(site: Path, case: Case) -> str:
    target = site / "content" / case.kind / case.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(case.data())
    return f"content/{case.kind}/{case.name}"


def test_the_corpus_covers_every_file_kind_with_sixty_cases_or_more() -> None:
    assert len(CASES) >= 60
    assert {c.kind for c in CASES} == set(KINDS)
    assert {p.parent.name for p in BAD.rglob("*") if p.is_file()} <= set(KINDS)


def test_the_base_fixture_is_clean(mini_site: Path) -> None:
    _, report = validate("content")
    assert [str(d) for d in report.sorted()] == []


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_input_is_reported_at_its_line(mini_site: Path, case: Case) -> None:
    rel = place(mini_site, case)
    _, report = validate("content")
    lines = [str(d) for d in report.sorted()]
    for severity, line, text in case.expect:
        prefix = f"{rel}:{line}:" if line else f"{rel}:"
        hits = [x for x in lines if x.startswith(prefix) and f": {severity}: " in x and text in x]
        assert hits, f"expected {severity} at {prefix} containing {text!r}; got:\n" + "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_cli_exit_code_matches_severity(mini_site: Path, case: Case, capsys: pytest.CaptureFixture[str]) -> None:
    place(mini_site, case)
    has_error = any(sev == "error" for sev, _, _ in case.expect)
    assert main(["validate", "content"]) == (1 if has_error else 0)
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
