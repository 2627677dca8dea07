"""Property tests: generated banks survive xlsx → import unchanged, and every export parses."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from trainbook.interchange import ImportOptions, aiken, gift, import_file, moodle, qti, xlsx
from trainbook.interchange.select import from_banks
from trainbook.model import Bank, Project

from .helpers import load_bank_text, without_positions
from .structure import check_moodle, check_qti_package, parse_gift

# Text an author might type: Chinese, ASCII, and every character some notation treats specially.
ALPHABET = st.sampled_from(
    list("业主投诉报修客服首问负责漏水电梯安全abcXYZ019 ") + list("~=#{}:\\;|、，,；｜（）()*_<>&\"'-")
)
WORD = st.text(ALPHABET, min_size=1, max_size=12).map(str.strip).filter(bool)
# A line that cannot be read as a blank (___), a Markdown marker at the start, or a list separator only.
LINE = WORD.filter(lambda s: "___" not in s and s[0] not in "=*-#<>" and s.strip("、，,；;|｜\\ "))
TEXT = st.lists(LINE, min_size=1, max_size=3).map("\n".join)
TAG = WORD.filter(lambda s: s.strip("、，,；;\\ ") == s)
SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)


def common(draw: Any, qid: str, sub: bool = False) -> dict[str, Any]:
    q: dict[str, Any] = {"id": qid, "stem": draw(TEXT), "explanation": draw(TEXT)}
    tags = draw(st.lists(TAG, max_size=3, unique=True))
    if tags:
        q["tags"] = tags
    q["difficulty"] = draw(st.integers(1, 3))
    q["points"] = draw(st.sampled_from([1, 2, 3, 1.5]))
    if not sub:
        q["pool"] = draw(st.sampled_from(["practice", "exam"]))
    if draw(st.booleans()):
        q["source"] = draw(LINE)
    return q


@st.composite
def question(draw: Any, qid: str, sub: bool = False) -> dict[str, Any]:
    kind = draw(
        st.sampled_from(["single", "multiple", "true_false", "fill_blank", "ordering", "matching", "short_answer"])
    )
    q = common(draw, qid, sub)
    q["type"] = kind
    if kind in ("single", "multiple"):
        options = draw(st.lists(LINE, min_size=2, max_size=8, unique=True))
        n = 1 if kind == "single" else draw(st.integers(2, len(options)))
        picks = sorted(draw(st.permutations(range(len(options))))[:n])
        q["options"], q["answer"] = options, "".join("ABCDEFGH"[i] for i in picks)
        if kind == "multiple" and draw(st.booleans()):
            q["partial"] = True
        if draw(st.booleans()):
            q["shuffle"] = False
    elif kind == "true_false":
        q["answer"] = draw(st.booleans())
    elif kind == "fill_blank":
        blanks = draw(st.lists(st.lists(WORD, min_size=1, max_size=3, unique=True), min_size=1, max_size=3))
        q["stem"] = " ___ ".join(draw(LINE) for _ in range(len(blanks) + 1))
        # "<a ___ b>" is an HTML tag to Markdown, which validation refuses in a fill-blank stem.
        assume(not re.search(r"<[A-Za-z][^<>]*_{3,}[^<>]*>", q["stem"]))
        q["answer"] = blanks
    elif kind == "ordering":
        q["items"] = draw(st.lists(LINE, min_size=2, max_size=10, unique=True))
    elif kind == "matching":
        pairs = draw(st.lists(st.tuples(LINE, LINE), min_size=2, max_size=6, unique_by=lambda p: p[1]))
        q["pairs"] = [list(p) for p in pairs]
        extra = draw(st.lists(LINE, max_size=2).map(lambda xs: [x for x in xs if x not in {p[1] for p in pairs}]))
        if extra:
            q["distractors"] = list(dict.fromkeys(extra))
    else:
        q["reference"] = draw(TEXT)
        if draw(st.booleans()):
            points = draw(st.lists(st.integers(1, 3), min_size=1, max_size=3))
            q["rubric"] = [{"point": draw(LINE), "points": p} for p in points]
            q["points"] = sum(points)
    return q


@st.composite
def banks(draw: Any) -> Bank:
    questions = []
    for i in range(draw(st.integers(1, 6))):
        if draw(st.integers(0, 5)) == 0:
            group = common(draw, f"g-{i:03d}")
            group.pop("points")
            group["type"] = "group"
            group["questions"] = [
                draw(question(f"g-{i:03d}{letter}", sub=True)) for letter in "abc"[: draw(st.integers(1, 3))]
            ]
            questions.append(group)
        else:
            questions.append(draw(question(f"q-{i:03d}")))
    text = yaml.safe_dump(
        {"id": "gen", "title": "生成题库", "questions": questions}, allow_unicode=True, sort_keys=False
    )
    bank, report = load_bank_text(text, "gen.yml")
    assert bank is not None and not report.errors, (report.errors, text)
    return bank


@SETTINGS
@given(bank=banks())
def test_generated_banks_survive_xlsx_and_import(bank: Bank) -> None:
    project = Project("content", "content/handbook", banks=(bank,))
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "gen.xlsx"
        xlsx.write(from_banks(project, []), book, {})
        opts = ImportOptions(
            bank="gen", out=Path(tmp) / "gen.yml", title="生成题库", content=Path(tmp) / "none", dry_run=True
        )
        result = import_file("xlsx", book, opts)
    assert result.text is not None, [str(p) for p in result.problems]
    again, report = load_bank_text(result.text)
    assert again is not None and not report.errors
    assert [without_positions(q) for q in again.questions] == [without_positions(q) for q in bank.questions]


@SETTINGS
@given(bank=banks())
def test_every_export_of_a_generated_bank_parses(bank: Bank) -> None:
    selection = from_banks(Project("content", "content/handbook", banks=(bank,)), [])
    data, _ = moodle.build(selection, {})
    assert check_moodle(data) == []
    package, _ = qti.build(selection, {})
    assert check_qti_package(package) == []
    text, _ = gift.build(selection, {})
    parse_gift(text)
    plain, _ = aiken.build(selection, {})
    for block in filter(None, plain.split("\n\n")):
        lines = block.strip().splitlines()
        assert lines[-1].startswith("ANSWER: ") and all(ln[1:3] == ". " for ln in lines[1:-1])
