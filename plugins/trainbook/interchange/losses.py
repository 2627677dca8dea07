"""What an export could not carry over: one line per kind of loss, with a count."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Losses:
    """Collected while writing; the CLI prints :meth:`lines` and :attr:`warnings`."""

    fmt: str
    kinds: dict[str, list[str]] = field(default_factory=dict)  # description → question ids
    warnings: list[str] = field(default_factory=list)  # one per question, when its value changed
    notes: list[str] = field(default_factory=list)  # information that is not a loss

    def add(self, what: str, qid: str) -> None:
        """*what* reads after a count: "questions skipped (not single choice)"."""
        ids = self.kinds.setdefault(what, [])
        if qid not in ids:
            ids.append(qid)

    def count(self, what: str) -> int:
        return len(self.kinds.get(what, ()))

    def lines(self) -> list[str]:
        return [f"{self.fmt}: {len(ids)} {what}" for what, ids in self.kinds.items()]
