#!/usr/bin/env bash
# Installs Debian's Chromium (driven by Playwright in tests/browser) and a CJK font for Chinese pages.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi"; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
chromium --version
