#!/usr/bin/env bash
# make reach reads a web server's access log with GoAccess (Debian's goaccess), and its test
# runs it. Install it when missing and we may (root, apt-get); otherwise say what to install.
set -eu
if command -v goaccess >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar GoAccess för räckviddsrapporten (apt-get) …"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends goaccess >/dev/null
else
  echo "make reach LOGG=… behöver GoAccess: kör  sudo apt-get install goaccess  (Debian/Ubuntu)." >&2
fi
