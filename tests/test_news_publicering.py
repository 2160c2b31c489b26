"""News dated in the future (issue 13, class 8): checked at once, published from its date.

Until then it is in no output of the build: no page, listings, tag pages, municipality pages,
start page, Atom feed, sitemaps or search. `make check` says when it comes out."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import EPOCH, FIXTURES, make_project, run_build
from utveckla.content import news
from utveckla.content.validate import load_site
from utveckla.outputs.sitesearch import indexed_pages

DAY = dt.date(2026, 12, 15)  # the article's date, after EPOCH's 2026-11-22
ON_THE_DAY = str(int(dt.datetime(2026, 12, 15, 4, 0, tzinfo=dt.UTC).timestamp()))  # the nightly build
SLUG = "framtida-nyhet"
MARK = "Kvastfening4711"  # in title, summary, tag and body: found wherever any of them leaks
ARTICLE = f"""---
title: Framtida nyhet {MARK}
summary: Sammanfattning {MARK}.
date: {DAY.isoformat()}
tags: [{MARK.lower()}]
municipalities: [timra]
---
Brodtext {MARK}.
"""


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("publicering"), FIXTURES / "content")
    (project / "content" / "aktuellt" / f"{SLUG}.md").write_text(ARTICLE, encoding="utf-8")
    return project


def build(project: Path, epoch: str) -> Path:
    site = project / f"site-{epoch}"
    result = run_build(project, site, epoch)
    assert result.returncode == 0, result.stderr
    return site


def files_mentioning(site: Path, words: tuple[str, ...]) -> list[str]:
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images
        if any(word.casefold() in text.casefold() for word in words):
            found.append(path.relative_to(site).as_posix())
    return found


def test_published_on_its_date_and_not_before(project):
    before, diagnostics = load_site(project, DAY - dt.timedelta(days=1))
    assert diagnostics == []  # checked like everything else
    assert SLUG not in [e.slug for e in news.articles(before)]
    assert [e.slug for e in news.scheduled(before)] == [SLUG]
    on_the_day, _ = load_site(project, DAY)
    assert news.articles(on_the_day)[0].slug == SLUG
    assert news.scheduled(on_the_day) == []


def test_before_its_date_it_is_in_no_output_of_the_build(project):
    site = build(project, EPOCH)
    assert files_mentioning(site, (SLUG, MARK)) == []
    assert (site / "aktuellt" / "nyhet-3" / "index.html").exists()  # the others are published


def test_the_nightly_build_on_its_date_brings_it_out_everywhere(project):
    site = build(project, ON_THE_DAY)
    mentioning = files_mentioning(site, (SLUG, MARK))
    for output in (f"aktuellt/{SLUG}/index.html", "aktuellt/index.html", f"aktuellt/tagg/{MARK.lower()}/index.html",
                   "kommuner/timra/index.html", "index.html", "aktuellt/feed.xml", "aktuellt/sitemap.xml",
                   "sitemap.xml"):
        assert output in mentioning, output
    assert any(SLUG in url for url in indexed_pages(site))  # and in the site search


def check(project: Path, epoch: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "utveckla", "check", "--root", str(project)],
                          capture_output=True, text=True, env=env)


def test_make_check_says_when_it_is_published_and_it_is_no_error(project):
    result = check(project, EPOCH)
    assert result.returncode == 0, result.stderr
    assert f"content/aktuellt/{SLUG}.md: publiceras 2026-12-15 (datumet har inte kommit än)" in result.stdout
    assert result.stderr == ""
    later = check(project, ON_THE_DAY)
    assert later.returncode == 0 and "publiceras" not in later.stdout
