"""The results fixture project (tests/test_resultat.py, tests/test_resultat_browser.py), kept out
of conftest.py: the county sample with tests/fixtures/resultat/resultat/ as content/resultat/
and the documents written here (a tagged PDF, an untagged one, a small .pptx)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import BooleanObject, DictionaryObject, NameObject, TextStringObject

from conftest import COUNTY, FIXTURES, make_project, run_build

RESULTS = FIXTURES / "resultat" / "resultat"


def pdf_bytes(pages: int, tagged: bool) -> bytes:
    """A PDF of blank pages; tagged: a structure tree, /MarkInfo /Marked true, a title and a language."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if tagged:
        writer.add_metadata({"/Title": "Rapport om kompetensbehovet i länet"})
        root = writer.root_object
        root[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        root[NameObject("/StructTreeRoot")] = writer._add_object(
            DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")}))
        root[NameObject("/Lang")] = TextStringObject("sv-SE")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_documents(project: Path) -> None:
    folder = project / "docs" / "dokument"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tillganglig-rapport.pdf").write_bytes(pdf_bytes(3, tagged=True))
    (folder / "otillganglig-utvardering.pdf").write_bytes(pdf_bytes(1, tagged=False))
    with zipfile.ZipFile(folder / "seminariepresentation.pptx", "w") as pptx:
        pptx.writestr("ppt/presentation.xml", "<p:presentation/>" * 100)


def results_project(target: Path) -> Path:
    project = make_project(target, COUNTY)
    shutil.copytree(RESULTS, project / "content" / "resultat")
    write_documents(project)
    return project


@pytest.fixture(scope="session")
def results_build(tmp_path_factory):
    """(project, site, the build's stderr): built once for the page tests and the browser tests.
    Read only: a test that changes the project makes its own with results_project."""
    project = results_project(tmp_path_factory.mktemp("resultat"))
    result = run_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    return project, project / "site", result.stderr
