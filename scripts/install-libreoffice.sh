#!/usr/bin/env bash
# The open-data test opens investeringar.csv in LibreOffice Calc, to show that no cell from
# content runs as a formula. Install Debian's headless Calc when missing and we may (root,
# apt-get); otherwise say exactly what to install. Without it the test is skipped locally and
# fails in CI.
set -eu
if command -v soffice >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar LibreOffice Calc (libreoffice-calc-nogui) för testet av öppna data (apt-get) …"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    libreoffice-calc-nogui >/dev/null
else
  echo "Testet av öppna data behöver LibreOffice: kör  sudo apt-get install libreoffice-calc-nogui  (Debian/Ubuntu)." >&2
fi
