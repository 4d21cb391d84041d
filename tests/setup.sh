#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine: Chromium for the
# browser tests (Debian's package: nothing downloads a browser build of its own), then
# the package with its test dependencies into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q -e '.[test]'
