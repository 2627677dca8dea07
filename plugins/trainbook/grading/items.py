"""Item analysis of a marked exam: difficulty, discrimination, point-biserial, option shares,
flags, and objective mastery per class and per person.

Definitions (classical test theory, as a training manager's review expects):
P  = mean of earned/points over the candidates who sat the item (proportion correct for 0/1 items);
D  = P of the upper 27 % minus P of the lower 27 % of those candidates ranked by exam score;
r  = Pearson correlation of earned/points with the rest-score (exam score minus this item, as a
     share of the paper's other points, so that variants worth different totals compare).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import LETTERS, Choice, Project, Question
from .responses import Sheet
from .rounding import share

GROUP_SHARE = 0.27
TOO_HARD, TOO_EASY = 0.2, 0.95
MASTERY = 0.6  # an objective is mastered at 60 % of its points


@dataclass(frozen=True)
class ItemStats:
    question: Question
    takers: int
    p: float
    d: float | None
    r: float | None
    option_shares: tuple[float, ...]  # per bank option (choice types); () otherwise
    unanswered: float
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ObjectiveStats:
    id: str
    text: str
    page: str | None  # handbook page src_path
    page_title: str | None
    rate: float  # earned / possible over everyone
    mastered: float  # share of people at or above MASTERY


@dataclass(frozen=True)
class Analysis:
    items: tuple[ItemStats, ...]
    objectives: tuple[ObjectiveStats, ...]
    weak: Mapping[str, tuple[str, ...]]  # person id -> objective ids below MASTERY


def group_size(n: int) -> int:
    return max(1, int(GROUP_SHARE * n + 0.5)) if n else 0


def objectives_of(q: Question, project: Project) -> tuple[str, ...]:
    if q.objectives or not q.parent:
        return q.objectives
    parent = project.question(q.parent)
    return parent.objectives if parent is not None else ()


def analyse(sheets: Sequence[Sheet], project: Project) -> Analysis:
    # Rank candidates once by their share of their own paper's full marks (variants may differ in
    # total), ties by 工号; every item's groups follow that order. The rest-score is a share too.
    ordered = sorted(sheets, key=lambda s: (-s.share, s.person))
    per_item: dict[str, list[tuple[float, float, tuple[int, ...] | None]]] = {}
    questions: dict[str, Question] = {}
    for sheet in ordered:
        total, full = sheet.score, sheet.full_marks
        for item, mark in zip(sheet.items, sheet.marks, strict=True):
            earned = mark.points if mark is not None else 0.0
            frac = _share(earned, item.key.points)
            chosen = mark.chosen if mark is not None else None
            rest = _share(total - earned, full - item.key.points)
            per_item.setdefault(item.id, []).append((frac, rest, chosen))
            questions.setdefault(item.id, item.question)
    items = tuple(_item(questions[qid], rows) for qid, rows in per_item.items())
    objectives, weak = _objectives(ordered, project)
    return Analysis(items, objectives, weak)


def _share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _item(q: Question, rows: list[tuple[float, float, tuple[int, ...] | None]]) -> ItemStats:
    n = len(rows)
    fracs = [r[0] for r in rows]
    p = sum(fracs) / n
    k = group_size(n)
    d = (sum(fracs[:k]) - sum(fracs[n - k :])) / k if n >= 2 else None
    r = correlation(fracs, [row[1] for row in rows])
    shares: tuple[float, ...] = ()
    if isinstance(q.body, Choice):
        counts = [0] * len(q.body.options)
        for row in rows:
            for i in row[2] or ():
                counts[i] += 1
        shares = tuple(c / n for c in counts)
    unanswered = sum(1 for row in rows if row[2] is None) / n
    flags = []
    if p < TOO_HARD:
        flags.append("过难")
    if p > TOO_EASY:
        flags.append("过易")
    if d is not None and d < 0:
        flags.append("区分度为负")
    return ItemStats(q, n, p, d, r, shares, unanswered, tuple(flags))


def correlation(xs: Sequence[float], ys: Sequence[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sxx = syy = 0.0
    for x, y in zip(xs, ys, strict=True):
        dx, dy = x - mx, y - my
        sxy += dx * dy
        sxx += dx * dx
        syy += dy * dy
    if sxx <= 1e-12 or syy <= 1e-12:
        return None  # everyone alike on the item or on the rest: no correlation to speak of
    return sxy / math.sqrt(sxx * syy)


def option_text(stats: ItemStats) -> str:
    """各选项选择率 for items.csv: bank letters, the correct ones starred, then 未答."""
    if not stats.option_shares:
        return f"未答 {share(stats.unanswered, stats.takers)}"
    q = stats.question
    assert isinstance(q.body, Choice)
    parts = [
        f"{LETTERS[i]}{'*' if i in q.body.answer else ''} {share(part, stats.takers)}"
        for i, part in enumerate(stats.option_shares)
    ]
    return "; ".join([*parts, f"未答 {share(stats.unanswered, stats.takers)}"])


def _objectives(
    sheets: Sequence[Sheet], project: Project
) -> tuple[tuple[ObjectiveStats, ...], dict[str, tuple[str, ...]]]:
    texts: dict[str, tuple[str, str | None, str | None]] = {}
    for page in project.pages:
        for objective in page.objectives:
            texts.setdefault(objective.id, (objective.text, page.src_path, page.title))
    cache: dict[str, tuple[str, ...]] = {}
    earned: dict[str, float] = {}
    possible: dict[str, float] = {}
    mastered: dict[str, int] = {}
    weak: dict[str, tuple[str, ...]] = {}
    for sheet in sheets:
        mine_e: dict[str, float] = {}
        mine_p: dict[str, float] = {}
        for item, mark in zip(sheet.items, sheet.marks, strict=True):
            objs = cache.get(item.id)
            if objs is None:
                objs = cache[item.id] = objectives_of(item.question, project)
            got = mark.points if mark is not None else 0.0
            for o in objs:
                mine_e[o] = mine_e.get(o, 0.0) + got
                mine_p[o] = mine_p.get(o, 0.0) + item.key.points
        low = []
        for o, worth in mine_p.items():
            earned[o] = earned.get(o, 0.0) + mine_e[o]
            possible[o] = possible.get(o, 0.0) + worth
            if worth and mine_e[o] / worth >= MASTERY - 1e-9:
                mastered[o] = mastered.get(o, 0) + 1
            else:
                low.append(o)
        if low:
            weak[sheet.person] = tuple(sorted(low))
    n = len(sheets) or 1
    out = []
    for o in sorted(possible):
        text, src, title = texts.get(o, (o, None, None))
        rate = earned[o] / possible[o] if possible[o] else 0.0
        out.append(ObjectiveStats(o, text, src, title, rate, mastered.get(o, 0) / n))
    return tuple(out), weak
