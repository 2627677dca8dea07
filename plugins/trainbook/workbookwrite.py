"""An openpyxl workbook as the bytes of an xlsx file that depend on its content only (exam packs'
responses sheets, `trainbook export xlsx`).

openpyxl stamps the time of saving into the file twice: the document's created/modified
properties and every zip entry's date. An exam pack is rebuilt byte for byte from the same
blueprint and seed (examiners reprint with confidence, and a changed file in Git means a changed
paper), so both stamps are fixed: the zip format's earliest date, 1980-01-01, in the properties
and on every entry, in the order openpyxl wrote them.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

#: The earliest date a zip entry can carry (the format counts years from 1980).
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def workbook_bytes(workbook: Any) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    workbook.properties.created = workbook.properties.modified = datetime.datetime(*ZIP_EPOCH)
    raw = io.BytesIO()
    # ExcelWriter, not Workbook.save: save() sets the modified date to now.
    ExcelWriter(workbook, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, wherever it is written: Python's default names the host's system
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
