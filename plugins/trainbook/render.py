"""HTML fragments for quizzes and case boxes, and the quiz data they carry.

Only practice-pool questions ever reach this module's output: callers pass
questions from ``fences.select_quiz`` or an online mock-exam draw, and
:func:`quiz_html` refuses anything else as a last line of defence.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .load import BLANK_RE
from .markup import MarkdownRenderer
from .model import LETTERS, TYPE_NAMES_ZH, Case, Question

TEMPLATES = Path(__file__).parent / "templates"
_BLANK_TOKEN = "TBBLANKTOKEN{}TB"
_BLANK_TOKEN_RE = re.compile(r"TBBLANKTOKEN(\d+)TB")


class LeakError(RuntimeError):
    """An exam-pool question was about to be published."""


def environment(extra_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """Templates from *extra_dirs* (e.g. a theme's custom_dir) win over the built-in ones."""
    loader = jinja2.FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)])
    env = jinja2.Environment(
        loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True
    )
    env.globals["type_names"] = TYPE_NAMES_ZH
    env.globals["letters"] = LETTERS
    env.filters["num"] = lambda x: f"{x:g}"
    return env


def script_json(data: Any) -> Markup:
    """JSON safe inside <script type="application/json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


class Renderer:
    def __init__(self, md: MarkdownRenderer, env: jinja2.Environment | None = None):
        self.md = md
        self.env = env or environment()

    # -- questions ---------------------------------------------------------
    def stem(self, q: Question) -> Markup:
        if q.type != "fill_blank":
            return self.md.block(q.stem)
        counter = iter(range(1000))
        tokenised = BLANK_RE.sub(lambda _m: _BLANK_TOKEN.format(next(counter)), q.stem)
        html = str(self.md.block(tokenised))
        return Markup(
            _BLANK_TOKEN_RE.sub(lambda m: f'<span class="tb-blank" data-blank="{m.group(1)}">＿＿＿＿</span>', html)
        )

    def question_data(self, q: Question, case: Case | None = None, points: float | None = None) -> dict[str, Any]:
        """*points* overrides the bank's points (an exam section's); for a group, per sub-question."""
        data: dict[str, Any] = {
            "id": q.id,
            "type": q.type,
            "points": q.points_with(points),
            "difficulty": q.difficulty,
            "stem": str(self.stem(q)),
            "explanation": str(self.md.block(q.explanation)),
        }
        if q.type in ("single", "multiple"):
            data["options"] = [str(self.md.inline(o)) for o in q.options]
            data["answer"] = list(q.answer_letters)
            if q.type == "multiple":
                data["partial"] = q.partial
        elif q.type == "true_false":
            data["answer"] = q.answer_bool
        elif q.type == "fill_blank":
            data["answer"] = [list(b) for b in q.blanks]
        elif q.type == "ordering":
            data["items"] = [str(self.md.inline(i)) for i in q.items]
        elif q.type == "matching":
            data["left"] = [str(self.md.inline(p[0])) for p in q.pairs]
            data["right"] = [str(self.md.inline(p[1])) for p in q.pairs]
            data["distractors"] = [str(self.md.inline(d)) for d in q.distractors]
        elif q.type == "short_answer":
            data["reference"] = str(self.md.block(q.reference))
            data["rubric"] = [{"point": str(self.md.inline(p.point)), "points": p.points} for p in q.rubric]
        elif q.type == "group":
            shared = case.scenario if case is not None else ""
            if q.stem:
                shared = f"{shared}\n\n{q.stem}" if shared else q.stem
            data["stem"] = str(self.md.block(shared))
            data["case_title"] = case.title if case is not None else None
            data["questions"] = [self.question_data(sub, points=points) for sub in q.questions]
        return data

    def quiz_html(
        self,
        quiz_id: str,
        questions: Sequence[Question],
        cases: dict[str, Case],
        *,
        title: str | None = None,
        mode: str = "practice",
        time: float | None = None,
        pick: int | None = None,
        points: dict[str, float] | None = None,
    ) -> str:
        leaked = [q.id for q in questions if q.pool != "practice"]
        if leaked:
            raise LeakError(f"exam-pool questions must never be published: {', '.join(leaked)}")
        items = []
        for q in questions:
            case = cases.get(q.case) if q.case else None
            override = (points or {}).get(q.id)
            items.append({"q": q, "data": self.question_data(q, case, override), "case": case})
        data = {
            "id": quiz_id,
            "title": title,
            "mode": mode,
            "time": time,
            "pick": pick if pick and pick < len(questions) else None,
            "questions": [i["data"] for i in items],
        }
        return self.env.get_template("quiz.html").render(
            quiz_id=quiz_id,
            title=title,
            items=items,
            mode=mode,
            time=time,
            pick=data["pick"],
            data=script_json(data),
            markup=Markup,
        )

    def case_html(self, case: Case, href: str | None = None) -> str:
        return self.env.get_template("case_box.html").render(case=case, md=self.md, href=href)
