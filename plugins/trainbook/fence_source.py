"""Where a fence seen by the Markdown extension really is in the author's files.

The extension sees the page after front matter was cut and after other preprocessors
(pymdownx.snippets) spliced in included text, so its line numbers are not the file's. This
module finds the fence's lines in the page file, else in a file a snippet directive of the page
names, and otherwise says honestly that the fence came from included text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .fences import expand_indent, split_indent

# pymdownx.snippets: `--8<-- "file.md"` on one line, or a block of file names between two `--8<--`.
_INLINE_SNIPPET_RE = re.compile(r"""^[ \t]*-+8<-+[ \t]+(["'])(?P<name>.+?)\1[ \t]*$""")
_BLOCK_SNIPPET_RE = re.compile(r"^[ \t]*-+8<-+[ \t]*$")
_LINE_RANGE_RE = re.compile(r"(?::-?\d*)+$")


@dataclass(frozen=True)
class FenceSource:
    """The fence's opening line in a real file, or the page it was included into."""

    path: str
    opening: int  # 0-based index of the opening line in *lines*
    lines: tuple[str, ...]  # the file's lines (or the expanded text when not found)
    included: bool = False  # True when the fence came from included text we could not find
    directive_line: int = 1  # 1-based line of the page's include directive (when included)

    def body(self, length: int) -> str:
        """The *length* lines after the opening line, with their indentation expanded."""
        chunk = self.lines[self.opening + 1 : self.opening + 1 + length]
        return "\n".join(expand_indent(line) for line in chunk)

    def indent(self) -> int:
        return split_indent(self.lines[self.opening])[0]


def _key(line: str) -> str:
    return line.strip()


def _find(needle: Sequence[str], haystack: Sequence[str], start: int = 0) -> int | None:
    """First index >= *start* where *needle* occurs in *haystack* (lines compared stripped)."""
    want = [_key(line) for line in needle]
    keys = [_key(line) for line in haystack]
    n = len(want)
    for i in range(start, len(keys) - n + 1):
        if keys[i : i + n] == want:
            return i
    return None


def _read_lines(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def _snippet_names(lines: Sequence[str]) -> list[tuple[str, int]]:
    """File names the page's snippet directives include, with the directive's 1-based line."""
    names: list[tuple[str, int]] = []
    in_block = 0
    for i, line in enumerate(lines):
        m = _INLINE_SNIPPET_RE.match(line)
        if m:
            names.append((_LINE_RANGE_RE.sub("", m.group("name")), i + 1))
        elif _BLOCK_SNIPPET_RE.match(line):
            in_block = 0 if in_block else i + 1
        elif in_block and line.strip() and not line.strip().startswith(";"):
            names.append((_LINE_RANGE_RE.sub("", line.strip()), in_block))
    return names


class PageSource:
    """The page file behind one Markdown conversion, and the files it includes."""

    def __init__(self, path: str | None, include_dirs: Sequence[str | Path] = ()):
        self.path = path
        self.include_dirs = [Path(d) for d in include_dirs]
        self.lines = _read_lines(Path(path)) if path else None
        self.cursor = 0  # fences come in page order; search on from the last one found

    def locate(self, fence_lines: Sequence[str], expanded: Sequence[str], start: int) -> FenceSource:
        """Where the fence whose lines are *fence_lines* (at *start* of *expanded*) comes from."""
        if self.path is None or self.lines is None:
            return FenceSource(self.path or "<markdown>", start, tuple(expanded))
        found = _find(fence_lines, self.lines, self.cursor)
        if found is None:
            found = _find(fence_lines, self.lines)
        if found is not None:
            self.cursor = found + len(fence_lines)
            return FenceSource(self.path, found, tuple(self.lines))
        directive = 1
        for name, line in _snippet_names(self.lines):
            directive = line
            for base in [*self.include_dirs, Path(self.path).parent]:
                candidate = base / name
                lines = _read_lines(candidate) if candidate.is_file() else None
                at = _find(fence_lines, lines) if lines else None
                if lines is not None and at is not None:
                    return FenceSource(str(candidate), at, tuple(lines))
        return FenceSource(self.path, start, tuple(expanded), included=True, directive_line=directive)
