"""`make import-events` against fixture feeds on a real local HTTPS server (127.0.0.1).

The server has a certificate for flode.exempel.se made here with openssl; the importer is
pointed at it with --resolve and --cafile, so the fetch path is the production one (TLS,
certificate check, redirects, limits). Nothing reaches the internet.
"""

from __future__ import annotations

import http.server
import os
import shutil
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from conftest import EPOCH, FIXTURES, ROOT

FEEDS = FIXTURES / "import"
HOST = "flode.exempel.se"
TYPES = {".ics": "text/calendar; charset=utf-8", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
         ".html": "text/html; charset=utf-8"}
BROKEN = ("svarar-inte.ics", "finns-inte.ics", "trasig.ics", "latin1.ics", "jattestor.ics", "fel-typ.ics", "till-http.ics")


class FeedHandler(http.server.BaseHTTPRequestHandler):
    changed: dict[str, bytes] = {}  # name → what the organiser publishes now, instead of the fixture file

    def log_message(self, *args):
        pass

    def send(self, status: int, body: bytes, content_type: str, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the importer stopped reading (a file over the size limit)

    def do_GET(self):
        name = self.path.lstrip("/")
        if name == "svarar-inte.ics":
            time.sleep(4)  # longer than the --timeout the test gives
            return self.send(200, b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", TYPES[".ics"])
        if name == "trasig.ics":
            return self.send(200, b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:inte-ett-datum\r\n", TYPES[".ics"])
        if name == "latin1.ics":
            return self.send(200, "BEGIN:VCALENDAR\r\nSUMMARY:Företagsfrukost\r\nEND:VCALENDAR\r\n".encode("latin-1"),
                             "text/calendar")
        if name == "jattestor.ics":
            return self.send(200, b"BEGIN:VCALENDAR\r\n" + b"X-FYLLNAD:" + b"a" * 3_000_000 + b"\r\nEND:VCALENDAR\r\n",
                             TYPES[".ics"])
        if name == "fel-typ.ics":
            return self.send(200, b"<!doctype html><p>Inte en kalender</p>", "text/html")
        if name == "till-http.ics":
            return self.send(301, b"", "text/plain", {"Location": f"http://{HOST}/sundsvall.ics"})
        path = FEEDS / "flode" / name
        if name in self.changed:
            return self.send(200, self.changed[name], TYPES[path.suffix])
        if not path.is_file():
            return self.send(404, b"finns inte", "text/plain")
        self.send(200, path.read_bytes(), TYPES[path.suffix])


@pytest.fixture(scope="module")
def feed_server(tmp_path_factory):
    if not shutil.which("openssl"):
        pytest.skip("openssl saknas")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}"],
                   check=True, capture_output=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FeedHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield cert, server.server_address[1]
    server.shutdown()


def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "content", tmp_path / "content")
    (tmp_path / "content" / "evenemang").mkdir()
    shutil.copy(FEEDS / "kallor.yml", tmp_path / "content" / "kallor.yml")
    return tmp_path


def run_import(root: Path, feed_server) -> str:
    cert, port = feed_server
    args = f"--root {root} --cafile {cert} --resolve {HOST}=127.0.0.1:{port} --timeout 2"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    env.pop("GITHUB_STEP_SUMMARY", None)
    result = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), "import-events", f"IMPORT_ARGS={args}"],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result.stdout


def events(root: Path) -> dict[str, dict]:
    found = {}
    for path in sorted((root / "content" / "evenemang").glob("*.md")):
        found[path.name] = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    return found


def by_title(root: Path) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = {}
    for data in events(root).values():
        grouped.setdefault(data["title"].split(",")[0], []).append(data)
    return grouped


def test_first_run_adds_the_expected_events_with_local_times(tmp_path, feed_server):
    root = project(tmp_path)
    run_import(root, feed_server)
    found = by_title(root)
    assert set(found) == {
        "Frukost om lån för att växa", "Veckofrukost för nya företagare", "Seminarium om export",
        "Företagsdagar i Sundsvall", "Nätverksträff för besöksnäringen",
        "Webbseminarium om regionalt investeringsstöd", "Företagsträff om kompetens",
    }
    # RRULE weekly ×4 from 16 March, 23 March excepted; summer time starts 28 March: still 07:30.
    assert sorted(str(e["start"]) for e in found["Veckofrukost för nya företagare"]) == [
        "2027-03-16 07:30", "2027-03-30 07:30", "2027-04-06 07:30"]
    assert all(str(e["end"]).endswith("08:30") for e in found["Veckofrukost för nya företagare"])
    assert "Veckofrukost för nya företagare, 30 mars 2027" in {e["title"] for e in found["Veckofrukost för nya företagare"]}
    assert str(found["Seminarium om export"][0]["start"]) == "2027-03-30 08:00"  # 06:00 UTC in summer time
    assert found["Seminarium om export"][0]["location"]["municipality"] == "timra"  # from "Timrå bibliotek"
    days = found["Företagsdagar i Sundsvall"][0]
    assert (str(days["start"]), str(days["end"])) == ("2027-04-15", "2027-04-16")  # DTEND is exclusive
    rss = found["Nätverksträff för besöksnäringen"][0]
    assert rss["summary"] == "Träffa andra företag i besöksnäringen."  # HTML taken out
    assert rss["organizer"] == "regionen" and rss["location"]["municipality"] == "timra"
    atom = found["Webbseminarium om regionalt investeringsstöd"][0]
    assert atom["online"] == "https://flode.exempel.se/webbseminarium/delta" and "location" not in atom
    assert atom["type"] == "seminarium"
    page = found["Företagsträff om kompetens"][0]
    assert page["location"] == {"name": "Kulturmagasinet", "municipality": "sundsvall",
                                "address": "Sjögatan 7, Sundsvall"}
    first = found["Frukost om lån för att växa"][0]
    assert first["source"] == "https://flode.exempel.se/kalender/lan-frukost"
    assert first["imported"]["feed"] == "https://flode.exempel.se/sundsvall.ics"
    assert str(first["imported"]["fetched"]) == "2026-11-22"
    check = subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(root)],
                           capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH})
    assert check.returncode == 0, check.stderr


def test_summary_says_what_was_skipped_and_why(tmp_path, feed_server):
    output = run_import(project(tmp_path), feed_server)
    assert "https://flode.exempel.se/sundsvall.ics: 6 nya, 0 uppdaterade" in output
    assert "Frukost som redan har varit (2026-05-01 09:00): har redan varit" in output
    assert "Mässa långt fram (2027-11-10 09:00): ligger mer än sex månader fram" in output
    assert "Nyhet utan datum: saknar starttid (ev:startdate)" in output
    assert "Konsert i parken (2027-04-20 19:00): innehåller inget av orden i keywords" in output


def test_every_broken_source_is_one_swedish_line_and_the_others_import(tmp_path, feed_server):
    output = run_import(project(tmp_path), feed_server)
    lines = output.splitlines()
    for name in BROKEN:
        mine = [line for line in lines if f"https://{HOST}/{name}" in line]
        assert len(mine) == 1 and mine[0].startswith("FEL "), (name, mine)
    text = "\n".join(lines)
    assert "svarade inte inom 2 sekunder" in text
    assert "servern svarade 404" in text
    assert "inte en giltig iCalendar-fil" in text or "går inte att läsa" in text
    assert "teckenkodningen" in text or "inte är UTF-8" in text
    assert "högst 2 MB hämtas" in text
    assert "servern skickar text/html" in text
    assert "som inte är https" in text
    assert len(events(tmp_path)) == 9  # the working sources still imported


def test_second_run_changes_nothing_and_an_edited_file_is_kept(tmp_path, feed_server):
    root = project(tmp_path)
    run_import(root, feed_server)
    folder = root / "content" / "evenemang"
    before = {path.name: path.read_bytes() for path in folder.glob("*.md")}
    output = run_import(root, feed_server)
    assert {path.name: path.read_bytes() for path in folder.glob("*.md")} == before
    assert "0 nya, 0 uppdaterade, 6 oförändrade" in output
    edited = next(path for path in folder.glob("*.md") if "Frukost om lån" in path.read_text(encoding="utf-8"))
    text = edited.read_text(encoding="utf-8").replace("title: Frukost om lån för att växa", "title: Frukost om lån (ny lokal)")
    edited.write_text(text, encoding="utf-8")
    output = run_import(root, feed_server)
    assert edited.read_text(encoding="utf-8") == text
    assert f"content/evenemang/{edited.name}: ändrad av en redaktör efter importen, skrivs inte över" in output
    assert "+title: Frukost om lån för att växa" in output and "-title: Frukost om lån (ny lokal)" in output
    assert {path.name for path in folder.glob("*.md")} == set(before)


def test_an_event_that_fails_the_check_is_not_written(tmp_path, feed_server):
    root = project(tmp_path)
    sources = root / "content" / "kallor.yml"
    # An organiser's description with a phrase the check refuses in published text.
    sources.write_text("sources:\n  - url: https://flode.exempel.se/oklart.ics\n    kind: ics\n    organizer: almi\n",
                       encoding="utf-8")
    output = run_import(root, feed_server)
    assert "Träff med oklar lokal (2027-01-12 09:00): klarar inte kontrollen (summary: texten innehåller" in output
    assert "1 nya" in output
    assert [e["title"] for e in events(root).values()] == ["Träff i Sundsvall"]


def test_a_changed_event_in_the_feed_updates_its_file(tmp_path, feed_server):
    root = project(tmp_path)
    run_import(root, feed_server)
    folder = root / "content" / "evenemang"
    before = {path.name for path in folder.glob("*.md")}
    original = (FEEDS / "flode" / "sundsvall.ics").read_bytes()
    FeedHandler.changed["sundsvall.ics"] = original.replace(b"DTSTART;TZID=Europe/Stockholm:20261208T073000",
                                                            b"DTSTART;TZID=Europe/Stockholm:20261208T080000")
    try:
        output = run_import(root, feed_server)
    finally:
        FeedHandler.changed.clear()
    assert "https://flode.exempel.se/sundsvall.ics: 0 nya, 1 uppdaterade, 5 oförändrade" in output
    assert {path.name for path in folder.glob("*.md")} == before  # the same file, not a new one
    moved = [data for data in events(root).values() if data["title"] == "Frukost om lån för att växa"]
    assert [str(data["start"]) for data in moved] == ["2026-12-08 08:00"]
