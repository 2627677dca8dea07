"""Bank YAML that is pleasant to edit: block style, Chinese as written, keys in contract order.

Keys follow ``qtypes.COMMON_KEYS`` and then the type's own keys; values equal to the bank's
``defaults`` (or, for a sub-question, to its group's) are left out; tags and objectives are
short flow lists like the hand-written banks; multi-line Markdown is a literal block.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..qtypes import COMMON_KEYS, TYPES
from .rows import Draft

BUILTIN_DEFAULTS = {"points": 1, "difficulty": 2, "pool": "practice"}
SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schemas" / "bank.schema.json"


class _Flow(list):  # type: ignore[type-arg]
    """A list written inline: [a, b]."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Lists under a key are indented like the hand-written banks ("options:\n  - …").
        return super().increase_indent(flow, False)


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value.strip("\n") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(_Flow, _flow)


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6, default_flow_style=False)


def schema_line(out: Path, content: Path | None = None) -> str:
    """The editor hint a bank starts with: the schema folder the handbook's other YAML files
    name (a handbook made by ``trainbook init`` names its own ``.trainbook/schemas`` copies), as
    ``trainbook new`` writes it. When that names no schema there is, the shipped one: relative to
    *out* when it lies inside the working tree, else as a file URI.
    """
    if content is not None and content.is_dir():
        from ..newfile import schema_dir

        ref = f"{schema_dir(out.parent, content)}/bank.schema.json"
        if (out.parent / ref).is_file():
            return f"# yaml-language-server: $schema={ref}\n"
    if SCHEMA_FILE.is_relative_to(Path.cwd().resolve()):
        ref = Path(os.path.relpath(SCHEMA_FILE, out.resolve().parent)).as_posix()
    else:
        ref = SCHEMA_FILE.as_uri()
    return f"# yaml-language-server: $schema={ref}\n"


def _most_common(values: Sequence[Any], fallback: Any) -> Any:
    return Counter(values).most_common(1)[0][0] if values else fallback


def choose_defaults(drafts: Sequence[Draft]) -> dict[str, Any]:
    """The bank's defaults: the most frequent value of each, so most questions need not repeat it."""
    leaves = [d for top in drafts for d in ([top] if not top.subs else top.subs)]
    return {
        "points": _most_common([d.fields["points"] for d in leaves], BUILTIN_DEFAULTS["points"]),
        "difficulty": _most_common([d.fields["difficulty"] for d in drafts], BUILTIN_DEFAULTS["difficulty"]),
        "pool": _most_common([d.fields["pool"] for d in drafts], BUILTIN_DEFAULTS["pool"]),
    }


def resolve(drafts: Sequence[Draft]) -> None:
    """Fill empty 难度 / 分值 / 用途 cells with the bank's built-in defaults (a sub-question: its group's)."""
    for top in drafts:
        f = top.fields
        f["difficulty"] = f["difficulty"] or BUILTIN_DEFAULTS["difficulty"]
        f["pool"] = f["pool"] or BUILTIN_DEFAULTS["pool"]
        if f["points"] is None:
            f["points"] = BUILTIN_DEFAULTS["points"]
        for sub in top.subs:
            sf = sub.fields
            sf["difficulty"] = sf["difficulty"] or f["difficulty"]
            sf["pool"] = f["pool"]
            if sf["points"] is None:
                sf["points"] = BUILTIN_DEFAULTS["points"]


def question_dict(d: Draft, defaults: dict[str, Any], parent: Draft | None = None) -> dict[str, Any]:
    f = d.fields
    base_difficulty = parent.fields["difficulty"] if parent is not None else defaults["difficulty"]
    values: dict[str, Any] = {
        "id": d.id,
        "type": d.type,
        "stem": f["stem"] or None,
        "explanation": f["explanation"] or None,
        "objectives": _Flow(f["objectives"]) or None,
        "tags": _Flow(f["tags"]) or None,
        "difficulty": None if f["difficulty"] == base_difficulty else f["difficulty"],
        "points": None if d.subs or f["points"] == defaults["points"] else f["points"],
        "pool": None if parent is not None or f["pool"] == defaults["pool"] else f["pool"],
        "source": f["source"],
    }
    out = {k: values[k] for k in COMMON_KEYS if values.get(k) is not None}
    out.update(TYPES[d.type].to_yaml(d.body))
    if d.subs:
        out["questions"] = [question_dict(s, defaults, d) for s in d.subs]
    return out


def bank_text(
    bank_id: str,
    title: str,
    module: str | None,
    drafts: Sequence[Draft],
    out: Path,
    header: str = "",
    content: Path | None = None,
) -> str:
    """The whole bank file; *header* is a comment placed under the schema line."""
    defaults = choose_defaults(drafts)
    head: dict[str, Any] = {"id": bank_id, "title": title}
    if module:
        head["module"] = module
    head["defaults"] = defaults
    parts = [schema_line(out, content), header, dump(head), "questions:\n"]
    for i, d in enumerate(drafts):
        item = dump([question_dict(d, defaults)])
        parts.append(
            ("\n" if i else "") + "".join("  " + line if line.strip() else line for line in item.splitlines(True))
        )
    return "".join(parts)
