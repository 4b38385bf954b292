#!/usr/bin/env bash
# Installs what the test suite needs on a fresh machine: the npm packages (exact versions from
# package-lock.json) and Debian's chromium for the browser test (never a browser download).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: chromium is missing; install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
