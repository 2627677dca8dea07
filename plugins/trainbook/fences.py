"""The ```quiz and ```case fences of handbook pages: finding, reading, selecting.

Shared by the validator (which reports with the page's real line numbers) and
the Markdown extension (which renders them).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Pos, Report
from .load import read_text
from .messages import Text, msg
from .model import Page, Project, Question
from .qtypes import QUESTION_TYPES
from .reader import Reader
from .yamlsource import Map, load_yaml

FENCE_OPEN_RE = re.compile(r"^(?P<fence>`{3,}|~{3,})[ \t]*(?P<kind>quiz|case)[ \t]*$")
_ANY_FENCE_RE = re.compile(r"^(`{3,}|~{3,})")
_QUOTED_FENCE_RE = re.compile(r"^>[ \t>]*(?:`{3,}|~{3,})[ \t]*(?P<kind>quiz|case)[ \t]*$")
# Lines that open a Markdown container whose content is indented: admonitions and collapsible
# blocks (!!! / ??? / ???+), content tabs (=== "Tab"), list items.
_CONTAINER_RE = re.compile(r"^[ \t]*(?:(?:!!!|\?\?\?\+?)[ \t]+\S|===\+?[ \t]+\S|[-*+][ \t]+\S|\d+[.)][ \t]+\S)")
QUIZ_KEYS = ("bank", "ids", "tags", "difficulty", "pick", "mode", "time", "title", "type")
TAB_LENGTH = 4  # Python-Markdown's default, which MkDocs keeps


@dataclass(frozen=True)
class Fence:
    kind: str  # "quiz" or "case"
    body: str  # the lines between the fence lines, still indented like the fence
    start: int  # 0-based index of the opening line
    end: int  # 0-based index of the closing line
    indent: int = 0  # columns of indentation (tabs expanded), 0 at top level
    marker: str = "```"  # the opening fence characters; the closing line repeats them
    closed: bool = True  # False: no closing line, the body ran to the end of the page


def split_indent(line: str) -> tuple[int, str]:
    stripped = line.lstrip(" \t")
    return len(line[: len(line) - len(stripped)].expandtabs(TAB_LENGTH)), stripped


def _in_container(lines: list[str], i: int, indent: int) -> bool:
    """Whether an indented line *i* is the content of a container rather than an indented code block.

    Python-Markdown's rule, simplified: the nearest earlier non-blank line indented less must
    open an admonition, tab or list item, and this line may be at most one tab deeper than it.
    """
    for k in range(i - 1, -1, -1):
        if not lines[k].strip():
            continue
        outer, _ = split_indent(lines[k])
        if outer < indent:
            return indent - outer <= TAB_LENGTH and _CONTAINER_RE.match(lines[k]) is not None
    return False


def _near_kind(info: str) -> str | None:
    """'quiz' or 'case' when a code block's language looks meant as one (```Quiz, ```quizz)."""
    word = info.split()[0].strip("{}.") if info.split() else ""
    if not word or word in ("quiz", "case"):
        return None
    near = difflib.get_close_matches(word.lower(), ("quiz", "case"), n=1, cutoff=0.75)
    return near[0] if near else None


def find_fences(
    lines: list[str],
    quoted: list[tuple[int, str]] | None = None,
    near: list[tuple[int, str, str]] | None = None,
    left: list[Fence] | None = None,
) -> Iterator[Fence]:
    """```quiz / ```case blocks at any depth; other fenced code is skipped whole.

    A fence may be indented inside an admonition, a content tab or a list item (as with
    pymdownx.superfences); an indented line outside such a container is an indented code
    block, never a fence. The closing line has the opening's indentation; a less indented
    line before it means there was no fence. Fences in a blockquote are not supported: their
    opening lines (index, kind) go to *quoted* so the validator can say so; code blocks whose
    language looks meant as quiz or case go to *near* as (index, language, kind), and quiz or
    case fences left by a less indented line before their closing line (Markdown shows their
    keys as text) go to *left*, unread.
    """
    i = 0
    while i < len(lines):
        indent, text = split_indent(lines[i])
        q = _QUOTED_FENCE_RE.match(text)
        if q and quoted is not None:
            quoted.append((i, q.group("kind")))
        m = FENCE_OPEN_RE.match(text)
        other = _ANY_FENCE_RE.match(text)
        if (m or other) and (indent < TAB_LENGTH or _in_container(lines, i, indent)):
            fence = m.group("fence") if m else other.group(1) if other else ""
            close = re.compile("^" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
            j = i + 1
            abandoned = False
            closed = False
            while j < len(lines):
                width, rest = split_indent(lines[j])
                if rest and indent and width < indent:
                    abandoned = True
                    break
                if rest and width < indent + TAB_LENGTH and close.match(rest):
                    closed = True
                    break
                j += 1
            if abandoned:
                if m and left is not None:
                    left.append(Fence(m.group("kind"), "", i, j - 1, indent, fence, False))
                i += 1
                continue
            kind = None if m or near is None else _near_kind(text[len(fence) :])
            if kind is not None and near is not None:
                near.append((i, text[len(fence) :].split()[0], kind))
            if m:
                body = [expand_indent(line) for line in lines[i + 1 : j]]
                yield Fence(m.group("kind"), "\n".join(body), i, j, indent, fence, closed)
            i = j + 1
            continue
        i += 1


def not_closed(fence: Fence) -> Text:
    key = "check.fence_not_closed_indented" if fence.indent else "check.fence_not_closed"
    return msg(key, kind=fence.kind, marker=fence.marker)


def expand_indent(line: str) -> str:
    """Tabs in the indentation become spaces (YAML refuses tabs there; Markdown counts them as 4)."""
    width, rest = split_indent(line)
    return " " * width + rest if rest else ""


@dataclass(frozen=True)
class QuizSpec:
    pos: Pos
    bank: str | None = None
    ids: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    difficulty: tuple[int, ...] = ()
    type: str | None = None
    pick: int | None = None
    mode: str = "practice"
    time: float | None = None
    title: str | None = None
    pick_pos: Pos | None = None  # where `pick` is written, for the warning when it exceeds the pool


def read_quiz(body: str, pos: Pos, report: Report) -> QuizSpec | None:
    """Read a quiz fence body whose first line is at *pos*."""
    data = load_yaml(body, pos.path, report, line_offset=pos.line - 1)
    r = Reader(report)
    m = r.mapping(data, pos, msg("what.a_quiz_block")) if data is not None or not body.strip() else None
    if m is None:
        return None
    w = msg("what.the_quiz_block")
    r.check_keys(m, QUIZ_KEYS, (), w)
    if "bank" not in m and "ids" not in m:
        report.error(m.pos, msg("quiz.needs_bank_or_ids"))
        return None
    mode = r.choice(m, "mode", w, ("practice", "exam"), "practice") or "practice"
    time = r.number(m, "time", w, lo=0.01)
    if time is not None and mode != "exam":
        report.warning(m.at("time"), msg("quiz.time_ignored"))
    return QuizSpec(
        pos=m.pos,
        bank=r.ident(m, "bank", w),
        ids=r.ids(m, "ids", w),
        tags=r.texts(m, "tags", w, True),
        difficulty=r.ints(m, "difficulty", w, 1, 3),
        type=r.choice(m, "type", w, QUESTION_TYPES),
        pick=r.integer(m, "pick", w, lo=1),
        mode=mode,
        time=time if mode == "exam" else None,
        title=r.text(m, "title", w),
        pick_pos=m.at("pick") if "pick" in m else None,
    )


def read_case_ref(body: str, pos: Pos, report: Report) -> tuple[str, Pos] | None:
    data = load_yaml(body, pos.path, report, line_offset=pos.line - 1)
    r = Reader(report)
    # None with a body: load_yaml has reported the YAML error; "empty" would be a second message.
    m = r.mapping(data, pos, msg("what.a_case_block")) if data is not None or not body.strip() else None
    if not isinstance(m, Map):
        return None
    w = msg("what.the_case_block")
    r.check_keys(m, ("id",), ("id",), w)
    case_id = r.ident(m, "id", w)
    return (case_id, m.at("id")) if case_id else None


def select_quiz(project: Project, spec: QuizSpec, report: Report | None = None) -> list[Question]:
    """Practice-pool questions a quiz fence draws from; problems go to *report*."""
    id_problems = []

    def error(pos: Pos, message: str) -> None:
        id_problems.append(message)
        if report is not None:
            report.error(pos, message)

    pool: list[Question]
    if spec.bank is not None:
        bank = project.bank(spec.bank)
        if bank is None:
            if spec.bank not in project.unread:  # else the bank's own file error says it
                error(spec.pos, msg("quiz.no_bank", bank=spec.bank))
            return []
        pool = list(bank.questions)
    else:
        pool = list(project.questions())
    if spec.ids:
        chosen = []
        for qid in spec.ids:
            q = next((q for q in pool if q.id == qid), None)
            if q is None:
                sub = project.question(qid)
                if sub is not None and sub.parent:
                    error(spec.pos, msg("quiz.sub_question", id=qid, group=sub.parent))
                elif sub is not None:
                    error(spec.pos, msg("quiz.not_in_bank", id=qid, bank=spec.bank))
                elif qid in project.unread:
                    id_problems.append(qid)  # its file's error says it
                else:
                    error(spec.pos, msg("quiz.no_question", id=qid))
                continue
            if q.pool == "exam":
                error(spec.pos, msg("quiz.exam_pool", id=qid))
                continue
            chosen.append(q)
        pool = chosen
    selected = [
        q
        for q in pool
        if q.pool == "practice"
        and (not spec.tags or set(spec.tags) & q.all_tags)
        and (not spec.difficulty or q.difficulty in spec.difficulty)
        and (spec.type is None or q.type == spec.type)
    ]
    if not selected and not id_problems:
        error(spec.pos, msg("quiz.matches_nothing", filters=_describe(spec)))
    elif spec.pick is not None and spec.pick > len(selected) and report is not None:
        # The page would still work (every round shows them all), but not as the trainer meant.
        report.warning(spec.pick_pos or spec.pos, msg("quiz.pick_exceeds", pick=spec.pick, count=len(selected)))
    return selected


def _describe(spec: QuizSpec) -> Text:
    parts = [f"{k}={v}" for k, v in (("bank", spec.bank), ("type", spec.type)) if v]
    if spec.tags:
        parts.append(f"tags=[{', '.join(spec.tags)}]")
    if spec.difficulty:
        parts.append(f"difficulty=[{', '.join(map(str, spec.difficulty))}]")
    if spec.ids:
        parts.append(f"ids=[{', '.join(spec.ids)}]")
    return msg("quiz.filters", filters=", ".join(parts)) if parts else Text("")


@dataclass(frozen=True)
class WholeBank:
    """A handbook page whose quiz fence shows every practice question of a bank."""

    src_path: str  # of the page, relative to the pages folder
    pick: bool  # True: a random subset per attempt (all questions are in the page, not all at once)


@dataclass(frozen=True)
class PageFence:
    """One fence of a handbook page, read: *quiz* or *case* is None when it could not be read."""

    page: Page
    fence: Fence
    pos: Pos  # of its first body line
    quiz: QuizSpec | None = None
    case: tuple[str, Pos] | None = None


def page_fences(project: Project, report: Report) -> Iterator[PageFence]:
    """Every quiz and case fence of every handbook page, each page read once; problems reading
    the pages and fences (and fences inside a blockquote) go to *report*."""
    for page in project.pages:
        path = str(Path(project.pages_dir) / page.src_path)
        text = read_text(Path(path), report)
        if text is None:
            continue
        lines = text.splitlines()
        quoted: list[tuple[int, str]] = []
        near: list[tuple[int, str, str]] = []
        left: list[Fence] = []
        for fence in find_fences(lines, quoted, near, left):
            pos = Pos(path, fence.start + 2, fence.indent + 1)
            if not fence.closed:
                # Reading the rest of the page as the block's YAML would only report a puzzling
                # syntax error far below the real mistake.
                report.error(Pos(path, fence.start + 1, fence.indent + 1), not_closed(fence))
                yield PageFence(page, fence, pos)
            elif fence.kind == "quiz":
                yield PageFence(page, fence, pos, quiz=read_quiz(fence.body, pos, report))
            else:
                yield PageFence(page, fence, pos, case=read_case_ref(fence.body, pos, report))
        for index, kind in quoted:
            report.error(Pos(path, index + 1, lines[index].index(">") + 1), msg("check.block_in_quote", kind=kind))
        for fence in left:
            report.error(Pos(path, fence.start + 1, fence.indent + 1), not_closed(fence))
        for index, word, kind in near:
            col = split_indent(lines[index])[0] + 1
            report.warning(Pos(path, index + 1, col), msg("check.fence_near_miss", word=word, kind=kind))


def whole_banks(project: Project, fences: Iterable[PageFence] | None = None) -> dict[str, WholeBank]:
    """Banks a handbook page already shows whole: a quiz fence that selects every practice
    question of the bank (``bank: x`` alone, or filters that happen to keep them all).

    The generated bank page would repeat such a bank; a page without ``pick`` repeats it
    exactly. *fences*: the pages' fences as validation read them (``project.fences``); the
    pages are read only when they were not (validation already reported their problems).
    """
    found: dict[str, WholeBank] = {}
    practice = {b.id: {q.id for q in b.questions if q.pool == "practice"} for b in project.banks}
    for read in fences if fences is not None else page_fences(project, Report()):
        spec = read.quiz
        if spec is None or spec.bank is None or spec.bank not in practice:
            continue
        if {q.id for q in select_quiz(project, spec, Report())} != practice[spec.bank]:
            continue
        seen = found.get(spec.bank)
        if seen is None or (seen.pick and spec.pick is None):
            found[spec.bank] = WholeBank(read.page.src_path, spec.pick is not None)
    return found
