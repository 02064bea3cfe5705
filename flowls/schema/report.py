"""Schema errors to findings: choose each one's range, drop what pluginDefaults supply."""

from __future__ import annotations

from flowls.findings import Edit, Reporter, Severity
from flowls.model import Flow
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, to_plain, walk
from flowls.rules import resource_limit
from flowls.rules.registry import RULES
from flowls.rules.unquoted_expression import is_unquoted_expression
from flowls.schema.index import SchemaIndex
from flowls.schema.validate import FlowValidator, SchemaError


def report_schema(flow: Flow, validator: FlowValidator, reporter: Reporter) -> None:
    root = flow.mapping
    try:
        errors = validator.validate(to_plain(root))
    except RecursionError:
        reporter.add(resource_limit.RULE, root.start, root.start, "tasks are nested too deeply to validate")
        return
    for error in errors:
        if error.missing and _supplied_by_defaults(error, flow, validator.index):
            continue
        if _inside_unquoted_expression(root, error.path, reporter.index.text):
            continue  # the unquoted-expression rule says what is wrong there, with a fix
        start, end = _range(root, error)
        message = error.message
        if message.startswith("must ") and error.path and isinstance(error.path[-1], str):
            message = f"'{error.path[-1]}' {message}"  # bounds and lengths do not name what they constrain
        # An instance's own schema lists every plugin it has: a type missing there cannot run.
        severity = Severity.ERROR if error.rule == "unknown-type" and validator.index.complete else None
        fix = None
        if error.replacement is not None:
            fix = (f"Use '{error.replacement}'", [Edit(start, end, error.replacement)])
        reporter.add(RULES[error.rule], start, end, message, severity, fix=fix)


def _inside_unquoted_expression(root: Mapping, path: tuple[str | int, ...], text: str) -> bool:
    return any(
        (node := walk(root, list(path[:depth]))) is not None and is_unquoted_expression(node, text)
        for depth in range(1, len(path) + 1)
    )


def _range(root: Mapping, error: SchemaError) -> tuple[int, int]:
    path = list(error.path)
    node = walk(root, path)
    if node is None:  # reported below something absent: fall back to the nearest node
        while path and node is None:
            path.pop()
            node = walk(root, path)
        node = node or root
        return _head(node)
    if error.target == "key" and path:
        holder = walk(root, path[:-1])
        if isinstance(holder, Mapping) and isinstance(path[-1], str) and (pair := holder.pair(path[-1])):
            return pair[0].start, pair[0].end
    if error.target == "mapping" and isinstance(node, Mapping):
        return _mapping_anchor(root, path, node)
    return _head(node)


def _mapping_anchor(root: Mapping, path: list[str | int], node: Mapping) -> tuple[int, int]:
    """Where to report what a mapping lacks: its `type` value, else the key holding it, else its first key."""
    kind = node.get("type")
    if isinstance(kind, Scalar):
        return kind.start, kind.end
    holder = walk(root, path[:-1]) if path else None
    if isinstance(holder, Mapping) and isinstance(path[-1], str) and (pair := holder.pair(path[-1])):
        return pair[0].start, pair[0].end
    return _head(node)


def _head(node: Node) -> tuple[int, int]:
    """A scalar's own range; for a collection, its first key or item (whole collections span pages)."""
    if isinstance(node, Mapping) and node.pairs:
        key = node.pairs[0][0]
        return key.start, key.end
    if isinstance(node, Sequence) and node.items and not isinstance(node.items[0], (Mapping, Sequence)):
        return node.start, node.items[0].end
    if isinstance(node, (Mapping, Sequence)):
        return node.start, min(node.end, node.start + 1)
    return node.start, node.end


def _supplied_by_defaults(error: SchemaError, flow: Flow, index: SchemaIndex) -> bool:
    """Kestra merges flow-level pluginDefaults into every plugin whose type equals or starts
    with the default's type (aliases included) before validating it."""
    instance = error.instance
    kind = instance.get("type") if isinstance(instance, dict) else None
    if not isinstance(kind, str):
        return False
    names = {kind, index.aliases.get(kind, kind)}
    names |= {alias for alias, canonical in index.aliases.items() if canonical in names}
    return any(
        default.type
        and default.values is not None
        and error.missing in set(default.values.keys())
        and any(name.startswith(default.type) for name in names)
        for default in flow.plugin_defaults
    )
