"""Editor schemas inside a handbook repository.

The JSON Schemas shipped in ``trainbook/schemas/`` give VS Code (YAML extension) completion and inline
errors. A handbook repository cannot point into an installed package portably, so it keeps copies in
``.trainbook/schemas/`` with a ``VERSION`` stamp, and ``.vscode/settings.json`` maps its content
globs to them. :func:`check_copies` tells the author when the copies no longer match the installed
trainbook.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .atomic import staged_folder, write_file
from .diagnostics import Pos, Report
from .messages import Text, msg
from .version import __version__

SHIPPED = Path(__file__).resolve().parent / "schemas"
#: Where copies go, relative to the handbook repository's root.
DEFAULT_DIR = Path(".trainbook") / "schemas"
STAMP = "VERSION"
SETTINGS = Path(".vscode") / "settings.json"
SETTINGS_KEY = "yaml.schemas"
#: schema kind -> content sub-folder holding files of that kind.
KIND_FOLDERS: Mapping[str, str] = {
    "bank": "banks",
    "case": "cases",
    "exam": "exams",
    "rubric": "rubrics",
    "scheme": "schemes",
    "form": "forms",
}


class SettingsError(Exception):
    """settings.json cannot be merged safely; it is left exactly as it was. ``message``: in both
    languages (str() is the English one)."""

    def __init__(self, message: Text) -> None:
        super().__init__(str(message))
        self.message = message


def shipped() -> dict[str, bytes]:
    """File name -> bytes of every schema of the installed trainbook, copied as they are (never regenerated)."""
    return {p.name: p.read_bytes() for p in sorted(SHIPPED.glob("*.schema.json"))}


def schema_name(kind: str) -> str:
    return f"{kind}.schema.json"


def write_copies(out: Path) -> list[Path]:
    """Copy the shipped schemas into ``out`` with a VERSION stamp; returns the files written.

    All or nothing (:func:`trainbook.atomic.staged_folder`); raises :class:`trainbook.atomic.OutputError`.
    """
    files = {**shipped(), STAMP: f"trainbook {__version__}\n".encode()}
    with staged_folder(out) as stage:
        for name, data in files.items():
            (stage / name).write_bytes(data)
    return [out / name for name in files]


def vscode_mapping(root: Path, out: Path, content: Path) -> dict[str, list[str]]:
    """``yaml.schemas`` entries: schema path (relative to the workspace root) -> content globs."""
    mapping = {}
    for kind, folder in KIND_FOLDERS.items():
        schema = _rel(out / schema_name(kind), root)
        globs = _rel(content / folder, root)
        mapping[f"./{schema}"] = [f"{globs}/*.yml", f"{globs}/*.yaml"]
    return mapping


def merge_settings(path: Path, mapping: Mapping[str, list[str]]) -> None:
    """Add ``mapping`` to the ``yaml.schemas`` of a VS Code settings file, keeping every other key.

    VS Code allows comments in settings.json; rewriting such a file would drop them, so it is refused
    with :class:`SettingsError` (the file stays untouched) and the caller shows the entries to add by hand.
    """
    data = read_settings(path)
    current = data.get(SETTINGS_KEY, {})
    data[SETTINGS_KEY] = {**current, **mapping}
    write_file(path, json.dumps(data, ensure_ascii=False, indent=4) + "\n")


def read_settings(path: Path) -> dict[str, Any]:
    """The settings as a dict, or :class:`SettingsError` when they cannot be merged without loss."""
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(msg("settings.unreadable", path=path, error=exc)) from exc
    if not text.strip():
        return {}
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SettingsError(msg("settings.not_json", path=path, line=exc.lineno, col=exc.colno, error=exc.msg)) from exc
    if not isinstance(data, dict):
        raise SettingsError(msg("settings.not_object", path=path, found=type(data).__name__))
    if not isinstance(data.get(SETTINGS_KEY, {}), dict):
        raise SettingsError(msg("settings.key_not_object", path=path, key=SETTINGS_KEY))
    return data


def check_copies(root: Path, report: Report) -> None:
    """Warn when ``root/.trainbook/schemas`` holds schema copies that differ from the installed ones."""
    folder = root / DEFAULT_DIR
    if not folder.is_dir():
        return
    ours = shipped()
    if all((folder / name).is_file() and (folder / name).read_bytes() == data for name, data in ours.items()):
        return
    stamped = _stamped_version(folder / STAMP)
    where = DEFAULT_DIR.as_posix()
    if stamped is not None and _release(stamped) > _release(__version__):
        message = msg("schemas.newer", where=where, stamped=stamped, version=__version__)
    elif stamped is not None and _release(stamped) < _release(__version__):
        message = msg("schemas.older", where=where, stamped=stamped, version=__version__)
    else:
        message = msg("schemas.differ", where=where, version=__version__)
    report.warning(Pos(str(folder / STAMP)), message)


def _stamped_version(path: Path) -> str | None:
    try:
        match = re.match(r"trainbook\s+(\S+)", path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return match.group(1) if match else None


def _release(version: str) -> tuple[int, ...]:
    """The leading numeric release of a version string: '0.2.0.dev1' -> (0, 2, 0)."""
    numbers = []
    for part in version.split("."):
        if not part.isdigit():
            break
        numbers.append(int(part))
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def _rel(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()
