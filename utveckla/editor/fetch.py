"""Fetching an organiser's feed: HTTPS only, a timeout, a size limit, redirects only to HTTPS.

The importer runs unattended every night against addresses editors typed, so every way a
fetch can go wrong ends in FetchError with one Swedish sentence, never a traceback:
no answer in time, an HTTP error, a redirect to http:, a file larger than the limit, the
wrong content type, or text that is not UTF-8.

`resolve` (host → (address, port)) sends a host's connections elsewhere while the TLS
certificate is still checked for the host, as curl's --resolve does; the tests use it to
serve fixture feeds from 127.0.0.1 under the names written in their kallor.yml.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

TIMEOUT_SECONDS = 20
MAX_BYTES = 2_000_000
MAX_REDIRECTS = 5
USER_AGENT = "UtvecklaVasternorrland-kalenderimport/1.0 (+https://utvecklavasternorrland.se/kalender/)"
# The content types each kind of source may have (parameters such as charset aside).
CONTENT_TYPES = {
    "ics": {"text/calendar", "application/ics"},
    "rss": {"application/rss+xml", "application/xml", "text/xml"},
    "atom": {"application/atom+xml", "application/xml", "text/xml"},
    "jsonld": {"text/html", "application/xhtml+xml"},
}


class FetchError(Exception):
    """Why a source could not be read, in Swedish."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    text: str


class _Connection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, target: tuple[str, int], **kwargs):
        super().__init__(host, port, **kwargs)
        self._target = target

    def connect(self):
        sock = socket.create_connection(self._target, self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, kind: str, *, context: ssl.SSLContext | None = None,
          resolve: dict[str, tuple[str, int]] | None = None,
          timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    context = context or ssl.create_default_context()
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise FetchError(f"adressen {url} är inte https; källor hämtas bara över https")
        port = parts.port or 443
        target = (resolve or {}).get(parts.hostname, (parts.hostname, port))
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        connection = _Connection(parts.hostname, port, target, timeout=timeout, context=context)
        try:
            connection.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity"})
            response = connection.getresponse()
            if response.status in (301, 302, 303, 307, 308):
                location = response.getheader("Location")
                if not location:
                    raise FetchError(f"servern svarade {response.status} (omdirigering) utan ny adress")
                url = urljoin(url, location)
                if urlsplit(url).scheme != "https":
                    raise FetchError(f"servern skickar vidare till {url}, som inte är https; källan hämtas inte")
                continue
            if response.status != 200:
                raise FetchError(f"servern svarade {response.status} {response.reason}".rstrip())
            body = _read_limited(response, max_bytes, deadline)
            return Fetched(url, _decoded(body, response.getheader("Content-Type") or "", kind))
        except FetchError:
            raise
        except TimeoutError:
            raise FetchError(f"servern svarade inte inom {timeout:g} sekunder") from None
        except ssl.SSLError as error:
            raise FetchError(f"den säkra anslutningen misslyckades (certifikatet godtas inte: {error.reason or error})") from None
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(f"servern gick inte att nå ({type(error).__name__})") from None
        finally:
            connection.close()
    raise FetchError(f"för många omdirigeringar (fler än {MAX_REDIRECTS})")


def _read_limited(response: http.client.HTTPResponse, max_bytes: int, deadline: float) -> bytes:
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(_too_large(int(declared), max_bytes))
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError
        chunk = response.read(65536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(_too_large(size, max_bytes, more=True))
        chunks.append(chunk)


def _too_large(size: int, limit: int, more: bool = False) -> str:
    return f"filen är {'mer än ' if more else ''}{size / 1e6:.1f} MB, högst {limit / 1e6:.0f} MB hämtas".replace(".", ",")


def _decoded(body: bytes, content_type: str, kind: str) -> str:
    media, _, params = content_type.partition(";")
    media = media.strip().lower()
    if media not in CONTENT_TYPES[kind]:
        wanted = " eller ".join(sorted(CONTENT_TYPES[kind]))
        raise FetchError(f"servern skickar {media or 'ingen innehållstyp'}, men en källa av sorten {kind} ska vara {wanted}")
    charset = next((p.split("=", 1)[1].strip().strip('"').lower() for p in params.split(";") if p.strip().lower().startswith("charset=")), "utf-8")
    if charset not in ("utf-8", "utf8"):
        raise FetchError(f"filen är i teckenkodningen {charset}, inte UTF-8")
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FetchError("filen innehåller tecken som inte är UTF-8") from None
