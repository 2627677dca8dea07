"""Markdown sources of the generated pages: banks, cases, rubrics, schemes, forms,
mock exams and the overview.

Headings stay Markdown (so the table of contents and search see them); tables
are pre-rendered HTML because their cells hold Markdown of their own.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass

from .draw import draw_paper
from .model import QUESTION_TYPES, TYPE_NAMES_ZH, Project
from .render import Renderer

SECTION_TITLES = {
    "banks": "题库",
    "cases": "案例库",
    "exams": "模拟考试",
    "rubrics": "评分表",
    "schemes": "考核方案",
    "forms": "表单",
}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: str  # "overview" or one of SECTION_TITLES
    title: str
    markdown: str


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front(title: str) -> str:
    return f"---\ntitle: {_yaml_str(title)}\n---\n\n# {title}\n\n"


class PageBuilder:
    def __init__(self, project: Project, renderer: Renderer, prefix: str = "trainbook"):
        self.project = project
        self.renderer = renderer
        self.prefix = prefix.strip("/")

    def uri(self, kind: str, ident: str | None = None) -> str:
        return f"{self.prefix}/index.md" if ident is None else f"{self.prefix}/{kind}/{ident}.md"

    def link(self, from_uri: str, to_uri: str) -> str:
        return posixpath.relpath(to_uri, posixpath.dirname(from_uri))

    def module_link(self, from_uri: str, module: str | None) -> str | None:
        page = self.project.page(module) if module else None
        if page is None:
            return None
        return f"[{page.title or page.id}]({self.link(from_uri, page.src_path)})"

    def build(self) -> list[GeneratedPage]:
        p = self.project
        pages = [self.bank(b.id) for b in p.banks if any(q.pool == "practice" for q in b.questions)]
        pages += [self.case(c.id) for c in p.cases]
        pages += [self.mock_exam(e.id) for e in p.exams if e.online]
        pages += [self.rubric(r.id) for r in p.rubrics]
        pages += [self.scheme(s.id) for s in p.schemes]
        pages += [self.form(f.id) for f in p.forms]
        return [self.overview(pages), *pages]

    # -- one page per kind ---------------------------------------------------
    def bank(self, bank_id: str) -> GeneratedPage:
        bank = self.project.bank(bank_id)
        assert bank is not None
        uri = self.uri("banks", bank.id)
        practice = [q for q in bank.questions if q.pool == "practice"]
        out = [_front(bank.title)]
        module = self.module_link(uri, bank.module)
        if module:
            out.append(f"配套课程：{module}\n\n")
        out.append(f"本题库公开练习题共 {len(practice)} 道，按题型分组；作答后即时显示解析。\n\n")
        counts = Counter(q.type for q in practice)
        for qtype in QUESTION_TYPES:
            if counts[qtype]:
                name = TYPE_NAMES_ZH[qtype]
                out.append(
                    f"## {name}（{counts[qtype]} 道）\n\n```quiz\nbank: {bank.id}\ntype: {qtype}\n"
                    f"title: {name}\n```\n\n"
                )
        return GeneratedPage(uri, "banks", bank.title, "".join(out))

    def case(self, case_id: str) -> GeneratedPage:
        case = self.project.case(case_id)
        assert case is not None
        uri = self.uri("cases", case.id)
        out = [_front(case.title)]
        if case.summary:
            out.append(f"> {case.summary}\n\n")
        meta = []
        module = self.module_link(uri, case.module)
        if module:
            meta.append(f"所属课程：{module}")
        if case.tags:
            meta.append("标签：" + "、".join(case.tags))
        if meta:
            out.append(" · ".join(meta) + "\n\n")
        out.append(f"## 案例情景\n\n{case.scenario.strip()}\n\n")
        if case.discussion:
            out.append(
                "## 讨论题\n\n" + "".join(f"{i}. {d.strip()}\n" for i, d in enumerate(case.discussion, 1)) + "\n"
            )
        if case.analysis:
            out.append(f"## 案例分析\n\n{case.analysis.strip()}\n\n")
        if case.practice:
            out.append(f"## 正确做法\n\n{case.practice.strip()}\n\n")
        if case.references:
            out.append("## 参考依据\n\n" + "".join(f"- {r}\n" for r in case.references) + "\n")
        groups = [q.id for q in self.project.questions() if q.case == case.id and q.pool == "practice"]
        if groups:
            out.append(f"## 案例练习\n\n```quiz\nids: [{', '.join(groups)}]\ntitle: 案例练习\n```\n\n")
        return GeneratedPage(uri, "cases", case.title, "".join(out))

    def mock_exam(self, exam_id: str) -> GeneratedPage:
        exam = next(e for e in self.project.exams if e.id == exam_id)
        uri = self.uri("exams", exam.id)
        title = f"{exam.title}（模拟考试）"
        paper = draw_paper(self.project, exam, "online", online=True)
        out = [_front(title)]
        facts = [f"满分 {paper.total_points:g} 分"]
        if exam.duration:
            facts.append(f"限时 {exam.duration} 分钟，时间到自动交卷")
        if exam.pass_mark is not None:
            facts.append(f"及格线 {exam.pass_mark:g} 分")
        out.append("本模拟考试只使用公开练习题，与正式考试题目不同。" + "，".join(facts) + "。\n\n")
        if exam.instructions:
            out.append(exam.instructions.strip() + "\n\n")
        points = {q.id: s.points for s in paper.sections if s.points is not None for q in s.questions}
        cases = {c.id: c for c in self.project.cases}
        html = self.renderer.quiz_html(
            f"tb-mock-{exam.id}", paper.questions(), cases, title=title, mode="exam", time=exam.duration, points=points
        )
        out.append(html + "\n")
        return GeneratedPage(uri, "exams", title, "".join(out))

    def rubric(self, rubric_id: str) -> GeneratedPage:
        rubric = next(r for r in self.project.rubrics if r.id == rubric_id)
        uri = self.uri("rubrics", rubric.id)
        case = self.project.case(rubric.case) if rubric.case else None
        case_link = f"[{case.title}]({self.link(uri, self.uri('cases', case.id))})" if case else None
        body = self.renderer.env.get_template("rubric.md.j2").render(
            rubric=rubric, md=self.renderer.md, case_link=case_link
        )
        return GeneratedPage(uri, "rubrics", rubric.title, _front(rubric.title) + body)

    def scheme(self, scheme_id: str) -> GeneratedPage:
        scheme = next(s for s in self.project.schemes if s.id == scheme_id)
        uri = self.uri("schemes", scheme.id)
        titles = {
            **{("exam", e.id): e.title for e in self.project.exams},
            **{("rubric", r.id): r.title for r in self.project.rubrics},
            **{("form", f.id): f.title for f in self.project.forms},
        }
        sources = {}
        for c in scheme.components:
            for kind in ("exam", "rubric", "form"):
                ref = getattr(c, kind)
                if ref:
                    target = self.uri(kind + "s", ref)
                    online = kind == "exam" and any(e.id == ref and e.online for e in self.project.exams)
                    linkable = kind != "exam" or online
                    href = self.link(uri, target) if linkable else None
                    sources[c.id] = (titles.get((kind, ref), ref), href)
        body = self.renderer.env.get_template("scheme.md.j2").render(
            scheme=scheme, md=self.renderer.md, sources=sources
        )
        return GeneratedPage(uri, "schemes", scheme.title, _front(scheme.title) + body)

    def form(self, form_id: str) -> GeneratedPage:
        form = next(f for f in self.project.forms if f.id == form_id)
        uri = self.uri("forms", form.id)
        body = self.renderer.env.get_template("form.md.j2").render(form=form, md=self.renderer.md)
        return GeneratedPage(uri, "forms", form.title, _front(form.title) + body)

    def overview(self, pages: list[GeneratedPage]) -> GeneratedPage:
        uri = self.uri("overview")
        p = self.project
        by_uri = {g.src_uri for g in pages}

        def ref(kind: str, ident: str, title: str) -> str:
            target = self.uri(kind, ident)
            return f"[{title}]({self.link(uri, target)})" if target in by_uri else title

        out = [_front("练习与考核总览"), "本页汇总手册中的题库、案例、考试、评分表、考核方案和表单。\n\n"]
        if p.banks:
            out.append("## 题库\n\n| 题库 | 配套课程 | 练习题 | 题型 |\n|---|---|---:|---|\n")
            for b in p.banks:
                practice = [q for q in b.questions if q.pool == "practice"]
                types = Counter(q.type for q in practice)
                mix = "、".join(f"{TYPE_NAMES_ZH[t]} {types[t]}" for t in QUESTION_TYPES if types[t])
                out.append(
                    f"| {ref('banks', b.id, b.title)} | {self.module_link(uri, b.module) or '—'} | "
                    f"{len(practice)} | {mix or '—'} |\n"
                )
            out.append("\n")
        if p.cases:
            out.append(f"## 案例库（{len(p.cases)} 个）\n\n| 案例 | 概述 |\n|---|---|\n")
            for c in p.cases:
                out.append(f"| {ref('cases', c.id, c.title)} | {(c.summary or '').replace('|', '｜')} |\n")
            out.append("\n")
        if p.exams:
            out.append("## 考试\n\n| 考试 | 时长 | 试卷 | 大题 | 及格线 | 在线模拟 |\n|---|---:|---|---:|---:|---|\n")
            for e in p.exams:
                mock = ref("exams", e.id, "进入模拟考试") if e.online else "—"
                out.append(
                    f"| {e.title} | {e.duration or '—'} 分钟 | {'、'.join(e.variants)} 卷 | "
                    f"{len(e.sections)} | {e.pass_mark if e.pass_mark is not None else '—'} | {mock} |\n"
                )
            out.append("\n")
        if p.rubrics:
            out.append("## 评分表\n\n| 评分表 | 评分项 | 满分 | 一票否决项 |\n|---|---:|---:|---:|\n")
            for r in p.rubrics:
                out.append(
                    f"| {ref('rubrics', r.id, r.title)} | {len(r.criteria)} | {r.total_points:g} | "
                    f"{sum(1 for c in r.criteria if c.critical)} |\n"
                )
            out.append("\n")
        if p.schemes:
            out.append("## 考核方案\n\n| 方案 | 考核项 | 等级 |\n|---|---:|---|\n")
            for s in p.schemes:
                out.append(
                    f"| {ref('schemes', s.id, s.title)} | {len(s.components)} | "
                    f"{'、'.join(g.label for g in s.grades)} |\n"
                )
            out.append("\n")
        if p.forms:
            out.append("## 表单\n\n| 表单 | 题项 | 表格 |\n|---|---:|---|\n")
            for f in p.forms:
                n = sum(len(s.items) for s in f.sections)
                table = f"{len(f.table.columns)} 列 × {f.table.rows} 行" if f.table else "—"
                out.append(f"| {ref('forms', f.id, f.title)} | {n} | {table} |\n")
            out.append("\n")
        return GeneratedPage(uri, "overview", "练习与考核总览", "".join(out))
