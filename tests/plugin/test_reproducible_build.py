"""Two builds of the same content are byte-identical, whatever the checkout path and
Python's hash seed; the one file that carries the build date is named, with why."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sitebuild import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]

# MkDocs writes the build date (UTC day, or SOURCE_DATE_EPOCH when set) into the gzip
# header of the sitemap. Two builds on the same day, or with the same SOURCE_DATE_EPOCH,
# give the same bytes; every other file never depends on the date.
DATE_STAMPED = {"sitemap.xml.gz"}


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_differ_only_in_the_date_stamped_sitemap(example_site: Path, tmp_path: Path) -> None:
    # Another checkout path, another hash seed and another build date than the shared build.
    src = tmp_path / "elsewhere" / "handbook"
    src.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", src / "mkdocs.yml")
    shutil.copytree(ROOT / "content", src / "content")
    out = tmp_path / "second-site"
    result = mkdocs_build(src, out, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="86400")
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = files(example_site), files(out)
    assert sorted(first) == sorted(second)
    differing = {name for name in first if first[name] != second[name]}
    assert differing == DATE_STAMPED
