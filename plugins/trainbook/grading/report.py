"""report.html: one self-contained page (inline CSS and SVG, no script, no CDN) for the
training team's review, printable on A4."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..messages import localize
from ..model import Scheme
from ..qtypes import TYPES
from ..render import environment
from ..strings import Strings
from .items import MASTERY, Analysis, ObjectiveStats, option_text
from .results import Result
from .rounding import fixed, percent
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


def page_url(src_path: str, directory_urls: bool = True) -> str:
    """The site URL of a handbook page, as MkDocs makes it: ``modules/x/`` with directory URLs
    (its default), ``modules/x.html`` with ``use_directory_urls: false`` (trainbook's starters)."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def objective_link(o: ObjectiveStats, site_url: str | None, directory_urls: bool = True) -> Link:
    if o.page is None:
        return Link(f"{o.id} {o.text}", None, None)
    url = page_url(o.page, directory_urls)
    href = f"{site_url.rstrip('/')}/{url}" if site_url else None
    title = f"{o.text}（{o.page_title or o.page}）"
    return Link(title, href, None if href else "/" + url)


def retraining(
    scheme: Scheme,
    results: Sequence[Result],
    analysis: Analysis | None,
    names: Mapping[str, tuple[str, str]],
    site_url: str | None,
    t: Strings,
    directory_urls: bool = True,
) -> list[Retrain]:
    objectives = {o.id: o for o in analysis.objectives} if analysis else {}
    out = []
    for r in sorted(results, key=lambda r: (r.total, r.person.id)):
        reasons: list[str] = []
        if not r.passed:
            reasons.append(t.plain("report.not_passed", grade=r.grade, total=f"{r.total:.1f}"))
        reasons += [localize(n, t.language) for n in r.notes if "一票否决" in n.zh]
        for c in scheme.components:
            value = r.scores[c.id]
            if value is not None and value < WEAK_COMPONENT:
                reasons.append(t.plain("report.low_component", component=c.name, score=f"{value:g}"))
        weak = analysis.weak.get(r.person.id, ()) if analysis else ()
        if not reasons and not weak:
            continue
        links = tuple(objective_link(objectives[o], site_url, directory_urls) for o in weak if o in objectives)
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
    language: str = "zh",
    directory_urls: bool = True,
) -> str:
    t = Strings(language)
    charts = {
        "histogram": columns(list(summary.histogram), t.plain("report.histogram")),
        "grades": hbars(
            [(label, count, t.plain("report.people_count", count=count)) for label, count in summary.grades],
            max((c for _, c in summary.grades), default=0),
            t.plain("report.grades"),
        ),
        "components": hbars(
            [(name, mean or 0.0, "—" if mean is None else fixed(mean, 1)) for name, mean in summary.components],
            100,
            t.plain("report.components"),
            low=WEAK_COMPONENT,
        ),
        "departments": hbars(
            [(d.name, d.mean, fixed(d.mean, 1)) for d in summary.departments],
            100,
            t.plain("report.departments"),
            low=WEAK_COMPONENT,
        ),
    }
    flagged = []
    if analysis is not None:
        charts["objectives"] = hbars(
            [(o.text, o.rate * 100, fixed(o.rate * 100, 0) + "%") for o in analysis.objectives],
            100,
            t.plain("report.objectives"),
            low=MASTERY * 100,
        )
        flagged = [s for s in analysis.items if s.flags]
    template = environment(language=language).get_template("grade_report.html")
    weights = t.plain("list_sep").join(f"{c.name} {c.weight:g}%" for c in scheme.components)
    return template.render(
        t=t,
        lang="en" if t.language == "en" else "zh-CN",
        weights=weights,
        low=f"{WEAK_COMPONENT:g}",
        scheme=scheme,
        results=results,
        summary=summary,
        analysis=analysis,
        flagged=flagged,
        exam_title=exam_title,
        names=names,
        anonymized=anonymized,
        charts=charts,
        retrain=retraining(scheme, results, analysis, names, site_url, t, directory_urls),
        objective_link=lambda o: objective_link(o, site_url, directory_urls),
        type_label=lambda name: TYPES[name].label(t.language),
        options=option_text,
        fixed=fixed,
        percent=percent,
        local=lambda text: localize(text, t.language),
        mastery=f"{MASTERY * 100:g}",
    )
