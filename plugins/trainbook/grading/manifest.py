"""Reading an exam pack's ``manifest.json`` (format ``trainbook-exam-manifest/1``) and joining
its question ids back to the bank for objectives, type and option counts."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..messages import Text, msg
from ..model import Choice, Matching, Ordering, Project, Question
from ..qtypes import TYPES
from ..qtypes.paper import PaperKey
from .errors import GradeError, Problems, located

FORMAT = "trainbook-exam-manifest/1"
#: The defined name by which a pack's responses sheet says which pack it was made for.
MARK_NAME = "trainbook_pack"


def pack_mark(data: Mapping[str, Any]) -> str:
    """Which pack a manifest describes, as ``<seed>:<12 hex digits>``: its seed, and a digest of
    what its papers print where (each item's number, question and option order, per variant).
    A resit drawn with another seed differs in it; the same papers rebuilt after a key or a
    question's points were corrected do not, so their answers are graded again with the fix."""
    # Called with the writer's manifest and with one read_manifest has checked entry by entry.
    layout = {
        str(v): [[e.get("no"), e.get("id"), e.get("order")] for e in entries] for v, entries in data["variants"].items()
    }
    papers = {"exam": data.get("exam"), "variants": layout}
    body = json.dumps(papers, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return f"{data.get('seed')}:{hashlib.sha256(body.encode('utf-8')).hexdigest()[:12]}"


def mark_seed(mark: str) -> str:
    """The seed a pack mark names."""
    return mark.partition(":")[0]


def mark_in(book: Any) -> str | None:
    """The pack mark an open openpyxl workbook carries as MARK_NAME (a quoted text constant)."""
    name = book.defined_names.get(MARK_NAME)
    text = name.attr_text if name is not None else None
    if not isinstance(text, str) or len(text) < 2 or not (text[0] == text[-1] == '"'):
        return None
    return text[1:-1]


@dataclass(frozen=True)
class PaperItem:
    """One markable entry of a variant, in paper order."""

    no: str
    question: Question  # the bank's question (a sub-question for a group part)
    key: PaperKey
    section: int | None = None

    @property
    def id(self) -> str:
        return self.question.id


@dataclass(frozen=True)
class Manifest:
    path: Path
    exam: str
    title: str
    variants: Mapping[str, tuple[PaperItem, ...]]
    mark: str = ""  # pack_mark of the file read

    @property
    def seed(self) -> str:
        return mark_seed(self.mark)

    @property
    def numbers(self) -> list[str]:
        """Every question number of any variant, in paper order."""
        return paper_order(item.no for items in self.variants.values() for item in items)


def paper_order(numbers: Iterable[str]) -> list[str]:
    """Question numbers of several variants, each once, in paper order: 21.4 of a B whose case has
    one sub-question more than A's stands after 21.3, not after A's last number."""
    union = list(dict.fromkeys(numbers))
    try:
        return sorted(union, key=lambda no: tuple(int(part) for part in no.split(".")))
    except ValueError:  # numbers the manifest's writer never makes: keep them as listed
        return union


def _printed_count(q: Question) -> int:
    """How many options / items / right-hand entries the bank question prints."""
    body = q.body
    if isinstance(body, Choice):
        return len(body.options)
    if isinstance(body, Ordering):
        return len(body.items)
    if isinstance(body, Matching):
        return len(body.pairs) + len(body.distractors)
    return 0


def read_manifest(path: str | Path, exam_id: str, project: Project) -> Manifest:
    path = Path(path)
    if not path.is_file():
        raise GradeError([located(path, None, msg("grade.manifest_missing"))])
    if path.suffix.lower() in (".csv", ".xlsx"):
        # The pack's manifest.csv is the same entries for a spreadsheet; grade reads the JSON.
        raise GradeError([located(path, None, msg("grade.manifest_not_json", name=path.name))])
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GradeError([located(path, None, msg("grade.manifest_json", error=exc))]) from None
    problems = Problems()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise GradeError([located(path, None, msg("grade.manifest_format", expected=FORMAT, found=repr(found)))])
    if data.get("exam") != exam_id:
        problems.add(path, None, msg("grade.manifest_exam", found=data.get("exam"), exam=exam_id))
    variants_data = data.get("variants")
    if not isinstance(variants_data, dict) or not variants_data:
        raise GradeError([located(path, None, msg("grade.manifest_variants"))])
    by_id = {sub.id: sub for q in project.questions() for sub in q.walk()}
    variants: dict[str, tuple[PaperItem, ...]] = {}
    for vid, entries in variants_data.items():
        if not isinstance(entries, list):
            problems.add(path, None, msg("grade.variant_items", variant=vid))
            continue
        items: list[PaperItem] = []
        numbers: set[str] = set()
        for i, entry in enumerate(entries):
            what = msg("grade.item", variant=vid, n=i + 1)
            item = _item(entry, what, by_id, path, problems)
            if item is None:
                continue
            if item.no in numbers:
                # One column of the responses per number: both items would be marked from it.
                problems.add(path, None, msg("grade.item_no_twice", what=what, no=item.no, variant=vid))
                continue
            numbers.add(item.no)
            items.append(item)
        variants[str(vid)] = tuple(items)
    problems.raise_if_any()
    # "total" and "pass" are there for other readers: each paper is scored out of its own items.
    return Manifest(path, exam_id, str(data.get("title") or exam_id), variants, pack_mark(data))


def _worth(points: Any) -> float | None:
    """*points* as a float when an item can be worth it: a number, not negative, finite (Python's
    JSON reader takes NaN, Infinity and integers of any length, which no paper is worth)."""
    if isinstance(points, bool) or not isinstance(points, (int, float)):
        return None
    try:
        value = float(points)
    except OverflowError:
        return None
    return value if 0 <= value < math.inf else None


def _item(entry: Any, what: Text, by_id: Mapping[str, Question], path: Path, problems: Problems) -> PaperItem | None:
    if not isinstance(entry, dict):
        problems.add(path, None, msg("grade.item_object", what=what))
        return None
    no, qid, qtype, points = entry.get("no"), entry.get("id"), entry.get("type"), entry.get("points")
    if not isinstance(no, (str, int)) or not isinstance(qid, str) or points is None:
        problems.add(path, None, msg("grade.item_required", what=what))
        return None
    worth = _worth(points)
    if worth is None:
        problems.add(path, None, msg("grade.item_points", what=what, found=json.dumps(points, ensure_ascii=False)))
        return None
    q = by_id.get(qid)
    if q is None:
        problems.add(path, None, msg("grade.item_unknown", what=what, id=qid))
        return None
    if qtype is not None and qtype != q.type:
        problems.add(path, None, msg("grade.item_type", what=what, id=qid, type=q.type, listed=qtype))
        return None
    if q.type not in TYPES or q.type == "group":
        problems.add(path, None, msg("grade.item_group", what=what, id=qid))
        return None
    count = _printed_count(q)
    order_data = entry.get("order")
    if isinstance(order_data, list) and all(isinstance(x, int) for x in order_data):
        order = tuple(order_data)
    else:
        order = tuple(range(count))
    if count and sorted(order) != list(range(count)):
        problems.add(path, None, msg("grade.item_order", what=what, order=list(order), count=count, id=qid))
        return None
    answer = entry.get("answer")
    if q.type != "short_answer" and (not isinstance(answer, str) or not answer):
        problems.add(path, None, msg("grade.item_answer", what=what, id=qid))
        return None
    partial = entry.get("partial", isinstance(q.body, Choice) and q.body.partial)
    key = PaperKey(q.type, worth, answer if isinstance(answer, str) else None, order, bool(partial))
    section = entry.get("section")
    return PaperItem(str(no), q, key, section if isinstance(section, int) else None)
