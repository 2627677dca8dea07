"""Printed packs: exam papers in variants, answer sheets, keys, rubric sheets and forms.

draw (``..draw``) → layout (Jinja templates under ``templates/papers/``) → PDF
(WeasyPrint, imported only when printing) → manifest. Output is built in a
staging folder and moved into place only when everything succeeded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..diagnostics import ContentError, display_path
from ..grading.entrysheet import FILE_NAME as ENTRY_SHEET
from ..grading.entrysheet import entered_rows
from ..messages import Text, join, mkdocs_config, msg
from ..model import Project
from ..outfolder import guarded_home, guarded_within
from ..strings import language_code
from ..validate import validate
from .arrange import VariantPaper
from .documents import Printer, parse_formats, write_documents
from .errors import PackError, UsageError
from .exam import DOCUMENT_NAMES, MANIFESTS, RUBRICS, build_pack
from .output import in_stage, staged
from .sheets import all_sheets

__all__ = [
    "PackError",
    "UsageError",
    "build_exams",
    "build_forms",
    "handbook_title",
    "load_content",
    "paper_language",
    "unequal_totals",
]


def load_content(content_dir: str | Path) -> Project:
    """The validated project; content errors stop a printed build (``ContentError``)."""
    if not Path(content_dir).is_dir():
        raise PackError(msg("pack.no_content", folder=content_dir))
    project, report = validate(content_dir)
    if report.errors:
        raise ContentError(report.sorted())
    return project


def unequal_totals(papers: Sequence[VariantPaper]) -> Text | None:
    """A note when an exam's variants are worth different totals: a blueprint section without its
    own ``points`` takes each drawn question's, and the draws differ from variant to variant."""
    totals = {p.variant: p.total for p in papers}
    if len(set(totals.values())) < 2:
        return None
    worth = join([msg("pack.variant_total", variant=v, total=t) for v, t in totals.items()], ", ", "，")
    return msg("pack.unequal_totals", exam=papers[0].exam.id, totals=worth)


def build_forms(
    content_dir: str | Path,
    out: str | Path,
    formats: str | Sequence[str] = ("pdf", "html"),
    template_dirs: Sequence[str | Path] = (),
    language: str | None = None,
) -> list[Path]:
    """Every rubric, form and scheme score sheet as ``OUT/<kind>/<id>.{pdf,html}``; returns the files.

    The sheets are in *language*, by default the handbook's (see :func:`paper_language`)."""
    wanted = parse_formats(formats)
    check_out(out, content_dir, "pack.out_site_files")
    project = load_content(content_dir)
    printer = Printer(template_dirs, language=language or paper_language(content_dir))
    sheets = all_sheets(printer, project)
    check_replaced(out, sorted({d.path.split("/")[0] for d in sheets}), content_dir)
    out = Path(out)
    with staged(out) as stage:
        written = write_documents(sheets, stage, wanted)
        return [out / p.relative_to(stage) for p in written]


def check_out(out: str | Path, content_dir: str | Path, message: str) -> None:
    """Refuse an output folder inside the handbook's sources or built site (see ..outfolder)."""
    home = guarded_home(out, content_dir)
    if home is not None:
        shown = display_path(home.folder)
        raise PackError(msg(message, out=display_path(out), what=home.what, folder=shown))


def check_replaced(out: str | Path, entries: Sequence[str], content_dir: str | Path) -> None:
    """Refuse a build whose output entries (OUT/<exam>, OUT/forms, …) would replace the sources or the site."""
    for entry in entries:
        path = Path(out) / entry
        guarded = guarded_within(path, content_dir)
        if guarded is not None:
            shown = display_path(guarded.folder)
            raise PackError(msg("pack.out_replaces", entry=display_path(path), what=guarded.what, folder=shown))


#: The files at the top of a pack's folder.
PACK_FILES = frozenset((*MANIFESTS, ENTRY_SHEET))


def check_entries(out: str | Path, exam_ids: Sequence[str]) -> None:
    """Refuse a build that would replace work kept in a pack's folder, which the build replaces
    whole: the responses sheet filled in where it lay (or one that cannot be read), or any file
    the build did not make (a copy saved as 答卷.xlsx beside the template, scans)."""
    for exam_id in exam_ids:
        folder = Path(out) / exam_id
        if not folder.is_dir():
            continue
        path = folder / ENTRY_SHEET
        n = entered_rows(path)
        where = {"path": display_path(path), "folder": display_path(folder)}
        if n is None:
            raise PackError(msg("pack.entries_unreadable", **where))
        if n:
            raise PackError(msg("pack.entries_filled", n=n, **where))
        foreign = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and not _made_by_pack(p.relative_to(folder).parts)
        )
        if foreign:
            shown = ", ".join(foreign[:3]) + (", …" if len(foreign) > 3 else "")
            raise PackError(msg("pack.foreign_files", folder=display_path(folder), files=shown))


def _made_by_pack(parts: tuple[str, ...]) -> bool:
    """Whether a file at *parts* inside OUT/<exam> is one a pack consists of (see exam.py)."""
    if any(part.startswith(".") for part in parts):  # .DS_Store and the like: nobody's work
        return True
    if len(parts) == 1:
        return parts[0] in PACK_FILES
    if len(parts) == 2:
        stem, _, suffix = parts[1].rpartition(".")
        return suffix in ("pdf", "html") and (parts[0] == RUBRICS or stem in DOCUMENT_NAMES)
    return False


def paper_language(content_dir: str | Path) -> str:
    """The printed papers' language for the handbook whose content folder is *content_dir*:
    ``theme.language`` of the mkdocs.yml next to it, as its pages pick their words; Chinese, as
    the papers always were, when that names no language we have (or there is no mkdocs.yml)."""
    theme = mkdocs_config(Path(content_dir).resolve().parent).get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    return language_code(language if isinstance(language, str) else None)


def handbook_title(content_dir: str | Path) -> str | None:
    """``site_name`` of the mkdocs.yml next to the content folder, for the papers' header."""
    name = mkdocs_config(Path(content_dir).resolve().parent).get("site_name")
    return name if isinstance(name, str) else None


def parse_seed(seed: str | int | None) -> int | None:
    if seed is None or isinstance(seed, int):
        return seed
    try:
        return int(seed.strip())
    except ValueError:
        raise UsageError(msg("pack.seed", found=repr(seed))) from None


def parse_variants(variants: str | Sequence[str] | None) -> tuple[str, ...] | None:
    if variants is None:
        return None
    items = variants.split(",") if isinstance(variants, str) else variants
    wanted = tuple(v.strip() for v in items if v.strip())
    if not wanted:
        raise UsageError(msg("pack.variants"))
    return wanted


def build_exams(
    content_dir: str | Path,
    out: str | Path,
    exam_ids: Sequence[str] = (),
    all_exams: bool = False,
    variants: str | Sequence[str] | None = None,
    seed: str | int | None = None,
    formats: str | Sequence[str] = ("pdf", "html"),
    template_dirs: Sequence[str | Path] = (),
    title: str | None = None,
    language: str | None = None,
    notes: list[Text] | None = None,
) -> list[Path]:
    """Printed packs ``OUT/<exam>/…`` of the named exams (or all); returns the files written.

    Every argument is checked before anything is written; a failure leaves *out* as it was.
    The papers are in *language*, by default the handbook's (see :func:`paper_language`).
    *notes* receives what the examiner should know of packs that were built (see
    :func:`unequal_totals`).
    """
    wanted = parse_formats(formats)
    the_seed = parse_seed(seed)
    the_variants = parse_variants(variants)
    if not exam_ids and not all_exams:
        raise UsageError(msg("pack.which_exams"))
    if exam_ids and all_exams:
        raise UsageError(msg("pack.ids_and_all"))
    check_out(out, content_dir, "pack.out_secret")
    project = load_content(content_dir)
    known = {e.id: e for e in project.exams}
    unknown = [i for i in exam_ids if i not in known]
    if unknown:
        ids = ", ".join(repr(i) for i in unknown)
        raise PackError(
            msg(
                "pack.unknown_exams", ids=ids, folder=f"{content_dir}/exams", known=", ".join(known) or msg("what.none")
            )
        )
    exams = list(project.exams) if all_exams else [known[i] for i in dict.fromkeys(exam_ids)]
    if not exams:
        raise PackError(msg("pack.no_exams", folder=f"{content_dir}/exams"))
    check_replaced(out, [e.id for e in exams], content_dir)
    check_entries(out, [e.id for e in exams])
    printer = Printer(template_dirs, language=language or paper_language(content_dir))
    heading = title if title is not None else handbook_title(content_dir)
    packs = [build_pack(printer, project, e, the_variants, the_seed, heading) for e in exams]
    if notes is not None:
        notes += [n for n in (unequal_totals(p.papers) for p in packs) if n is not None]
    out = Path(out)
    with staged(out) as stage:
        written = write_documents([d for p in packs for d in p.documents], stage, wanted)
        for pack in packs:
            for name, text in zip(MANIFESTS, (pack.manifest_json, pack.manifest_csv), strict=True):
                path = in_stage(stage, f"{pack.exam.id}/{name}")
                path.write_text(text, encoding="utf-8", newline="")
                written.append(path)
            path = in_stage(stage, f"{pack.exam.id}/{ENTRY_SHEET}")
            path.write_bytes(pack.entry_sheet)
            written.append(path)
        return sorted(out / p.relative_to(stage) for p in written)
