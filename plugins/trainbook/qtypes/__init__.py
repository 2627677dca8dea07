"""The registry of question types: one entry per type, read by every other part.

Loader (load.py), cross-file checks (validate.py), quiz data and static HTML (render.py,
templates/quiz/<type>.html), the quiz engine's labels (passed in the data), the generated pages'
type names and the per-type rules of schemas/bank.schema.json (qtypes/schema.py) all come from
here. A new type is one new module with a :class:`QuestionKind` subclass, one line in ``_KINDS``,
its static template and its builder in assets/quiz.js.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .base import COMMON_KEYS, QuestionKind, ReadContext
from .choice import Multiple, Single
from .fill_blank import BLANK_RE, FillBlankKind
from .group import GroupKind
from .matching import MatchingKind
from .ordering import OrderingKind
from .short_answer import ShortAnswerKind
from .true_false import TrueFalseKind

_KINDS: tuple[QuestionKind, ...] = (
    Single(),
    Multiple(),
    TrueFalseKind(),
    FillBlankKind(),
    OrderingKind(),
    MatchingKind(),
    ShortAnswerKind(),
    GroupKind(),
)

#: type name -> its definition, in contract order (the order pages list types in).
TYPES: Mapping[str, QuestionKind] = MappingProxyType({k.name: k for k in _KINDS})
QUESTION_TYPES: tuple[str, ...] = tuple(TYPES)
#: Derived views kept for callers that only need names.
TYPE_NAMES_ZH: Mapping[str, str] = MappingProxyType({k.name: k.label("zh") for k in _KINDS})


def kind(name: str) -> QuestionKind:
    return TYPES[name]


def labels(lang: str = "zh") -> dict[str, str]:
    return {k.name: k.label(lang) for k in _KINDS}


__all__ = [
    "BLANK_RE",
    "COMMON_KEYS",
    "QUESTION_TYPES",
    "TYPES",
    "TYPE_NAMES_ZH",
    "QuestionKind",
    "ReadContext",
    "kind",
    "labels",
]
