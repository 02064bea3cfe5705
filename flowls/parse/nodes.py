"""YAML nodes with code-point offsets: the located tree every later stage reads.

Offsets are half-open ``[start, end)`` into the document text; :class:`flowls.text.LineIndex`
turns them into lines and columns. Nodes are built once per parse and never mutated.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

JSONValue = Any


class Node:
    __slots__ = ("end", "start", "tag")

    def __init__(self, tag: str, start: int, end: int) -> None:
        self.tag = tag
        self.start = start
        self.end = end


class Scalar(Node):
    __slots__ = ("style", "text", "value")

    def __init__(self, tag: str, start: int, end: int, text: str, value: JSONValue, style: str | None) -> None:
        super().__init__(tag, start, end)
        self.text = text  # the scalar's content after unescaping/folding, as YAML defines it
        self.value = value  # typed per the YAML 1.2 core schema
        self.style = style  # None for plain, else one of ' " | >


class Sequence(Node):
    __slots__ = ("items",)

    def __init__(self, tag: str, start: int, end: int, items: list[Node]) -> None:
        super().__init__(tag, start, end)
        self.items = items


class Mapping(Node):
    __slots__ = ("_by_key", "pairs")

    def __init__(self, tag: str, start: int, end: int, pairs: list[tuple[Node, Node]]) -> None:
        super().__init__(tag, start, end)
        self.pairs = pairs
        self._by_key: dict[str, tuple[Node, Node]] | None = None

    def get(self, key: str) -> Node | None:
        pair = self.pair(key)
        return pair[1] if pair else None

    def pair(self, key: str) -> tuple[Node, Node] | None:
        """The first pair whose key is ``key`` (later duplicates are reported, not used)."""
        if self._by_key is None:
            self._by_key = {}
            for pair in self.pairs:
                self._by_key.setdefault(key_text(pair[0]), pair)
        return self._by_key.get(key)

    def keys(self) -> Iterator[str]:
        return (key_text(k) for k, _ in self.pairs)


def key_text(node: Node) -> str:
    """The string a mapping key stands for, as Kestra's parser would see it."""
    if isinstance(node, Scalar):
        return node.text if node.value is None or isinstance(node.value, str) else str(node.text)
    return f"<{type(node).__name__.lower()} key>"


def scalar_text(node: Node | None) -> str | None:
    """A scalar as Kestra's String fields read it (Jackson turns numbers and booleans into their
    text); None for null and for collections."""
    if isinstance(node, Scalar) and node.value is not None:
        return node.text
    return None


def scalar_string(node: Node | None) -> str | None:
    """The text of a scalar node holding a string, else None."""
    if isinstance(node, Scalar) and isinstance(node.value, str):
        return node.value
    return None


def to_plain(node: Node) -> JSONValue:
    """The node as plain JSON data (dict keys are strings; the first duplicate key wins)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return [to_plain(item) for item in node.items]
    assert isinstance(node, Mapping)
    result: dict[str, JSONValue] = {}
    for k, v in node.pairs:
        key = key_text(k)
        if key not in result:
            result[key] = to_plain(v)
    return result


def walk(node: Node, path: list[str | int]) -> Node | None:
    """The node at a JSON path (as jsonschema reports it), or None."""
    for segment in path:
        if isinstance(node, Mapping) and isinstance(segment, str):
            child = node.get(segment)
        elif isinstance(node, Sequence) and isinstance(segment, int) and 0 <= segment < len(node.items):
            child = node.items[segment]
        else:
            return None
        if child is None:
            return None
        node = child
    return node
