"""The page ``mkdocs serve`` shows while the content has problems.

A build stopped by a content error would leave the preview waiting for a build that never comes
(MkDocs' live server holds every request until one succeeds). While serving, the MkDocs adapter
builds instead a site whose every page is this list, so the page the author has open reloads to
show what is wrong, and reloads again into the handbook at the next good save.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from .diagnostics import Diagnostic
from .messages import localize
from .strings import Strings


def problem_html(problems: Sequence[Diagnostic], language: str) -> str:
    """One HTML block (also valid as a Markdown page) listing every problem, errors first."""
    t = Strings(language)
    errors = sum(d.severity == "error" for d in problems)
    items = "".join(_item(d, t, language) for d in sorted(problems, key=lambda d: (d.severity != "error", d.pos)))
    summary = t.plain("serve.count", errors=errors, warnings=len(problems) - errors)
    return str(
        Markup(
            '<div class="admonition failure tb-problems" role="alert">\n'
            '<p class="admonition-title">{title}</p>\n<p>{intro} {summary}</p>\n'
            '<ol class="tb-problem-list">{items}</ol>\n</div>\n'
        ).format(title=t.plain("serve.title"), intro=t.plain("serve.intro"), summary=summary, items=Markup(items))
    )


def problem_text(problems: Sequence[Diagnostic], language: str) -> str:
    """The same list for the terminal: one ``path:line:col: severity: message`` per line."""
    t = Strings(language)
    return "\n".join([t.plain("serve.terminal"), *(d.text(language) for d in problems)])


def _item(d: Diagnostic, t: Strings, language: str) -> str:
    return str(
        Markup("<li><code>{where}</code> <strong>{severity}</strong> {message}</li>").format(
            where=str(d.pos), severity=t.plain(f"serve.{d.severity}"), message=localize(d.message, language)
        )
    )
