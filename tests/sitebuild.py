"""Running the real `mkdocs build` from tests, and comparing what it wrote."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ENV = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}


def mkdocs_build(src: Path, out: Path | None = None, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project in *src*, into *out* (default: its site_dir)."""
    args = [sys.executable, "-m", "mkdocs", "build", "--strict", *extra]
    if out is not None:
        args += ["-d", str(out)]
    return subprocess.run(args, cwd=src, capture_output=True, text=True, env={**ENV, **env})


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under *root* with its bytes and modification time (ns)."""
    return {
        p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def directories(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_dir()) if root.exists() else []
