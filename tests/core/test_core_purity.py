from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_does_not_import_mkdocs() -> None:
    code = (
        "import sys, trainbook, trainbook.validate, trainbook.render, trainbook.markdown_ext, trainbook.pages;"
        "bad = [m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.') or m.startswith('material')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_imports_only_the_core() -> None:
    code = (
        "import sys, trainbook_cli.main;"
        "bad = [m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.')];"
        "sys.exit(1 if bad else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_the_core_and_the_printing_package_import_weasyprint_only_when_printing() -> None:
    # The site build must not need WeasyPrint or its system libraries.
    code = (
        "import sys, trainbook, trainbook.papers, trainbook_cli.main;"
        "bad = [m for m in sys.modules if m == 'weasyprint' or m.startswith('weasyprint.')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
