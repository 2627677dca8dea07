"""Reading printed PDFs in tests: text layer, embedded fonts and where lines are drawn (pypdf)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def squashed(text: str) -> str:
    """Text without line breaks: table cells wrap long words over lines."""
    return text.replace("\n", "")


def embedded_fonts(path: Path) -> dict[str, bool]:
    """Base font name → whether its font program is embedded, over all pages."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page.get("/Resources")
        if resources is None:
            continue
        for font in resources.get_object().get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font.get("/BaseFont"))] = embedded
    return fonts


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below *folder*, by relative path: for byte-for-byte comparisons."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


MM = 72 / 25.4  # PDF points per millimetre


def _times(a: list[float], b: list[float]) -> list[float]:
    """The product of two PDF transformation matrices [a b c d e f]."""
    return [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]


def rightmost_lines_mm(path: Path) -> list[float]:
    """Per page, how far from the left paper edge (mm) the rightmost drawn line or box reaches:
    table rules, answer lines, boxes. Text is not counted."""
    reader = PdfReader(path)
    pages = []
    for page in reader.pages:
        ctm, saved, right = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0], [], 0.0
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"q":
                saved.append(ctm)
            elif op == b"Q":
                ctm = saved.pop()
            elif op == b"cm":
                ctm = _times([float(x) for x in operands], ctm)
            elif op in (b"m", b"l", b"re"):
                x, y = float(operands[0]), float(operands[1])
                for px in (x, x + float(operands[2])) if op == b"re" else (x,):
                    right = max(right, px * ctm[0] + y * ctm[2] + ctm[4])
        pages.append(right / MM)
    return pages
