"""The open-data catalogue against the EU DCAT-AP 3.0.1 SHACL shapes (vendored, tests/shapes/)."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import rdflib

SHAPES = Path(__file__).parent / "shapes" / "dcat-ap-3.0.1" / "dcat-ap-SHACL.ttl"
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")


def catalogue_graph(site: Path) -> rdflib.Graph:
    # The context is inline in the file, so parsing needs no network.
    return rdflib.Graph().parse(site / "oppna-data" / "katalog.jsonld", format="json-ld")


def validate(graph: rdflib.Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=rdflib.Graph().parse(SHAPES, format="turtle"),
                                         inference="none", allow_warnings=True)
    return conforms, text


def test_the_catalogue_conforms_to_the_dcat_ap_shapes(county_site):
    graph = catalogue_graph(county_site)
    assert len(set(graph.subjects(rdflib.RDF.type, DCAT.Dataset))) == 3
    assert len(set(graph.subjects(rdflib.RDF.type, DCAT.Distribution))) == 11
    conforms, text = validate(graph)
    assert conforms, text


def test_the_shapes_catch_a_distribution_without_access_url(county_site):
    """The shapes really check the catalogue: the same graph without one accessURL fails."""
    graph = catalogue_graph(county_site)
    distribution, url = next(graph.subject_objects(DCAT.accessURL))
    graph.remove((distribution, DCAT.accessURL, url))
    conforms, text = validate(graph)
    assert not conforms
    assert "accessURL" in text
