"""The thin MkDocs adapter: the only module that imports mkdocs.

on_config    load and validate all content; stop the build with every problem listed
on_files     add a virtual page per PageSpec (an author's own file at the same path wins),
             and every OutputFile (feeds, redirects) as a generated file copied as it is
on_page_*    set edit links to the source file and swap in the rendered content
on_post_*    fill in each page's Content Security Policy (csp.py) from its final HTML
on_serve     watch content/ so `make serve` rebuilds when an editor saves
"""

from __future__ import annotations

import html
import json
import logging
import os
import re
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import csp
from .diagnostics import report_github, report_text
from .pages import all_files, all_pages, embeds
from .site import build_now
from .validate import load_site

log = logging.getLogger("mkdocs.plugins.utveckla")
EMBED_MARKER = re.compile(r"<!--\s*uv:([a-z0-9-]+)\s*-->")


class UtvecklaConfig(Config):
    content_dir = config_options.Type(str, default="content")
    # The map's background tiles; their host is the only other one the CSP lets images come from.
    tiles_url = config_options.Type(str, default=csp.DEFAULT_TILES_URL)


class UtvecklaPlugin(BasePlugin[UtvecklaConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        csp.forget_trusted_scripts()
        try:
            csp.tile_source(self.config.tiles_url)
        except ValueError as error:
            raise Abort(f"mkdocs.yml, plugins: utveckla: {error}") from None
        now = build_now()
        self.site, diagnostics = load_site(self.root, now.date(), now)
        if diagnostics:
            if os.environ.get("GITHUB_ACTIONS") == "true":
                print(report_github(diagnostics))
            raise Abort("Innehållet har fel och webbplatsen byggs inte:\n" + report_text(diagnostics))
        self.specs = {}
        return config

    def on_files(self, files: Files, config) -> Files:
        site_url = config.site_url or "/"
        for output in all_files(self.site, site_url):
            if files.get_file_from_path(output.path) is None:
                files.append(File.generated(config, output.path, content=output.content))
        for spec in all_pages(self.site, site_url):
            if files.get_file_from_path(spec.src_uri) is not None:
                continue  # a hand-written page at the same path wins
            # The theme prints title and description into HTML without escaping (MkDocs titles
            # may hold markup), so content text is escaped here: "<", "&" and quotes stay text.
            front = {"title": html.escape(spec.title), "description": html.escape(spec.description),
                     "hide": list(spec.hide), "search": {"exclude": not spec.searchable}}
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

    def on_post_page(self, output: str, page, config) -> str:
        return self._with_policy(output, page.content or "", page.file.src_uri)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        # 404.html and other theme pages; sitemap.xml has no placeholder and stays as it is.
        if csp.PLACEHOLDER not in output_content:
            return output_content
        return self._with_policy(output_content, "", template_name)

    def _with_policy(self, html: str, content: str, name: str) -> str:
        if csp.PLACEHOLDER not in html:
            raise PluginError(f"{name}: sidan saknar säkerhetspolicyn (CSP); "
                              "den ska komma från overrides/main.html — sidans mall måste bygga på main.html")
        try:
            return csp.apply(html, content, self.config.tiles_url)
        except csp.UntrustedScript as error:
            raise PluginError(f"{name}: sidans innehåll har ett inbäddat skript som säkerhetspolicyn stoppar "
                              f"({error}…) — lägg skriptet i en fil under docs/assets/js/ och länka den") from None

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.content_dir))
        return server
