"""trainbook core: load → validate → model → render, with no MkDocs import.

Front ends (the MkDocs plugin in ``trainbook_mkdocs``, the CLI in ``trainbook_cli``)
call :func:`validate` and the renderers; nothing here knows about them.
"""

from __future__ import annotations

from .diagnostics import ContentError, Diagnostic, Pos, Report
from .model import Project
from .validate import validate
from .version import __version__

__all__ = ["ContentError", "Diagnostic", "Pos", "Project", "Report", "__version__", "validate"]
