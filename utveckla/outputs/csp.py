"""The Content Security Policy of every page, computed from the page itself after rendering.

The host sets no headers, so the policy is a <meta http-equiv> at the top of <head>
(overrides/main.html writes a placeholder there; the plugin fills it in). It allows scripts,
styles, fonts, workers and fetches only from the site itself, images from the site, data:
URLs (the theme's icons) and the map tile server, and no inline script except the exact ones
the page was built with: each is listed by its sha256 hash.

Which inline scripts get a hash:
- those of the theme, i.e. outside the page's main content (Material's small bootstrap
  snippets such as `__md_scope`);
- inside the main content only those a renderer of this package registered with
  `trusted_script()` while building. Content never becomes script: front-matter values are
  escaped and bodies are checked (bodies.py). If a bug ever let a script into the content,
  it would have no hash and the browser would refuse to run it.
Data blocks (`type="application/json"`, JSON-LD) are never executed, so they need no hash.
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

from markupsafe import Markup

PLACEHOLDER = "uv-csp-placeholder"
# Compiling WebAssembly, and nothing else that eval would allow: the site search needs it.
WASM = "'wasm-unsafe-eval'"
DEFAULT_TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# Script types a browser does not run: the theme's config and the events' JSON-LD.
DATA_BLOCK_TYPES = frozenset({"application/json", "application/ld+json", "importmap+json"})

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)

# Script bodies that this package's own renderers placed in page content during this build.
_trusted: set[str] = set()


def trusted_script(code: str) -> Markup:
    """An inline <script> written by this package's own code (never from content), allowed by hash.

    Prefer a file in docs/assets/js/ with its data in data attributes or a JSON data block;
    this is for generated code that cannot be a file (e.g. a map library's setup call).
    """
    if "</script" in code.lower():
        raise ValueError("an inline script must not contain </script")
    _trusted.add(code)
    return Markup(f"<script>{code}</script>")


def forget_trusted_scripts() -> None:
    """Called at the start of each build (mkdocs serve rebuilds in the same process)."""
    _trusted.clear()


def source_hash(code: str) -> str:
    """The CSP source expression for an inline script: 'sha256-<base64>' of its UTF-8 text."""
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def tile_source(tiles_url: str | None) -> str:
    """`https://tile.openstreetmap.org/{z}/{x}/{y}.png` → `https://tile.openstreetmap.org`;
    a `{s}` subdomain placeholder becomes a `*.` wildcard."""
    parts = urlsplit(tiles_url or DEFAULT_TILES_URL)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        raise ValueError(f"tiles_url måste vara en fullständig https-adress, inte {tiles_url!r}")
    host = re.sub(r"\{[a-z]+\}\.", "*.", parts.netloc)
    return f"{parts.scheme}://{host}"


def is_executable(attributes: str) -> bool:
    """Whether a <script> with these attributes and no src is run by the browser."""
    match = _TYPE.search(attributes)
    if not match:
        return True
    kind = next(group for group in match.groups() if group is not None).strip().lower()
    return kind not in DATA_BLOCK_TYPES


def inline_scripts(html: str) -> list[tuple[int, str]]:
    """(position, code) of every inline script the browser would run."""
    return [(match.start(), match.group(2)) for match in _SCRIPT.finditer(html)
            if not _SRC.search(match.group(1)) and is_executable(match.group(1))]


def policy(script_hashes: list[str], tiles_url: str | None = None, collector: str | None = None) -> str:
    """collector: the visitor statistics' address (statistics.py), the one place fetches may go
    besides the site; None (the default, statistics off) leaves connect-src at 'self'."""
    hashes = "".join(f" {h}" for h in sorted(set(script_hashes)))
    directives = [
        "default-src 'none'",
        # The site search (Pagefind, sitesearch.py) runs WebAssembly from the site's own files.
        f"script-src 'self' {WASM}{hashes}",
        "style-src 'self'",
        f"img-src 'self' data: {tile_source(tiles_url)}",
        "font-src 'self'",
        f"connect-src 'self' {collector}" if collector else "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


class UntrustedScript(Exception):
    """An inline script in the page content that no renderer of this package registered."""


def apply(html: str, content: str, tiles_url: str | None = None, collector: str | None = None) -> str:
    """Fill in the page's policy; raise UntrustedScript for a script the policy would block.

    content is the page's main content (MkDocs' page.content), inserted into html as it is.
    """
    if PLACEHOLDER not in html:
        return html
    start = html.find(content) if content else -1
    end = start + len(content) if start >= 0 else -1
    hashes, untrusted = [], []
    for position, code in inline_scripts(html):
        in_content = start <= position < end or (bool(code.strip()) and code in content)
        if in_content and code not in _trusted:
            untrusted.append(code)
            continue
        hashes.append(source_hash(code))
    if untrusted:
        raise UntrustedScript(untrusted[0][:80])
    return html.replace(PLACEHOLDER, policy(hashes, tiles_url, collector), 1)
