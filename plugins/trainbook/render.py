"""HTML fragments for quizzes and case boxes, and the quiz data they carry.

Only practice-pool questions ever reach this module's output: callers pass
questions from ``fences.select_quiz`` or an online mock-exam draw, and
:func:`quiz_html` refuses anything else as a last line of defence.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

import jinja2
from jinja2.filters import do_join
from jinja2.nodes import EvalContext
from markupsafe import Markup

from .markup import MarkdownRenderer
from .mdescape import markdown_blocks, md_link, md_text, yaml_value
from .memo import Generations
from .model import LETTERS, Case, Question
from .qtypes import TYPES, labels
from .strings import Strings

TEMPLATES = Path(__file__).parent / "templates"


#: Quiz data cannot hold Markdown links, so a link to a page from inside it is written as
#: ``tb-doc:<src path>[#anchor]``; the front end rewrites it to the page's URL (resolve_doc_links).
DOC_LINK = "tb-doc:"
_DOC_LINK = re.compile(re.escape(DOC_LINK) + r'([^"#\s\\]+)')


def resolve_doc_links(html: str, url_of: Callable[[str], str | None]) -> str:
    """Replace each ``tb-doc:<src path>`` in *html* by ``url_of(src path)`` (``#`` when it has no page)."""
    return _DOC_LINK.sub(lambda m: url_of(m.group(1)) or "#", html)


class LeakError(RuntimeError):
    """An exam-pool question was about to be published."""


def number_text(x: float) -> str:
    """A number of points or a percentage as printed: exact, so a key never shows 0.666667.

    Whole numbers bare, up to three decimals as written, a share that is a simple fraction as one
    (2 points over 3 blanks: 2/3), anything else to six significant digits."""
    if not math.isfinite(x):
        return f"{x:g}"
    if x == int(x) and abs(x) < 1e15:
        return str(int(x))
    for digits in (1, 2, 3):
        if abs(round(x, digits) - x) < 1e-9:
            return f"{round(x, digits):.{digits}f}"
    share = Fraction(x).limit_denominator(12)
    if abs(float(share) - x) < 1e-9:
        return f"{share.numerator}/{share.denominator}"
    return f"{x:g}"


def environment(
    extra_dirs: Sequence[str | Path] = (), *, markdown: MarkdownRenderer | None = None, language: str = "zh"
) -> jinja2.Environment:
    """Templates from *extra_dirs* (e.g. a theme's custom_dir) win over the built-in ones.

    HTML templates (``*.html``) are autoescaped for HTML. Markdown templates (``*.md.j2``)
    are escaped for Markdown instead: every value is written as plain text
    (:func:`~trainbook.mdescape.md_text`) unless it is ``Markup`` — HTML from the ``md`` /
    ``md_inline`` / ``md_html`` filters (rendered and sanitised by *markdown*), a string-table entry from
    ``t``, or what the ``link`` / ``yaml`` filters produce. An undefined name is an error.
    """
    loader = jinja2.FileSystemLoader([*map(str, extra_dirs), str(TEMPLATES)])
    env = jinja2.Environment(
        loader=loader,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # One environment per build (and per `mkdocs serve` rebuild): a template cannot change
        # while it is in use, so Jinja need not stat its file again at every include (ten
        # thousand per 10,000 questions: each question includes its type's template).
        auto_reload=False,
        # Every template kept, in a plain dict: Jinja's default bounded cache takes a lock and
        # reorders itself at each lookup (each question's include is one).
        cache_size=-1,
    )
    md = markdown or MarkdownRenderer()
    strings = Strings(language)
    env.globals["type_names"] = labels(strings.language)  # for templates that name a type
    env.globals["kinds"] = TYPES
    env.globals["letters"] = LETTERS
    env.globals["t"] = strings
    env.filters["num"] = number_text
    env.filters["md"] = _block_filter(md)
    env.filters["md_html"] = md.block
    env.filters["md_inline"] = md.inline
    env.filters["text"] = md_text
    env.filters["yaml"] = yaml_value
    env.filters["link"] = _link
    env.filters["join"] = _join
    return env


def _block_filter(md: MarkdownRenderer) -> Callable[[EvalContext, str | None], Markup]:
    @jinja2.pass_eval_context
    def block(ctx: EvalContext, text: str | None, title: str | None = None, level: int = 2) -> Markup:
        # In page Markdown its headings must be Markdown headings (TOC, search); ``md_html``
        # keeps them HTML, for a block inside an HTML element of a Markdown template.
        # ``text|md(title, level)``: a part of the page headed *title*, unless the author's
        # text opens with headings of its own (see markdown_blocks).
        html = md.block(text)
        return html if ctx.autoescape else markdown_blocks(html, title, level)

    return block


@jinja2.pass_eval_context
def _finalize(ctx: EvalContext, value: Any) -> Any:
    # Autoescaped (HTML) templates escape on their own; Markdown templates escape here.
    return value if ctx.autoescape else md_text(value)


@jinja2.pass_eval_context
def _join(ctx: EvalContext, items: Iterable[Any], sep: str = "", attribute: str | int | None = None) -> Any:
    """Jinja's ``join``, escaping each item for Markdown in Markdown templates."""
    if ctx.autoescape:
        return do_join(ctx, items, sep, attribute)
    if attribute is not None:
        items = (getattr(i, str(attribute), None) if not isinstance(i, Mapping) else i[attribute] for i in items)
    return Markup(md_text(sep)).join(md_text(i) for i in items)


def _link(value: Any, href: str | None = None) -> Markup:
    """``{{ page_link|link }}`` for a :class:`~trainbook.pages.Link`, or ``{{ title|link(href) }}``."""
    if hasattr(value, "href"):
        return md_link(value.title, value.href)
    return md_link(value, href)


def _template_files(env: jinja2.Environment) -> tuple[object, ...] | None:
    """Which template files *env* renders from, as they are now; None when it does not read files."""
    loader = env.loader
    if not isinstance(loader, jinja2.FileSystemLoader):
        return None
    files: list[object] = []
    for folder in loader.searchpath:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                st = path.stat()
                files.append((str(path), st.st_size, st.st_mtime_ns))
    return tuple(files)


def script_json(data: Any) -> Markup:
    """JSON safe inside <script type="application/json">."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


#: For `mkdocs serve`: question data by (Markdown setup, language), and quiz HTML, from the
#: rebuild before. Keyed by the question objects, which the loader reuses for files that did
#: not change, and for quiz HTML by everything it is rendered from.
_QUESTION_DATA: dict[tuple[str, str], Generations[tuple[int, float | None, int, str | None], tuple[Any, ...]]] = {}
_QUIZ_HTML: Generations[tuple[object, ...], str] = Generations()


class Renderer:
    def __init__(
        self, md: MarkdownRenderer, env: jinja2.Environment | None = None, lang: str = "zh", *, keep: bool = False
    ):
        """*keep*: remember rendered questions and quizzes for the next Renderer (``mkdocs serve``:
        a rebuild renders only what changed)."""
        self.md = md
        self.env = env or environment(markdown=md, language=lang)
        self.lang = lang
        self._keep = keep and md.key is not None
        self._data: Generations[tuple[int, float | None, int, str | None], tuple[Any, ...]] = Generations()
        self._templates: tuple[object, ...] | None = None
        if self._keep and md.key is not None:
            self._data = _QUESTION_DATA.setdefault((md.key, lang), Generations())
            self._data.next_generation()
            _QUIZ_HTML.next_generation()
            self._templates = _template_files(self.env)

    # -- questions ---------------------------------------------------------
    def stem(self, q: Question) -> Markup:
        return TYPES[q.type].stem_html(q, self)

    def question_data(
        self,
        q: Question,
        points: float | None = None,
        cases: Mapping[str, Case] | None = None,
        shown: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """What the quiz engine receives for *q*; *points* overrides the bank's points (an exam
        section's; for a group, per sub-question). *shown*: case id → a note pointing to the case's
        scenario, for the cases whose scenario the page already shows above the quiz."""
        note = (shown or {}).get(q.case) if q.case else None
        if not self._keep:
            return self._with_note(self._question_data(q, points, cases), q, note)
        case = (cases or {}).get(q.case) if q.case else None
        key = (id(q), points, id(case), note)
        hit = self._data.get(key)
        # The entry holds the question and case themselves, so their ids are not reused meanwhile.
        if hit is not None and hit[0] is q and hit[1] is case:
            return cast(dict[str, Any], hit[2])
        data = self._with_note(self._question_data(q, points, cases), q, note)
        self._data.put(key, (q, case, data))
        return data

    def _with_note(self, data: dict[str, Any], q: Question, note: str | None) -> dict[str, Any]:
        # The scenario is on the page already: show the note (and the question's own stem) in its
        # place. "stem" stays whole: the engine's content hash, hence the learner's saved progress
        # and the 错题本, are the same on every page showing the question (the hash skips shown_stem).
        if note is None:
            return data
        return {**data, "shown_stem": str(self.md.block(f"{note}\n\n{q.stem}" if q.stem else note))}

    def _question_data(
        self, q: Question, points: float | None = None, cases: Mapping[str, Case] | None = None
    ) -> dict[str, Any]:
        kind = TYPES[q.type]
        data: dict[str, Any] = {
            "id": q.id,
            "type": q.type,
            "label": kind.label(self.lang),
            "points": q.points_with(points),
            "difficulty": q.difficulty,
            "stem": str(self.stem(q)),
            "explanation": self.md.block_str(q.explanation),
        }
        data.update(kind.quiz_data(q, self, points, cases or {}))
        return data

    @staticmethod
    def check_published(questions: Iterable[Question]) -> None:
        """Raise :class:`LeakError` when any of *questions* is not a practice question."""
        leaked = sorted({q.id for q in questions if q.pool != "practice"})
        if leaked:
            raise LeakError(f"exam-pool questions must never be published: {', '.join(leaked)}")

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
        pool: Sequence[Question] | None = None,
        extra: Mapping[str, Any] | None = None,
        static: bool = True,
        page_bar: bool = False,
        shown: Mapping[str, str] | None = None,
    ) -> str:
        """*questions* are shown as the static list (the page without JavaScript); the engine gets
        *pool* when given (a mock exam draws each attempt from it) and the keys of *extra*
        (``exam``: pass mark, sections' draw rules, objectives; ``review``: the 错题本).
        *page_bar*: reserve, before this quiz, the place of the page's running total (the engine
        fills it), so that it does not push the page down when it appears. *shown*: see
        :meth:`question_data`."""
        engine = list(pool) if pool is not None else list(questions)
        self.check_published([*questions, *engine])
        items = []
        for q in questions:
            override = (points or {}).get(q.id)
            items.append({"q": q, "data": self.question_data(q, override, cases, shown)})
        if pool is None:
            questions_data = [i["data"] for i in items]
        else:
            questions_data = [self.question_data(q, None, cases, shown) for q in engine]
        data = {
            "id": quiz_id,
            "title": title,
            "mode": mode,
            "time": time,
            "pick": pick if pick and pick < len(engine) else None,
            "questions": questions_data,
            **(extra or {}),
        }
        payload = script_json(data)
        key: tuple[object, ...] | None = None
        if self._templates is not None:
            # The HTML is rendered from these alone (the static list's questions are in the
            # payload, unless a pool replaced them there).
            listed = script_json([i["data"] for i in items]) if pool is not None and static else ""
            key = (self._templates, self.lang, quiz_id, title, static, mode, time, data["pick"], payload, listed)
            hit = _QUIZ_HTML.get(key)
            if hit is not None:
                return hit
        html = self.env.get_template("quiz.html").render(
            quiz_id=quiz_id,
            title=title,
            static=static,
            page_bar=page_bar,
            items=items,
            mode=mode,
            time=time,
            pick=data["pick"],
            data=payload,
            markup=Markup,
        )
        return _QUIZ_HTML.put(key, html) if key is not None else html

    def case_html(self, case: Case, href: str | None = None) -> str:
        return self.env.get_template("case_box.html").render(case=case, md=self.md, href=href)
