"""YAML for editors: PyYAML's composer, with YAML 1.2-style scalars and line numbers.

PyYAML follows YAML 1.1, where `no`, `on` and `off` become booleans, `010` is octal, `1:30`
is a base-60 number and `2026-02-30` crashes the date constructor. Editors never mean any of
that, so this loader only recognises `true`/`false`, plain decimal numbers and `null`; every
other plain scalar (dates included) stays text and is checked by the models, which can then
point at the right line with a Swedish message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

# libyaml's C parser when available (several times faster on large content trees); resolving
# tags stays in Python either way, so the resolvers below apply to both.
_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class EditorLoader(_BaseLoader):  # type: ignore[valid-type,misc]  # chosen at import time
    """SafeLoader with a YAML 1.2 core-schema-like set of implicit resolvers."""


class PyEditorLoader(yaml.SafeLoader):
    """The same in pure Python: used to locate syntax errors, where its marks are more precise."""


for _loader in (EditorLoader, PyEditorLoader):
    _loader.yaml_implicit_resolvers = {}


def _add_resolver(tag: str, pattern: re.Pattern, first: list[str]) -> None:
    for loader in (EditorLoader, PyEditorLoader):
        loader.add_implicit_resolver(tag, pattern, first)


_add_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# No leading zeros: `phone: 0611349000` must stay text, not lose its zero as a number.
_add_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
_add_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_add_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


@dataclass
class Located:
    """A YAML document as plain Python values plus the 1-based line of every field path."""

    value: object
    lines: dict[tuple, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[tuple, int]] = field(default_factory=list)


class YamlProblem(Exception):
    """A YAML syntax error, with the 1-based line it was found on (relative to the text)."""

    def __init__(self, line: int, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


# Problems that are not syntax errors but that editors never mean (and hostile files use).
ALIAS_PROBLEM = "ankare och alias (& och * först i ett värde) används inte i innehållsfilerna"
DEPTH_PROBLEM = "värdena ligger i för många nivåer inuti varandra"
TAG_PROBLEM = "värdet har en YAML-tagg (som !!bool eller !!int) som bestämmer hur det ska läsas"
# What a node would be without an explicit tag: `draft: !!bool yes` must not become true.
_RESOLVER = PyEditorLoader("")
_IMPLICIT: dict[type[yaml.Node], str] = {yaml.SequenceNode: "tag:yaml.org,2002:seq", yaml.MappingNode: "tag:yaml.org,2002:map"}


def load_located(text: str) -> Located:
    """Parse one YAML document into values and line numbers; raise YamlProblem on bad syntax.

    Aliases are refused: a few lines of nested aliases expand to billions of values (a "YAML
    bomb"), and editors never need them. Absurdly deep nesting is refused instead of crashing.
    """
    try:
        node = yaml.compose(text, Loader=EditorLoader)
    except yaml.MarkedYAMLError:
        node = _compose_for_error(text)
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        raise YamlProblem(1, str(error)) from None
    except RecursionError:
        raise YamlProblem(1, DEPTH_PROBLEM) from None
    located = Located(value=None)
    if node is not None:
        try:
            located.value = _convert(node, (), located, set())
        except RecursionError:
            raise YamlProblem(1, DEPTH_PROBLEM) from None
    return located


def _compose_for_error(text: str):
    try:
        return yaml.compose(text, Loader=PyEditorLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, error.problem or str(error)) from None
    except yaml.YAMLError as error:  # e.g. a reader error on control characters
        raise YamlProblem(1, str(error)) from None
    except RecursionError:
        raise YamlProblem(1, DEPTH_PROBLEM) from None


def _convert(node: yaml.Node, path: tuple, located: Located, seen: set[int]) -> object:
    # An alias is the same node object met a second time.
    if id(node) in seen:
        where = next((located.lines[path[:n]] for n in range(len(path), 0, -1) if path[:n] in located.lines), 1)
        raise YamlProblem(where, ALIAS_PROBLEM)
    seen.add(id(node))
    located.lines.setdefault(path, node.start_mark.line + 1)
    if node.tag != _implicit_tag(node):
        raise YamlProblem(node.start_mark.line + 1, TAG_PROBLEM)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            key = str(key)
            if key in result:
                located.duplicate_keys.append((path + (key,), key_node.start_mark.line + 1))
            located.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, path + (key,), located, seen)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, path + (index,), located, seen) for index, item in enumerate(node.value)]
    return _scalar(node)


def _implicit_tag(node: yaml.Node) -> str:
    if isinstance(node, yaml.ScalarNode):
        # A quoted value is always text; a plain one is read by the resolvers above.
        # (libyaml writes a plain value's style as "", PyYAML as None.)
        plain = not node.style
        return _RESOLVER.resolve(yaml.ScalarNode, node.value, (plain, not plain))
    return _IMPLICIT[type(node)]


def _scalar(node: yaml.Node) -> object:
    value = str(node.value)
    try:
        if node.tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if node.tag == "tag:yaml.org,2002:int":
            return int(value)
        if node.tag == "tag:yaml.org,2002:float":
            return float(value)
    except ValueError:  # an explicit tag such as `!!int 1_000` on an odd value: keep the text
        return value
    if node.tag == "tag:yaml.org,2002:null":
        return None
    return value
