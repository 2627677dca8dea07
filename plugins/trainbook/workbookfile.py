"""What a file given as an xlsx workbook really is, said before openpyxl's own error (in English,
about zip archives) reaches a trainer: an old .xls saved by Excel 97–2003 or WPS, or no
workbook at all. Both workbook readers (``trainbook grade``'s tables, ``trainbook import``'s 题库)
ask here first."""

from __future__ import annotations

from pathlib import Path

from .messages import Text, msg

#: An .xlsx file is a zip archive; .xls (and WPS's .et) are OLE2 compound files.
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_errors() -> tuple[type[Exception], ...]:
    """What openpyxl raises for a file it cannot open as a workbook (a damaged archive, a missing
    part, an unreadable file): both readers that turn it into a message catch these."""
    import zipfile

    from openpyxl.utils.exceptions import InvalidFileException

    return (InvalidFileException, zipfile.BadZipFile, OSError, KeyError, ValueError)


def not_xlsx(path: Path) -> Text | None:
    """Why *path* cannot be an xlsx workbook; None when it may be one (a zip archive) or cannot be
    opened at all (the reader reports that as it always did)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(len(OLE2_MAGIC))
    except OSError:
        return None
    if head.startswith(ZIP_MAGIC):
        return None
    return msg("sheet.xls" if head == OLE2_MAGIC else "sheet.not_xlsx")
