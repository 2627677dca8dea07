#!/bin/sh
# Create the project virtualenv; on Debian, python3 -m venv needs python3-venv.
set -eu
python=$1
venv=$2
if ! command -v "$python" >/dev/null 2>&1; then
  echo "trainbook needs Python >= 3.10: install it (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || {
  echo "trainbook needs Python >= 3.10; $python is $("$python" -V 2>&1)" >&2; exit 1; }
if ! "$python" -m venv "$venv" >/dev/null 2>&1; then
  rm -rf "$venv"
  ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  sh "$(dirname "$0")/ensure-debs.sh" "python$ver-venv"
  "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
