"""The open-data catalogue against the Swedish profile DCAT-AP-SE 3.0.1, as Sveriges dataportal reads it.

Digg publishes the profile as RDForms templates (vendored in tests/shapes/dcat-ap-se-3.0.1/):
every class lists its properties with a cardinality. Mandatory ones (min ≥ 1) must be there on
every catalogue, dataset and distribution; of the recommended ones (pref ≥ 1), the catalogue
leaves out only those named below, each for a reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
from test_oppna_data_shacl import catalogue_graph

PROFILE = Path(__file__).parent / "shapes" / "dcat-ap-se-3.0.1" / "bundle.json"
PREFIXES = {"dcat": "http://www.w3.org/ns/dcat#", "dcterms": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/", "adms": "http://www.w3.org/ns/adms#",
            "dcatap": "http://data.europa.eu/r5r/", "odrs": "http://schema.theodi.org/odrs#",
            "spdx": "http://spdx.org/rdf/terms#", "schema": "http://schema.org/", "prov": "http://www.w3.org/ns/prov#",
            "owl": "http://www.w3.org/2002/07/owl#", "vc": "http://www.w3.org/2006/vcard/ns#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "geodcat": "http://data.europa.eu/930/",
            "locn": "http://www.w3.org/ns/locn#", "org": "http://www.w3.org/ns/org#"}
CLASSES = ["dcat:Catalog", "dcat:Dataset", "dcat:Distribution"]
# Recommended properties the catalogue does not give, and why.
LEFT_OUT = {
    ("dcat:Catalog", "dcterms:issued"): "the site keeps no date when the catalogue was first published",
    ("dcat:Catalog", "dcat:themeTaxonomy"): "the themes are the EU data themes, named on every dataset",
    ("dcat:Dataset", "dcterms:issued"): "no first-publication date is kept for the datasets",
    ("dcat:Dataset", "dcterms:conformsTo"): "the files follow no published standard beyond their formats",
    ("dcat:Dataset", "dcterms:temporal"): "the datasets are current lists, not a time series",
    ("dcat:Distribution", "dcterms:description"): "a distribution is the dataset in one format; its title says which",
    ("dcat:Distribution", "http://data.europa.eu/r5r/availability"): "the files are regenerated with every build; no availability promise",
}


def expand(name: str) -> rdflib.URIRef:
    if name.startswith("http"):
        return rdflib.URIRef(name)
    prefix, local = name.split(":", 1)
    return rdflib.URIRef(PREFIXES[prefix] + local)


def profile() -> dict[str, list[tuple[str, int, int]]]:
    """class → [(property, min, pref)] from the templates."""
    templates = json.loads(PROFILE.read_text(encoding="utf-8"))["templates"]
    by_id = {t["id"]: t for t in templates if "id" in t}
    rules = {}
    for name in CLASSES:
        items = [by_id.get(i) if isinstance(i, str) else i for i in by_id[name]["items"]]
        rules[name] = [(t["property"], t.get("cardinality", {}).get("min", 0), t.get("cardinality", {}).get("pref", 0))
                       for t in items if t and "property" in t]
    return rules


def nodes(graph: rdflib.Graph, name: str) -> set:
    return set(graph.subjects(rdflib.RDF.type, expand(name)))


def gaps(graph: rdflib.Graph) -> tuple[list[str], set[tuple[str, str]]]:
    """(mandatory properties missing on some node, recommended properties missing on some node)."""
    missing, recommended = [], set()
    for name, rules in profile().items():
        for node in nodes(graph, name):
            for prop, least, preferred in rules:
                count = len(set(graph.objects(node, expand(prop))))
                if count < least:
                    missing.append(f"{name} {node}: {prop} saknas")
                elif preferred and count == 0:
                    recommended.add((name, prop))
    return missing, recommended


def test_the_profile_is_the_one_vendored():
    rules = profile()
    assert ("dcat:accessURL", 1, 1) in rules["dcat:Distribution"]
    assert ("dcterms:publisher", 1, 1) in rules["dcat:Dataset"]


def test_the_catalogue_has_every_mandatory_and_the_recommended_properties(county_site):
    graph = catalogue_graph(county_site)
    assert all(nodes(graph, name) for name in CLASSES)
    missing, recommended = gaps(graph)
    assert missing == []
    assert recommended == set(LEFT_OUT), sorted(recommended ^ set(LEFT_OUT))


def test_a_dataset_without_publisher_fails_the_profile(county_site):
    graph = catalogue_graph(county_site)
    dataset = next(iter(nodes(graph, "dcat:Dataset")))
    graph.remove((dataset, expand("dcterms:publisher"), None))
    missing, _ = gaps(graph)
    assert missing == [f"dcat:Dataset {dataset}: dcterms:publisher saknas"]
