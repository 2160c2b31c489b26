"""Property-based tests: random front matter for every collection never crashes the checker.

Three kinds of input per collection, each with a fixed seed (derandomize) and a bounded
number of examples so `make test` stays fast and gives the same result every run:
- random mappings of field names and random keys to random values (YAML written by PyYAML),
- a valid item with random changes (a field set to a random value, removed, or added),
- random YAML-like text between the two --- lines.

For every input: load_site returns instead of raising; every diagnostic is about the file
that was written, with a line, a code from the catalogue and a message in two parts; a
diagnostic about a field names a field that is in the file or in the model; and an item that
is not published has at least one diagnostic (or is a draft).
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_support import ROOT, items, write_content
from utveckla.content.characters import INVISIBLE
from utveckla.content.collections import COLLECTIONS
from utveckla.content.diagnostics import CODES, report_github, report_json, report_text
from utveckla.content.validate import load_site

TODAY = dt.date(2026, 11, 22)
SETTINGS = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                           HealthCheck.filter_too_much, HealthCheck.data_too_large])
WHOLE_FILE = {"fil", "filnamn", "brödtext"}


def field_names(model) -> list[str]:
    """Every field name of a model and of the models inside it."""
    names = []
    for name, info in model.model_fields.items():
        names.append(name)
        for arg in getattr(info.annotation, "__args__", (info.annotation,)):
            if hasattr(arg, "model_fields"):
                names += field_names(arg)
    return names


# Values that reach the deeper checks (dates, references, URLs, numbers at their limits).
INTERESTING = [
    "2026-12-31", "2026-02-30", "2026-12-03 07:30", "2026-12-03 25:00", "31/12/2026", "sundsvall", "hostile-aktor",
    "lan", "energi", "planerad", "seminarium", "vaxa", "Sundsvall", "https://www.almi.se/", "http://x.se",
    "javascript:alert(1)", "www.almi.se", "info@example.se", "060-19 10 00", "no", "yes", "on", "~", "", " ",
    "<script>alert(1)</script>", "\u00a0", "\u200b", "\u202e", "\x00", "0611", "1e400", "nan", "-0", 0, -1, 62.39,
    17.31, 90.0001, 10**30, True, False, None, dt.date(2026, 1, 1), dt.datetime(2026, 1, 1, 7, 30),
]
scalars = st.one_of(
    st.sampled_from(INTERESTING),
    st.text(max_size=40),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 1, 1)),
)


@functools.cache  # strategies built once: building them is slow
def random_keys(collection: str):
    return st.one_of(st.sampled_from(field_names(COLLECTIONS[collection].model)), st.text(min_size=1, max_size=12))


@functools.cache
def random_values(collection: str):
    keys = random_keys(collection)
    return st.recursive(scalars, lambda children: st.lists(children, max_size=4)
                        | st.dictionaries(keys, children, max_size=4), max_leaves=8)


@functools.cache
def random_mapping(collection: str):
    return st.dictionaries(random_keys(collection), random_values(collection), max_size=12)


YAML_PIECES = ["title", "summary", "url", "location", "lat", "start", "draft", "type", ":", ": ", "- ", "  ", "\n",
               "\n  ", "[", "]", "{", "}", ",", "'", '"', "#", "&a ", "*a", "!!int ", "!", "|", ">", "---", "\t",
               "\u00a0", "\u200b", "\ufeff", "\x07", "\u2028", "å", "🚀", "2026-12-31", "https://x.se", "true", "no",
               "<script>", "%", "@", "`", "?", "\\", "..."]
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=6)), max_size=40).map("".join)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    """The hostile content tree: valid items of every collection for references to point at."""
    root = tmp_path_factory.mktemp("hypothesis")
    write_content(root, body="")  # no bodies to check: each example runs the whole checker
    (root / "docs" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "docs" / "assets" / "delningsbild.png", root / "docs" / "assets")
    return root


def check(tree: Path, collection: str, text: str, data: dict | None = None) -> None:
    """Write content/<collection>/x.md, run the checker and assert the properties above."""
    relative = f"content/{collection}/x.md"
    file = tree / relative
    file.write_bytes(text.encode("utf-8", errors="surrogatepass"))
    try:
        site, diagnostics = load_site(tree, TODAY)
    finally:
        file.unlink()
    report_text(diagnostics), report_github(diagnostics), report_json(diagnostics)
    published = site.get(collection, "x") is not None  # (a rule problem still stops the build)
    if not published and not diagnostics:
        assert isinstance(data, dict) and data.get("draft") is True, "rejected without a message"
    model_fields = set(field_names(COLLECTIONS[collection].model))
    given_keys = {str(key) for key in data} if isinstance(data, dict) else set()
    given_keys |= {"".join(c for c in key if c not in INVISIBLE).strip() for key in given_keys}
    for d in diagnostics:
        assert d.path == relative, d.text()
        assert d.line >= 1 and d.code in CODES and d.problem and d.fix and d.field, d.text()
        if d.field not in WHOLE_FILE and data is not None:
            assert any(d.field == key or d.field.startswith((key + ".", key + "["))
                       for key in model_fields | given_keys), d.text()


def dump(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n"


COLLECTION_NAMES = list(COLLECTIONS)


@pytest.mark.parametrize("collection", COLLECTION_NAMES)
@SETTINGS
@given(data=st.data())
def test_random_mappings(tree, collection, data):
    front = data.draw(random_mapping(collection))
    check(tree, collection, dump(front), front)


@pytest.mark.parametrize("collection", COLLECTION_NAMES)
@SETTINGS
@given(data=st.data())
def test_valid_items_with_random_changes(tree, collection, data):
    base = copy.deepcopy(next(d for path, d in items().items() if path.startswith(collection + "/")))
    names = field_names(COLLECTIONS[collection].model)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        action = data.draw(st.sampled_from(["set", "remove", "add", "nested"]))
        if action == "set":
            base[data.draw(st.sampled_from(names))] = data.draw(random_values(collection))
        elif action == "remove" and base:
            base.pop(data.draw(st.sampled_from(sorted(base))))
        elif action == "add":
            base[data.draw(st.text(min_size=1, max_size=12))] = data.draw(scalars)
        else:
            nested = [key for key, value in base.items() if isinstance(value, dict)]
            if nested:
                key = data.draw(st.sampled_from(nested))
                base[key][data.draw(random_keys(collection))] = data.draw(scalars)
    check(tree, collection, dump(base), base)


@pytest.mark.parametrize("collection", COLLECTION_NAMES)
@SETTINGS
@given(front=yaml_text, body=st.sampled_from(["", "Text.\n", "<b>x</b> [a](javascript:x)\n", "\t\x00\n"]))
def test_random_yaml_text(tree, collection, front, body):
    check(tree, collection, f"---\n{front}\n---\n{body}")


def test_hypothesis_settings_are_fixed_and_bounded():
    """make test must stay fast and give the same result every run."""
    assert SETTINGS.derandomize and SETTINGS.database is None
    assert SETTINGS.max_examples == 200 and SETTINGS.deadline is None
