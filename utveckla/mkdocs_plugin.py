"""The thin MkDocs adapter: the only module that imports mkdocs.

on_config    load and validate all content; stop the build with every problem listed
on_files     add a virtual page per PageSpec (an author's own file at the same path wins) and
             every extra output file (GeoJSON, CSV …) from pages.all_files
on_page_*    set edit links to the source file and swap in the rendered content
on_serve     watch content/ so `make serve` rebuilds when an editor saves
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .diagnostics import report_github, report_text
from .mapview import OSM_ATTRIBUTION, OSM_TILES, MapSettings
from .pages import all_files, all_pages, embeds
from .site import build_date
from .validate import load_site

log = logging.getLogger("mkdocs.plugins.utveckla")
EMBED_MARKER = re.compile(r"<!--\s*uv:([a-z0-9-]+)\s*-->")


class UtvecklaConfig(Config):
    content_dir = config_options.Type(str, default="content")
    # The maps' background tiles; the map works without them (markers and table stay).
    tiles_url = config_options.Type(str, default=OSM_TILES)
    tiles_attribution = config_options.Type(str, default=OSM_ATTRIBUTION)
    tiles_max_zoom = config_options.Type(int, default=18)


class UtvecklaPlugin(BasePlugin[UtvecklaConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        self.site, diagnostics = load_site(self.root, build_date())
        if diagnostics:
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(report_github(diagnostics))
            raise Abort("Innehållet har fel och webbplatsen byggs inte:\n" + report_text(diagnostics))
        self.specs = {}
        return config

    def on_files(self, files: Files, config) -> Files:
        site_url = config.site_url or "/"
        map_settings = MapSettings(self.config.tiles_url, self.config.tiles_attribution, self.config.tiles_max_zoom)
        for output in all_files(self.site, site_url):
            if files.get_file_from_path(output.path) is None:
                files.append(File.generated(config, output.path, content=output.content))
        for spec in all_pages(self.site, site_url, map_settings):
            if files.get_file_from_path(spec.src_uri) is not None:
                continue  # a hand-written page at the same path wins
            front = {"title": spec.title, "description": spec.description, "hide": list(spec.hide)}
            content = f"---\n{json.dumps(front, ensure_ascii=False)}\n---\n\n{spec.body}"
            file = File.generated(config, spec.src_uri, content=content)
            file.edit_uri = spec.source_path
            files.append(file)
            self.specs[spec.src_uri] = spec
        for file in files:
            if file.generated_by is None and file.src_uri.endswith(".md"):
                # edit_uri in mkdocs.yml points at the repository root, so docs pages need docs/.
                file.edit_uri = f"docs/{file.src_uri}"
        return files

    def on_page_content(self, html: str, page, config, files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            return spec.render(html)
        if "uv:" in html:
            fragments = embeds(self.site, page.file.src_uri)
            html = EMBED_MARKER.sub(lambda m: fragments.get(m.group(1), m.group(0)), html)
        return html

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.content_dir))
        return server
