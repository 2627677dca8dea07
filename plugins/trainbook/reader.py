"""Typed access to positioned YAML, reporting every mismatch with its key."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any, cast

from .diagnostics import Pos, Report
from .messages import Text, describe, key_hint, msg, swallowed_hint, value_hint
from .yamlhints import key_typed_wrong
from .yamlsource import Map, Seq

ID_RE = re.compile(r"^[a-z][a-z0-9-]{0,63}$")
#: A number in exponent form that YAML 1.1 (PyYAML) resolves as text: it wants a '.' in the
#: mantissa and a sign in the exponent (1.0e+308), where YAML 1.2 and JSON read 1e308 too.
EXPONENT_TEXT_RE = re.compile(r"^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)[eE][-+]?[0-9]+$")


class Reader:
    """Reads keys of :class:`Map` objects for one kind of document."""

    def __init__(self, report: Report):
        self.report = report

    # -- shape -------------------------------------------------------------
    def mapping(self, value: Any, pos: Pos, what: str) -> Map | None:
        if isinstance(value, Map):
            return value
        problem = msg("read.not_mapping", what=what, found=describe(value))
        hint = key_typed_wrong(value) if isinstance(value, str) else None
        if hint is not None:
            problem = Text(f"{problem}; {hint}", f"{problem.zh}；{hint.zh}")
        self.report.error(pos, problem)
        return None

    def check_keys(self, m: Map, allowed: Iterable[str], required: Iterable[str], what: str) -> bool:
        allowed = list(allowed)
        ok = True
        for key in m:
            if key not in allowed:
                hint = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                did = (
                    msg("read.did_you_mean", hint=hint[0]) if hint else msg("read.known_keys", keys=", ".join(allowed))
                )
                did = Text(did + key_hint(key), did.zh + key_hint(key).zh)
                self.report.warning(m.key_at(key), msg("read.unknown_key", key=key, what=what, did=did))
        for key in required:
            if self.absent(m, key):
                missing = msg("read.missing_key", what=what, key=key)
                swallowed = swallowed_hint(m, key) if key not in m else Text("")
                self.report.error(
                    m.key_at(key) if key in m else m.pos, Text(missing + swallowed, missing.zh + swallowed.zh)
                )
                ok = False
        return ok

    def absent(self, m: Map, key: str) -> bool:
        """*key* is not written, or written empty; a value YAML refused (and said so) is not absent."""
        return (key not in m or m[key] is None or m[key] == "") and key not in m.refused

    def filled(self, m: Map, key: str, what: str) -> bool:
        """False, with an error, when *key* is written but left empty (nothing, ``[]``, ``''``):
        for keys where empty cannot be what the author meant (a pass mark, the components)."""
        if key in m and m[key] in (None, "", []):
            self.report.error(m.at(key), msg("read.empty", key=key, what=what))
            return False
        return True

    # -- scalars -----------------------------------------------------------
    def text(self, m: Map, key: str, what: str, default: str | None = None) -> str | None:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.report.error(m.at(key), msg("read.not_text", key=key, what=what, found=describe(value)))
            return default
        return str(value)

    def ident(self, m: Map, key: str, what: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not ID_RE.match(value):
            self.report.error(m.at(key), _hinted(msg("read.not_id", key=key, what=what, found=describe(value)), value))
            return value if isinstance(value, str) else None
        return value

    def integer(
        self, m: Map, key: str, what: str, lo: int | None = None, hi: int | None = None, default: int | None = None
    ) -> int | None:
        value = m.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int):
            self.report.error(
                m.at(key), _hinted(msg("read.not_whole", key=key, what=what, found=describe(value)), value)
            )
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
            message = msg("read.not_number", key=key, what=what, found=describe(value))
            if isinstance(value, str) and EXPONENT_TEXT_RE.match(value.strip()):
                hint = msg("hint.exponent_text", value=value.strip())
                message = Text(message + hint, message.zh + hint.zh)
            self.report.error(m.at(key), _hinted(message, value))
            return default
        if not math.isfinite(value):
            # YAML's .nan/.inf: NaN passes every comparison (ranges, sums) and infinity
            # reaches totals and manifests; no count, mark or weight is either.
            self.report.error(m.at(key), msg("read.not_finite", key=key, what=what, written=_yaml_float(value)))
            return default
        return cast("float | None", self._bounded(m, key, what, value, lo, hi, default))

    def _bounded(self, m: Map, key: str, what: str, value: Any, lo: Any, hi: Any, default: Any) -> Any:
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            rng = (
                msg("read.range_between", lo=lo, hi=hi)
                if lo is not None and hi is not None
                else (msg("read.range_at_least", lo=lo) if lo is not None else msg("read.range_at_most", hi=hi))
            )
            self.report.error(m.at(key), msg("read.out_of_range", key=key, what=what, range=rng, value=value))
            return default
        return value

    def boolean(self, m: Map, key: str, what: str, default: bool = False) -> bool:
        value = m.get(key)
        if value is None:
            return default
        if not isinstance(value, bool):
            self.report.error(
                m.at(key), _hinted(msg("read.not_bool", key=key, what=what, found=describe(value)), value)
            )
            return default
        return value

    def choice(self, m: Map, key: str, what: str, choices: Iterable[str], default: str | None = None) -> str | None:
        choices = list(choices)
        value = m.get(key)
        if value is None:
            return default
        if value not in choices:
            found = describe(value)
            self.report.error(
                m.at(key),
                _hinted(msg("read.not_choice", key=key, what=what, choices=", ".join(choices), found=found), value),
            )
            return default
        return str(value)

    # -- lists -------------------------------------------------------------
    def seq(self, m: Map, key: str, what: str) -> Seq | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, Seq):
            self.report.error(
                m.at(key), _hinted(msg("read.not_list", key=key, what=what, found=describe(value)), value)
            )
            return None
        return value

    def maps(self, m: Map, key: str, what: str, label: str, /, **values: Any) -> Iterator[tuple[int, Map]]:
        """The mappings listed under *key*; *label* is the message naming one item, filled with
        its number ``n`` (1, 2, …) and *values*."""
        seq = self.seq(m, key, what)
        if seq is None:
            return
        for i, item in enumerate(seq):
            sub = self.mapping(item, seq.at(i), msg(label, n=i + 1, **values))
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
                self.report.error(
                    seq.at(i), msg("read.item_not_text", n=i + 1, key=key, what=what, found=describe(item))
                )
                continue
            out.append(str(item))
        return tuple(out)

    def text_items(self, m: Map, key: str) -> Iterator[tuple[int, str, Pos]]:
        """(number from 1, text without outer spaces, where it stands) of each text item of the
        list under *key*; items that are not text are :meth:`texts`' to report."""
        seq = m.get(key)
        if isinstance(seq, Seq):
            for i, item in enumerate(seq):
                if not isinstance(item, bool) and isinstance(item, (str, int, float)):
                    yield i + 1, str(item).strip(), seq.at(i)

    def repeated(self, m: Map, key: str) -> Iterator[tuple[int, int, str, Pos]]:
        """Text items of the list under *key* that repeat an earlier item (outer spaces aside):
        (its number, the earlier one's number, the text, where it stands)."""
        first: dict[str, int] = {}
        for n, text, pos in self.text_items(m, key):
            if text in first:
                yield n, first[text], text, pos
            else:
                first[text] = n

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
                    pos, _hinted(msg("read.not_ints", key=key, what=what, lo=lo, hi=hi, found=describe(item)), item)
                )
                continue
            out.append(item)
        return tuple(out)

    def ids(self, m: Map, key: str, what: str) -> tuple[str, ...]:
        out = []
        for i, item in enumerate(self.texts(m, key, what, scalar_ok=True)):
            if not ID_RE.match(item):
                pos = m[key].at(i) if isinstance(m[key], Seq) else m.at(key)
                self.report.error(pos, _hinted(msg("read.bad_id_in", item=item, key=key, what=what), item))
            out.append(item)
        return tuple(out)


def _yaml_float(value: float) -> str:
    """A non-finite float as YAML writes it."""
    if math.isnan(value):
        return ".nan"
    return ".inf" if value > 0 else "-.inf"


def _hinted(message: Text, value: Any) -> Text:
    """*message* with a hint when *value* looks typed on a Chinese keyboard (“…”, 、, ，)."""
    hint = value_hint(value)
    if not hint:
        return message
    return Text(message + hint, message.zh + hint.zh)
