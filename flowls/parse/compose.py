"""Text to located YAML documents, with libyaml's C composer through ruamel.yaml.

The round-trip loader is ~10x slower and this path runs on every keystroke, so only the
composer runs here. Its marks count code points, which is what :mod:`flowls.text` expects.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ruamel.yaml import YAML
from ruamel.yaml import nodes as ry
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from flowls.parse.nodes import Mapping, Node, Scalar, Sequence

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# Shared Tag objects: ruamel wraps a returned string in a new Tag per node and decodes it again
# on every access, which cost more than the parse itself.
_TAGS = {name: Tag(suffix=name) for name in (_STR, _NULL, _BOOL, _INT, _FLOAT, _SEQ, _MAP)}


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


class _CoreResolver(VersionedResolver):
    """The YAML 1.2 core schema's implicit tags, minus ruamel's per-scalar version lookups
    (half of the composer's time). Timestamps stay strings: Kestra's Jackson reads them so."""

    _MAYBE_TYPED = frozenset("-+.0123456789~nNtTfF")
    _NULL = frozenset(("", "~", "null", "Null", "NULL"))
    _BOOL = frozenset(("true", "True", "TRUE", "false", "False", "FALSE"))
    _INT_SYNTAX = re.compile(r"[-+]?(?:0b[01_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)")
    _FLOAT_SYNTAX = re.compile(
        r"[-+]?(?:[0-9][0-9_]*\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[0-9][0-9_]*[eE][-+]?[0-9]+|\.[0-9_]+(?:[eE][-+]?[0-9]+)?)"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    )

    def resolve(self, kind: type, value: str, implicit: tuple[bool, bool]) -> Tag:
        tags = _TAGS
        if kind is ry.ScalarNode:
            if not implicit[0] or (value and value[0] not in self._MAYBE_TYPED):
                return tags[_STR]
            if value in self._NULL:
                return tags[_NULL]
            if value in self._BOOL:
                return tags[_BOOL]
            if self._INT_SYNTAX.fullmatch(value):
                return tags[_INT]
            if self._FLOAT_SYNTAX.fullmatch(value):
                return tags[_FLOAT]
            return tags[_STR]
        return tags[_SEQ] if kind is ry.SequenceNode else tags[_MAP]


def compose(text: str) -> Composed:
    result = Composed()
    converter = _Converter(result, text)
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _CoreResolver
    try:
        for document in yaml.compose_all(text):
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
        self._done: dict[int, tuple[Node, int]] = {}  # by ruamel node: ours and its expanded size

    def convert(self, root: ry.Node) -> Node:
        # Recursion is safe: flowls.parse.source bounds nesting depth before anything parses.
        node, size = self._convert(root)
        self._result.expanded_size += size
        return node

    def _convert(self, source: ry.Node) -> tuple[Node, int]:
        done = self._done.get(id(source))
        if done is not None:
            return done
        start, end = source.start_mark.index, source.end_mark.index
        tag = source.tag if isinstance(source.tag, str) else str(getattr(source.tag, "value", source.tag))
        if isinstance(source, ry.ScalarNode):
            result: tuple[Node, int] = (_scalar(source, tag, start, end, self._text), 1)
        elif isinstance(source, ry.MappingNode):
            pairs = []
            size = 1
            for key_source, value_source in source.value:
                key, key_size = self._convert(key_source)
                value, value_size = self._convert(value_source)
                pairs.append((key, value))
                size += key_size + value_size
            self._check_duplicates(pairs)
            result = (Mapping(tag, start, end, pairs), min(size, 1 << 62))
        else:
            items = []
            size = 1
            for item_source in source.value:
                item, item_size = self._convert(item_source)
                items.append(item)
                size += item_size
            result = (Sequence(tag, start, end, items), min(size, 1 << 62))
        self._done[id(source)] = result
        return result

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


def _scalar(source: ry.ScalarNode, tag: str, start: int, end: int, text: str) -> Scalar:
    value = source.value
    style = source.style or None
    if style in ("|", ">"):
        # A block scalar's end mark sits after its trailing blank lines; stop at the content.
        while end > start and text[end - 1] in "\r\n ":
            end -= 1
    return Scalar(tag, start, end, value, value if tag == _STR else _typed(tag, value), style)


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
