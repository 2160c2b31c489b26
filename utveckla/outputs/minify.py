"""The site's own scripts and stylesheets without comments and spaces, in the built site only.

The sources in docs/assets/ are written to be read (their comments say why); a visitor's phone
needs none of that. Every page loads them, so this is about 8 KB less per page (gzip), and keeps
the map pages within their script budget (budgets.yml). Vendored libraries and the theme's
files come minified already and are left as they are.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# Folders of the built site with the site's own files (docs/assets/js, docs/assets/css).
OWN_FOLDERS = {"assets/js": ("*.js", rjsmin.jsmin), "assets/css": ("*.css", rcssmin.cssmin)}


def minify_own_assets(site_dir: Path) -> None:
    for folder, (pattern, minify) in OWN_FOLDERS.items():
        for path in sorted((site_dir / folder).glob(pattern)):
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
