#!/usr/bin/env bash
# The HTML check (Nu HTML checker, vnu.jar) runs on Java. Install Debian's Java 17 runtime when
# it is missing and we may (root, apt-get); otherwise say exactly what to install and fail,
# because `make audit` cannot pass without it.
set -eu
if command -v java >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar Java (openjdk-17-jre-headless) för HTML-kontrollen (apt-get) …"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
else
  echo "HTML-kontrollen behöver Java: kör  sudo apt-get install openjdk-17-jre-headless  (Debian/Ubuntu)." >&2
  exit 1
fi
