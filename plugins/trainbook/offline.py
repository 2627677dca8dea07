"""The handbook opened from disk: no request leaves the machine, and the whole site as one zip.

Material's offline plugin makes search work from ``file://`` by inlining the index into a script
and shimming ``Worker`` with iframes (browsers refuse Workers from ``file://``). It loads that shim
from a public CDN, so a copy opened without internet loses its search box, and a slow CDN holds up
every page. The shim is vendored here (``assets/vendor/iframe-worker``, MIT, with its licence and
source in ``SOURCE.txt``) and the CDN URL is swapped for the local copy.

``python -m trainbook.offline SITE ZIP`` packs a built site into one zip for copying to a computer
or phone: everything under one folder, so unzipping makes one folder holding ``index.html``. The
zip is written beside its target and renamed into place, so a failed run never leaves half a zip;
entries are sorted and dated 1980-01-01, so the same site gives the same bytes.
"""

from __future__ import annotations

import os
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

from .messages import handbook_language, localize, msg

#: The vendored shim, relative to the plugin's published asset folder.
SHIM = "vendor/iframe-worker/shim.js"
#: How Material's offline plugin (and anyone following its docs) names the shim in ``extra.polyfills``.
SHIM_MARK = "iframe-worker"
#: The one folder a zip unpacks into.
FOLDER = "handbook-offline"
#: Left out of the zip: sitemaps serve search engines of a hosted site, and carry the build date.
SKIP = frozenset({"sitemap.xml", "sitemap.xml.gz"})

_EPOCH = (1980, 1, 1, 0, 0, 0)


def local_polyfills(polyfills: Sequence[object], shim_uri: str) -> list[object]:
    """*polyfills* with every iframe-worker entry (a CDN URL) replaced by the local shim, once."""
    out: list[object] = []
    for script in polyfills:
        if SHIM_MARK in str(script):
            script = shim_uri
            if script in out:
                continue
        out.append(script)
    return out


class NoSiteError(FileNotFoundError):
    """The folder to pack has no index.html: no site was built there."""


def write_zip(site: Path, target: Path, folder: str = FOLDER) -> int:
    """Pack every file under *site* into *target* below *folder*/; returns the number of files."""
    if not (site / "index.html").is_file():
        raise NoSiteError(f"{site}: no index.html (build the site first)")
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.relative_to(site).as_posix() not in SKIP)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
            for path in files:
                info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site).as_posix()}", _EPOCH)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, path.read_bytes(), compresslevel=9)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return len(files)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print("usage: python -m trainbook.offline SITE_DIR ZIP_FILE", file=sys.stderr)
        return 2
    site, target = Path(args[0]), Path(args[1])
    # `make site` runs this in the handbook's root: its trainers read the handbook's language.
    language = handbook_language(Path.cwd())
    try:
        count = write_zip(site, target)
    except NoSiteError:
        print(localize(msg("offline.no_site", site=site), language), file=sys.stderr)
        return 1
    except OSError as e:
        print(localize(msg("offline.failed", error=e), language), file=sys.stderr)
        return 1
    print(localize(msg("offline.written", target=target, n=count, folder=FOLDER), language))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
