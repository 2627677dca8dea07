"""Drawing exam papers from blueprints, deterministically.

A variant's draw depends only on (seed, variant id, item ids): each rule gets
its own random stream seeded from those, so editing one section never reshuffles
another, and the same blueprint always gives the same paper.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field

from .diagnostics import Pos
from .messages import EMPTY, Text, join, msg
from .model import DrawRule, Exam, Project, Question


@dataclass(frozen=True)
class Shortfall:
    section: int  # 0-based
    rule: int  # 0-based
    need: int
    have: int
    #: questions the rule matches that earlier rules of the paper drew: (id, section, rule), 0-based
    drawn_before: tuple[tuple[str, int, int], ...] = ()

    def message(self, exam: Exam, key: str, **values: object) -> tuple[Pos, Text]:
        """Where the rule that cannot be filled stands, and the message *key* saying so: the
        fields every shortfall message shares, plus *values* (the pool, or variant and seed)."""
        section = exam.sections[self.section]
        rule = section.draw[self.rule]
        already = EMPTY
        if self.drawn_before:
            shown = [
                msg("draw.drawn_by", id=qid, section=sec + 1, rule=ri + 1) for qid, sec, ri in self.drawn_before[:3]
            ]
            more = len(self.drawn_before) - len(shown)
            listed = join(shown, ", ", "、")
            if more:
                listed = Text(f"{listed} (+{more})", f"{listed.zh}（另有 {more} 题）")
            already = msg("draw.already_drawn", drawn=listed)
        text = msg(
            key,
            exam=exam.id,
            section=self.section + 1,
            title=section.title,
            rule=self.rule + 1,
            rule_text=rule.describe(),
            need=self.need,
            have=self.have,
            already=already,
            **values,
        )
        return rule.pos, text


@dataclass(frozen=True)
class DrawnSection:
    title: str
    questions: tuple[Question, ...]
    points: float | None


@dataclass(frozen=True)
class Paper:
    exam: str
    variant: str
    sections: tuple[DrawnSection, ...]
    shortfalls: tuple[Shortfall, ...] = field(default=())

    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @property
    def total_points(self) -> float:
        return sum(q.points_with(s.points) for s in self.sections for q in s.questions)


def rng_for(*parts: object) -> random.Random:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def rule_matches(rule: DrawRule, q: Question, pool: str) -> bool:
    return (
        (rule.bank is None or q.bank == rule.bank)
        and (rule.type is None or q.type == rule.type)
        and (not rule.tags or bool(set(rule.tags) & q.all_tags))
        and (not rule.difficulty or q.difficulty in rule.difficulty)
        and (not rule.objectives or bool(set(rule.objectives) & q.all_objectives))
        and (not rule.ids or q.id in rule.ids)
        and (pool == "any" or q.pool == pool)
    )


#: The pool of no question: what a rule asking for exam-pool items draws from online.
NO_POOL = ""


def effective_pool(rule: DrawRule, online: bool) -> str:
    # The online mock exam is published, so it may only ever draw practice items; a rule asking
    # for exam-pool items is drawn "from the practice pool alone" (FORMATS) and finds none.
    if not online:
        return rule.pool
    return NO_POOL if rule.pool == "exam" else "practice"


def draw_paper(project: Project, exam: Exam, variant: str, online: bool = False) -> Paper:
    items = project.questions()
    taken: dict[str, tuple[int, int]] = {}  # id -> (section, rule) that drew it
    sections = []
    shortfalls = []
    stream = "online" if online else variant
    for si, section in enumerate(exam.sections):
        chosen: list[Question] = []
        for ri, rule in enumerate(section.draw):
            pool = effective_pool(rule, online)
            # Sorted by id: the draw must not depend on where a question stands in its bank file.
            candidates = sorted(
                (q for q in items if q.id not in taken and rule_matches(rule, q, pool)), key=lambda q: q.id
            )
            if rule.ids:
                order = {qid: i for i, qid in enumerate(rule.ids)}
                candidates.sort(key=lambda q: order[q.id])
            else:
                # By id, not file order: moving questions around in a bank must not change a paper.
                candidates.sort(key=lambda q: q.id)
            need = rule.count if rule.count is not None else len(rule.ids) if rule.ids else len(candidates)
            if len(candidates) < need or need == 0:
                # The same question asked for by two rules: say which rule drew it first.
                before = tuple(
                    (q.id, *taken[q.id])
                    for q in sorted(items, key=lambda q: q.id)
                    if q.id in taken and rule_matches(rule, q, pool)
                )
                shortfalls.append(Shortfall(si, ri, need or 1, len(candidates), before))
                picked = candidates
            elif rule.count is None:
                picked = candidates
            else:
                rng = rng_for(exam.seed, stream, si, ri, ",".join(q.id for q in candidates))
                picked = rng.sample(candidates, need)
            chosen.extend(picked)
            taken.update((q.id, (si, ri)) for q in picked)
        if exam.shuffle_questions:
            rng_for(exam.seed, stream, si, "order", ",".join(q.id for q in chosen)).shuffle(chosen)
        sections.append(DrawnSection(section.title, tuple(chosen), section.points))
    return Paper(exam.id, stream, tuple(sections), tuple(shortfalls))
