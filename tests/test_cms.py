"""The form editor's configuration (/admin/config.yml), generated from the models, and /admin/'s
place on the site: its own security policy, outside search, the sitemap and the audit."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import yaml

from conftest import EPOCH, FIXTURES, ROOT, make_project
from utveckla.content.collections import COLLECTIONS
from utveckla.editor import cms
from utveckla.outputs import csp
from utveckla.outputs.sitesearch import indexed_pages

META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def admin_config(site) -> dict:
    return yaml.safe_load((site / "admin" / "config.yml").read_text(encoding="utf-8"))


def form(config: dict, collection: str) -> dict:
    return {f["name"]: f for f in next(c for c in config["collections"] if c["name"] == collection)["fields"]}


def test_one_collection_per_content_folder_saving_through_pull_requests(county_site):
    config = admin_config(county_site)
    assert [c["folder"] for c in config["collections"]] == [f"content/{name}" for name in COLLECTIONS]
    assert config["publish_mode"] == "editorial_workflow"
    assert config["locale"] == "sv"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "hso-vasternorrland/utveckla-vasternorrland",
                                 "branch": "main", "base_url": "https://inloggning.utvecklavasternorrland.se"}
    assert "local_backend" not in config  # only the tests and local editing point at decap-server
    # File names follow the slug rule: ASCII, å/ä/ö without accents, hyphens.
    assert config["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    kommuner = next(c for c in config["collections"] if c["name"] == "kommuner")
    assert kommuner["create"] is False  # exactly the seven
    # Nothing is deleted past a pull request: a published file is removed through one.
    assert all(c["delete"] is False for c in config["collections"])


def test_widgets_labels_and_rules_come_from_the_models_and_taxonomies(county_site):
    offer = form(admin_config(county_site), "stod")
    assert offer["title"]["label"] == "Rubrik" and offer["title"]["required"] is True
    assert offer["title"]["pattern"] == ["^[\\s\\S]{0,90}$", "högst 90 tecken"]
    assert offer["summary"]["hint"].startswith("En eller två enkla meningar")
    assert offer["provider"] == {**offer["provider"], "widget": "relation", "collection": "aktorer",
                                 "value_field": "{{slug}}", "multiple": False}
    assert offer["municipalities"]["widget"] == "relation" and offer["municipalities"]["multiple"] is True
    assert offer["municipalities"]["required"] is False
    assert {"label": "Lån", "value": "lan"} in offer["type"]["options"]  # the Swedish label, the id saved
    assert offer["stages"]["multiple"] is True
    assert offer["reviewed"]["format"] == "YYYY-MM-DD" and offer["reviewed"]["time_format"] is False
    assert offer["max_share_percent"] == {**offer["max_share_percent"], "widget": "number", "min": 0, "max": 100}
    assert offer["url"]["pattern"][0].startswith("^https?://")
    assert [f["name"] for f in offer["rounds"]["fields"]] == ["name", "opens", "deadline"]
    assert offer["rounds"]["max"] == 12
    event = form(admin_config(county_site), "evenemang")
    assert event["start"]["format"] == "YYYY-MM-DD HH:mm"
    assert event["location"]["fields"][1] == {**event["location"]["fields"][1], "name": "municipality",
                                               "widget": "relation", "collection": "kommuner"}
    assert event["location"]["hint"].endswith("Krävs: ja, om online saknas.")


def test_images_go_to_docs_bilder_with_paths_the_check_accepts(county_site):
    config = admin_config(county_site)
    assert (config["media_folder"], config["public_folder"]) == ("docs/bilder", "bilder")
    article = form(config, "aktuellt")
    assert "Krävs: ja, om image är ifyllt." in article["image_alt"]["hint"]


def test_without_a_sign_in_endpoint_no_form_editor_is_built(fixture_build):
    # tests/fixtures/kalender/mkdocs.yml sets no cms_auth_url (and no edit_uri): no /admin/.
    assert not (fixture_build / "admin").exists()
    assert (fixture_build / "index.html").exists()


def test_every_field_has_a_swedish_label():
    assert cms.labels_missing() == []


def test_admin_has_its_own_policy_and_no_other_page_is_loosened(county_site):
    admin = (county_site / "admin" / "index.html").read_text(encoding="utf-8")
    [policy] = META.findall(admin)
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["connect-src"] == "'self' https://api.github.com https://inloggning.utvecklavasternorrland.se"
    assert directives["script-src"] == "'self' 'unsafe-eval'"  # ajv in the CMS compiles its config schema
    assert directives["default-src"] == "'none'"
    assert '<script src="../assets/vendor/decap-cms/decap-cms.js"></script>' in admin
    assert "https://" not in admin.replace(policy, "")  # nothing from a CDN
    for page in county_site.rglob("*.html"):
        if page.relative_to(county_site).parts[0] in ("admin", "assets"):
            continue
        for other in META.findall(page.read_text(encoding="utf-8")):
            assert "unsafe" not in other.replace(csp.WASM, "") and "api.github.com" not in other, page


def test_admin_is_outside_search_sitemap_and_the_audit(county_site):
    from audit.built_site import BuiltSite

    assert "admin/" not in (county_site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any(url.startswith("/admin") for url in indexed_pages(county_site))
    assert "Disallow: /admin/" in (county_site / "robots.txt").read_text(encoding="utf-8")
    assert 'content="noindex, nofollow"' in (county_site / "admin" / "index.html").read_text(encoding="utf-8")
    pages = BuiltSite(county_site, "https://utvecklavasternorrland.se/", None).pages()
    assert pages and not any(page.startswith("admin/") for page in pages)


def test_the_preview_uses_the_sites_own_css(county_site):
    setup = (county_site / "admin" / "admin.js").read_text(encoding="utf-8")
    styles = re.findall(r'registerPreviewStyle\("\.\./([^"]+)"\)', setup)
    assert "assets/css/site.css" in styles
    assert any(style.startswith("assets/stylesheets/main.") for style in styles)
    for style in styles:
        assert (county_site / style).is_file(), style


def test_a_field_added_to_a_model_appears_in_the_form_the_schema_and_the_reference(tmp_path):
    package = tmp_path / "kod" / "utveckla"
    shutil.copytree(ROOT / "utveckla", package, ignore=shutil.ignore_patterns("__pycache__"))
    models = package / "content" / "models.py"
    text = models.read_text(encoding="utf-8")
    anchor = '    amount_note: ShortText | None = Field(None, description=f"Beloppet i ord'
    assert anchor in text
    models.write_text(text.replace(anchor, '    video: WebUrl | None = Field(None, description="Film om stödet.")\n'
                                           + anchor), encoding="utf-8")
    fieldinfo = package / "content" / "fieldinfo.py"
    fieldinfo.write_text(fieldinfo.read_text(encoding="utf-8").replace('"title": "Rubrik",', '"title": "Rubrik", "video": "Film",'),
                         encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(package.parent), "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}
    (tmp_path / "p").mkdir()
    project = make_project(tmp_path / "p", FIXTURES / "content")
    (project / "schemas").mkdir()
    run = subprocess.run([sys.executable, "-m", "utveckla", "schemas", "--root", str(project)], env=env, cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                            "--site-dir", str(project / "site")], capture_output=True, text=True, env=env, cwd=project)
    assert built.returncode == 0, built.stderr

    schema = json.loads((project / "schemas" / "stod.schema.json").read_text(encoding="utf-8"))
    assert schema["properties"]["video"]["description"] == "Film om stödet."
    video = form(admin_config(project / "site"), "stod")["video"]
    assert video == {**video, "label": "Film", "hint": "Film om stödet.", "required": False, "widget": "string"}
    reference = (project / "site" / "redaktorer" / "falt" / "index.html").read_text(encoding="utf-8")
    assert 'id="stod-video"' in reference and "Film om stödet." in reference
