"""Typed, immutable model of a handbook's content.

Loaders build these from YAML and Markdown; validators and renderers only read
them. Each object keeps ``pos`` (where it starts) and ``where`` (where each of
its keys stood), so any later check can point at the exact line.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .diagnostics import Pos

if TYPE_CHECKING:
    from .fences import PageFence

POOLS = ("practice", "exam")
LETTERS = "ABCDEFGH"

_NO_WHERE: Mapping[str, Pos] = MappingProxyType({})


def frozen_where(where: Mapping[str, Pos] | None) -> Mapping[str, Pos]:
    if not where:
        return _NO_WHERE
    paths = {p.path for p in where.values()}
    if len(paths) == 1:
        try:
            packed = array("I", [n for p in where.values() for n in (p.line, p.col)])
        except OverflowError:
            pass
        else:
            keys = tuple(where)
            return Where(paths.pop(), _KEYS.setdefault(keys, keys), packed)
    return MappingProxyType(dict(where))


#: The key tuples of Where maps: a few shapes (a single-choice question's keys …), each kept once.
_KEYS: dict[tuple[Any, ...], tuple[Any, ...]] = {}


class Where(Mapping[Any, Pos]):
    """Where each key of one object stood, in one file: a path and two small numbers per key.

    A 10,000-question handbook has some 30,000 of these maps; as dicts of :class:`Pos` they were
    about a sixth of the loaded model. Each lookup makes the :class:`Pos` again (equal to the one
    the loader saw)."""

    __slots__ = ("_keys", "_packed", "_path")

    def __init__(self, path: str, keys: tuple[Any, ...], packed: array[int]):
        self._path = path
        self._keys = keys
        self._packed = packed

    def __getitem__(self, key: Any) -> Pos:
        try:
            i = self._keys.index(key)
        except ValueError:
            raise KeyError(key) from None
        return Pos(self._path, self._packed[2 * i], self._packed[2 * i + 1])

    def get(self, key: Any, default: Any = None) -> Any:
        try:
            return self[key]
        except KeyError:
            return default

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[Any]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


@dataclass(frozen=True)
class Located:
    """Mixin: the start of the object and the position of each key."""

    pos: Pos
    where: Mapping[str, Pos] = field(default_factory=lambda: _NO_WHERE, compare=False, repr=False)

    def at(self, key: str) -> Pos:
        return self.where.get(key, self.pos)


@dataclass(frozen=True)
class Objective(Located):
    id: str = ""
    text: str = ""


@dataclass(frozen=True)
class LearningPath(Located):
    """One reader role's ordered modules (front matter ``paths`` of a page, usually the home page)."""

    id: str = ""
    title: str = ""  # the role, e.g. 新入职客服专员
    intro: str | None = None  # Markdown
    modules: tuple[str, ...] = ()  # page ids, in the order to study them
    next: str | None = None  # Markdown: where to go once every module is done
    exam: str | None = None  # an exam with an online mock exam: the path's last step
    module_at: tuple[Pos, ...] = field(default=(), compare=False, repr=False)  # where each module id stands


@dataclass(frozen=True)
class Page(Located):
    """A handbook page; only pages with front matter ``id`` can be referred to."""

    src_path: str = ""  # relative to the pages folder, with "/"
    id: str | None = None
    title: str | None = None
    duration: int | None = None
    audience: tuple[str, ...] = ()
    objectives: tuple[Objective, ...] = ()
    paths: tuple[LearningPath, ...] = ()

    @property
    def is_module(self) -> bool:
        """A course module: its front matter says how long, for whom or what it teaches."""
        return self.duration is not None or bool(self.audience) or bool(self.objectives)


@dataclass(frozen=True)
class RubricPoint:
    point: str
    points: float


# -- typed payloads, one per question type (qtypes/ reads, checks and renders them) --------------


@dataclass(frozen=True)
class Choice:
    """single and multiple: options in authored order, the answer as 0-based option indices."""

    options: tuple[str, ...] = ()
    answer: tuple[int, ...] = ()
    partial: bool = False  # multiple: a strict subset with no wrong letter earns half
    shuffle: bool = True  # False: the authored option order matters (以上都对, ranges)


@dataclass(frozen=True)
class TrueFalse:
    answer: bool | None = None


@dataclass(frozen=True)
class FillBlank:
    blanks: tuple[tuple[str, ...], ...] = ()  # accepted strings per blank


@dataclass(frozen=True)
class Ordering:
    items: tuple[str, ...] = ()  # in the right order


@dataclass(frozen=True)
class Matching:
    pairs: tuple[tuple[str, str], ...] = ()
    distractors: tuple[str, ...] = ()
    partial: bool = False  # online: points per right pair instead of all or nothing


@dataclass(frozen=True)
class ShortAnswer:
    reference: str = ""
    rubric: tuple[RubricPoint, ...] = ()


@dataclass(frozen=True)
class Group:
    case: str | None = None
    questions: tuple[Question, ...] = ()


Body = Choice | TrueFalse | FillBlank | Ordering | Matching | ShortAnswer | Group


@dataclass(frozen=True)
class Question(Located):
    """Fields every type shares; what differs by type is in ``body`` (see qtypes/)."""

    id: str = ""
    type: str = "single"
    bank: str = ""
    stem: str = ""
    explanation: str = ""
    body: Body = field(default_factory=Choice)
    objectives: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    points: float = 1
    pool: str = "practice"
    source: str | None = None
    parent: str | None = None

    @property
    def subs(self) -> tuple[Question, ...]:
        """Sub-questions of a group; () for every other type."""
        return self.body.questions if isinstance(self.body, Group) else ()

    @property
    def case(self) -> str | None:
        """The case study a group is set on."""
        return self.body.case if isinstance(self.body, Group) else None

    @property
    def total_points(self) -> float:
        if self.subs:
            return sum(q.points for q in self.subs)
        return self.points

    def points_with(self, override: float | None) -> float:
        """Worth under an exam section's per-question points (per sub-question for a group)."""
        if override is None:
            return self.total_points
        return override * len(self.subs) if self.type == "group" else override

    @property
    def all_tags(self) -> set[str]:
        """Own tags and those of its sub-questions: filters match a group by any part."""
        return {t for q in self.walk() for t in q.tags}

    @property
    def all_objectives(self) -> set[str]:
        return {o for q in self.walk() for o in q.objectives}

    def walk(self) -> tuple[Question, ...]:
        """This question and its sub-questions."""
        return (self, *self.subs)


@dataclass(frozen=True)
class Bank(Located):
    id: str = ""
    title: str = ""
    module: str | None = None
    questions: tuple[Question, ...] = ()


@dataclass(frozen=True)
class Case(Located):
    id: str = ""
    title: str = ""
    module: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    scenario: str = ""
    discussion: tuple[str, ...] = ()
    analysis: str | None = None
    practice: str | None = None
    references: tuple[str, ...] = ()


@dataclass(frozen=True)
class DrawRule(Located):
    bank: str | None = None
    type: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    objectives: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    count: int | None = None
    pool: str = "any"

    def describe(self) -> str:
        parts = []
        for key in ("bank", "type", "pool"):
            value = getattr(self, key)
            if value and not (key == "pool" and value == "any"):
                parts.append(f"{key}={value}")
        for key in ("tags", "difficulty", "objectives", "ids"):
            value = getattr(self, key)
            if value:
                parts.append(f"{key}=[{', '.join(map(str, value))}]")
        if self.count is not None:
            parts.append(f"count={self.count}")
        return "{" + ", ".join(parts) + "}"


@dataclass(frozen=True)
class Section(Located):
    title: str = ""
    instructions: str | None = None
    points: float | None = None
    draw: tuple[DrawRule, ...] = ()


@dataclass(frozen=True)
class Exam(Located):
    id: str = ""
    title: str = ""
    duration: int | None = None
    pass_mark: float | None = None
    seed: int = 0
    variants: tuple[str, ...] = ("A",)
    shuffle_questions: bool = True
    shuffle_options: bool = True
    online: bool = False
    instructions: str | None = None
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Level(Located):
    label: str = ""
    points: float = 0
    description: str | None = None


@dataclass(frozen=True)
class Criterion(Located):
    name: str = ""
    description: str | None = None
    points: float | None = None
    levels: tuple[Level, ...] = ()
    critical: bool = False


@dataclass(frozen=True)
class Rubric(Located):
    id: str = ""
    title: str = ""
    case: str | None = None
    duration: int | None = None
    instructions: str | None = None
    pass_mark: float | None = None
    criteria: tuple[Criterion, ...] = ()
    pages: int | None = None  # A4 pages the printed sheet is meant to fill (checked by the print tests)

    @property
    def total_points(self) -> float:
        return sum(c.points or 0 for c in self.criteria if not c.critical)


@dataclass(frozen=True)
class Component(Located):
    id: str = ""
    name: str = ""
    weight: float = 0
    exam: str | None = None
    rubric: str | None = None
    form: str | None = None


@dataclass(frozen=True)
class Grade(Located):
    label: str = ""
    min: float = 0


@dataclass(frozen=True)
class Scheme(Located):
    id: str = ""
    title: str = ""
    components: tuple[Component, ...] = ()
    grades: tuple[Grade, ...] = ()
    outcomes: str | None = None

    def grade_for(self, total: float) -> str | None:
        for grade in self.grades:
            if total >= grade.min:
                return grade.label
        return None


# A form's blocks, in the default printing order.
FORM_BLOCKS = ("fields", "intro", "sections", "table")


@dataclass(frozen=True)
class FormItem(Located):
    text: str = ""
    scale: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    multiple: bool = False
    lines: int | None = None


@dataclass(frozen=True)
class FormSection(Located):
    title: str = ""
    items: tuple[FormItem, ...] = ()


@dataclass(frozen=True)
class FormTable(Located):
    title: str = ""
    columns: tuple[str, ...] = ()
    rows: int = 10

    def numbered(self) -> bool:
        """Whether the first column is a row number, printed pre-filled (1, 2, …)."""
        return bool(self.columns) and self.columns[0] in ("序号", "编号", "No.", "No")


@dataclass(frozen=True)
class Form(Located):
    id: str = ""
    title: str = ""
    intro: str | None = None
    fields: tuple[str, ...] = ()
    sections: tuple[FormSection, ...] = ()
    table: FormTable | None = None
    order: tuple[str, ...] = ()
    pages: int | None = None  # A4 pages the printed form is meant to fill (checked by the print tests)

    def blocks(self) -> tuple[str, ...]:
        """The blocks this form has, in printing order: the author's ``order`` if given,
        else fields, intro, sections, table (the order before ``order`` existed)."""
        present = {
            "fields": bool(self.fields),
            "intro": bool(self.intro),
            "sections": bool(self.sections),
            "table": self.table is not None,
        }
        return tuple(b for b in (self.order or FORM_BLOCKS) if present[b])


@dataclass(frozen=True)
class Project:
    """Everything loaded from one content folder."""

    content_dir: str
    pages_dir: str
    banks: tuple[Bank, ...] = ()
    cases: tuple[Case, ...] = ()
    exams: tuple[Exam, ...] = ()
    rubrics: tuple[Rubric, ...] = ()
    schemes: tuple[Scheme, ...] = ()
    forms: tuple[Form, ...] = ()
    pages: tuple[Page, ...] = ()
    #: ids written in files that could not be read (a YAML syntax error, not UTF-8, not a
    #: mapping): their own error says what is wrong, so a reference to one of them is not
    #: reported again as "does not exist" (one mistake, one message).
    unread: frozenset[str] = frozenset()
    #: The pages' quiz and case fences as validation read them; None before validation.
    fences: tuple[PageFence, ...] | None = None

    def bank(self, bank_id: str) -> Bank | None:
        return next((b for b in self.banks if b.id == bank_id), None)

    def case(self, case_id: str) -> Case | None:
        return next((c for c in self.cases if c.id == case_id), None)

    def page(self, page_id: str) -> Page | None:
        return next((p for p in self.pages if p.id == page_id), None)

    def questions(self) -> tuple[Question, ...]:
        """Top-level questions of every bank (groups whole)."""
        return tuple(q for b in self.banks for q in b.questions)

    def question(self, qid: str) -> Question | None:
        for q in self.questions():
            for sub in q.walk():
                if sub.id == qid:
                    return sub
        return None


def __getattr__(name: str) -> Any:
    # QUESTION_TYPES and TYPE_NAMES_ZH moved to the registry (qtypes/); kept importable from here.
    if name in ("QUESTION_TYPES", "TYPE_NAMES_ZH"):
        from . import qtypes

        return getattr(qtypes, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
