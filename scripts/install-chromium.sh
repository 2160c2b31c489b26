#!/usr/bin/env bash
# Browser tests need Debian's chromium. Install it when missing and we may (root, apt-get);
# otherwise say exactly what to install. Tests marked "browser" fail in CI without it.
set -eu
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar chromium för webbläsartesterna (apt-get) …"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Webbläsartesterna behöver Chromium: kör  sudo apt-get install chromium  (Debian/Ubuntu)." >&2
fi
