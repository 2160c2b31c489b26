"""The thin MkDocs adapter: the only module that imports mkdocs.

on_config    load and validate all content; stop the build with every problem listed
on_files     add a virtual page per PageSpec (an author's own file at the same path wins),
             and every OutputFile (feeds, redirects) as a generated file copied as it is
on_page_*    set edit links to the source file and swap in the rendered content
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
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .diagnostics import report_github, report_text
from .pages import all_files, all_pages, embeds
from .site import build_now
from .validate import load_site

log = logging.getLogger("mkdocs.plugins.utveckla")
EMBED_MARKER = re.compile(r"<!--\s*uv:([a-z0-9-]+)\s*-->")


class UtvecklaConfig(Config):
    content_dir = config_options.Type(str, default="content")


class UtvecklaPlugin(BasePlugin[UtvecklaConfig]):
    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
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
        return fix_theme_html(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        return fix_theme_html(output_content) if template_name.endswith(".html") else output_content

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / self.config.content_dir))
        return server


def fix_theme_html(output: str) -> str:
    """Four small defects in Material 9's HTML, found by the W3C checker, axe-core and the
    keyboard tests.

    - the search dialog has no accessible name (axe: aria-dialog-name);
    - its hidden toggle checkboxes carry `autocomplete`, which HTML allows only on text inputs;
    - pages without an integrated table of contents still have `<label for="__toc">`;
    - the search results' scroll area is a Tab stop even while the search is closed, so focus
      disappears into an invisible box (the results themselves are links, reachable anyway).
    """
    output = output.replace('data-md-component="search" role="dialog">',
                            'data-md-component="search" role="dialog" aria-label="Sök på webbplatsen">', 1)
    output = re.sub(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", output)
    output = output.replace('<div class="md-search__scrollwrap" tabindex="0"', '<div class="md-search__scrollwrap"', 1)
    if 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return output
