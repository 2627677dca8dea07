"""Where a command may not write: inside the handbook's sources or its built site.

`trainbook grade` writes personal data and `trainbook exam build` writes exam papers and keys;
a generated file inside the content folder or mkdocs.yml's docs_dir would be published (or
loaded) by the next site build, one inside site_dir is published as it is and deleted by the
next build. Every command that writes files asks here, so they all refuse the same folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .messages import Text, mkdocs_config, msg


@dataclass(frozen=True)
class Guarded:
    """A folder no output may lie in, with its name for the message."""

    folder: Path
    what: Text


def guarded_folders(content: str | Path, site_dir: str | Path | None = None) -> tuple[Guarded, ...]:
    """The content folder, and docs_dir and site_dir of the mkdocs.yml beside it (MkDocs' defaults
    ``docs`` and ``site`` when it names none); *site_dir* is a built site named on the command line."""
    content = Path(content)
    root = content.resolve().parent
    config = mkdocs_config(root)
    out = [Guarded(content, msg("out.the_content"))]
    if config:
        out.append(Guarded(root / _folder(config, "docs_dir", "docs"), msg("out.the_pages")))
    if site_dir is not None:
        out.append(Guarded(Path(site_dir), msg("out.the_site")))
    if config:
        out.append(Guarded(root / _folder(config, "site_dir", "site"), msg("out.the_site")))
    return tuple(out)


def _folder(config: dict[str, Any], key: str, default: str) -> str:
    value = config.get(key)
    return value if isinstance(value, str) and value.strip() else default


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether *path* is *folder* or lies below it (symbolic links followed)."""
    path, folder = Path(path).resolve(), Path(folder).resolve()
    return path == folder or folder in path.parents


def guarded_home(out: str | Path, content: str | Path, site_dir: str | Path | None = None) -> Guarded | None:
    """The guarded folder *out* lies in, or None when *out* may be written."""
    return next((g for g in guarded_folders(content, site_dir) if inside(out, g.folder)), None)


def guarded_within(path: str | Path, content: str | Path, site_dir: str | Path | None = None) -> Guarded | None:
    """The guarded folder that is *path* or lies below it: a build that replaces *path* would delete it."""
    return next((g for g in guarded_folders(content, site_dir) if inside(g.folder, path)), None)
