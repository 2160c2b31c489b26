"""The adapter's fixes to Material's HTML keep every built page valid and named."""

from utveckla.adapters.mkdocs_plugin import fix_theme_html


def test_search_dialog_gets_a_name_and_toggles_lose_autocomplete():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<div class="md-search" data-md-component="search" role="dialog">'
            '<input type="text" class="md-search__input" autocomplete="off">'
            '<label class="md-nav__title" for="__toc">')
    fixed = fix_theme_html(html)
    assert '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">' in fixed
    assert 'role="dialog" aria-label="Sök på webbplatsen"' in fixed
    assert '<input type="text" class="md-search__input" autocomplete="off">' in fixed  # allowed on text
    assert '<label class="md-nav__title">' in fixed


def test_toc_label_kept_when_the_toc_toggle_exists():
    html = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    assert 'for="__toc"' in fix_theme_html(html)


def test_built_pages_carry_the_fixes(county_site):
    html = (county_site / "tillganglighet" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Sök på webbplatsen"' in html
    assert 'type="checkbox" id="__drawer" autocomplete' not in html


def test_closed_search_results_are_not_a_tab_stop():
    html = '<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>'
    assert fix_theme_html(html) == '<div class="md-search__scrollwrap" data-md-scrollfix>'
