"""What importing each part of trainbook pulls in: the core never needs MkDocs or Material, the
command line never needs MkDocs, and nothing but printing needs WeasyPrint."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def imported(modules: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules named by *prefixes* that a fresh interpreter holds after importing *modules*."""
    code = (
        f"import json, sys, {modules};"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0].startswith({prefixes!r}))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout))


CASES = {
    "the core imports neither mkdocs nor material": (
        "trainbook, trainbook.validate, trainbook.render, trainbook.markdown_ext, trainbook.pages",
        ("mkdocs", "material"),
    ),
    "the command line imports only the core": ("trainbook_cli.main", ("mkdocs",)),
    "weasyprint is imported only when printing": ("trainbook, trainbook.papers, trainbook_cli.main", ("weasyprint",)),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_importing_a_part_leaves_out_what_it_must_not_need(case: str) -> None:
    modules, forbidden = CASES[case]
    assert imported(modules, forbidden) == []


def test_the_check_sees_a_forbidden_import() -> None:
    # The helper itself must be able to fail: importing the adapter does bring in mkdocs.
    assert "mkdocs" in imported("trainbook_mkdocs.plugin", ("mkdocs",))
