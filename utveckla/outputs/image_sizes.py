"""Images at build time: large photos made smaller, and every <img> given width and height.

An editor uploads the photo straight from the camera; the site publishes it at most
MAX_WIDTH pixels wide (same address), plus smaller copies for phones (name-480w.jpg …)
offered through srcset. width and height let the browser keep room for the image before it
loads, so the text does not jump. The same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin

from ..content.images import HTML_IMAGE, html_attributes, is_external

MAX_WIDTH = 1600
VARIANT_WIDTHS = (480, 960)
RESIZABLE = (".jpg", ".jpeg", ".png", ".webp")
SIZES = "(max-width: 960px) 100vw, 960px"
ENCODER_VERSION = "1"  # part of the cache key: bump when the save settings below change


@dataclass(frozen=True)
class Variant:
    path: str  # site path, e.g. "bilder/hamn-480w.jpg"
    width: int
    height: int


@dataclass
class PreparedImage:
    path: str  # site path of the published image (same as the source's)
    width: int  # published size
    height: int
    replacement: bytes | None = None  # smaller bytes for the published path, when resized
    variants: list[tuple[Variant, bytes]] = field(default_factory=list)

    def srcset(self, href: str) -> str:
        """srcset with links relative to the page, `href` being the image's own link."""
        folder = href.rsplit("/", 1)[0] + "/" if "/" in href else ""
        items = [f"{folder}{posixpath.basename(v.path)} {v.width}w" for v, _ in self.variants]
        return ", ".join(items + [f"{href} {self.width}w"])


def _oriented(image):
    from PIL import ImageOps

    return ImageOps.exif_transpose(image)


def _encode(image, suffix: str) -> bytes:
    buffer = io.BytesIO()
    if suffix in (".jpg", ".jpeg"):
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    elif suffix == ".png":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "WEBP", quality=80, method=4)
    return buffer.getvalue()


def _resized(source: bytes, suffix: str, width: int, cache: Path | None) -> tuple[bytes, int]:
    """The image `width` pixels wide (aspect kept) and its height; cached by content hash."""
    from PIL import Image

    key = hashlib.sha256(source + f"|{width}|{suffix}|{ENCODER_VERSION}".encode()).hexdigest()
    with Image.open(io.BytesIO(source)) as opened:
        image = _oriented(opened)
        height = max(1, round(image.height * width / image.width))
        cached = cache / f"{key}{suffix}" if cache else None
        if cached is not None and cached.exists():
            return cached.read_bytes(), height
        data = _encode(image.resize((width, height), Image.Resampling.LANCZOS), suffix)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(data)
    return data, height


def prepare(path: str, file: Path, taken: set[str], cache: Path | None = None) -> PreparedImage | None:
    """Plan and make the published image and its smaller copies; None for files Pillow cannot read."""
    from PIL import Image, UnidentifiedImageError

    suffix = posixpath.splitext(path)[1].lower()
    source = file.read_bytes()
    try:
        with Image.open(io.BytesIO(source)) as opened:
            animated = getattr(opened, "is_animated", False)
            width, height = _oriented(opened).size
    except (UnidentifiedImageError, OSError):
        return None
    prepared = PreparedImage(path, width, height)
    if suffix not in RESIZABLE or animated:
        return prepared  # GIF, animations: published as they are, with their size
    if width > MAX_WIDTH:
        prepared.replacement, prepared.height = _resized(source, suffix, MAX_WIDTH, cache)
        prepared.width = MAX_WIDTH
    stem = path[: -len(suffix)]
    for target in VARIANT_WIDTHS:
        variant_path = f"{stem}-{target}w{suffix}"
        if target < prepared.width and variant_path not in taken:  # an editor's own file wins
            data, variant_height = _resized(source, suffix, target, cache)
            prepared.variants.append((Variant(variant_path, target, variant_height), data))
    return prepared


def add_dimensions(html: str, page_url: str, images: dict[str, PreparedImage]) -> str:
    """Give every <img> of a known image width, height, srcset and lazy loading."""

    def rewrite(match: re.Match) -> str:
        tag = match.group(0)
        attributes = html_attributes(tag)
        src = attributes.get("src", "")
        if not src or is_external(src) or "width" in attributes:
            return tag
        path = unquote(urljoin("/" + page_url, src).lstrip("/"))
        prepared = images.get(path)
        if prepared is None:
            return tag
        extra = f' width="{prepared.width}" height="{prepared.height}"'
        if prepared.variants and "srcset" not in attributes:
            extra += f' srcset="{prepared.srcset(src)}" sizes="{SIZES}"'
        if "loading" not in attributes:
            extra += ' loading="lazy" decoding="async"'
        end = -2 if tag.endswith("/>") else -1
        return tag[:end].rstrip() + extra + (" />" if end == -2 else ">")

    return HTML_IMAGE.sub(rewrite, html) if "<img" in html else html
