"""The Content Security Policy: how it is computed, and that every built page carries it."""

from __future__ import annotations

import json
import re

import pytest

from conftest import FIXTURES, make_project, run_build
from utveckla.outputs import csp
from utveckla.outputs.jsonld import script_tag

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def test_hash_is_the_csp_sha256_of_the_utf8_text():
    # As `printf 'å' | openssl dgst -sha256 -binary | base64`: UTF-8 bytes, not Latin-1.
    assert csp.source_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    assert csp.source_hash("å") == "'sha256-6Dl53502CQFC8jBR+OjXrUjlwg3/XJ57kso0VPZ0afk='"


@pytest.mark.parametrize("url, source", [
    (None, "https://tile.openstreetmap.org"),
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"),
    ("https://{s}.tile.example.se/{z}/{x}/{y}.png", "https://*.tile.example.se"),
    ("https://kartor.example.se:8443/wmts/{z}/{x}/{y}.png", "https://kartor.example.se:8443"),
])
def test_tile_server_becomes_the_only_other_image_source(url, source):
    assert csp.tile_source(url) == source
    assert f"img-src 'self' data: {source};" in csp.policy([], url)


def test_tile_url_must_be_absolute():
    with pytest.raises(ValueError):
        csp.tile_source("/tiles/{z}/{x}/{y}.png")


def page(content: str, theme_script: str = "var a=1") -> str:
    return (f'<html><head><meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}">'
            f'<script>{theme_script}</script><script src="x.js"></script>'
            f'<script id="__config" type="application/json">{{"a": 1}}</script></head>'
            f"<body>{content}</body></html>")


def test_theme_scripts_get_hashes_and_data_blocks_and_files_do_not():
    html = csp.apply(page("<p>Text</p>"), "<p>Text</p>")
    policy = META.search(html).group(1)
    assert re.findall(r"'sha256-[^']+'", policy) == [csp.source_hash("var a=1")]
    assert "unsafe-inline" not in policy and "'unsafe-eval'" not in policy
    assert policy.startswith("default-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    for directive in ("style-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"):
        assert directive in policy


def test_a_script_in_the_content_is_refused_unless_registered():
    content = "<p>Text</p><script>alert(1)</script>"
    with pytest.raises(csp.UntrustedScript):
        csp.apply(page(content), content)
    csp.forget_trusted_scripts()
    trusted = "<p>Karta</p>" + csp.trusted_script("setup(1)")
    try:
        policy = META.search(csp.apply(page(trusted), trusted)).group(1)
        assert csp.source_hash("setup(1)") in policy
    finally:
        csp.forget_trusted_scripts()
    with pytest.raises(csp.UntrustedScript):
        csp.apply(page(trusted), trusted)  # forgotten: a new build starts empty


def test_json_ld_in_content_needs_no_hash():
    content = '<script type="application/ld+json">{"name": "x"}</script>'
    assert csp.apply(page(content), content).count("sha256-") == 1  # only the theme's


def test_every_built_page_has_the_policy_first_with_its_scripts_hashed(county_site):
    # /admin/ (the form editor) has a policy of its own: tests/test_cms.py.
    pages = [p for p in county_site.rglob("*.html") if "assets" not in p.parts and "admin" not in p.parts]
    assert len(pages) > 50
    for file in pages:
        html = file.read_text(encoding="utf-8")
        policies = META.findall(html)
        assert len(policies) == 1, file
        if 'http-equiv="refresh"' in html:
            assert policies == ["default-src 'none'"], file
            continue
        # Before every script and stylesheet (only <meta charset>, the description and the
        # icon and canonical links come first).
        head = html[: html.index("</head>")]
        first = min(head.index("<script"), head.index('<link rel="stylesheet"'))
        assert head.index("Content-Security-Policy") < first, file
        hashes = set(re.findall(r"'sha256-[^']+'", policies[0]))
        assert hashes == {csp.source_hash(code) for _, code in csp.inline_scripts(html)}, file
        # The site search's WebAssembly is the one exception (csp.WASM), nothing that runs text.
        assert "unsafe" not in policies[0].replace(csp.WASM, ""), file


def test_tiles_url_from_mkdocs_yml_is_the_allowed_image_host(tmp_path):
    project = make_project(tmp_path, FIXTURES / "content")
    config = project / "mkdocs.yml"
    text = re.sub(r"(?m)^      tiles_url: .*$", "      tiles_url: https://{s}.kartor.example.se/{z}/{x}/{y}.png",
                  config.read_text(encoding="utf-8"))
    assert "kartor.example.se" in text
    config.write_text(text, encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "stod" / "index.html").read_text(encoding="utf-8")
    assert "img-src 'self' data: https://*.kartor.example.se;" in META.search(html).group(1)


def test_an_inline_script_in_a_written_page_stops_the_build(tmp_path):
    project = make_project(tmp_path, FIXTURES / "content")
    (project / "docs" / "om.md").write_text("# Om\n\n<script>alert(1)</script>\n", encoding="utf-8")
    result = run_build(project, project / "site")
    assert result.returncode != 0
    assert "om.md: sidans innehåll har ett inbäddat skript som säkerhetspolicyn stoppar" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_ld_cannot_end_its_script_element():
    value = "</script><script>alert(1)</script><!--<script> & \u2028"
    tag = script_tag({"name": value})
    inner = tag[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert json.loads(inner) == {"name": value}
