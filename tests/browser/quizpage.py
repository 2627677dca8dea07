"""The quiz engine's test pages: each fixture (fixtures/*.html) holds only its quizzes; the page
around them (viewport, quiz.css, quiz.js) is written once, here."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

from ..chromium import watch_errors

FIXTURES = Path(__file__).resolve().parent / "fixtures"

SHELL = """\
<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="quiz.css">
</head>
<body>
<main>
{body}</main>
<script src="quiz.js"></script>
</body>
</html>
"""


def quiz_page(fixture: str) -> str:
    """The whole test page for fixtures/*fixture*, titled by its first heading."""
    body = (FIXTURES / fixture).read_text(encoding="utf-8")
    heading = re.search(r"<h1>(.*?)</h1>", body)
    return SHELL.format(title=heading.group(1) if heading else fixture, body=body)


def open_page(context: BrowserContext, errors: list[str], url: str) -> Page:
    """A new page at *url*, its errors recorded in *errors*, once the first quiz's app is built."""
    page = context.new_page()
    watch_errors(page, errors)
    page.goto(url)
    page.wait_for_selector("#tb-quiz-1 .tb-quiz__app")
    return page
