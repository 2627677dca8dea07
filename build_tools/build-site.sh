#!/bin/sh
# Build the site into a fresh folder and swap it in only when the build succeeded,
# so a failed `make site` leaves the previous site/ exactly as it was.
# With ZIP, also pack the new site into that zip for opening from disk (trainbook.offline);
# the zip too is replaced only when it was written whole.
# usage: build-site.sh MKDOCS [SITE_DIR [ZIP]]   (run from the folder holding mkdocs.yml)
set -eu
mkdocs="$1"
site="${2:-site}"
zip="${3:-}"
next="$site.next"
old="$site.old"
rm -rf "$next" "$old"
if ! "$mkdocs" build --strict --site-dir "$next"; then
    rm -rf "$next"
    echo "build failed; $site/ left as it was" >&2
    exit 1
fi
if [ -e "$site" ]; then mv "$site" "$old"; fi
mv "$next" "$site"
rm -rf "$old"
if [ -n "$zip" ]; then
    "$(dirname "$mkdocs")/python" -m trainbook.offline "$site" "$zip"
fi
