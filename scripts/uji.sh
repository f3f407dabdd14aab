#!/bin/sh
# The test command of README.md: set up a fresh machine (Debian packages, pip packages), then run
# the whole test suite. Safe to run again: installed things are skipped.
set -eu
cd "$(dirname "$0")/.."

if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
        libreoffice-calc-nogui poppler-utils >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -e ".[test]"
python3 -m pytest -q "$@"
