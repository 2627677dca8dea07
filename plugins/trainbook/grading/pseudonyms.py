"""Stable pseudonyms for reports shared beyond the training team (``--anonymize``).

Each 工号 is keyed with HMAC-SHA256 under a salt; people are numbered 学员001, 学员002, … in the
order of their keys. The same people and salt always give the same labels; without the salt
the labels cannot be traced back to 工号 (a per-run random salt when none is given).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable

PREFIX = "学员"


def new_salt() -> str:
    return secrets.token_hex(16)


def pseudonyms(ids: Iterable[str], salt: str) -> dict[str, str]:
    key = salt.encode("utf-8")
    digests = {pid: hmac.new(key, pid.encode("utf-8"), hashlib.sha256).hexdigest() for pid in set(ids)}
    width = max(3, len(str(len(digests))))
    ordered = sorted(digests, key=lambda pid: digests[pid])
    return {pid: f"{PREFIX}{i:0{width}d}" for i, pid in enumerate(ordered, 1)}
