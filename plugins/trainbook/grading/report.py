"""report.html: one self-contained page (inline CSS and SVG, no script, no CDN) for the
training team's review, printable on A4."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Scheme
from ..qtypes import TYPES
from ..render import environment
from .items import MASTERY, Analysis, ObjectiveStats, option_text
from .output import fixed
from .results import Result
from .summary import Summary
from .svg import columns, hbars

WEAK_COMPONENT = 60.0


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None
    where: str | None  # the page's path in the site, shown when there is no site URL


@dataclass(frozen=True)
class Retrain:
    id: str
    name: str
    dept: str
    total: float
    grade: str
    reasons: tuple[str, ...]
    objectives: tuple[Link, ...]


def page_url(src_path: str) -> str:
    """The site URL of a handbook page (MkDocs directory URLs)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def objective_link(o: ObjectiveStats, site_url: str | None) -> Link:
    if o.page is None:
        return Link(f"{o.id} {o.text}", None, None)
    url = page_url(o.page)
    href = f"{site_url.rstrip('/')}/{url}" if site_url else None
    title = f"{o.text}（{o.page_title or o.page}）"
    return Link(title, href, None if href else "/" + url)


def retraining(
    scheme: Scheme,
    results: Sequence[Result],
    analysis: Analysis | None,
    names: Mapping[str, tuple[str, str]],
    site_url: str | None,
) -> list[Retrain]:
    objectives = {o.id: o for o in analysis.objectives} if analysis else {}
    out = []
    for r in sorted(results, key=lambda r: (r.total, r.person.id)):
        reasons: list[str] = []
        if not r.passed:
            reasons.append(f"年度考核{r.grade}（总分 {r.total:.1f}）")
        reasons += [n for n in r.notes if "一票否决" in n]
        for c in scheme.components:
            value = r.scores[c.id]
            if value is not None and value < WEAK_COMPONENT:
                reasons.append(f"{c.name} {value:g} 分")
        weak = analysis.weak.get(r.person.id, ()) if analysis else ()
        if not reasons and not weak:
            continue
        links = tuple(objective_link(objectives[o], site_url) for o in weak if o in objectives)
        pid, name = names[r.person.id]
        out.append(Retrain(pid, name, r.person.dept, r.total, r.grade, tuple(reasons), links))
    return out


def render_report(
    scheme: Scheme,
    results: Sequence[Result],
    summary: Summary,
    analysis: Analysis | None,
    exam_title: str | None,
    names: Mapping[str, tuple[str, str]],
    *,
    anonymized: bool,
    site_url: str | None,
) -> str:
    charts = {
        "histogram": columns(list(summary.histogram), "总分分布"),
        "grades": hbars(
            [(label, count, f"{count} 人") for label, count in summary.grades],
            max((c for _, c in summary.grades), default=0),
            "等级分布",
        ),
        "components": hbars(
            [(name, mean or 0.0, "—" if mean is None else f"{mean:.1f}") for name, mean in summary.components],
            100,
            "各考核项平均分",
            low=WEAK_COMPONENT,
        ),
        "departments": hbars(
            [(d.name, d.mean, f"{d.mean:.1f}") for d in summary.departments], 100, "各部门平均分", low=60
        ),
    }
    flagged = []
    if analysis is not None:
        charts["objectives"] = hbars(
            [(o.text, o.rate * 100, f"{o.rate:.0%}") for o in analysis.objectives],
            100,
            "学习目标掌握率",
            low=MASTERY * 100,
        )
        flagged = [s for s in analysis.items if s.flags]
    template = environment().get_template("grade_report.html")
    return template.render(
        scheme=scheme,
        results=results,
        summary=summary,
        analysis=analysis,
        flagged=flagged,
        exam_title=exam_title,
        names=names,
        anonymized=anonymized,
        charts=charts,
        retrain=retraining(scheme, results, analysis, names, site_url),
        objective_link=lambda o: objective_link(o, site_url),
        type_label=lambda name: TYPES[name].label("zh"),
        options=option_text,
        fixed=fixed,
        mastery=MASTERY,
    )
