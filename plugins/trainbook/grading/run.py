"""One grading run: read and check every input, compute, then write all outputs at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..atomic import staged_folder
from ..diagnostics import Diagnostic, display_path
from ..messages import Text, mkdocs_config, msg
from ..model import Project, Scheme
from ..outfolder import guarded_home
from ..validate import validate
from .errors import GradeError, Problems, located
from .items import Analysis, analyse
from .manifest import Manifest, mark_seed, read_manifest
from .output import write_departments, write_items, write_results
from .pseudonyms import new_salt, pseudonyms
from .report import render_report
from .responses import Sheet, mark_responses
from .results import Result, compute, round1
from .scores import ID, NAME, Person, read_scores, same_name
from .summary import summarize
from .tables import Table, read_table


@dataclass(frozen=True)
class GradeRequest:
    scheme: str
    scores: Path
    out: Path
    content: Path = Path("content")
    responses: Path | None = None
    exam: str | None = None
    manifest: Path | None = None  # default: dist/exams/<exam>/manifest.json
    anonymize: bool = False
    salt: str | None = None  # pseudonym key; a random one per run when None
    site_dir: Path = Path("site")
    site_url: str | None = None  # base URL of the published handbook, for links to pages
    language: str = "zh"  # of report.html's words (the CSV columns are fixed by the format)


@dataclass(frozen=True)
class GradeOutcome:
    out: Path
    people: int
    items: int
    failed: int


def default_manifest(exam_id: str) -> Path:
    return Path("dist") / "exams" / exam_id / "manifest.json"


def grade(req: GradeRequest) -> GradeOutcome:
    """Grade one scheme; raises :class:`GradeError` (and writes nothing) on any bad input, and
    :class:`trainbook.atomic.OutputError` (nothing written) when --out cannot be written."""
    _check_out(req)
    project = _project(req.content)
    scheme = next((s for s in project.schemes if s.id == req.scheme), None)
    if scheme is None:
        known = ", ".join(s.id for s in project.schemes) or msg("what.none")
        raise GradeError([located(req.content, None, msg("grade.no_scheme", scheme=req.scheme, known=known))])
    exam_id, manifest = _manifest(req, project, scheme)
    problems = Problems()
    scores_table = read_table(req.scores)
    sheets: list[Sheet] = []
    written = next((c for c in scheme.components if exam_id and c.exam == exam_id), None)
    if manifest is not None:
        assert req.responses is not None
        responses_table = read_table(req.responses)
        _same_pack(responses_table, manifest)
        sheets = mark_responses(responses_table, manifest, problems)
    optional = frozenset({written.id}) if written is not None and manifest is not None else frozenset()
    people = read_scores(scores_table, scheme, problems, optional)
    known_people = {p.id: p for p in people}
    if people or not problems.items:
        for s in sheets:
            person = known_people.get(s.person)
            if person is None:
                problems.add(req.responses or "", s.row, _not_scored(s.person, known_people, req.scores))
            elif s.name and person.name and not same_name(s.name, person.name):
                problems.add(
                    req.responses or "",
                    s.row,
                    msg(
                        "grade.name_mismatch",
                        column=NAME,
                        found=s.name,
                        id=ID,
                        person=s.person,
                        name=person.name,
                        scores=req.scores,
                    ),
                )
    problems.raise_if_any()
    supplied = {}
    if written is not None and manifest is not None:
        # Out of the candidate's own paper: 22 of 22 on B is 100 even when A is worth 20.
        supplied[written.id] = {s.person: round1(s.share * 100) for s in sheets}
    results = compute(scheme, people, project, supplied)
    analysis = analyse(sheets, project) if sheets else None
    _write(req, project, scheme, results, analysis, manifest)
    return GradeOutcome(
        req.out, len(results), len(analysis.items) if analysis else 0, sum(not r.passed for r in results)
    )


def _same_pack(responses: Table, manifest: Manifest) -> None:
    """Answers marked against another pack's key come out wrong without a word (a resit built
    with another seed over the first sitting's pack has the same header): refuse them when the
    sheet says which pack it was made for and that is not the manifest's."""
    mark = responses.mark
    if mark is None or mark == manifest.mark:
        return
    text = msg(
        "grade.other_pack",
        seed=mark_seed(mark),
        mark=mark,
        manifest=display_path(manifest.path),
        manifest_seed=manifest.seed,
        manifest_mark=manifest.mark,
        exam=manifest.exam,
    )
    raise GradeError([located(responses.path, None, text)])


def _not_scored(pid: str, people: Mapping[str, Person], scores: Path) -> Text:
    """A responses row whose 工号 the scores sheet lacks; when the two differ only in leading zeros
    (00123 typed into a text cell, 123 into a general one), say so."""
    bare = pid.lstrip("0")
    found = [p for p in people if p != pid and bare and p.lstrip("0") == bare]
    if found:
        return msg("grade.not_scored_zeros", id=ID, person=pid, scores=scores, found=found[0])
    return msg("grade.not_scored", id=ID, person=pid, scores=scores)


def _check_out(req: GradeRequest) -> None:
    # Results are personal data: never into the published site or the handbook's sources.
    home = guarded_home(req.out, req.content, req.site_dir)
    if home is not None:
        shown = display_path(home.folder)
        raise GradeError([located(req.out, None, msg("grade.personal_data", what=home.what, folder=shown))])
    if req.out.exists() and not req.out.is_dir():
        raise GradeError([located(req.out, None, msg("grade.out_not_folder"))])


def _project(content: Path) -> Project:
    if not content.is_dir():
        raise GradeError([located(content, None, msg("grade.no_content"))])
    project, report = validate(content)
    if report.errors:
        raise GradeError([_diagnostic(d) for d in report.sorted() if d.severity == "error"])
    return project


def _diagnostic(d: Diagnostic) -> Text:
    return Text(d.text("en"), d.text("zh"))


def _manifest(req: GradeRequest, project: Project, scheme: Scheme) -> tuple[str | None, Manifest | None]:
    exams = [c.exam for c in scheme.components if c.exam]
    exam_id = req.exam or (exams[0] if len(exams) == 1 else None)
    if req.responses is None:
        return exam_id, None
    if exam_id is None:
        raise GradeError([located(req.responses, None, msg("grade.which_exam"))])
    if not any(e.id == exam_id for e in project.exams):
        raise GradeError([located(req.content, None, msg("grade.no_exam", exam=exam_id))])
    if exam_id not in exams:
        # Its marks would have no component to go to: everyone's written part would be 0.
        used = ", ".join(exams) or msg("what.none")
        raise GradeError(
            [located(req.content, None, msg("grade.exam_not_in_scheme", exam=exam_id, scheme=scheme.id, used=used))]
        )
    path = req.manifest or default_manifest(exam_id)
    return exam_id, read_manifest(path, exam_id, project)


def _directory_urls(content: Path) -> bool:
    """use_directory_urls of the mkdocs.yml beside the content folder (MkDocs' default: true)."""
    value = mkdocs_config(Path(content).resolve().parent).get("use_directory_urls", True)
    return value if isinstance(value, bool) else True


def _write(
    req: GradeRequest,
    project: Project,
    scheme: Scheme,
    results: list[Result],
    analysis: Analysis | None,
    manifest: Manifest | None,
) -> None:
    labels = pseudonyms((r.person.id for r in results), req.salt or new_salt()) if req.anonymize else None
    names = {
        r.person.id: (labels[r.person.id], labels[r.person.id]) if labels else (r.person.id, r.person.name)
        for r in results
    }
    if labels:
        # Listed in rank order; within a tie by pseudonym, so the order gives no hint of 工号.
        results = sorted(results, key=lambda r: (r.rank, labels[r.person.id]))
    summary = summarize(scheme, results)
    html = render_report(
        scheme,
        results,
        summary,
        analysis,
        manifest.title if manifest else None,
        names,
        anonymized=labels is not None,
        site_url=req.site_url,
        language=req.language,
        directory_urls=_directory_urls(req.content),
    )
    # Everything goes to a temporary folder beside --out first; only a complete set is moved in.
    with staged_folder(req.out) as tmp:
        write_results(tmp / "results.csv", scheme, results, labels)
        write_items(tmp / "items.csv", analysis.items if analysis else ())
        write_departments(tmp / "departments.csv", summary.departments)
        (tmp / "report.html").write_text(html, encoding="utf-8")
