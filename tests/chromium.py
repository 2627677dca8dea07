"""Debian's Chromium for the browser tests: where it is, how it is launched, and a local server.

Playwright's own browser download is not used: the Debian package `chromium` must be installed.
When it is missing the tests fail (never skip) with a message that says so."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from playwright.sync_api import Page

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium_executable() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not os.path.exists(path):
        pytest.fail(
            "Chromium is not installed: the browser tests need Debian's `chromium` package "
            "(run `apt-get install -y chromium fonts-noto-cjk`). Playwright's own browser "
            "download is not used.",
            pytrace=False,
        )
    return path


@contextlib.contextmanager
def serve(directory: Path, headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve *directory* on 127.0.0.1 (a free port) while the block runs; yields the base URL."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def do_GET(self) -> None:
            if self.path.startswith("/favicon.ico"):
                self.send_response(204)  # no icon, and no 404 in the console
                self.end_headers()
                return
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def watch_errors(page: Page, errors: list[str]) -> None:
    """Record the page's uncaught exceptions and console errors in *errors*."""
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    page.on("console", lambda msg: errors.append(f"console.{msg.type}: {msg.text}") if msg.type == "error" else None)


def layout_shift(page: Page) -> float:
    """The page's cumulative layout shift so far and in the next 300 ms (Chromium's own measure)."""
    return float(
        page.evaluate(
            """() => new Promise(done => { let sum = 0;
                 new PerformanceObserver(list => list.getEntries().forEach(e => { sum += e.value; }))
                   .observe({type: 'layout-shift', buffered: true});
                 setTimeout(() => done(sum), 300); })"""
        )
    )
