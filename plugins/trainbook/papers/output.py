"""Atomic output: build everything in a staging folder, then move it into place.

A failed build (bad content, missing font, full disk) must leave the output
folder exactly as it was, so a trainer never prints half of an old pack mixed
with half of a new one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from ..atomic import reason
from ..messages import msg
from .errors import PackError


def _writable_parent(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise PackError(msg("pack.out_is_file", out=out))
    parent = out if out.is_dir() else out.parent
    while not parent.exists():
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise PackError(msg("pack.not_writable", out=out, parent=parent))
    return parent


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success its top-level entries replace those of *out*.

    Entries of *out* the build did not produce (other exams' packs) are kept.
    The staging folder sits next to *out* so the final moves are renames on one file system.
    """
    out = Path(out)
    _writable_parent(out)
    first = out
    while not first.parent.exists():
        first = first.parent
    created = None if out.exists() else first  # the first folder this build creates
    ok = False
    try:
        out.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=".trainbook-stage-", dir=out))
    except OSError as exc:
        raise PackError(msg("pack.write_failed", out=out, error=reason(exc))) from exc
    try:
        try:
            yield stage
            _replace(out, stage)
        except OSError as exc:  # a full disk, a name the file system refuses
            raise PackError(msg("pack.write_failed", out=out, error=reason(exc))) from exc
        ok = True
    finally:
        shutil.rmtree(stage, ignore_errors=True)
        if not ok and created is not None:
            shutil.rmtree(created, ignore_errors=True)


def _replace(out: Path, stage: Path) -> None:
    old = stage / ".replaced"
    old.mkdir()
    for entry in sorted(stage.iterdir()):
        if entry == old:
            continue
        target = out / entry.name
        if target.exists() or target.is_symlink():
            os.replace(target, old / entry.name)
        os.replace(entry, target)


def in_stage(stage: Path, relative: str) -> Path:
    """``stage/relative`` for a document path such as ``exam/A/paper``; a path that would leave the
    staging folder (absolute, ``..``, an empty part) is refused, whatever content let it through."""
    path = PurePosixPath(relative.replace("\\", "/"))
    parts = path.parts
    target = stage.joinpath(*parts)
    if (
        not parts
        or path.is_absolute()
        or any(p in ("", ".", "..") or ":" in p for p in parts)
        or not target.resolve().is_relative_to(stage.resolve())
    ):
        raise PackError(msg("pack.unsafe_path", path=relative))
    return target
