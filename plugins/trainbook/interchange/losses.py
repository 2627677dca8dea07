"""What an export could not carry over: one line per kind of loss, with a count, in English
and Chinese (the command line picks the language)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..messages import Text


def loss(en: str, zh: str) -> Text:
    """A kind of loss, worded to read after a count: "questions skipped (not single choice)"
    / "题被跳过（不是单选题）". Defined once, beside the writer that loses it."""
    return Text(en, zh)


@dataclass
class Losses:
    """Collected while writing; the CLI prints :meth:`lines` and :attr:`warnings`."""

    fmt: str
    kinds: dict[Text, list[str]] = field(default_factory=dict)  # description → question ids
    warnings: list[Text] = field(default_factory=list)  # one per question, when its value changed
    notes: list[Text] = field(default_factory=list)  # information that is not a loss

    def add(self, what: Text, qid: str) -> None:
        ids = self.kinds.setdefault(what, [])
        if qid not in ids:
            ids.append(qid)

    def count(self, what: Text) -> int:
        return len(self.kinds.get(what, ()))

    def lines(self) -> list[Text]:
        return [
            Text(f"{self.fmt}: {len(ids)} {what}", f"{self.fmt}：{len(ids)} {what.zh}")
            for what, ids in self.kinds.items()
        ]
