"""Cross-file rules: references, duplicates, sums and draws.

``load`` checks each document's own shape; this module checks how documents
fit together. Both write to one :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Pos, Report
from .draw import draw_paper
from .fences import find_fences, read_case_ref, read_quiz, select_quiz
from .load import load_project, read_text
from .model import Project, Question
from .qtypes import TYPES


def _unique(report: Report, kind: str, items: Iterable[tuple[str, Pos]]) -> None:
    # Reported at every occurrence: which copy is the mistake is the author's call.
    seen: dict[str, list[Pos]] = {}
    for ident, pos in items:
        if ident:
            seen.setdefault(ident, []).append(pos)
    for ident, places in seen.items():
        for pos in places if len(places) > 1 else ():
            others = ", ".join(str(p) for p in places if p != pos)
            report.error(pos, f"duplicate {kind} id '{ident}' (also defined at {others})")


def check_project(project: Project, report: Report) -> None:
    _unique(report, "bank", ((b.id, b.at("id")) for b in project.banks))
    _unique(report, "question", ((q.id, q.at("id")) for b in project.banks for top in b.questions for q in top.walk()))
    _unique(report, "case", ((c.id, c.at("id")) for c in project.cases))
    _unique(report, "exam", ((e.id, e.at("id")) for e in project.exams))
    _unique(report, "rubric", ((r.id, r.at("id")) for r in project.rubrics))
    _unique(report, "scheme", ((s.id, s.at("id")) for s in project.schemes))
    _unique(report, "form", ((f.id, f.at("id")) for f in project.forms))
    _unique(report, "page", ((p.id, p.at("id")) for p in project.pages if p.id))
    _unique(report, "objective", ((o.id, o.at("id")) for p in project.pages for o in p.objectives))
    _check_banks(project, report)
    for case in project.cases:
        _module_exists(project, report, case.module, case.at("module"), f"case '{case.id}'")
    _check_exams(project, report)
    _check_rubrics(project, report)
    _check_schemes(project, report)
    _check_paths(project, report)


def _module_exists(project: Project, report: Report, module: str | None, pos: Pos, what: str) -> None:
    if module and project.page(module) is None:
        report.error(pos, f"key 'module' of {what}: no handbook page has front matter id '{module}'")


def _check_banks(project: Project, report: Report) -> None:
    all_objectives = {o.id for p in project.pages for o in p.objectives}
    for bank in project.banks:
        _module_exists(project, report, bank.module, bank.at("module"), f"bank '{bank.id}'")
        # Every page of that id: a duplicate page id is reported once, not as a cascade here.
        pages = [p for p in project.pages if bank.module and p.id == bank.module]
        known = {o.id for p in pages for o in p.objectives} if pages else all_objectives
        for top in bank.questions:
            for q in top.walk():
                _check_question(project, report, q, known, bank.module if pages else None)


def _check_question(project: Project, report: Report, q: Question, known: set[str], module: str | None) -> None:
    what = f"question '{q.id}'"
    for obj in q.objectives:
        if obj not in known:
            where = f"module '{module}'" if module else "any handbook page"
            report.error(
                q.at("objectives"),
                f"key 'objectives' of {what}: objective '{obj}' is not defined in the front matter of {where}",
            )
    TYPES[q.type].check(q, project, report)


def _check_exams(project: Project, report: Report) -> None:
    by_id = {q.id: q for top in project.questions() for q in top.walk()}
    banks = {b.id for b in project.banks}
    objectives = {o.id for p in project.pages for o in p.objectives}
    for exam in project.exams:
        rule_ok = True
        for si, section in enumerate(exam.sections):
            for ri, rule in enumerate(section.draw):
                label = f"draw rule {ri + 1} of section {si + 1} ('{section.title}') of exam '{exam.id}'"
                if rule.bank and rule.bank not in banks:
                    report.error(rule.at("bank"), f"key 'bank' of {label}: bank '{rule.bank}' does not exist")
                    rule_ok = False
                for obj in rule.objectives:
                    if obj not in objectives:
                        report.error(
                            rule.at("objectives"), f"key 'objectives' of {label}: objective '{obj}' does not exist"
                        )
                        rule_ok = False
                for qid in rule.ids:
                    q = by_id.get(qid)
                    if q is None:
                        report.error(rule.at("ids"), f"key 'ids' of {label}: question '{qid}' does not exist")
                        rule_ok = False
                    elif q.parent:
                        report.error(
                            rule.at("ids"),
                            f"key 'ids' of {label}: '{qid}' is a sub-question of group "
                            f"'{q.parent}'; a group is drawn whole, name '{q.parent}'",
                        )
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
                section = exam.sections[sf.section]
                rule = section.draw[sf.rule]
                scope = "the practice pool (online mock exam)" if online else f"variant {variant}"
                report.error(
                    rule.pos,
                    f"exam '{exam.id}', section {sf.section + 1} ('{section.title}'), draw rule "
                    f"{sf.rule + 1} {rule.describe()} cannot be filled from {scope}: "
                    f"needs {sf.need}, has {sf.have}",
                )
            if not paper.shortfalls and exam.pass_mark is not None and exam.pass_mark > paper.total_points:
                report.error(
                    exam.at("pass"),
                    f"key 'pass' of exam '{exam.id}' is {exam.pass_mark:g} but paper "
                    f"{variant} is worth only {paper.total_points:g} points",
                )


def _check_rubrics(project: Project, report: Report) -> None:
    for rubric in project.rubrics:
        what = f"rubric '{rubric.id}'"
        if rubric.case and project.case(rubric.case) is None:
            report.error(rubric.at("case"), f"key 'case' of {what}: case study '{rubric.case}' does not exist")
        for c in rubric.criteria:
            for level in c.levels:
                if c.points is not None and level.points > c.points:
                    report.error(
                        level.at("points"),
                        f"level '{level.label}' of criterion '{c.name}' in {what} "
                        f"gives {level.points:g} points, more than the criterion's "
                        f"{c.points:g}",
                    )
        if rubric.pass_mark is not None and rubric.pass_mark > rubric.total_points:
            report.error(
                rubric.at("pass"),
                f"key 'pass' of {what} is {rubric.pass_mark:g} but the criteria "
                f"give at most {rubric.total_points:g} points",
            )


def _check_schemes(project: Project, report: Report) -> None:
    exams = {e.id for e in project.exams}
    rubrics = {r.id for r in project.rubrics}
    forms = {f.id for f in project.forms}
    for scheme in project.schemes:
        what = f"scheme '{scheme.id}'"
        _unique(report, f"component (in {what})", ((c.id, c.at("id")) for c in scheme.components))
        total = sum(c.weight for c in scheme.components)
        # A weight the loader could not read counts as 0; its own error says enough.
        unread = {d.pos for d in report.errors} & {c.at("weight") for c in scheme.components}
        if scheme.components and not unread and abs(total - 100) > 1e-9:
            report.error(
                scheme.at("components"),
                f"key 'components' of {what}: weights add up to {total:g}, they must add up to 100",
            )
        for c in scheme.components:
            for key, known in (("exam", exams), ("rubric", rubrics), ("form", forms)):
                ref = getattr(c, key)
                if ref and ref not in known:
                    report.error(
                        c.at(key), f"key '{key}' of component '{c.id}' in {what}: {key} '{ref}' does not exist"
                    )
        mins = [g.min for g in scheme.grades]
        if mins != sorted(mins, reverse=True):
            report.error(scheme.at("grades"), f"key 'grades' of {what} must list the highest grade first")
        if scheme.grades and min(mins) > 0:
            report.warning(
                scheme.grades[-1].at("min"),
                f"the lowest grade of {what} starts at {min(mins):g}; a total below it gets no grade",
            )


def _check_paths(project: Project, report: Report) -> None:
    """Learning paths (a page's front matter ``paths``) name module pages that exist."""
    for page in project.pages:
        _unique(report, "learning path", ((lp.id, lp.at("id")) for lp in page.paths))
        for lp in page.paths:
            for i, module in enumerate(lp.modules):
                pos = lp.module_at[i] if i < len(lp.module_at) else lp.at("modules")
                if project.page(module) is None:
                    what = f"key 'modules' of learning path '{lp.id}'"
                    report.error(pos, f"{what}: no handbook page has front matter id '{module}'")
                elif lp.modules.index(module) != i:
                    report.warning(pos, f"key 'modules' of learning path '{lp.id}': '{module}' is listed twice")
            exam = next((e for e in project.exams if e.id == lp.exam), None) if lp.exam else None
            what = f"key 'exam' of learning path '{lp.id}'"
            if lp.exam and exam is None:
                report.error(lp.at("exam"), f"{what}: exam '{lp.exam}' does not exist")
            elif exam is not None and not exam.online:
                report.error(lp.at("exam"), f"{what}: exam '{lp.exam}' has no mock exam on the site (online: true)")


def check_pages(project: Project, report: Report) -> None:
    """Quiz and case fences in every handbook page."""
    for page in project.pages:
        path = str(Path(project.pages_dir) / page.src_path)
        text = read_text(Path(path), report)
        if text is None:
            continue
        lines = text.splitlines()
        quoted: list[tuple[int, str]] = []
        for fence in find_fences(lines, quoted):
            pos = Pos(path, fence.start + 2, fence.indent + 1)
            if fence.kind == "quiz":
                spec = read_quiz(fence.body, pos, report)
                if spec is not None:
                    select_quiz(project, spec, report)
            else:
                ref = read_case_ref(fence.body, pos, report)
                if ref is not None and project.case(ref[0]) is None:
                    report.error(ref[1], f"case block: case study '{ref[0]}' does not exist")
        for index, kind in quoted:
            report.error(
                Pos(path, index + 1, lines[index].index(">") + 1),
                f"a {kind} block inside a blockquote ('>') is not supported; move it out of the quote",
            )


def validate(content_dir: str | Path, pages_dir: str | Path | None = None) -> tuple[Project, Report]:
    """Load and check a whole content folder."""
    report = Report()
    project = load_project(content_dir, report, pages_dir)
    check_project(project, report)
    check_pages(project, report)
    return project, report
