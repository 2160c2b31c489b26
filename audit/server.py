"""A small static server for the built site that compresses text like a real host.

Python's http.server sends everything uncompressed, which would cost the site Lighthouse
points that a real host (GitHub Pages, any CDN) does not: this one sends gzip when the
browser asks for it, and the 404 page with status 404 for a missing address.
"""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from contextlib import contextmanager
from functools import lru_cache, partial
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".ics", ".map", ".webmanifest"}
DESCRIPTION = "127.0.0.1 med gzip som en riktig webbhost (inte okomprimerad python http.server)"


@lru_cache(maxsize=1024)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), 6, mtime=0)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()          # the redirect to the address with a slash
            path = path / "index.html"
        if not path.is_file():
            return self._not_found()
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSIBLE
        body = _gzipped(path, path.stat().st_mtime) if gzip_ok else path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")   # what GitHub Pages sends
        if path.suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        return io.BytesIO(body)

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def start(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `root` on 127.0.0.1 at a free port in a background thread; returns the server (to
    shut down) and the base URL with a trailing slash. The tests, the audit and the benchmarks
    all serve the built site through this one server."""
    handler = partial(GzipHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def serve(root: Path):
    """Serve `root` on 127.0.0.1 at a free port; yields the base URL without a trailing slash."""
    server, base = start(root)
    try:
        yield base.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()
