"""The adapter's fixes to Material's HTML keep every built page valid, and the theme's own
search (lunr, switched off) leaves nothing in the pages."""

from utveckla.adapters.mkdocs_plugin import fix_theme_html


def test_toggles_lose_autocomplete_and_a_lone_toc_label_its_target():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<input type="text" class="uv-sok-falt" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">')
    fixed = fix_theme_html(html)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">' in fixed
    assert '<input type="text" class="uv-sok-falt" autocomplete="off">' in fixed  # allowed on text
    assert '<label class="md-nav__title">' in fixed


def test_toc_label_kept_when_the_toc_toggle_exists():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert 'for="__toc"' in fix_theme_html(html)


def test_built_pages_carry_the_fixes_and_no_theme_search(county_site):
    for page in ("tillganglighet/index.html", "en/index.html", "404.html"):
        html = (county_site / page).read_text(encoding="utf-8")
        assert 'type="checkbox" id="__drawer" autocomplete' not in html, page
        # The header's search is the site's (Pagefind) dialog, named; the theme's is in no page.
        assert '<dialog class="uv-sok-dialog" id="uv-sok-dialog" aria-label="Sök på webbplatsen"' in html, page
        assert "md-search" not in html and 'data-md-component="search"' not in html, page
        assert "workers/search" not in html, page  # the theme's settings name no missing worker
        assert '<script id="__config" type="application/json">{"annotate": null, "base": ' in html, page


def test_the_theme_search_files_are_not_published(county_site):
    """No page loads Material's search (lunr and its worker, 1.2 MB), so they are not in the site."""
    scripts = county_site / "assets" / "javascripts"
    assert list(scripts.glob("bundle.*.min.js"))  # the theme's own script stays
    assert not (scripts / "lunr").exists()
    assert not list(scripts.glob("workers/search.*"))
