"""What the exporters share: Markdown → safe HTML, a group's shared stem, blanks in stems."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..markup import MarkdownRenderer
from ..messages import Text
from ..model import Case, Question
from ..qtypes import BLANK_RE
from .losses import Losses

_TOKEN = "TBXBLANK{}TB"
_TOKEN_RE = re.compile(r"TBXBLANK(\d+)TB")


@dataclass
class ExportContext:
    losses: Losses
    cases: Mapping[str, Case]
    md: MarkdownRenderer

    def html(self, text: str | None) -> str:
        return str(self.md.block(text))

    def inline(self, text: str | None) -> str:
        return str(self.md.inline(text))

    def stem_html(self, q: Question, blank: Callable[[int], str] | None = None) -> str:
        """The stem as HTML; each ___ blank becomes ``blank(i)`` (default a visible line)."""
        counter = iter(range(10_000))
        tokenised = BLANK_RE.sub(lambda _m: _TOKEN.format(next(counter)), q.stem)
        html = self.html(tokenised)
        make = blank or (lambda _i: "_____")
        return _TOKEN_RE.sub(lambda m: make(int(m.group(1))), html)

    def shared_stem(self, group: Question) -> str:
        """Markdown of what a group's sub-questions share: the case scenario and the group's stem."""
        case = self.cases.get(group.case) if group.case else None
        parts = []
        if case is not None:
            parts.append(f"**{case.title}**\n\n{case.scenario}")
        if group.stem:
            parts.append(group.stem)
        return "\n\n".join(parts)


def context(fmt: str, cases: Mapping[str, Case]) -> ExportContext:
    return ExportContext(Losses(fmt), cases, MarkdownRenderer(["tables", "sane_lists"]))


def leaves(questions: tuple[Question, ...], ctx: ExportContext, fmt_note: Text) -> list[tuple[Question, str]]:
    """Questions a format can hold one by one: a group becomes its sub-questions, each with the
    shared stem (Markdown) to put before its own; the loss is recorded once per group."""
    out: list[tuple[Question, str]] = []
    for q in questions:
        if q.subs:
            ctx.losses.add(fmt_note, q.id)
            shared = ctx.shared_stem(q)
            out += [(s, shared) for s in q.subs]
        else:
            out.append((q, ""))
    return out


def plain(markup: Markup | str) -> str:
    """HTML → text, for formats that hold plain text only."""
    text = re.sub(r"<br\s*/?>|</p>|</li>|</h\d>", "\n", str(markup))
    text = re.sub(r"<[^>]+>", "", text)
    import html

    return re.sub(r"\n{3,}", "\n\n", html.unescape(text)).strip()
