"""Typed access to positioned YAML, reporting every mismatch with its key."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from .diagnostics import Pos, Report
from .yamlsource import Map, Seq

ID_RE = re.compile(r"^[a-z][a-z0-9-]{0,63}$")


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 30 else value[:29] + "…"
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Reader:
    """Reads keys of :class:`Map` objects for one kind of document."""

    def __init__(self, report: Report):
        self.report = report

    # -- shape -------------------------------------------------------------
    def mapping(self, value: Any, pos: Pos, what: str) -> Map | None:
        if isinstance(value, Map):
            return value
        self.report.error(pos, f"{what} must be a mapping of keys, found {describe(value)}")
        return None

    def check_keys(self, m: Map, allowed: Iterable[str], required: Iterable[str], what: str) -> bool:
        allowed = list(allowed)
        ok = True
        for key in m:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                did = f"; did you mean '{hint[0]}'?" if hint else f"; known keys: {', '.join(allowed)}"
                self.report.warning(m.key_at(key), f"unknown key '{key}' in {what} (ignored){did}")
        for key in required:
            if key not in m or m[key] is None or m[key] == "":
                self.report.error(m.key_at(key) if key in m else m.pos, f"{what} is missing required key '{key}'")
                ok = False
        return ok

    # -- scalars -----------------------------------------------------------
    def text(self, m: Map, key: str, what: str, default: str | None = None) -> str | None:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.report.error(m.at(key), f"key '{key}' of {what} must be text, found {describe(value)}")
            return default
        return str(value)

    def ident(self, m: Map, key: str, what: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not ID_RE.match(value):
            self.report.error(
                m.at(key),
                f"key '{key}' of {what} must be an id (lowercase letters, digits and '-', starting with a letter, "
                f"at most 64 characters), found {describe(value)}",
            )
            return value if isinstance(value, str) else None
        return value

    def integer(
        self, m: Map, key: str, what: str, lo: int | None = None, hi: int | None = None, default: int | None = None
    ) -> int | None:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.report.error(m.at(key), f"key '{key}' of {what} must be a whole number, found {describe(value)}")
            return default
        return cast("int | None", self._bounded(m, key, what, value, lo, hi, default))

    def number(
        self,
        m: Map,
        key: str,
        what: str,
        lo: float | None = None,
        hi: float | None = None,
        default: float | None = None,
    ) -> float | None:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.report.error(m.at(key), f"key '{key}' of {what} must be a number, found {describe(value)}")
            return default
        return cast("float | None", self._bounded(m, key, what, value, lo, hi, default))

    def _bounded(self, m: Map, key: str, what: str, value: Any, lo: Any, hi: Any, default: Any) -> Any:
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            rng = (
                f"from {lo} to {hi}"
                if lo is not None and hi is not None
                else (f"at least {lo}" if lo is not None else f"at most {hi}")
            )
            self.report.error(m.at(key), f"key '{key}' of {what} must be {rng}, found {value}")
            return default
        return value

    def boolean(self, m: Map, key: str, what: str, default: bool = False) -> bool:
        value = m.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report.error(m.at(key), f"key '{key}' of {what} must be true or false, found {describe(value)}")
            return default
        return value

    def choice(self, m: Map, key: str, what: str, choices: Iterable[str], default: str | None = None) -> str | None:
        choices = list(choices)
        value = m.get(key)
        if value is None:
            return default
        if value not in choices:
            self.report.error(
                m.at(key), f"key '{key}' of {what} must be one of {', '.join(choices)}, found {describe(value)}"
            )
            return default
        return str(value)

    # -- lists -------------------------------------------------------------
    def seq(self, m: Map, key: str, what: str) -> Seq | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, Seq):
            self.report.error(m.at(key), f"key '{key}' of {what} must be a list, found {describe(value)}")
            return None
        return value

    def maps(self, m: Map, key: str, what: str, label: str) -> Iterator[tuple[int, Map]]:
        """The mappings listed under *key*; *label* names one item, with {n} for its number."""
        seq = self.seq(m, key, what)
        if seq is None:
            return
        for i, item in enumerate(seq):
            sub = self.mapping(item, seq.at(i), label.replace("{n}", str(i + 1)))
            if sub is not None:
                yield i, sub

    def texts(self, m: Map, key: str, what: str, scalar_ok: bool = False) -> tuple[str, ...]:
        """A list of text values; *scalar_ok* also accepts one value standing alone."""
        value = m.get(key)
        if value is None:
            return ()
        if scalar_ok and isinstance(value, (str, int, float)) and not isinstance(value, bool):
            return (str(value),)
        seq = self.seq(m, key, what)
        if seq is None:
            return ()
        out = []
        for i, item in enumerate(seq):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                self.report.error(seq.at(i), f"item {i + 1} of '{key}' in {what} must be text, found {describe(item)}")
                continue
            out.append(str(item))
        return tuple(out)

    def ints(self, m: Map, key: str, what: str, lo: int, hi: int) -> tuple[int, ...]:
        """One whole number or a list of them."""
        value = m.get(key)
        if value is None:
            return ()
        items = list(value) if isinstance(value, list) else [value]
        out = []
        for i, item in enumerate(items):
            pos = value.at(i) if isinstance(value, Seq) else m.at(key)
            if isinstance(item, bool) or not isinstance(item, int) or not lo <= item <= hi:
                self.report.error(
                    pos, f"key '{key}' of {what} must hold whole numbers from {lo} to {hi}, found {describe(item)}"
                )
                continue
            out.append(item)
        return tuple(out)

    def ids(self, m: Map, key: str, what: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.texts(m, key, what, scalar_ok=True)):
            if not ID_RE.match(item):
                pos = m[key].at(i) if isinstance(m[key], Seq) else m.at(key)
                self.report.error(pos, f"'{item}' in '{key}' of {what} is not a valid id")
            out.append(item)
        return tuple(out)
