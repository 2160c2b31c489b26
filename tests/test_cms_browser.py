"""The form editor at /admin/ (Decap CMS) end to end, in headless Chromium, with no GitHub.

A copy of the county fixture project is made a git repository; Decap's own local proxy
(`decap-server` from package-lock.json, MODE=git, which keeps the editorial workflow: every
save is a branch `cms/<collection>/<slug>`, as on GitHub a pull request) serves it on
127.0.0.1. The same project is built with `cms_local_backend` pointing at the proxy and served
locally; the browser resolves no other host. The editor then does what an editor does: signs
in, creates an offer choosing the provider in the relation widget, saves, edits one field,
deletes the draft, and tries to save without a required field.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import (
    RECORD_CSP_VIOLATIONS,
    ROOT,
    axe_violations,
    csp_violations,
    make_project,
    run_build,
    serve,
    watched,
)
from utveckla.content.validate import load_site
from utveckla.outputs.pages import offer_pages

pytestmark = pytest.mark.browser

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
GIT = {"GIT_AUTHOR_NAME": "Redaktör", "GIT_AUTHOR_EMAIL": "redaktor@example.se",
       "GIT_COMMITTER_NAME": "Redaktör", "GIT_COMMITTER_EMAIL": "redaktor@example.se"}
SLUG = "startlan-for-sma-foretag"
BRANCH = f"cms/stod/{SLUG}"
LOAD = 60_000  # ms: the 5 MB bundle on a busy two-core machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True,
                          env={**os.environ, **GIT}).stdout


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """(repository, address of /admin/): the fixture repository behind decap-server, and the site."""
    if not DECAP_SERVER.exists():
        pytest.fail("decap-server saknas: kör  npm ci  (make test gör det)")
    if shutil.which("node") is None:
        pytest.fail("Node.js saknas: decap-server behöver node")
    repo = make_project(tmp_path_factory.mktemp("cms-repo"))
    port = free_port()
    config = repo / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "      cms_auth_url:", f"      cms_local_backend: http://127.0.0.1:{port}/api/v1\n      cms_auth_url:", 1),
        encoding="utf-8")
    site = tmp_path_factory.mktemp("cms-site")
    result = run_build(repo, site)
    assert result.returncode == 0, result.stderr
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Innehållet före redigeringen")
    env = {**os.environ, **GIT, "MODE": "git", "GIT_REPO_DIRECTORY": str(repo), "PORT": str(port),
           "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    proxy = subprocess.Popen(["node", str(DECAP_SERVER)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        time.sleep(0.2)
    server, url = serve(site)
    yield repo, url + "admin/"
    server.shutdown()
    proxy.terminate()
    proxy.wait(10)


@pytest.fixture(scope="module")
def editor(cms, browser):
    """One page on /admin/ for the module: the CMS loads once (it is 5 MB)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="sv-SE")
    context.add_init_script(RECORD_CSP_VIOLATIONS)
    page = watched(context.new_page())
    page.goto(cms[1])
    page.get_by_role("button", name="Logga in").wait_for(timeout=LOAD)
    yield page
    context.close()


def test_admin_loads_in_swedish_from_the_site_alone(editor):
    assert editor.evaluate("document.documentElement.lang") == "sv"
    assert "Konfigurationsfel" not in editor.inner_text("body"), "Decap CMS refuses the generated config.yml"
    assert editor.foreign_requests == []
    assert csp_violations(editor) == []
    policy = editor.evaluate("document.querySelector('meta[http-equiv=Content-Security-Policy]').content")
    assert "connect-src 'self' https://api.github.com https://inloggning.utvecklavasternorrland.se http://127.0.0.1" in policy


def test_the_published_admin_asks_for_github_sign_in_and_calls_no_one(county_url, page_at):
    """/admin/ as mkdocs.yml builds it (GitHub backend, no local proxy): in Swedish, and nothing
    leaves the site before the editor signs in."""
    page = page_at(1280)
    page.goto(county_url + "admin/")
    page.get_by_role("button", name="Logga in med GitHub").wait_for(timeout=LOAD)
    assert page.foreign_requests == []
    assert csp_violations(page) == []


def test_login_screen_has_no_axe_violation_from_the_project(editor):
    # What remains is the CMS's own markup (README, "The form editor"): listed, not hidden.
    violations = {v["id"] for v in axe_violations(editor)}
    assert violations <= CMS_OWN_VIOLATIONS, violations - CMS_OWN_VIOLATIONS


# axe findings on Decap CMS 3.16.3's login screen that come from the CMS's own markup.
CMS_OWN_VIOLATIONS: set[str] = set()


def field(page, name: str):
    return page.locator(f"[id^='{name}-field-']").first


def choose(page, name: str, typed: str, option: str) -> None:
    """A select or relation widget (react-select): type, then pick the option by its text."""
    box = field(page, name)
    box.click()
    box.fill(typed)
    page.get_by_text(option, exact=True).last.click()


def save(page) -> None:
    page.get_by_role("button", name="Spara", exact=True).click()


def file_on_branch(repo: Path) -> str:
    return git(repo, "show", f"{BRANCH}:content/stod/{SLUG}.md")


def wait_for(predicate, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("väntade förgäves")
        time.sleep(0.25)


def branch_exists(repo: Path) -> bool:
    return bool(git(repo, "branch", "--list", BRANCH).strip())


def test_editor_creates_edits_and_deletes_an_offer(editor, cms, tmp_path):
    repo, url = cms
    page = editor
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Samlingar").wait_for(timeout=LOAD)  # signed in: the collections are listed
    page.goto(url + "#/collections/stod/new")
    field(page, "title").wait_for(timeout=LOAD)
    # Swedish also where the CMS's own locale has gaps (admin.js fills them in).
    assert page.get_by_role("button", name="Lägg till ansökningsomgångar").is_visible()
    field(page, "title").fill("Startlån för små företag")
    field(page, "summary").fill("Ett lån för den som startar ett litet företag i länet.")
    choose(page, "provider", "Almi", "Almi Mitt")
    choose(page, "type", "Lån", "Lån")
    field(page, "url").fill("https://www.almi.se/lan")
    field(page, "reviewed").fill("2026-11-01")
    save(page)
    wait_for(lambda: branch_exists(repo) and SLUG in git(repo, "ls-tree", "-r", "--name-only", BRANCH))

    # Every save is a branch (a pull request on GitHub); main is untouched until it is merged.
    assert f"content/stod/{SLUG}.md" not in git(repo, "ls-tree", "-r", "--name-only", "main")
    first = file_on_branch(repo)
    assert "\nprovider: almi-mitt\n" in first
    assert "\ntype: lan\n" in first
    assert "\nreviewed: 2026-11-01\n" in first  # a date, as the contract writes it
    # The check, on the branch as a pull request would have it, passes.
    checkout = tmp_path / "pr"
    checkout.mkdir()
    archive = subprocess.run(["git", "archive", BRANCH], cwd=repo, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(checkout)], input=archive, check=True)
    result = subprocess.run([sys.executable, "-m", "utveckla", "check"], cwd=checkout, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    # … and the build of that branch (the pull request's preview) has the offer's page, with its
    # provider: the pages the plugin hands MkDocs (a full MkDocs build would add 15 s here).
    site, problems = load_site(checkout, dt.date(2026, 11, 22))
    assert problems == []
    page_spec = next(spec for spec in offer_pages(site) if spec.src_uri == f"stod/{SLUG}.md")
    assert page_spec.title == "Startlån för små företag"
    assert "Almi Mitt" in page_spec.render("")

    # Editing one field changes exactly that line.
    field(page, "summary").fill("Ett lån för den som startar ett litet företag i Västernorrland.")
    save(page)
    wait_for(lambda: file_on_branch(repo) != first)
    second = file_on_branch(repo)
    changed = [line for line in difflib.unified_diff(first.splitlines(), second.splitlines(), lineterm="", n=0)
               if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))]
    assert changed == ["-summary: Ett lån för den som startar ett litet företag i länet.",
                       "+summary: Ett lån för den som startar ett litet företag i Västernorrland."], changed

    # Deleting the draft removes its branch: nothing reaches main.
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Radera opublicerat inlägg").click()
    wait_for(lambda: not branch_exists(repo))
    assert not (repo / "content" / "stod" / f"{SLUG}.md").exists()
    page.wait_for_url(re.compile(r"#/collections/stod$"), timeout=LOAD)  # the CMS goes back to the list

    # A required field left empty stops the save, with a Swedish hint.
    page.goto(url + "#/collections/stod/new")
    field(page, "title").wait_for(timeout=LOAD)
    field(page, "title").fill("Ett stöd utan sammanfattning")
    save(page)
    page.get_by_text("Sammanfattning är obligatoriskt.").wait_for(timeout=10_000)
    assert git(repo, "branch", "--list", "cms/*").strip() == ""
