"""Reading a YAML file node by node so every problem can be reported with its line (the survey
questions file and the certification file share it)."""

from __future__ import annotations

from collections.abc import Iterable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from bot.errors import InvalidInput


def compose(text: str) -> Node | None:
    """The document's root node, or InvalidInput naming the line YAML stumbled on."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise InvalidInput(f"{line}this is not valid YAML.") from None


def entry(root: Node | None, name: str) -> Node | None:
    """The value of key `name` in a mapping node (None: not a mapping, or no such key)."""
    if not isinstance(root, MappingNode):
        return None
    return next((value for key, value in root.value if key.value == name), None)


def fields(node: MappingNode) -> dict[str, Node]:
    """A mapping node's values by their (scalar) key."""
    return {key.value: value for key, value in node.value if isinstance(key, ScalarNode)}


def unknown_keys(node: MappingNode, known: frozenset[str]) -> list[str]:
    """A problem line for each key of the mapping that is not one of `known`."""
    return [f"line {line(key)}: unknown key {str(key.value)!r}" for key, _ in node.value
            if isinstance(key, ScalarNode) and key.value not in known]


def scalar(node: Node | None) -> str | None:
    """A scalar node's text (None: absent, empty or not a scalar)."""
    return str(node.value) if isinstance(node, ScalarNode) and node.value != "" else None


def line(node: Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


def refuse(problems: Iterable[str]) -> None:
    """Raise InvalidInput listing the problems (each "line N: ...") in the file's order."""
    in_order = sorted(problems, key=lambda problem: int(problem.split()[1].rstrip(":")))
    if in_order:
        raise InvalidInput("; ".join(in_order) + ".")
