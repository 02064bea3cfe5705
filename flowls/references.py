"""What Pebble expressions refer to: root variables, attribute chains, names a template binds
itself, and references guarded against being undefined (``??``, ``is defined``, ``default``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from flowls.pebble import ast as p
from flowls.pebble import walk

# Kestra's render context (RunVariables) plus what Pebble adds inside loops.
ROOT_VARIABLES = frozenset(
    (
        "flow", "execution", "task", "taskrun", "parent", "parents", "outputs", "tasks", "inputs", "vars",
        "trigger", "labels", "envs", "globals", "kestra", "files", "workerTaskrun",
    )
)  # fmt: skip
GUARD_OPERATORS = frozenset(("??", "???"))
GUARD_TESTS = frozenset(("defined",))
GUARD_FILTERS = frozenset(("default",))


@dataclass(frozen=True)
class Chain:
    """``root.a['b'].c``: the root name and the literal keys after it, each with its range."""

    root: p.Name
    keys: tuple[tuple[str, int, int], ...]  # (key, start, end) in template offsets
    node: p.Node  # the outermost node of the chain


def chains(template: p.Template) -> Iterator[Chain]:
    """Every maximal attribute chain that starts at a variable name (not at a name being defined
    by ``set``/``for``/``macro``, nor at a called function's name)."""
    inner: set[int] = set(_defining_names(template))
    for node in walk(template):
        if id(node) in inner or not isinstance(node, (p.GetAttr, p.GetItem, p.Name)):
            continue
        keys: list[tuple[str, int, int]] = []
        current = node
        while isinstance(current, (p.GetAttr, p.GetItem)):
            inner.add(id(current.obj))
            if isinstance(current, p.GetAttr):
                keys.append((current.name, current.name_start, current.name_end))
            elif isinstance(current.index, p.Literal) and isinstance(current.index.value, str):
                keys.append((current.index.value, current.index.start, current.index.end))
            else:
                keys.clear()  # a computed key: only what comes before it is known
            current = current.obj
        if isinstance(current, p.Name):
            yield Chain(current, tuple(reversed(keys)), node)


def _defining_names(template: p.Template) -> Iterator[int]:
    for node in walk(template):
        if isinstance(node, p.For):
            yield from (id(target) for target in node.targets)
        elif isinstance(node, p.Set):
            yield id(node.target)
        elif isinstance(node, p.Macro):
            yield id(node.name)
            yield from (id(param) for param in node.params)
        elif isinstance(node, p.Call):
            yield id(node.callee)


def bound_names(template: p.Template) -> set[str]:
    """Names the template itself defines: ``set`` targets, ``for`` targets, macros and their
    parameters (scoping is ignored: a name bound anywhere counts everywhere)."""
    names: set[str] = set()
    for node in walk(template):
        if isinstance(node, p.For):
            names.update(target.name for target in node.targets)
            names.add("loop")
        elif isinstance(node, p.Set):
            names.add(node.target.name)
        elif isinstance(node, p.Macro):
            names.add(node.name.name)
            names.update(param.name for param in node.params)
    return names


def guarded(template: p.Template) -> set[int]:
    """Ids of the nodes whose being undefined Kestra tolerates: under ``??``/``???``, tested
    with ``is defined``, filtered with ``default``, and every other use of a reference guarded
    that way in the same template (``x is defined ? x : 1``)."""
    roots: list[p.Node] = []
    for node in walk(template):
        if isinstance(node, p.Binary) and node.op in GUARD_OPERATORS:
            roots.append(node.left)
        elif _is_guard(node):
            roots.append(node.expr)  # type: ignore[attr-defined]
    ids = {id(inner) for root in roots for inner in _tolerated(root, template.wrapping)}
    texts = {template.text[root.start : root.end] for root in roots}
    for chain in chains(template):
        if template.text[chain.node.start : chain.node.end] in texts:
            ids.update(id(inner) for inner in walk(chain.node))
    return ids


def _tolerated(root: p.Node, wrapping: frozenset[str]) -> list[p.Node]:
    """The nodes under a guard that it protects: not those under an operator that wraps their
    failure (``x + 1 ?? 0`` fails in Kestra when x is undefined)."""
    found: list[p.Node] = []
    stack = [root]
    while stack:
        node = stack.pop()
        found.append(node)
        if not (isinstance(node, p.Binary) and node.op in wrapping):
            stack.extend(p.children(node))
    return found


def _is_guard(node: p.Node) -> bool:
    return (isinstance(node, p.Test) and node.name in GUARD_TESTS) or (
        isinstance(node, p.Filter) and node.filter.name in GUARD_FILTERS
    )


DASHABLE_ROOTS = ("inputs", "outputs", "tasks")
_DASHED_TAIL = re.compile(r"(?:-[A-Za-z0-9_]+)+")


@dataclass(frozen=True)
class DashedReference:
    """``inputs.my-input``: Pebble reads ``inputs.my - input``; the user meant the id ``my-input``."""

    root: str
    name: str
    start: int  # template offsets of ``root.name``
    end: int
    name_start: int

    def covers(self, node: p.Node) -> bool:
        return self.start <= node.start < self.end


def dashed_references(found_chains: list[Chain], source: str) -> list[DashedReference]:
    found = []
    for chain in found_chains:
        if chain.root.name not in DASHABLE_ROOTS or not chain.keys:
            continue
        key, start, end = chain.keys[0]
        tail = _DASHED_TAIL.match(source, end)
        if tail and source[start:end] == key:  # written `.key`, not `['key']`
            found.append(DashedReference(chain.root.name, key + tail.group(), chain.root.start, tail.end(), start))
    return found


@dataclass(frozen=True)
class StateLiteral:
    """A state name compared with ``execution.state`` or passed to ``tasksWithState``."""

    value: str
    literal: p.Literal
    comparison: p.Node  # the whole comparison or call
    case_sensitive: bool  # tasksWithState upper-cases its argument; == does not


def state_literals(template: p.Template) -> Iterator[StateLiteral]:
    for node in walk(template):
        if isinstance(node, p.Binary):
            yield from _compared_states(node)
        elif (
            isinstance(node, p.Call)
            and isinstance(node.callee, p.Name)
            and node.callee.name == "tasksWithState"
            and node.args
            and _is_string(node.args[0])
        ):
            yield StateLiteral(node.args[0].value, node.args[0], node, case_sensitive=False)


def _compared_states(node: p.Binary) -> Iterator[StateLiteral]:
    if node.op in ("==", "!=", "equals"):
        for state, other in ((node.left, node.right), (node.right, node.left)):
            if is_execution_state(state) and _is_string(other):
                yield StateLiteral(other.value, other, node, case_sensitive=True)
    elif node.op == "isIn" and is_execution_state(node.left) and isinstance(node.right, p.ListLiteral):
        yield from (StateLiteral(i.value, i, node, True) for i in node.right.items if _is_string(i))
    elif node.op == "contains" and is_execution_state(node.right) and isinstance(node.left, p.ListLiteral):
        yield from (StateLiteral(i.value, i, node, True) for i in node.left.items if _is_string(i))


def is_execution_state(node: p.Node) -> bool:
    return (
        isinstance(node, p.GetAttr)
        and node.name == "state"
        and isinstance(node.obj, p.Name)
        and node.obj.name == "execution"
    )


def _is_string(node: p.Node) -> bool:
    return isinstance(node, p.Literal) and isinstance(node.value, str)
