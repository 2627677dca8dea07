"""Load a content folder into the model, reporting every shape problem.

Each loader reads one kind of document with :class:`Reader`; problems go to the
shared :class:`Report` and the loader keeps going, so one run shows them all.
Cross-file rules (references, duplicates across files) live in ``validate``.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .diagnostics import Diagnostic, Pos, Report
from .messages import Text, describe, msg
from .model import (
    FORM_BLOCKS,
    POOLS,
    Bank,
    Case,
    Component,
    Criterion,
    DrawRule,
    Exam,
    Form,
    FormItem,
    FormSection,
    FormTable,
    Grade,
    LearningPath,
    Level,
    Objective,
    Page,
    Project,
    Question,
    Rubric,
    Scheme,
    Section,
    frozen_where,
)
from .qtypes import COMMON_KEYS, QUESTION_TYPES, TYPES, ReadContext
from .reader import Reader
from .yamlhints import key_typed_wrong
from .yamlsource import Map, Seq, entries, load_yaml

KINDS = ("banks", "cases", "exams", "rubrics", "schemes", "forms")
#: "id: x" (also "- id: x") on a line of its own: the ids a file that fails to load would define.
#: A variant id: 1–16 letters or digits of any script (A, B, 甲, 乙, 1, 2), since it names a folder.
VARIANT_MAX = 16
VARIANT_RE = re.compile(rf"[^\W_]{{1,{VARIANT_MAX}}}")
ID_LINE_RE = re.compile(r"^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*['\"]?([a-z][a-z0-9-]{0,63})['\"]?[ \t]*(?:#.*)?$", re.M)
#: A text value of 'variants' that names several variants: "AB", "A B", "A,B", "A、B".
VARIANTS_IN_ONE_RE = re.compile(r"^(?:[A-Z]{2,}|\S+(?:\s*[,，、;；]\s*\S+|\s+\S+)+)$")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
# A top-level key of a bank, case study or exam blueprint: such a file among the pages would be
# published by MkDocs as it is, answers and exam-only questions included.
_CONTENT_KEY_RE = re.compile(r"^(questions|sections)[ \t]*:", re.M)
#: A page opening with '---' and then a trainbook front-matter key: front matter meant, not a rule.
_FRONT_MATTER_MEANT_RE = re.compile(r"\A---[ \t]*\r?\n[ \t]*(?:id|title|duration|audience|objectives|paths)[ \t]*[:：]")
#: Front-matter keys that make a page a module or a path list. Other keys are MkDocs' and the
#: theme's (hide, template, tags, …) or the author's own, so only a near miss of these is flagged.
_MODULE_KEYS = ("duration", "audience", "objectives", "paths")


def rel(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()


def read_text(path: Path, report: Report) -> str | None:
    """The file as text; a UTF-8 byte-order mark is dropped, as MkDocs drops it from pages."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        report.error(Pos(str(path)), msg("file.unreadable", reason=exc.strerror))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, start) + 1
        col = len(data[data.rfind(b"\n", 0, start) + 1 : start].decode("utf-8", "replace")) + 1
        report.error(Pos(str(path), line, col), msg("file.not_utf8", byte=data[start]))
    return None


def unread_ids(path: Path, text: str | None) -> set[str]:
    """The ids a file that failed to load would have defined (its name too: files are named by id)."""
    if text is None:
        text = path.read_bytes().decode("utf-8", "replace") if path.is_file() else ""
    return {path.stem, *ID_LINE_RE.findall(text)}


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yml", ".yaml") and p.is_file())


class Loader:
    def __init__(self, report: Report):
        self.report = report
        self.r = Reader(report)
        #: ids of questions whose own error stopped them loading (see Project.unread)
        self.unread: set[str] = set()

    # -- banks -------------------------------------------------------------
    def bank(self, data: Any, path: str) -> Bank | None:
        m = self.r.mapping(data, Pos(path), msg("what.a_bank"))
        if m is None:
            return None
        w = msg("what.the_bank")
        self.r.check_keys(m, ("id", "title", "module", "defaults", "questions"), ("id", "title", "questions"), w)
        bank_id = self.r.ident(m, "id", w) or ""
        defaults: dict[str, Any] = {"points": 1, "difficulty": 2, "pool": "practice"}
        dm = m.get("defaults")
        if dm is not None and self.r.mapping(dm, m.at("defaults"), msg("what.key_defaults")) is not None:
            dw = msg("what.bank_defaults")
            self.r.check_keys(dm, ("points", "difficulty", "pool"), (), dw)
            defaults["points"] = self.r.number(dm, "points", dw, lo=0, default=defaults["points"])
            defaults["difficulty"] = self.r.integer(dm, "difficulty", dw, 1, 3, defaults["difficulty"])
            defaults["pool"] = self.r.choice(dm, "pool", dw, POOLS, defaults["pool"])
        questions = []
        qs = self.r.seq(m, "questions", w)
        for i, item, at in entries(qs):
            q = self.question(item, at, bank_id, defaults, msg("what.question_n", n=i + 1))
            if q is not None:
                questions.append(q)
        if qs is not None and not qs:
            self.report.error(m.at("questions"), msg("read.empty", key="questions", what=w))
        return Bank(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=bank_id,
            title=self.r.text(m, "title", w) or "",
            module=self.r.ident(m, "module", w),
            questions=tuple(questions),
        )

    def question(
        self,
        data: Any,
        pos: Pos,
        bank: str,
        defaults: dict[str, Any],
        label: str,
        parent: Question | None = None,
    ) -> Question | None:
        m = self.r.mapping(data, pos, label)
        if m is None:
            return None
        qid = self.r.ident(m, "id", label)
        what = msg("what.question", id=qid) if qid else label
        if qid is None and self.r.absent(m, "id"):  # an id that is not one has its own message
            self.report.error(m.pos, msg("read.missing_key", what=label, key="id"))
        qtype = m.get("type")
        if qtype is None:
            if self.r.absent(m, "type"):
                self.report.error(m.pos, msg("read.missing_key", what=what, key="type"))
            self.unread.add(qid or "")
            return None
        kind = TYPES.get(qtype) if isinstance(qtype, str) else None
        if kind is None or (parent is not None and not kind.in_group):
            allowed = [n for n, k in TYPES.items() if parent is None or k.in_group]
            extra = msg("load.group_in_group") if kind is not None else Text("")
            found = describe(qtype)
            self.report.error(
                m.at("type"), msg("load.bad_type", what=what, allowed=", ".join(allowed), found=found, extra=extra)
            )
            self.unread.add(qid or "")
            return None
        self.r.check_keys(m, COMMON_KEYS + kind.keys, kind.required, what)
        if parent is not None and "pool" in m:
            own = m["pool"]
            if own == parent.pool:
                self.report.warning(m.key_at("pool"), msg("load.sub_pool_ignored", what=what, group=parent.id))
            else:
                # The group's pool decides: an exam-only sub-question of a practice group would be
                # published with the group, so a pool that disagrees is an error, never ignored.
                self.report.error(
                    m.key_at("pool"),
                    msg("load.sub_pool", what=what, group=parent.id, pool=parent.pool, value=own),
                )
        stem = self.r.text(m, "stem", what) or ""
        explanation = self.r.text(m, "explanation", what) or ""
        if not explanation.strip():
            self.report.warning(m.pos, msg("load.no_explanation", what=what))
        base_pool = parent.pool if parent else defaults["pool"]
        base_difficulty = parent.difficulty if parent else defaults["difficulty"]
        fields: dict[str, Any] = dict(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=qid or "",
            type=qtype,
            bank=bank,
            stem=stem,
            explanation=explanation,
            objectives=self.r.ids(m, "objectives", what),
            tags=self.r.texts(m, "tags", what, scalar_ok=True),
            difficulty=self.r.integer(m, "difficulty", what, 1, 3, base_difficulty),
            points=self.r.number(m, "points", what, lo=0, default=defaults["points"]),
            pool=base_pool if parent else self.r.choice(m, "pool", what, POOLS, base_pool),
            source=self.r.text(m, "source", what),
            parent=parent.id if parent else None,
        )

        def read_sub(item: Any, sub_pos: Pos, sub_label: str, group: Question) -> Question | None:
            return self.question(item, sub_pos, bank, defaults, sub_label, parent=group)

        body = kind.read(ReadContext(self.r, self.report, fields, read_sub), m, what)
        fields["points"] = kind.points(body, fields["points"])
        return Question(**fields, body=body)

    # -- cases -------------------------------------------------------------
    def case(self, data: Any, path: str) -> Case | None:
        m = self.r.mapping(data, Pos(path), msg("what.a_case"))
        if m is None:
            return None
        keys = (
            "id",
            "title",
            "module",
            "tags",
            "summary",
            "scenario",
            "discussion",
            "analysis",
            "practice",
            "references",
        )
        w = msg("what.the_case")
        self.r.check_keys(m, keys, ("id", "title", "scenario"), w)
        return Case(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=self.r.ident(m, "id", w) or "",
            title=self.r.text(m, "title", w) or "",
            module=self.r.ident(m, "module", w),
            tags=self.r.texts(m, "tags", w, scalar_ok=True),
            summary=self.r.text(m, "summary", w),
            scenario=self.r.text(m, "scenario", w) or "",
            discussion=self.r.texts(m, "discussion", w),
            analysis=self.r.text(m, "analysis", w),
            practice=self.r.text(m, "practice", w),
            references=self.r.texts(m, "references", w, scalar_ok=True),
        )

    # -- exams -------------------------------------------------------------
    def variant_ids(self, m: Map, variants: tuple[str, ...]) -> None:
        """A variant id names the pack's folder OUT/<exam>/<variant>/: letters and digits only."""
        value = m.get("variants")
        for i, variant in enumerate(variants):
            if VARIANT_RE.fullmatch(variant):
                continue
            at = value.at(i) if isinstance(value, Seq) and len(value) == len(variants) else m.at("variants")
            shown = variant if len(variant) <= 24 else variant[:20] + "…"
            self.report.error(at, msg("load.variant_id", found=shown, max=VARIANT_MAX))

    def exam(self, data: Any, path: str) -> Exam | None:
        m = self.r.mapping(data, Pos(path), msg("what.an_exam"))
        if m is None:
            return None
        w = msg("what.the_exam")
        keys = ("id", "title", "duration", "pass", "seed", "variants", "shuffle", "online", "instructions", "sections")
        self.r.check_keys(m, keys, ("id", "title", "sections"), w)
        shuffle_q = shuffle_o = True
        sm = m.get("shuffle")
        sw = msg("what.key_shuffle")
        if sm is not None and self.r.mapping(sm, m.at("shuffle"), sw) is not None:
            self.r.check_keys(sm, ("questions", "options"), (), sw)
            shuffle_q = self.r.boolean(sm, "questions", sw, True)
            shuffle_o = self.r.boolean(sm, "options", sw, True)
        pass_written = self.r.filled(m, "pass", w)
        variants = self.r.texts(m, "variants", w, scalar_ok=True) if self.r.filled(m, "variants", w) else ()
        written = m.get("variants")
        if isinstance(written, str) and VARIANTS_IN_ONE_RE.match(written.strip()):
            # "AB" or "A, B" is two variants typed as one: one variant "AB" is written [AB].
            self.report.error(m.at("variants"), msg("load.variants_one_text", value=written))
        else:
            self.variant_ids(m, variants)
            if len(set(variants)) != len(variants):
                self.report.error(m.at("variants"), msg("load.variant_twice"))
        variants = variants or ("A",)
        sections = []
        seq = self.r.seq(m, "sections", w)
        for i, item, at in entries(seq):
            sec = self.section(item, at, msg("what.section_n", n=i + 1))
            if sec is not None:
                sections.append(sec)
        return Exam(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=self.r.ident(m, "id", w) or "",
            title=self.r.text(m, "title", w) or "",
            duration=self.r.integer(m, "duration", w, lo=1),
            pass_mark=self.r.number(m, "pass", w, lo=0) if pass_written else None,
            seed=self.r.integer(m, "seed", w, default=0) or 0,
            variants=variants,
            shuffle_questions=shuffle_q,
            shuffle_options=shuffle_o,
            online=self.r.boolean(m, "online", w),
            instructions=self.r.text(m, "instructions", w),
            sections=tuple(sections),
        )

    def section(self, data: Any, pos: Pos, label: str) -> Section | None:
        m = self.r.mapping(data, pos, label)
        if m is None:
            return None
        self.r.check_keys(m, ("title", "instructions", "points", "draw"), ("title", "draw"), label)
        rules = []
        seq = self.r.seq(m, "draw", label)
        for i, item, at in entries(seq):
            rule = self.rule(item, at, msg("what.rule_of", n=i + 1, section=label))
            if rule is not None:
                rules.append(rule)
        return Section(
            pos=m.pos,
            where=frozen_where(m.positions()),
            title=self.r.text(m, "title", label) or "",
            instructions=self.r.text(m, "instructions", label),
            points=self.r.number(m, "points", label, lo=0),
            draw=tuple(rules),
        )

    def rule(self, data: Any, pos: Pos, label: str) -> DrawRule | None:
        m = self.r.mapping(data, pos, label)
        if m is None:
            return None
        keys = ("bank", "type", "tags", "difficulty", "objectives", "ids", "count", "pool")
        self.r.check_keys(m, keys, (), label)
        if not m:
            self.report.error(m.pos, msg("load.rule_empty", what=label))
        return DrawRule(
            pos=m.pos,
            where=frozen_where(m.positions()),
            bank=self.r.ident(m, "bank", label),
            type=self.r.choice(m, "type", label, QUESTION_TYPES),
            tags=self.r.texts(m, "tags", label, True),
            difficulty=self.r.ints(m, "difficulty", label, 1, 3),
            objectives=self.r.ids(m, "objectives", label),
            ids=self.r.ids(m, "ids", label),
            count=self.r.integer(m, "count", label, lo=1),
            pool=self.r.choice(m, "pool", label, ("exam", "practice", "any"), "any") or "any",
        )

    # -- rubrics -----------------------------------------------------------
    def rubric(self, data: Any, path: str) -> Rubric | None:
        m = self.r.mapping(data, Pos(path), msg("what.a_rubric"))
        if m is None:
            return None
        w = msg("what.the_rubric")
        self.r.check_keys(
            m,
            ("id", "title", "case", "duration", "instructions", "pass", "criteria", "pages"),
            ("id", "title", "criteria"),
            w,
        )
        pass_written = self.r.filled(m, "pass", w)
        if m.get("criteria") == []:
            self.report.error(m.at("criteria"), msg("read.empty", key="criteria", what=w))
        criteria = []
        # Score sheets, marks and grade reports tell criteria (and a criterion's levels) by name.
        names: dict[str, int] = {}
        for i, cm in self.r.maps(m, "criteria", w, "what.criterion_n"):
            cw = msg("what.criterion", name=cm.get("name", i + 1))
            name = cm.get("name")
            if isinstance(name, str) and name.strip():
                first = names.setdefault(name.strip(), i + 1)
                if first != i + 1:
                    self.report.error(
                        cm.at("name"), msg("load.criterion_twice", what=w, n=i + 1, first=first, name=name.strip())
                    )
            self.r.check_keys(cm, ("name", "description", "points", "levels", "critical"), ("name",), cw)
            critical = self.r.boolean(cm, "critical", cw)
            points = self.r.number(cm, "points", cw, lo=0)
            # A 'critical' that is not true/false has its own message; no second one about points.
            unread_critical = "critical" in cm and not isinstance(cm["critical"], bool)
            if not critical and points is None and "points" not in cm and not unread_critical:
                self.report.error(cm.pos, msg("load.criterion_points", what=cw))
            levels = []
            labels: dict[str, int] = {}
            for j, lm in self.r.maps(cm, "levels", cw, "what.level_of", criterion=cw):
                lw = msg("what.level_of", n=j + 1, criterion=cw)
                label = lm.get("label")
                if isinstance(label, (str, int, float)) and not isinstance(label, bool) and str(label).strip():
                    first = labels.setdefault(str(label).strip(), j + 1)
                    if first != j + 1:
                        self.report.error(
                            lm.at("label"),
                            msg("load.level_twice", criterion=cw, n=j + 1, first=first, label=str(label).strip()),
                        )
                self.r.check_keys(lm, ("label", "points", "description"), ("label", "points"), lw)
                levels.append(
                    Level(
                        pos=lm.pos,
                        where=frozen_where(lm.positions()),
                        label=self.r.text(lm, "label", lw) or "",
                        points=self.r.number(lm, "points", lw, lo=0, default=0) or 0,
                        description=self.r.text(lm, "description", lw),
                    )
                )
            criteria.append(
                Criterion(
                    pos=cm.pos,
                    where=frozen_where(cm.positions()),
                    name=self.r.text(cm, "name", cw) or "",
                    description=self.r.text(cm, "description", cw),
                    points=points,
                    levels=tuple(levels),
                    critical=critical,
                )
            )
        return Rubric(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=self.r.ident(m, "id", w) or "",
            title=self.r.text(m, "title", w) or "",
            case=self.r.ident(m, "case", w),
            duration=self.r.integer(m, "duration", w, lo=1),
            instructions=self.r.text(m, "instructions", w),
            pass_mark=self.r.number(m, "pass", w, lo=0) if pass_written else None,
            criteria=tuple(criteria),
            pages=self.r.integer(m, "pages", w, 1, 50),
        )

    # -- schemes -----------------------------------------------------------
    def scheme(self, data: Any, path: str) -> Scheme | None:
        m = self.r.mapping(data, Pos(path), msg("what.a_scheme"))
        if m is None:
            return None
        w = msg("what.the_scheme")
        self.r.check_keys(m, ("id", "title", "components", "grades", "outcomes"), ("id", "title", "components"), w)
        if m.get("components") == []:
            self.report.error(m.at("components"), msg("read.empty", key="components", what=w))
        components = []
        for i, cm in self.r.maps(m, "components", w, "what.component_n"):
            cw = msg("what.component_n", n=i + 1)
            self.r.check_keys(cm, ("id", "name", "weight", "exam", "rubric", "form"), ("id", "name", "weight"), cw)
            components.append(
                Component(
                    pos=cm.pos,
                    where=frozen_where(cm.positions()),
                    id=self.r.ident(cm, "id", cw) or "",
                    name=self.r.text(cm, "name", cw) or "",
                    weight=self.r.number(cm, "weight", cw, 0, 100, 0) or 0,
                    exam=self.r.ident(cm, "exam", cw),
                    rubric=self.r.ident(cm, "rubric", cw),
                    form=self.r.ident(cm, "form", cw),
                )
            )
        grades = []
        for i, gm in self.r.maps(m, "grades", w, "what.grade_n"):
            gw = msg("what.grade_n", n=i + 1)
            self.r.check_keys(gm, ("label", "min"), ("label", "min"), gw)
            grades.append(
                Grade(
                    pos=gm.pos,
                    where=frozen_where(gm.positions()),
                    label=self.r.text(gm, "label", gw) or "",
                    min=self.r.number(gm, "min", gw, 0, 100, 0) or 0,
                )
            )
        return Scheme(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=self.r.ident(m, "id", w) or "",
            title=self.r.text(m, "title", w) or "",
            components=tuple(components),
            grades=tuple(grades),
            outcomes=self.r.text(m, "outcomes", w),
        )

    # -- forms -------------------------------------------------------------
    def form(self, data: Any, path: str) -> Form | None:
        m = self.r.mapping(data, Pos(path), msg("what.a_form"))
        if m is None:
            return None
        w = msg("what.the_form")
        keys = ("id", "title", "intro", "fields", "sections", "table", "order", "pages")
        self.r.check_keys(m, keys, ("id", "title"), w)
        sections = []
        for i, sm in self.r.maps(m, "sections", w, "what.section_n"):
            sw = msg("what.form_section_n", n=i + 1)
            self.r.check_keys(sm, ("title", "items"), ("items",), sw)
            items = []
            for j, im in self.r.maps(sm, "items", sw, "what.item_of", section=sw):
                iw = msg("what.item_of", n=j + 1, section=sw)
                self.r.check_keys(im, ("text", "scale", "choices", "multiple", "lines"), ("text",), iw)
                for key in ("scale", "choices"):
                    if im.get(key) == []:
                        self.report.error(im.at(key), msg("read.empty", key=key, what=iw))
                kinds = [k for k in ("scale", "choices", "lines") if k in im]
                if len(kinds) > 1:
                    both = Text(" and ".join(kinds), "、".join(kinds))
                    self.report.error(im.pos, msg("load.item_kinds", what=iw, kinds=both))
                items.append(
                    FormItem(
                        pos=im.pos,
                        where=frozen_where(im.positions()),
                        text=self.r.text(im, "text", iw) or "",
                        scale=self.r.texts(im, "scale", iw),
                        choices=self.r.texts(im, "choices", iw),
                        multiple=self.r.boolean(im, "multiple", iw),
                        lines=self.r.integer(im, "lines", iw, 1, 40),
                    )
                )
            sections.append(
                FormSection(
                    pos=sm.pos,
                    where=frozen_where(sm.positions()),
                    title=self.r.text(sm, "title", sw) or "",
                    items=tuple(items),
                )
            )
        table = None
        tm = m.get("table")
        tw = msg("what.form_table")
        if tm is not None and self.r.mapping(tm, m.at("table"), tw) is not None:
            self.r.check_keys(tm, ("title", "columns", "rows"), ("columns",), tw)
            table = FormTable(
                pos=tm.pos,
                where=frozen_where(tm.positions()),
                title=self.r.text(tm, "title", tw) or "",
                columns=self.r.texts(tm, "columns", tw),
                rows=self.r.integer(tm, "rows", tw, 1, 500, 10) or 10,
            )
        form = Form(
            pos=m.pos,
            where=frozen_where(m.positions()),
            id=self.r.ident(m, "id", w) or "",
            title=self.r.text(m, "title", w) or "",
            intro=self.r.text(m, "intro", w),
            fields=self.r.texts(m, "fields", w),
            sections=tuple(sections),
            table=table,
            pages=self.r.integer(m, "pages", w, 1, 50),
        )
        return replace(form, order=self.form_order(m, form))

    def form_order(self, m: Map, form: Form) -> tuple[str, ...]:
        """The author's printing order of the blocks: each block the form has, named once."""
        seq = self.r.seq(m, "order", msg("what.the_form"))
        if seq is None:
            return ()
        present = set(form.blocks())  # form.order is still empty here
        order: list[str] = []
        ok = True
        for i, item in enumerate(seq):
            if item not in FORM_BLOCKS:
                self.report.error(
                    seq.at(i),
                    msg("form.order_item", n=i + 1, blocks=", ".join(FORM_BLOCKS), found=describe(item)),
                )
                ok = False
            elif item in order:
                self.report.error(seq.at(i), msg("form.order_twice", block=item))
                ok = False
            elif item not in present:
                self.report.error(seq.at(i), msg("form.order_absent", block=item))
                ok = False
            else:
                order.append(str(item))
        missing = [b for b in FORM_BLOCKS if b in present and b not in order]
        if ok and missing:
            self.report.error(
                m.at("order"),
                msg("form.order_missing", blocks=", ".join(repr(b) for b in missing)),
            )
        return tuple(order) if ok and not missing else ()

    # -- pages -------------------------------------------------------------
    def page(self, text: str, path: str, src_path: str) -> Page:
        match = FRONT_MATTER_RE.match(text)
        if not match and _FRONT_MATTER_MEANT_RE.match(text):
            # MkDocs then shows the keys as text under a rule, and the page is no module.
            self.report.warning(Pos(path, 1), msg("load.front_matter_not_closed"))
        if not match or not (match.group(1) or "").strip():
            return Page(pos=Pos(path), src_path=src_path)
        data = load_yaml(match.group(1), path, self.report, line_offset=1)
        if not isinstance(data, Map):
            if data is not None:
                problem = msg("load.front_matter_not_mapping", found=describe(data))
                hint = key_typed_wrong(data) if isinstance(data, str) else None
                if hint is not None:
                    problem = Text(f"{problem}; {hint}", f"{problem.zh}；{hint.zh}")
                self.report.error(Pos(path, 2), problem)
            return Page(pos=Pos(path), src_path=src_path)
        w = msg("what.front_matter")
        for key in data:
            near = difflib.get_close_matches(str(key), _MODULE_KEYS, n=1, cutoff=0.8)
            if near and key not in _MODULE_KEYS:
                self.report.warning(data.key_at(key), msg("load.front_matter_near_miss", key=key, hint=near[0]))
        objectives = []
        for i, om in self.r.maps(data, "objectives", w, "what.objective_n"):
            ow = msg("what.objective_n", n=i + 1)
            self.r.check_keys(om, ("id", "text"), ("id", "text"), ow)
            objectives.append(
                Objective(
                    pos=om.pos,
                    where=frozen_where(om.positions()),
                    id=self.r.ident(om, "id", ow) or "",
                    text=self.r.text(om, "text", ow) or "",
                )
            )
        paths = []
        for i, pm in self.r.maps(data, "paths", w, "what.path_n"):
            pw = msg("what.path_n", n=i + 1)
            self.r.check_keys(pm, ("id", "title", "intro", "modules", "next", "exam"), ("id", "title", "modules"), pw)
            paths.append(
                LearningPath(
                    pos=pm.pos,
                    where=frozen_where(pm.positions()),
                    id=self.r.ident(pm, "id", pw) or "",
                    title=self.r.text(pm, "title", pw) or "",
                    intro=self.r.text(pm, "intro", pw),
                    modules=self.r.ids(pm, "modules", pw),
                    module_at=_item_positions(pm, "modules"),
                    next=self.r.text(pm, "next", pw),
                    exam=self.r.ident(pm, "exam", pw),
                )
            )
        return Page(
            pos=data.pos,
            where=frozen_where(data.positions()),
            src_path=src_path,
            id=self.r.ident(data, "id", w),
            title=self.r.text(data, "title", w),
            duration=self.r.integer(data, "duration", w, lo=0),
            audience=self.r.texts(data, "audience", w, scalar_ok=True),
            objectives=tuple(objectives),
            paths=tuple(paths),
        )


def _item_positions(m: Map, key: str) -> tuple[Pos, ...]:
    """Where each entry of the list under *key* stands (the key's line for a single value)."""
    value = m.get(key)
    if isinstance(value, Seq):
        return tuple(value.at(i) for i in range(len(value)))
    return (m.at(key),) if key in m else ()


#: (kind, path) -> (digest of the text, model object, the diagnostics loading it produced, ids
#: it failed to load). A document's model depends only on its own text, so `mkdocs serve`
#: re-reads only the files that changed. Bounded: one entry per file; the text itself is not
#: kept (a handbook's banks are megabytes).
_DOCUMENTS: dict[tuple[str, str], tuple[bytes, Any, tuple[Diagnostic, ...], frozenset[str]]] = {}


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _load_document(kind: str, text: str, path: str, report: Report) -> tuple[Any, frozenset[str]]:
    """The model object of one file (None when it could not be read) and the ids it failed to load."""
    cached = _DOCUMENTS.get((kind, path))
    digest = _digest(text)
    if cached is not None and cached[0] == digest:
        report.items.extend(cached[2])
        return cached[1], cached[3]
    own = Report()
    data = load_yaml(text, path, own)
    obj = None
    unread: set[str] = set()
    if data is None:
        if not own.items:
            own.error(Pos(path), msg("file.empty"))
    else:
        loader = Loader(own)
        obj = getattr(loader, kind[:-1])(data, path)
        unread = loader.unread - {""}
    if obj is None:
        unread |= unread_ids(Path(path), text)
    _DOCUMENTS[(kind, path)] = (digest, obj, tuple(own.items), frozenset(unread))
    report.items.extend(own.items)
    return obj, frozenset(unread)


def _content_among_pages(pages_root: Path, report: Report) -> None:
    """A bank (or case, or blueprint) copied into the pages folder: MkDocs copies every file there
    into the site, so its answers and exam-only questions would be published. An error, at its key."""
    for path in sorted(p for p in pages_root.rglob("*") if p.suffix.lower() in (".yml", ".yaml") and p.is_file()):
        try:
            text = path.read_text(encoding="utf-8-sig", errors="replace")
        except OSError:
            continue
        found = _CONTENT_KEY_RE.search(text)
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            report.error(Pos(str(path), line, 1), msg("file.content_among_pages", key=found.group(1)))


def load_project(content_dir: str | Path, report: Report, pages_dir: str | Path | None = None) -> Project:
    """Load every file of a content folder; the pages folder defaults to ``content/handbook``."""
    content = Path(content_dir)
    pages_root = Path(pages_dir) if pages_dir is not None else content / "handbook"
    loader = Loader(report)
    if not content.is_dir():
        report.error(Pos(str(content)), msg("file.no_content_folder"))
        return Project(str(content), str(pages_root))
    if pages_dir is not None and not pages_root.is_dir():
        # Named on purpose (--pages, docs_dir) but missing: one message, not one per page reference.
        report.error(Pos(str(pages_root)), msg("file.no_pages_folder"))
        return Project(str(content), str(pages_root))
    loaded: dict[str, list[Any]] = {kind: [] for kind in KINDS}
    unread: set[str] = set()
    for kind in KINDS:
        for path in yaml_files(content / kind):
            text = read_text(path, report)
            if text is None:
                unread |= unread_ids(path, text)
                continue
            obj, failed = _load_document(kind, text, str(path), report)
            unread |= failed
            if obj is not None:
                loaded[kind].append(obj)
    pages = []
    if pages_root.is_dir():
        for path in sorted(pages_root.rglob("*.md")):
            text = read_text(path, report)
            if text is None:
                unread |= unread_ids(path, text) - {path.stem}
                continue
            before = len(report.errors)
            page = loader.page(text, str(path), rel(path, pages_root))
            if page.id is None and len(report.errors) > before:
                # front matter that could not be read: its page id and objective ids
                match = FRONT_MATTER_RE.match(text)
                unread |= set(ID_LINE_RE.findall(match.group(0) if match else text[:4000]))
            pages.append(page)
        _content_among_pages(pages_root, report)
    return Project(
        content_dir=str(content),
        pages_dir=str(pages_root),
        pages=tuple(pages),
        unread=frozenset(unread),
        **{kind: tuple(items) for kind, items in loaded.items()},
    )
