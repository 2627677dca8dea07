"""An exam's printed pack: per variant the paper, the answer sheet (答题卡) and the key
(参考答案及评分标准); the rubric sheets of every scheme that uses the exam; the manifest and the
blank responses sheet it is graded from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..grading.entrysheet import entry_workbook
from ..messages import msg
from ..model import Exam, Project, Question
from ..qtypes.paper import PAPER_LETTERS
from ..render import Renderer
from .arrange import VariantPaper, arrange
from .documents import Document, Printer
from .errors import PackError
from .manifest import manifest, manifest_csv, manifest_json
from .sheets import rubric_sheet

# name, template, the string-table key of the title's suffix
DOCUMENTS = (
    ("paper", "papers/paper.html", None),
    ("answer-sheet", "papers/answer_sheet.html", "paper.answer_sheet"),
    ("key", "papers/key.html", "paper.key"),
)
DOCUMENT_NAMES = frozenset(name for name, _, _ in DOCUMENTS)
#: The folder of the rubric sheets in a pack, and the manifest's two forms.
RUBRICS = "rubrics"
MANIFESTS = ("manifest.json", "manifest.csv")


@dataclass(frozen=True)
class ExamPack:
    exam: Exam
    papers: tuple[VariantPaper, ...]
    documents: tuple[Document, ...]
    manifest_json: str
    manifest_csv: str
    entry_sheet: bytes  # responses-template.xlsx: the blank form trainbook grade --responses reads


def choose_variants(exam: Exam, wanted: Sequence[str] | None) -> tuple[str, ...]:
    if not wanted:
        return exam.variants
    unknown = [v for v in wanted if v not in exam.variants]
    if unknown:
        ids = ", ".join(repr(v) for v in unknown)
        raise PackError(msg("pack.no_variant", exam=exam.id, ids=ids, known=", ".join(exam.variants)))
    return tuple(v for v in exam.variants if v in wanted)


def rubrics_for(project: Project, exam: Exam) -> list[str]:
    """Rubrics of every scheme that has a component set on this exam, in scheme order."""
    out: list[str] = []
    for scheme in project.schemes:
        if any(c.exam == exam.id for c in scheme.components):
            out += [c.rubric for c in scheme.components if c.rubric and c.rubric not in out]
    return out


def build_pack(
    printer: Printer,
    project: Project,
    exam: Exam,
    variants: Sequence[str] | None = None,
    seed: int | None = None,
    handbook_title: str | None = None,
) -> ExamPack:
    papers = tuple(arrange(project, exam, v, seed) for v in choose_variants(exam, variants))
    renderer = Renderer(printer.md, printer.env)

    def stem(q: Question) -> object:
        return renderer.stem(q)

    documents = []
    for paper in papers:
        for name, template, suffix_key in DOCUMENTS:
            suffix = printer.strings.plain(suffix_key) if suffix_key else ""
            title = printer.strings.plain("paper.doc_title", title=exam.title, variant=paper.variant)
            title += f" {suffix}" if suffix else ""
            html = printer.render(
                template,
                kind=name,
                doc_title=title,
                running_title=f"{exam.title} {suffix}".strip(),
                variant=paper.variant,
                exam=exam,
                paper=paper,
                stem=stem,
                paper_letters=PAPER_LETTERS,
                handbook_title=handbook_title,
            )
            documents.append(Document(f"{exam.id}/{paper.variant}/{name}", html))
    for rubric_id in rubrics_for(project, exam):
        rubric = next(r for r in project.rubrics if r.id == rubric_id)
        documents.append(rubric_sheet(printer, project, rubric, f"{exam.id}/{RUBRICS}/{rubric.id}"))
    return ExamPack(
        exam,
        papers,
        tuple(documents),
        manifest_json(papers),
        manifest_csv(papers),
        entry_workbook(manifest(papers), printer.strings.language),
    )
