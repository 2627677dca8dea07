"""The per-type rules of schemas/bank.schema.json, generated from the registry.

The shipped schema file is what editors read; tests/core/test_qtypes.py compares it with
:func:`bank_type_rules` so the two cannot drift. ``python -m trainbook.qtypes.schema`` rewrites
the file after a registry change.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from . import COMMON_KEYS, QUESTION_TYPES, TYPES

BANK_SCHEMA = Path(__file__).resolve().parent.parent / "schemas" / "bank.schema.json"


def type_specific_keys() -> list[str]:
    keys: list[str] = []
    for k in TYPES.values():
        keys += [key for key in k.keys if key not in keys and key not in COMMON_KEYS]
    return keys


def bank_type_rules(in_group: bool = False) -> list[dict[str, Any]]:
    """One if/then per type: its required keys, the other types' keys forbidden, its answer form."""
    others = type_specific_keys()
    rules = []
    for name, k in TYPES.items():
        if in_group and not k.in_group:
            continue
        props: dict[str, Any] = {key: False for key in sorted(others) if key not in k.keys}
        props.update(k.schema_properties())
        rules.append(
            {
                "if": {"properties": {"type": {"const": name}}, "required": ["type"]},
                "then": {"required": list(k.required), **k.schema_rules(), "properties": props},
            }
        )
    return rules


def updated_schema(schema: dict[str, Any]) -> dict[str, Any]:
    defs = schema["$defs"]
    defs["question"]["properties"]["type"]["enum"] = list(QUESTION_TYPES)
    defs["question"]["allOf"] = bank_type_rules()
    defs["subQuestion"]["properties"]["type"]["enum"] = [n for n, k in TYPES.items() if k.in_group]
    defs["subQuestion"]["allOf"] = bank_type_rules(in_group=True)
    return schema


def main() -> int:
    schema = json.loads(BANK_SCHEMA.read_text(encoding="utf-8"))
    BANK_SCHEMA.write_text(json.dumps(updated_schema(schema), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
