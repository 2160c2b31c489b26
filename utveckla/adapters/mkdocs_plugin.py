"""The thin MkDocs adapter: the only module that imports mkdocs.

on_config    load and validate all content; stop the build with every problem listed
on_files     add a virtual page per PageSpec (an author's own file at the same path wins),
             and every OutputFile (feeds, GeoJSON, CSV, redirects) as a generated file;
             large images in docs/ made smaller, with smaller copies for srcset
on_page_*    set edit links to the source file and swap in the rendered content; give
             every <img> width, height and srcset
on_post_*    fill in each page's Content Security Policy (csp.py) from its final HTML, and drop
             the theme's blank lines and indentation (htmlspace.py)
on_serve     watch content/ so `make serve` rebuilds when an editor saves; while the content
             has errors, serve shows them as the page at every address instead of stopping
"""

from __future__ import annotations

import html
import logging
import os
import re
import sys
from pathlib import Path

import yaml
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section

from ..content.diagnostics import report_github, report_html, report_text, report_warnings
from ..content.site import BuildDateError, build_now
from ..content.validate import load_site
from ..editor import cms
from ..editor.guide import GUIDE_FOLDER, guide_pages
from ..outputs import csp, minify, sitesearch, statistics
from ..outputs.htmlspace import squeeze
from ..outputs.image_sizes import add_dimensions, prepare
from ..outputs.mapview import OSM_ATTRIBUTION, OSM_TILES, MapSettings
from ..outputs.pages import all_files, all_pages, embeds, language_versions
from ..outputs.render import compiled_templates
from ..outputs.sitefiles import section_sitemap
from ..views import english

log = logging.getLogger("mkdocs.plugins.utveckla")
EMBED_MARKER = re.compile(r"<!--\s*uv:([a-z0-9-]+)\s*-->")


def tip_form_url(edit_uri: str | None) -> str | None:
    """The issue form "Tipsa om ett evenemang" in the repository that edit_uri points at."""
    if not edit_uri or "/edit/" not in edit_uri:
        return None
    return edit_uri.split("/edit/", 1)[0] + "/issues/new?template=tipsa-om-evenemang.yml"


def folder_url(edit_uri: str, folder: str) -> str:
    """…/edit/main/ + content/stod/ → …/tree/main/content/stod/ (GitHub cannot "edit" a folder)."""
    return edit_uri.replace("/edit/", "/tree/", 1) + folder


class UtvecklaConfig(Config):
    # The maps' background tiles; the map works without them (markers and table stay). Their
    # host is the only other one the Content Security Policy lets images come from.
    tiles_url = config_options.Type(str, default=OSM_TILES)
    tiles_attribution = config_options.Type(str, default=OSM_ATTRIBUTION)
    tiles_max_zoom = config_options.Type(int, default=18)
    # Cookieless visitor statistics: the address of the region's own GoatCounter-compatible
    # collector. Empty: off, and the site makes no such request (statistics.py).
    statistics_url = config_options.Type(str, default="")
    # The form editor at /admin/ (cms.py): the region's OAuth token-exchange endpoint for the
    # GitHub sign-in, and, only for local editing and the tests, decap-server's address.
    cms_auth_url = config_options.Type(str, default="")
    cms_local_backend = config_options.Type(str, default="")


class UtvecklaPlugin(BasePlugin[UtvecklaConfig]):
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        # A build shows what an editor needs: warnings and errors (which --strict counts), not
        # MkDocs' progress lines. `mkdocs build -v` still shows everything; serve keeps its lines.
        mkdocs_log = logging.getLogger("mkdocs")
        if command == "build" and mkdocs_log.getEffectiveLevel() == logging.INFO:
            mkdocs_log.setLevel(logging.WARNING)

    def on_config(self, config):
        self.root = Path(config.config_file_path).parent
        csp.forget_trusted_scripts()
        try:
            csp.tile_source(self.config.tiles_url)
            self.collector = statistics.collector_url(self.config.statistics_url)
            # No sign-in endpoint, no form editor: /admin/ is built only when cms_auth_url is set.
            self.cms = cms.settings_from(config.edit_uri, self.config.cms_auth_url, self.config.cms_local_backend,
                                         config.site_url or "/") if self.config.cms_auth_url else None
        except ValueError as error:
            raise Abort(f"mkdocs.yml, plugins: utveckla: {error}") from None
        try:
            now = build_now()
        except BuildDateError as error:
            raise Abort(f"Webbplatsen byggs inte: {error}") from None
        self.site, self.problems = load_site(self.root, now.date(), now)
        self.specs = {}
        self.versions = {} if self.problems else language_versions(self.site)
        self.english_nav = None
        if not self.problems:
            # Warnings (a PDF that is not accessible) are printed, not logged: --strict would
            # stop the build, and the page already offers an accessible version on request.
            if self.site.warnings:
                print(report_warnings(self.site.warnings, os.environ.get("GITHUB_ACTIONS") == "true"), file=sys.stderr)
            return config
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(report_github(self.problems))
        if not getattr(self, "serving", False):
            raise Abort("Innehållet har fel och webbplatsen byggs inte:\n" + report_text(self.problems))
        # make serve: a build that stops would leave the browser waiting until the file is fixed.
        # The problems become the one page of the preview instead (on_files), also as its 404
        # page, so every address the editor had open shows them.
        log.error("Innehållet har fel:\n%s", report_text(self.problems))
        config.theme.static_templates.discard("404.html")
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = compiled_templates("tema")   # the theme's templates
        return env

    def on_files(self, files: Files, config) -> Files:
        if self.problems:
            return self._error_files(files, config)
        # Material's own search is off, yet the theme still copies its worker and lunr (1.2 MB),
        # which no page loads: its script fetches them only for a search form, and the header has none.
        for file in [f for f in files if f.src_uri.startswith(THEME_SEARCH_FILES)]:
            files.remove(file)
        site_url = config.site_url or "/"
        for output in all_files(self.site, site_url, config.extra.get("contact")):
            if files.get_file_from_path(output.path) is None:
                # INCLUDED: MkDocs would otherwise drop dot-folders such as .well-known/.
                files.append(File.generated(config, output.path, content=output.content,
                                            inclusion=InclusionLevel.INCLUDED))
        if self.collector:
            files.append(File.generated(config, statistics.SCRIPT_PATH, content=statistics.script()))
        if self.cms is not None:
            self._add_admin(files, config, self.cms)
        map_settings = MapSettings(self.config.tiles_url, self.config.tiles_attribution, self.config.tiles_max_zoom)
        # The editors' guide is an editor tool, so the adapter adds its pages to the site's.
        for spec in (all_pages(self.site, site_url, map_settings, tip_form_url(config.edit_uri), config.extra.get("contact"))
                     + guide_pages(self.site)):
            if files.get_file_from_path(spec.src_uri) is not None:
                continue  # a hand-written page at the same path wins
            # The theme prints title and description into HTML without escaping (MkDocs titles
            # may hold markup), so content text is escaped here: "<", "&" and quotes stay text.
            front = {"title": html.escape(spec.title), "description": html.escape(spec.description),
                     "hide": list(spec.hide), "search": {"exclude": not spec.searchable}}
            if spec.lang != "sv":
                front["lang"] = spec.lang
            # Written by PyYAML's own dumper, which quotes and escapes whatever its reader would
            # misread, so no value can end the front matter early or turn it into Markdown.
            # on_page_markdown checks that it held.
            content = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10**9)}---\n\n{spec.body}"
            file = File.generated(config, spec.src_uri, content=content)
            # A listing page's source is its collection's folder: the edit link opens the
            # folder (GitHub's tree view, where "Add file" is), set in on_page_markdown.
            file.edit_uri = spec.source_path if spec.source_path and not spec.source_path.endswith("/") else None
            files.append(file)
            self.specs[spec.src_uri] = spec
        # The English section's own sitemap, for the language switch (see sitefiles.section_sitemap).
        english = sorted(f.url for f in files.documentation_pages() if f.src_uri.startswith("en/"))
        if english:
            files.append(File.generated(config, "en/sitemap.xml", content=section_sitemap(english, site_url)))
        for file in files:
            if file.generated_by is None and file.src_uri.endswith(".md"):
                # edit_uri in mkdocs.yml points at the repository root, so docs pages need docs/.
                file.edit_uri = f"docs/{file.src_uri}"
        self.images = self._prepare_images(files, config)
        return files

    def _add_admin(self, files: Files, config, settings: cms.Settings) -> None:
        """/admin/: the form editor's page, configuration and setup, outside MkDocs' pages (so
        outside search, the sitemap and the theme), with its own policy (cms.py)."""
        styles = sorted(f.src_uri for f in files if f.src_uri.startswith("assets/stylesheets/")
                        and f.src_uri.endswith(".min.css")) + list(config.extra_css)
        for path, content in ((cms.ADMIN + "index.html", cms.admin_html(settings)),
                              (cms.ADMIN + "config.yml", cms.config_yaml(self.site, settings)),
                              (cms.SETUP, cms.setup_script(styles)), (cms.STYLE, cms.ADMIN_CSS)):
            files.append(File.generated(config, path, content=content))

    def _error_files(self, files: Files, config) -> Files:
        """The theme's assets and one error page at / and as the 404 page; no content pages."""
        for file in files.documentation_pages():
            files.remove(file)
        page = report_html(self.problems)
        for path in ("index.html", "404.html"):
            files.append(File.generated(config, path, content=page))
        self.images = {}
        return files

    def _prepare_images(self, files: Files, config) -> dict:
        """Photos in docs/ (not the theme's files): cap their width and add smaller copies."""
        docs = Path(config.docs_dir).resolve()
        taken = {file.src_uri for file in files}
        prepared = {}
        for file in list(files):
            if file.generated_by is not None or not file.src_uri.lower().endswith((".jpg", ".jpeg", ".png", ".webp", ".gif")):
                continue
            source = Path(file.abs_src_path or "").resolve()  # set for every file that is not generated
            if not source.is_relative_to(docs):
                continue
            image = prepare(file.src_uri, source, taken, cache=self.root / ".cache" / "bilder")
            if image is None:
                continue
            if image.replacement is not None:
                files.remove(file)
                files.append(File.generated(config, file.src_uri, content=image.replacement))
            for variant, data in image.variants:
                files.append(File.generated(config, variant.path, content=data))
            prepared[file.src_uri] = image
        return prepared

    def on_nav(self, nav: Navigation, config, files) -> Navigation:
        """The English section of the nav in mkdocs.yml (a section with only pages under en/) is the
        English pages' own menu, taken out of the Swedish one, which stays as it was."""
        section = next((item for item in nav.items if isinstance(item, Section) and item.children
                        and all(english.is_english(page.file.src_uri) for page in _pages(item))), None)
        if section is None:
            return nav
        nav.items.remove(section)
        english_pages = _pages(section)
        nav.pages = [page for page in nav.pages if page not in english_pages]
        for pages in (nav.pages, english_pages):  # previous/next stay within each language
            for before, after in zip(pages, pages[1:], strict=False):
                before.next_page, after.previous_page = after, before
            if pages:  # a build with content errors has only the error page (make serve)
                pages[0].previous_page = pages[-1].next_page = None
        self.english_nav = Navigation(section.children, english_pages)
        self.english_nav.homepage = english_pages[0] if english_pages else None  # the logo leads to /en/
        return nav

    def on_page_context(self, context, page, config, nav):
        if self.english_nav is not None and english.is_english(page.file.src_uri):
            context["nav"] = self.english_nav
        return context

    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None and page.meta.get("title") != html.escape(spec.title):
            raise PluginError(f"{page.file.src_uri}: sidans titel kom inte fram till MkDocs oförändrad; "
                              "bygget stoppas hellre än att sidan publiceras fel")
        if page.file.src_uri.startswith(GUIDE_FOLDER):
            page.meta["search"] = {"exclude": True}  # the guide is for editors, not in the visitors' search
        if spec is not None and spec.source_path and spec.source_path.endswith("/") and config.edit_uri:
            page.edit_url = folder_url(config.edit_uri, spec.source_path)
        return markdown

    def on_page_content(self, html: str, page, config, files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is not None:
            html = spec.render(html)
        elif "uv:" in html:
            fragments = embeds(self.site, page.file.src_uri, config.extra.get("contact"), self.collector)
            html = EMBED_MARKER.sub(lambda m: fragments.get(m.group(1), m.group(0)), html)
        return add_dimensions(html, page.url, self.images)

    def on_post_page(self, output: str, page, config) -> str:
        output = fix_theme_html(output)
        if self.collector and not self.problems:
            output = output.replace("</body>", statistics.script_tag(page.url, self.collector) + "\n</body>", 1)
        if self._searchable(page):
            spec = self.specs.get(page.file.src_uri)
            output = sitesearch.mark(output, spec.collection if spec else None)
        return squeeze(self._with_policy(output, page.content or "", page.file.src_uri))

    def _searchable(self, page) -> bool:
        """In the visitors' search: not the guide, not what a page's front matter (or its
        PageSpec) leaves out with `search: exclude`, not the English section."""
        excluded = (page.meta.get("search") or {}).get("exclude")
        return not self.problems and not excluded and not english.is_english(page.file.src_uri)

    def on_post_build(self, config) -> None:
        """The site's own scripts and styles minified (minify.py), and the search index over the
        finished site (sitesearch.py)."""
        if self.problems:
            return
        minify.minify_own_assets(Path(config.site_dir))
        try:
            sitesearch.build_index(Path(config.site_dir))
        except (RuntimeError, OSError) as error:
            raise PluginError(f"Sökindexet (Pagefind) kunde inte byggas: {error}") from None

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        if template_name == "sitemap.xml" and config.site_url:
            # hreflang in the sitemap, not in <head>: see fix_theme_html.
            return english.sitemap_with_alternates(output_content, self.versions, config.site_url)
        if not template_name.endswith(".html"):
            return output_content
        output_content = fix_theme_html(output_content)
        # 404.html and other theme pages have no page content: every inline script is the theme's.
        return squeeze(self._with_policy(output_content, "", template_name)) if csp.PLACEHOLDER in output_content \
            else output_content

    def _with_policy(self, html: str, content: str, name: str) -> str:
        if csp.PLACEHOLDER not in html:
            raise PluginError(f"{name}: sidan saknar säkerhetspolicyn (CSP); "
                              "den ska komma från overrides/main.html — sidans mall måste bygga på main.html")
        try:
            return csp.apply(html, content, self.config.tiles_url, self.collector)
        except csp.UntrustedScript as error:
            raise PluginError(f"{name}: sidans innehåll har ett inbäddat skript som säkerhetspolicyn stoppar "
                              f"({error}…) — lägg skriptet i en fil under docs/assets/js/ och länka den") from None

    def on_serve(self, server, config, builder):
        server.watch(str(self.root / "content"))
        return server


def _pages(section: Section) -> list:
    """The pages of a nav section, in order, at any depth."""
    found: list = []
    for item in section.children:
        found += _pages(item) if isinstance(item, Section) else ([item] if item.is_page else [])
    return found


# The files of the theme's search (lunr), which is off: the site search is Pagefind (sitesearch.py).
THEME_SEARCH_FILES = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")
# The worker's address in the theme's settings (<script id="__config">), read only by its search.
THEME_SEARCH_WORKER = re.compile(r'"search": "[^"]*assets/javascripts/workers/search\.[^"]*", ')
# The theme's <link rel="alternate" hreflang> in <head>, one per language in mkdocs.yml.
THEME_HREFLANG = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def fix_theme_html(output: str) -> str:
    """Three small defects in Material 9's HTML, found by the W3C checker and Lighthouse, and
    the address of the theme's search worker, which is not published (THEME_SEARCH_FILES). (The
    theme's own search is off and the header leaves it out, so its dialog is in no page.)

    - its hidden toggle checkboxes (the menu's, and the search's, which base.html writes even
      without the search and the theme's script reads) carry `autocomplete`, which HTML allows
      only on text inputs;
    - pages without an integrated table of contents still have `<label for="__toc">`;
    - in <head> it names the language sections' start pages (`/`, `/en/`) as hreflang versions of
      every page. They are not translations of the page, search engines reject relative hreflang
      addresses (Lighthouse: hreflang), and full ones would make the theme's script fetch the
      public site's sitemap from every preview build: Material fetches `sitemap.xml` beside every
      `<link rel="alternate">` on every page load. The pages that do have a translation (english.py:
      language_pairs) name it in sitemap.xml instead. The switch in the header stays.
    """
    output = re.sub(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"', r"\1", output)
    output = THEME_HREFLANG.sub("", output)
    output = THEME_SEARCH_WORKER.sub("", output, count=1)
    if 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    return output

