"""An openpyxl workbook as the bytes of an xlsx file that depend on its content only (exam packs'
responses sheets, `trainbook export xlsx`).

openpyxl stamps the time of saving into the file twice: the document's created/modified
properties and every zip entry's date. Both are fixed here: 1980-01-01 in the properties, and the
entries written again by :mod:`trainbook.stablezip`.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from .stablezip import ZIP_EPOCH, restamp


def workbook_bytes(workbook: Any) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.created = workbook.properties.modified = datetime.datetime(*ZIP_EPOCH)
    raw = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() sets the modified date to now.
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return restamp(raw.getvalue())
