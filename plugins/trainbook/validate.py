"""Cross-file rules: references, duplicates, sums and draws.

``load`` checks each document's own shape; this module checks how documents
fit together. Both write to one :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from .collector import collector_paused
from .diagnostics import Pos, Report
from .draw import draw_paper, effective_pool, rule_matches
from .fences import PageFence, page_fences, select_quiz
from .load import load_project
from .messages import Text, msg
from .model import Exam, Project, Question
from .qtypes import TYPES
from .reader import ID_RE


def _unique(report: Report, kind: Text, items: Iterable[tuple[str, Pos]]) -> None:
    # Reported at every occurrence: which copy is the mistake is the author's call.
    seen: dict[str, list[Pos]] = {}
    for ident, pos in items:
        if ident:
            seen.setdefault(ident, []).append(pos)
    for ident, places in seen.items():
        for pos in places if len(places) > 1 else ():
            others = ", ".join(str(p) for p in places if p != pos)
            report.error(pos, msg("check.duplicate_id", kind=kind, id=ident, others=others))


def check_project(project: Project, report: Report) -> None:
    questions = ((q.id, q.at("id")) for b in project.banks for top in b.questions for q in top.walk())
    _unique(report, msg("kind.bank"), ((b.id, b.at("id")) for b in project.banks))
    _unique(report, msg("kind.question"), questions)
    _unique(report, msg("kind.case"), ((c.id, c.at("id")) for c in project.cases))
    _unique(report, msg("kind.exam"), ((e.id, e.at("id")) for e in project.exams))
    _unique(report, msg("kind.rubric"), ((r.id, r.at("id")) for r in project.rubrics))
    _unique(report, msg("kind.scheme"), ((s.id, s.at("id")) for s in project.schemes))
    _unique(report, msg("kind.form"), ((f.id, f.at("id")) for f in project.forms))
    _unique(report, msg("kind.page"), ((p.id, p.at("id")) for p in project.pages if p.id))
    _unique(report, msg("kind.objective"), ((o.id, o.at("id")) for p in project.pages for o in p.objectives))
    _check_banks(project, report)
    for case in project.cases:
        _module_exists(project, report, case.module, case.at("module"), msg("what.case_id", id=case.id))
    _check_exams(project, report)
    _check_rubrics(project, report)
    _check_schemes(project, report)
    _check_paths(project, report)


def _module_exists(project: Project, report: Report, module: str | None, pos: Pos, what: Text) -> None:
    if module and project.page(module) is None and module not in project.unread:
        report.error(pos, msg("check.no_module", what=what, module=module))


def _check_banks(project: Project, report: Report) -> None:
    all_objectives = {o.id for p in project.pages for o in p.objectives}
    for bank in project.banks:
        _module_exists(project, report, bank.module, bank.at("module"), msg("what.bank_id", id=bank.id))
        # Every page of that id: a duplicate page id is reported once, not as a cascade here.
        pages = [p for p in project.pages if bank.module and p.id == bank.module]
        known = {o.id for p in pages for o in p.objectives} if pages else all_objectives
        for top in bank.questions:
            for q in top.walk():
                _check_question(project, report, q, known, bank.module if pages else None)


def _check_question(project: Project, report: Report, q: Question, known: set[str], module: str | None) -> None:
    for obj in q.objectives:
        # An invalid id has its own message; one from a page that could not be read, its page's.
        if obj not in known and ID_RE.match(obj) and obj not in project.unread:
            what = msg("what.question", id=q.id)
            where = msg("what.module_id", id=module) if module else msg("what.any_page")
            report.error(q.at("objectives"), msg("check.objective_undefined", what=what, objective=obj, where=where))
    TYPES[q.type].check(q, project, report)


def _check_exams(project: Project, report: Report) -> None:
    by_id = {q.id: q for top in project.questions() for q in top.walk()}
    banks = {b.id for b in project.banks}
    objectives = {o.id for p in project.pages for o in p.objectives}
    for exam in project.exams:
        rule_ok = True
        for si, section in enumerate(exam.sections):
            for ri, rule in enumerate(section.draw):
                label = msg("what.exam_rule", rule=ri + 1, section=si + 1, title=section.title, exam=exam.id)
                # A reference into a file that could not be read: that file's error says it all.
                unread = project.unread
                if rule.bank and rule.bank not in banks:
                    if rule.bank not in unread:
                        report.error(rule.at("bank"), msg("check.rule_no_bank", what=label, bank=rule.bank))
                    rule_ok = False
                for obj in rule.objectives:
                    if obj not in objectives:
                        if obj not in unread:
                            report.error(
                                rule.at("objectives"), msg("check.rule_no_objective", what=label, objective=obj)
                            )
                        rule_ok = False
                for qid in rule.ids:
                    q = by_id.get(qid)
                    if q is None:
                        if qid not in unread:
                            report.error(rule.at("ids"), msg("check.rule_no_question", what=label, id=qid))
                        rule_ok = False
                    elif q.parent:
                        report.error(rule.at("ids"), msg("check.rule_sub_question", what=label, id=qid, group=q.parent))
                        rule_ok = False
        if not rule_ok:
            continue
        draws = [(v, False) for v in exam.variants] + ([("online", True)] if exam.online else [])
        reported: set[tuple[int, int, bool]] = set()
        for variant, online in draws:
            paper = draw_paper(project, exam, variant, online=online)
            for sf in paper.shortfalls:
                if (sf.section, sf.rule, online) in reported:
                    continue
                reported.add((sf.section, sf.rule, online))
                scope = msg("what.practice_pool") if online else msg("what.variant", variant=variant)
                rule = exam.sections[sf.section].draw[sf.rule]
                if online and rule.pool == "exam":
                    label = msg(
                        "what.exam_rule",
                        rule=sf.rule + 1,
                        section=sf.section + 1,
                        title=exam.sections[sf.section].title,
                        exam=exam.id,
                    )
                    report.error(rule.at("pool"), msg("check.online_exam_pool", what=label, scope=scope))
                    continue
                report.error(*sf.message(exam, "check.shortfall", scope=scope))
            if not paper.shortfalls and exam.pass_mark is not None and exam.pass_mark > paper.total_points:
                report.error(
                    exam.at("pass"),
                    msg(
                        "check.exam_pass", exam=exam.id, mark=exam.pass_mark, variant=variant, total=paper.total_points
                    ),
                )

        if exam.online and exam.pass_mark is not None:
            _check_online_totals(project, exam, report)


def _check_online_totals(project: Project, exam: Exam, report: Report) -> None:
    """The mock exam draws anew on every attempt and its pass mark is in points: a rule picking
    some of several questions worth different points gives attempts of different totals against
    one pass mark (a section without `points` takes each question's own; a group is worth its
    parts). The printed papers are fixed, and exam build names their totals."""
    practice = project.questions()
    for si, section in enumerate(exam.sections):
        for rule in section.draw:
            pool = effective_pool(rule, online=True)
            matched = [q for q in practice if rule_matches(rule, q, pool)]
            worths = sorted({q.points_with(section.points) for q in matched})
            if rule.count is not None and rule.count < len(matched) and len(worths) > 1:
                report.warning(
                    rule.at("count"),
                    msg(
                        "check.online_unequal_totals",
                        exam=exam.id,
                        section=si + 1,
                        title=section.title,
                        worths=", ".join(f"{w:g}" for w in worths),
                        mark=exam.pass_mark,
                    ),
                )
                break


def _check_rubrics(project: Project, report: Report) -> None:
    for rubric in project.rubrics:
        what = msg("what.rubric_id", id=rubric.id)
        if rubric.case and project.case(rubric.case) is None and rubric.case not in project.unread:
            report.error(rubric.at("case"), msg("q.case_missing", what=what, case=rubric.case))
        for c in rubric.criteria:
            for level in c.levels:
                if c.points is not None and level.points > c.points:
                    report.error(
                        level.at("points"),
                        msg(
                            "check.level_points",
                            level=level.label,
                            criterion=c.name,
                            what=what,
                            points=level.points,
                            max=c.points,
                        ),
                    )
        if rubric.pass_mark is not None and rubric.pass_mark > rubric.total_points:
            report.error(
                rubric.at("pass"), msg("check.rubric_pass", what=what, mark=rubric.pass_mark, total=rubric.total_points)
            )


def _check_schemes(project: Project, report: Report) -> None:
    exams = {e.id for e in project.exams}
    rubrics = {r.id for r in project.rubrics}
    forms = {f.id for f in project.forms}
    for scheme in project.schemes:
        what = msg("what.scheme_id", id=scheme.id)
        _unique(report, msg("kind.component_in", what=what), ((c.id, c.at("id")) for c in scheme.components))
        # `trainbook grade` finds a component's column in the score sheet by its name.
        named: dict[str, list[Pos]] = {}
        for c in scheme.components:
            if c.name:
                named.setdefault(c.name, []).append(c.at("name"))
        for name, places in named.items():
            for pos in places if len(places) > 1 else ():
                others = ", ".join(str(p) for p in places if p != pos)
                report.error(pos, msg("check.component_name_twice", what=what, name=name, others=others))
        total = sum(c.weight for c in scheme.components)
        # A weight the loader could not read counts as 0; its own error says enough.
        unread = {d.pos for d in report.errors} & {c.at("weight") for c in scheme.components}
        if scheme.components and not unread and abs(total - 100) > 1e-9:
            report.error(scheme.at("components"), msg("check.weights", what=what, total=total))
        for c in scheme.components:
            for key, known in (("exam", exams), ("rubric", rubrics), ("form", forms)):
                ref = getattr(c, key)
                if ref and ref not in known and ref not in project.unread:
                    kind = msg(f"kind.{key}")
                    report.error(
                        c.at(key), msg("check.component_ref", key=key, component=c.id, what=what, kind=kind, ref=ref)
                    )
        mins = [g.min for g in scheme.grades]
        if mins != sorted(mins, reverse=True):
            report.error(scheme.at("grades"), msg("check.grades_order", what=what))
        if scheme.grades and min(mins) > 0:
            report.warning(scheme.grades[-1].at("min"), msg("check.lowest_grade", what=what, min=min(mins)))


def _check_paths(project: Project, report: Report) -> None:
    """Learning paths (a page's front matter ``paths``) name module pages that exist."""
    for page in project.pages:
        _unique(report, msg("kind.path"), ((lp.id, lp.at("id")) for lp in page.paths))
        for lp in page.paths:
            for i, module in enumerate(lp.modules):
                pos = lp.module_at[i] if i < len(lp.module_at) else lp.at("modules")
                if project.page(module) is None and module not in project.unread:
                    report.error(pos, msg("check.path_no_module", path=lp.id, module=module))
                elif lp.modules.index(module) != i:
                    report.warning(pos, msg("check.path_module_twice", path=lp.id, module=module))
            exam = next((e for e in project.exams if e.id == lp.exam), None) if lp.exam else None
            if lp.exam and exam is None:
                report.error(lp.at("exam"), msg("check.path_no_exam", path=lp.id, exam=lp.exam))
            elif exam is not None and not exam.online:
                report.error(lp.at("exam"), msg("check.path_exam_offline", path=lp.id, exam=lp.exam))


def check_pages(project: Project, report: Report) -> tuple[PageFence, ...]:
    """Quiz and case fences in every handbook page; returns them as read."""
    read = []
    for pf in page_fences(project, report):
        read.append(pf)
        if pf.quiz is not None:
            select_quiz(project, pf.quiz, report)
        elif pf.case is not None and project.case(pf.case[0]) is None and pf.case[0] not in project.unread:
            report.error(pf.case[1], msg("check.case_block_missing", id=pf.case[0]))
    return tuple(read)


def validate(content_dir: str | Path, pages_dir: str | Path | None = None) -> tuple[Project, Report]:
    """Load and check a whole content folder."""
    report = Report()
    with collector_paused():
        project = load_project(content_dir, report, pages_dir)
        check_project(project, report)
        # Kept with the project, so nothing after validation reads the pages again.
        fences = check_pages(project, report)
    return replace(project, fences=fences), report
