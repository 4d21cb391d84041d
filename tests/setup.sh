#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine: Chromium for the
# browser tests (Debian's package: nothing downloads a browser build of its own) and git
# for the tests of rule history, then the package with its test dependencies into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v git >/dev/null 2>&1 || missing="$missing git"
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  # shellcheck disable=SC2086 # one word a package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
# ProperDocs in place of MkDocs, as a user who has moved to it has it: mentorsite and
# Material installed (Material pulls MkDocs in), ProperDocs added, MkDocs removed.
# tests/test_engines.py builds and serves with it there.
python3 -m venv .venv-engines
.venv-engines/bin/pip install -q -e . properdocs
.venv-engines/bin/pip uninstall -q -y mkdocs
