"""Text to located YAML documents, with libyaml's C composer through ruamel.yaml.

The round-trip loader is ~10x slower and this path runs on every keystroke, so only the
composer runs here. Its marks count code points, which is what :mod:`flowls.text` expects.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml import nodes as ry
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from flowls.parse.nodes import Mapping, Node, Scalar, Sequence

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


@dataclass(frozen=True)
class SyntaxProblem:
    offset: int
    message: str
    context_offset: int | None = None


@dataclass(frozen=True)
class DuplicateKey:
    key: str
    first: Node
    duplicate: Node


@dataclass
class Composed:
    """The documents of one text; parsing stops at the first syntax error, as YAML's does."""

    documents: list[Node | None] = field(default_factory=list)
    syntax_error: SyntaxProblem | None = None
    duplicates: list[DuplicateKey] = field(default_factory=list)
    # How many nodes the documents hold once aliases are expanded (JSON consumers see that).
    expanded_size: int = 0


def compose(text: str) -> Composed:
    result = Composed()
    converter = _Converter(result, text)
    try:
        for document in YAML(typ="safe", pure=False).compose_all(text):
            result.documents.append(None if document is None else converter.convert(document))
    except YAMLError as error:
        result.syntax_error = _syntax_problem(error, text)
    if not result.documents and result.syntax_error is None:
        result.documents.append(None)
    return result


def _syntax_problem(error: YAMLError, text: str) -> SyntaxProblem:
    if isinstance(error, MarkedYAMLError) and error.problem_mark is not None:
        offset = error.problem_mark.index
        context = error.context_mark.index if error.context_mark is not None else None
        if text[offset : offset + 1] == "\t":
            return SyntaxProblem(offset, "tab character: YAML indentation must use spaces", context)
        return SyntaxProblem(offset, _describe(error), context)
    position = getattr(error, "position", 0)  # ReaderError: a character YAML forbids
    return SyntaxProblem(position, str(error).split("\n")[0])


def _describe(error: MarkedYAMLError) -> str:
    problem = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    if context and context not in problem:
        return f"{problem} ({context})"
    return problem


class _Converter:
    """ruamel nodes to ours; aliases keep sharing one converted node."""

    def __init__(self, result: Composed, text: str) -> None:
        self._result = result
        self._text = text
        self._done: dict[int, Node] = {}
        self._sizes: dict[int, int] = {}

    def convert(self, root: ry.Node) -> Node:
        # Iterative post-order so that nesting depth never meets Python's recursion limit.
        stack: list[tuple[ry.Node, bool]] = [(root, False)]
        while stack:
            node, children_done = stack.pop()
            if id(node) in self._done:
                continue
            if isinstance(node, ry.ScalarNode):
                self._finish(node, _scalar(node, self._text), 1)
            elif not children_done:
                stack.append((node, True))
                children = [c for pair in node.value for c in pair] if isinstance(node, ry.MappingNode) else node.value
                stack.extend((c, False) for c in reversed(children) if id(c) not in self._done)
            elif isinstance(node, ry.MappingNode):
                pairs = [(self._done[id(k)], self._done[id(v)]) for k, v in node.value]
                self._check_duplicates(pairs)
                size = 1 + sum(self._sizes[id(c)] for pair in node.value for c in pair)
                self._finish(node, Mapping(_tag(node), *_span(node), pairs), size)
            else:
                items = [self._done[id(c)] for c in node.value]
                self._finish(
                    node, Sequence(_tag(node), *_span(node), items), 1 + sum(self._sizes[id(c)] for c in node.value)
                )
        self._result.expanded_size += self._sizes[id(root)]
        return self._done[id(root)]

    def _finish(self, source: ry.Node, node: Node, size: int) -> None:
        self._done[id(source)] = node
        self._sizes[id(source)] = min(size, 1 << 62)

    def _check_duplicates(self, pairs: list[tuple[Node, Node]]) -> None:
        seen: dict[str, Node] = {}
        for key, _ in pairs:
            if not isinstance(key, Scalar):
                continue
            if key.text == "<<" and key.style is None:
                continue  # merge keys may repeat
            first = seen.setdefault(key.text, key)
            if first is not key:
                self._result.duplicates.append(DuplicateKey(key.text, first, key))


def _tag(node: ry.Node) -> str:
    tag = node.tag
    return tag if isinstance(tag, str) else str(getattr(tag, "value", tag))


def _span(node: ry.Node) -> tuple[int, int]:
    return node.start_mark.index, node.end_mark.index


def _scalar(node: ry.ScalarNode, source: str) -> Scalar:
    tag, text = _tag(node), node.value
    style = node.style or None
    start, end = _span(node)
    if style in ("|", ">"):
        # A block scalar's end mark sits after its trailing blank lines; stop at the content.
        while end > start and source[end - 1] in "\r\n ":
            end -= 1
    return Scalar(tag, start, end, text, _typed(tag, text), style)


def _typed(tag: str, text: str) -> object:
    """The value of a scalar under the YAML 1.2 core schema; timestamps stay strings."""
    if tag == _STR:
        return text
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return text.lower() == "true"
    if tag == _INT:
        return _int(text)
    if tag == _FLOAT:
        return _float(text)
    return text


def _int(text: str) -> object:
    digits = text.replace("_", "")
    for base, prefix in ((16, "0x"), (8, "0o"), (2, "0b")):
        unsigned = digits.lstrip("+-")
        if unsigned.lower().startswith(prefix):
            value = int(unsigned[2:], base)
            return -value if digits.startswith("-") else value
    try:
        return int(digits, 10)
    except ValueError:
        return text


def _float(text: str) -> object:
    lowered = text.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return math.inf
    if lowered == "-.inf":
        return -math.inf
    if lowered == ".nan":
        return math.nan
    try:
        return float(lowered)
    except ValueError:
        return text
