"""What every question type declares: its keys, how it is read and checked, its labels, what
the quiz engine receives and the JSON-Schema rules for editors.

One subclass per type, registered in :mod:`trainbook.qtypes`; loader, validator, renderer,
templates and the bank schema all ask the registry instead of switching on the type name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from markupsafe import Markup

from ..diagnostics import Pos, Report
from ..messages import msg
from ..model import Body, Case, Project, Question
from ..reader import Reader
from ..yamlsource import Map
from .flat import Flat
from .paper import BadResponseError, PaperKey, PaperMark

if TYPE_CHECKING:
    from ..render import Renderer

#: Keys every question may have, in contract order (the order an importer writes them in).
COMMON_KEYS: tuple[str, ...] = (
    "id",
    "type",
    "stem",
    "explanation",
    "objectives",
    "tags",
    "difficulty",
    "points",
    "pool",
    "source",
)


def shuffled(n: int, rng: random.Random) -> tuple[int, ...]:
    """A random order of range(n) that is never the authored one (the paper must not give it away)."""
    order = list(range(n))
    rng.shuffle(order)
    if n > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return tuple(order)


@dataclass(frozen=True)
class ReadContext:
    """What a type's reader may use besides its own mapping."""

    r: Reader
    report: Report
    fields: Mapping[str, Any]  # the common fields already read (id, stem, points, …)
    #: read one sub-question (groups only): (data, pos, label, parent) -> Question | None
    read_sub: Callable[[Any, Pos, str, Question], Question | None]


class QuestionKind:
    """Base class of a question type; subclasses set the class attributes and override methods."""

    name: ClassVar[str]
    label_zh: ClassVar[str]
    label_en: ClassVar[str]
    keys: ClassVar[tuple[str, ...]]  # keys of this type besides COMMON_KEYS
    required: ClassVar[tuple[str, ...]]
    body_type: ClassVar[type]
    in_group: ClassVar[bool] = True  # may be a sub-question of a group
    #: What a 题库 spreadsheet or text calls this type (题型 column, section headings), besides
    #: the name and the zh/en labels.
    aliases: ClassVar[tuple[str, ...]] = ()

    def label(self, lang: str = "zh") -> str:
        """The type's name for readers: zh, or en for an English handbook."""
        return self.label_en if lang == "en" else self.label_zh

    @property
    def template(self) -> str:
        """The quiz's static (no-JS) rendering of this type: templates/quiz/<type>.html."""
        return f"quiz/{self.name}.html"

    # -- reading ----------------------------------------------------------------------------
    def read(self, ctx: ReadContext, m: Map, what: str) -> Body:
        raise NotImplementedError

    def points(self, body: Body, authored: float) -> float:
        """The question's points given its body (a group is worth the sum of its parts)."""
        return authored

    def check(self, q: Question, project: Project, report: Report) -> None:
        """Rules that need the whole project (references to other files)."""

    # -- rendering ----------------------------------------------------------------------------
    def stem_html(self, q: Question, renderer: Renderer) -> Markup:
        return renderer.md.block(q.stem)

    def quiz_data(
        self, q: Question, renderer: Renderer, points: float | None, cases: Mapping[str, Case]
    ) -> dict[str, Any]:
        """Type-specific part of what the quiz engine receives (HTML strings already sanitised)."""
        raise NotImplementedError

    # -- printed papers (papers/) ------------------------------------------------------------------
    #: the single answer is placed where the paper's balancing says (answer letters spread evenly)
    balanced: ClassVar[bool] = False

    @property
    def paper_template(self) -> str:
        """Macros paper(), sheet() and key() laying this type out on paper: templates/papers/types/<type>.html."""
        return f"papers/types/{self.name}.html"

    def paper_order(
        self, q: Question, rng: random.Random, shuffle_options: bool, answer_at: int | None = None
    ) -> tuple[int, ...]:
        """For each printed position, the 0-based index of the authored entry shown there; () if nothing moves."""
        return ()

    def paper_answer(self, q: Question, order: tuple[int, ...]) -> str | None:
        """The answer as the candidate writes it on that paper (manifest notation); None: marked by hand."""
        return None

    #: How a cell of the responses sheet holds this type's answer (the notation mark_paper reads),
    #: for the sheet's notes; empty for a type with no cell of its own (a group's parts have theirs).
    response_zh: ClassVar[str] = ""
    response_en: ClassVar[str] = ""

    def response_notation(self, lang: str = "zh") -> str:
        return self.response_en if lang == "en" else self.response_zh

    def sheet_marks(self, q: Question) -> tuple[str, ...]:
        """The marks the 答题卡 grid offers for it (letters, √ ×); () for an answer written out."""
        return ()

    # -- editor schema ------------------------------------------------------------------------
    def schema_properties(self) -> dict[str, Any]:
        """Per-type overrides of property schemas (e.g. the answer form) for bank.schema.json."""
        return {}

    def schema_rules(self) -> dict[str, Any]:
        """Further JSON-Schema keywords of this type's rule (e.g. "one of these keys")."""
        return {}

    # -- paper marking ------------------------------------------------------------------------
    def mark_paper(self, written: str, key: PaperKey) -> PaperMark:
        """Points for what a candidate wrote (a non-empty cell of a responses file); raises
        :class:`BadResponseError` when the cell is no possible answer."""
        raise BadResponseError(msg("paper.not_marked", type=self.name))

    # -- interchange (spreadsheets, plain text; see flat.py) --------------------------------------
    def names(self) -> tuple[str, ...]:
        """Every name an import accepts for this type."""
        return (self.name, self.label_zh, self.label_en, *self.aliases)

    def to_yaml(self, body: Body) -> dict[str, Any]:
        """The type's own keys as an importer writes them, in :attr:`keys` order; defaults left out."""
        raise NotImplementedError

    def flatten(self, body: Body) -> Flat:
        """The body as cells (answer in the type's notation)."""
        raise NotImplementedError

    def unflatten(self, flat: Flat, stem: str) -> Body:
        """Cells back to a body; raises :class:`~.flat.NotationError` for a cell that does not fit."""
        raise NotImplementedError
