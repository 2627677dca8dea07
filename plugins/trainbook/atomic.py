"""Writing an output all or nothing, or saying why not.

Every command that writes a file or a folder of results goes through here: the output is
written beside its target under a temporary name and moved into place only when complete, so
an interrupted or failed run never leaves half a file; folders created for an output that then
failed are removed again. Anything the operating system refuses becomes an :class:`OutputError`
naming the output and the reason in the trainer's words (:mod:`trainbook.messages`), never a
traceback.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .diagnostics import display_path
from .messages import Text, localize, msg

#: errno → message key: the reasons a trainer can act on; any other says the system's words.
_REASONS = {
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "not_folder_on_path",
    errno.EISDIR: "is_folder",
    errno.EEXIST: "exists",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EROFS: "read_only",
    errno.ENOSPC: "disk_full",
    errno.EDQUOT: "disk_full",
    errno.ENAMETOOLONG: "name_too_long",
}


class OutputError(Exception):
    """An output could not be written; nothing of it was left behind."""

    def __init__(self, path: str | Path, message: Text):
        super().__init__(f"{display_path(path)}: {message}")
        self.path = Path(path)
        self.message = message

    def text(self, language: str = "en") -> str:
        """``path: error: message`` with the message in *language* (zh, en)."""
        return f"{display_path(self.path)}: error: {localize(self.message, language)}"


def reason(exc: OSError) -> Text:
    """Why the system refused, in both languages ("the folder does not exist")."""
    key = _REASONS.get(exc.errno or 0)
    if key is not None:
        return msg(f"output.reason.{key}")
    return msg("output.reason.system", error=exc.strerror or exc)


def unwritable(exc: OSError) -> Text:
    """The message for an output the system refused: cannot be written, and why."""
    return msg("output.unwritable", reason=reason(exc))


def _make_parents(folder: Path, target: Path) -> Path | None:
    """Create *folder* and its missing parents; the topmost one created (None when it existed)."""
    first = None
    probe = folder
    while not probe.exists() and probe != probe.parent:
        first = probe
        probe = probe.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _remove(first)
        # mkdir says EEXIST for a file where a folder of the path should be.
        if exc.errno == errno.EEXIST and folder != target:
            why = msg("output.unwritable", reason=msg("output.reason.not_folder_on_path"))
        else:
            why = msg("output.not_a_folder") if exc.errno == errno.EEXIST else unwritable(exc)
        raise OutputError(target, why) from None
    return first


def _remove(created: Path | None) -> None:
    if created is not None:
        shutil.rmtree(created, ignore_errors=True)


def _temporary(path: Path) -> Path:
    """A new empty file beside *path*, created with the permissions a plain ``open`` gives."""
    while True:
        # 60 characters of the name: within NAME_MAX (255 bytes) even in UTF-8 Chinese
        tmp = path.with_name(f".{path.name[:60]}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return tmp


def _commit(tmp: Path, path: Path, replace: bool) -> None:
    if replace:
        if path.is_file():
            os.chmod(tmp, path.stat().st_mode & 0o7777)  # a replaced file keeps its permissions
        os.replace(tmp, path)
        return
    try:
        # A hard link never replaces: a file that appeared since the check is not overwritten.
        os.link(tmp, path)
    except FileExistsError:
        raise OutputError(path, msg("output.exists")) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        if path.exists():  # a file system without hard links: check, then move
            raise OutputError(path, msg("output.exists")) from None
        os.replace(tmp, path)


@contextmanager
def staged_file(path: str | Path, *, replace: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside *path* to write; it becomes *path* when the block succeeds.

    ``replace=False`` refuses an existing *path* (before and at the move). Raises
    :class:`OutputError` for anything the system refuses, in the block too (the block only writes).
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(path, msg("output.is_folder"))
    if not replace and (path.exists() or path.is_symlink()):
        raise OutputError(path, msg("output.exists"))
    if path.exists() and not path.is_file():
        # A device or a pipe (--out /dev/stdout): a stream has no "beside", it is written as it comes.
        try:
            yield path
        except OSError as exc:
            raise OutputError(path, unwritable(exc)) from None
        return
    # Through a symbolic link its target is replaced: the link stays a link.
    target = path.resolve() if path.is_symlink() else path
    created = _make_parents(target.parent, path)
    tmp: Path | None = None
    ok = False
    try:
        tmp = _temporary(target)
        yield tmp
        _commit(tmp, target, replace)
        ok = True
    except OSError as exc:
        raise OutputError(path, unwritable(exc)) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if not ok:
            _remove(created)


def write_file(path: str | Path, data: str | bytes, *, replace: bool = True) -> None:
    """Write *data* (text as UTF-8 with ``\\n`` line ends) to *path* all or nothing."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with staged_file(path, replace=replace) as tmp:
        tmp.write_bytes(raw)


@contextmanager
def staged_folder(path: str | Path) -> Iterator[Path]:
    """Yield an empty temporary folder beside *path*; when the block succeeds its files become
    *path* (created when missing) or replace the files of the same name in it, keeping the rest."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise OutputError(path, msg("output.not_a_folder"))
    created = _make_parents(path.parent, path)
    tmp: Path | None = None
    ok = False
    try:
        while tmp is None:
            candidate = path.with_name(f".{path.name[:60]}.{secrets.token_hex(4)}.tmp")
            try:
                candidate.mkdir()
            except FileExistsError:
                continue
            tmp = candidate
        yield tmp
        if not path.exists():
            os.replace(tmp, path)
        else:
            for entry in sorted(tmp.iterdir()):
                os.replace(entry, path / entry.name)
        ok = True
    except OSError as exc:
        raise OutputError(path, unwritable(exc)) from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
        if not ok:
            _remove(created)
