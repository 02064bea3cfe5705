"""The Pebble syntax tree.

Every node has ``start`` and ``end``: half-open character offsets into the template text. An
expression's range includes the parentheses written around it only when the parentheses belong to a
larger node (``(a + b) * c``: the product starts at ``(``, the sum at ``a``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(slots=True)
class Node:
    start: int
    end: int


# --- expressions -------------------------------------------------------------------------------


@dataclass(slots=True)
class Literal(Node):
    """``'text'``, ``"text"``, ``12``, ``1.5``, ``12L``, ``true``/``TRUE``, ``null``/``none`` (None)."""

    value: str | int | float | bool | None


@dataclass(slots=True)
class Name(Node):
    """A variable (``inputs``), or a name a tag binds (``for`` targets, ``set``, macro names)."""

    name: str


@dataclass(slots=True)
class GetAttr(Node):
    """``obj.name``; ``obj.name(args)`` (a Java method call) when ``args`` is not None."""

    obj: Node
    name: str
    name_start: int
    name_end: int
    args: list[Node] | None = None


@dataclass(slots=True)
class GetItem(Node):
    """``obj[index]``."""

    obj: Node
    index: Node


@dataclass(slots=True)
class Keyword(Node):
    """A named argument ``name=value``; the range runs from the name to the end of the value."""

    name: str
    name_start: int
    name_end: int
    value: Node


@dataclass(slots=True)
class Call(Node):
    """A function or macro call ``name(args, key=value)``."""

    callee: Name
    args: list[Node]
    kwargs: list[Keyword]


@dataclass(slots=True)
class FilterCall(Node):
    """The right-hand side of ``|``, and each filter of ``{% filter %}``: ``name`` or ``name(args)``."""

    name: str
    name_start: int
    name_end: int
    args: list[Node]
    kwargs: list[Keyword]


@dataclass(slots=True)
class Filter(Node):
    """``expr | filter``."""

    expr: Node
    filter: FilterCall


@dataclass(slots=True)
class Test(Node):
    """``expr is name``, ``expr is not name(args)``."""

    __test__ = False  # not a pytest test class
    expr: Node
    name: str
    name_start: int
    name_end: int
    args: list[Node]
    negated: bool
    kwargs: list[Keyword]


@dataclass(slots=True)
class Binary(Node):
    """``left op right``; ``op`` as written (``and``, ``==``, ``equals``, ``..``, ``??``, ``isIn``...)."""

    op: str
    left: Node
    right: Node
    op_start: int
    op_end: int


@dataclass(slots=True)
class Unary(Node):
    """``not x``, ``-x``, ``+x``; the operator starts at ``start``."""

    op: str
    operand: Node


@dataclass(slots=True)
class Ternary(Node):
    """``condition ? if_true : if_false``."""

    condition: Node
    if_true: Node
    if_false: Node


@dataclass(slots=True)
class ListLiteral(Node):
    items: list[Node]


@dataclass(slots=True)
class MapLiteral(Node):
    pairs: list[tuple[Node, Node]]


@dataclass(slots=True)
class StringInterpolation(Node):
    """``"a #{x} b"``: string parts are Literals holding the source text as written (Pebble does not
    unescape them); Pebble gives the value of the single part when there is only one (``"#{x}"``)."""

    parts: list[Node]


@dataclass(slots=True)
class Invalid(Node):
    """Stands for an expression that did not parse (its error is in ``Template.errors``)."""


# --- template level ----------------------------------------------------------------------------


@dataclass(slots=True)
class Text(Node):
    """Plain text; ``value`` is what Pebble outputs, after ``-`` whitespace control (text that it
    empties entirely is left out, as Pebble does)."""

    value: str


@dataclass(slots=True)
class Print(Node):
    """``{{ expr }}``."""

    expr: Node


@dataclass(slots=True)
class If(Node):
    """``{% if %}``, each ``{% elseif %}`` a further branch, then ``{% else %}``."""

    branches: list[tuple[Node, list[Node]]]
    else_body: list[Node] | None


@dataclass(slots=True)
class For(Node):
    """``{% for x in iterable %}…{% else %}…{% endfor %}``. Pebble takes one target; a second one
    (``for k, v in m``) is kept here but reported as an error."""

    targets: list[Name]
    iterable: Node
    body: list[Node]
    else_body: list[Node] | None


@dataclass(slots=True)
class Set(Node):
    target: Name
    value: Node


@dataclass(slots=True)
class FilterBlock(Node):
    """``{% filter upper | trim %}…{% endfilter %}``."""

    filters: list[FilterCall]
    body: list[Node]


@dataclass(slots=True)
class Macro(Node):
    """``{% macro name(a, b=1) %}``: ``defaults`` is aligned with ``params`` (None: no default)."""

    name: Name
    params: list[Name]
    defaults: list[Node | None]
    body: list[Node]


@dataclass(slots=True)
class Block(Node):
    """``{% block name %}`` (or a quoted name)."""

    name: str
    name_start: int
    name_end: int
    body: list[Node]


@dataclass(slots=True)
class Verbatim(Node):
    """``{% verbatim %}…{% endverbatim %}`` or Kestra's ``{% raw %}…{% endraw %}``: ``text`` is output as is."""

    text: str


@dataclass(slots=True)
class Comment(Node):
    """``{# text #}``."""

    text: str


@dataclass(slots=True)
class UnknownTag(Node):
    """A tag Kestra's Pebble does not know (reported as an error); kept so parsing goes on."""

    name: str


# --- the result --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PebbleError:
    """A syntax error at ``[start, end)`` of the template text (empty when something is missing)."""

    start: int
    end: int
    message: str


@dataclass(slots=True)
class Template:
    text: str
    body: list[Node]
    errors: list[PebbleError]
    has_expression: bool  # any {{ }}, {% %} or {# #}: False means plain text, output unchanged
    wrapping: frozenset[str] = frozenset()  # the dialect's Dialect.wrapping operators


def _pairs(pairs: list[tuple[Node, Node]]) -> list[Node]:
    return [node for pair in pairs for node in pair]


def _if(node: If) -> list[Node]:
    found: list[Node] = []
    for condition, body in node.branches:
        found.append(condition)
        found.extend(body)
    if node.else_body:
        found.extend(node.else_body)
    return found


def _macro(node: Macro) -> list[Node]:
    found: list[Node] = [node.name]
    for param, default in zip(node.params, node.defaults, strict=True):
        found.append(param)
        if default is not None:
            found.append(default)
    found.extend(node.body)
    return found


_NONE: tuple[Node, ...] = ()

# Children of each node type, in document order.
_CHILDREN = {
    Literal: lambda n: _NONE,
    Name: lambda n: _NONE,
    Invalid: lambda n: _NONE,
    Text: lambda n: _NONE,
    Verbatim: lambda n: _NONE,
    Comment: lambda n: _NONE,
    UnknownTag: lambda n: _NONE,
    GetAttr: lambda n: (n.obj, *n.args) if n.args else (n.obj,),
    GetItem: lambda n: (n.obj, n.index),
    Keyword: lambda n: (n.value,),
    Call: lambda n: (n.callee, *n.args, *n.kwargs),
    FilterCall: lambda n: (*n.args, *n.kwargs),
    Filter: lambda n: (n.expr, n.filter),
    Test: lambda n: (n.expr, *n.args, *n.kwargs),
    Binary: lambda n: (n.left, n.right),
    Unary: lambda n: (n.operand,),
    Ternary: lambda n: (n.condition, n.if_true, n.if_false),
    ListLiteral: lambda n: n.items,
    MapLiteral: lambda n: _pairs(n.pairs),
    StringInterpolation: lambda n: n.parts,
    Print: lambda n: (n.expr,),
    If: _if,
    For: lambda n: (*n.targets, n.iterable, *n.body, *(n.else_body or _NONE)),
    Set: lambda n: (n.target, n.value),
    FilterBlock: lambda n: (*n.filters, *n.body),
    Macro: _macro,
    Block: lambda n: n.body,
}


def children(node: Node) -> tuple[Node, ...] | list[Node]:
    """The direct children of a node, in document order."""
    return _CHILDREN[type(node)](node)


def walk(root: Node | Template) -> Iterator[Node]:
    """Every node under ``root`` (and ``root`` itself when it is a node), depth first, in document order."""
    stack: list[Node] = list(reversed(root.body)) if isinstance(root, Template) else [root]
    table = _CHILDREN
    while stack:
        node = stack.pop()
        yield node
        kids = table[type(node)](node)
        if kids:
            stack.extend(reversed(kids))
