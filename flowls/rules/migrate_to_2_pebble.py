"""What migrate-to-2 finds in Pebble expressions: functions Kestra 2.0 removed, the renamed ``version``
argument of ``read()``/``fileURI()``, and operators whose lower 2.0 precedence changes what an
expression means."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from flowls.expressions import Expression
from flowls.findings import Edit
from flowls.pebble import KESTRA_1, KESTRA_2, children, parse_template, walk
from flowls.pebble import ast as p
from flowls.rules.context import RuleContext
from flowls.rules.migrate_to_2_loop import document_edit

# 2.0's Extension dropped the ForEach helpers with ForEach (commit e03e3de9e).
REMOVED_FUNCTIONS = {
    "currentEachOutput": "inside a Loop, outputs.<task> is the current iteration's",
    "parentOutput": "inside a Loop, read the outputs of the enclosing tasks as outputs.<task>",
    "iterationOutput": "a Loop iteration cannot read another's: declare Loop outputs and read them after it",
}
# Namespace-file functions whose named argument ``version`` became ``revision`` (commit c17ef8e06).
REVISION_ARGUMENT = ("read", "fileURI")
# 2.0 lowers Kestra's own operators to the comparisons' level: ``a ?? b | upper`` now filters ``b``.
LOWERED = frozenset(op for op, level in KESTRA_1.binary.items() if KESTRA_2.binary.get(op) != level)
_OPERATOR_PARENTS = (p.Binary, p.Unary, p.Filter, p.Test)


@dataclass(frozen=True)
class PebbleChange:
    start: int  # document offsets of what to point at
    end: int
    message: str
    fix: tuple[str, list[Edit]] | None = None


def pebble_changes(ctx: RuleContext, rewritten: list[tuple[int, int]]) -> Iterator[PebbleChange]:
    """``rewritten``: the document spans the ForEach → Loop fixes replace (currentEachOutput calls among them)."""
    for expression in ctx.expressions:
        if expression.template.errors:
            continue
        for node in walk(expression.template):
            if isinstance(node, p.Call) and isinstance(node.callee, p.Name):
                yield from _call_changes(ctx, expression, node, rewritten)
        change = _precedence_change(ctx, expression)
        if change is not None:
            yield change


def _call_changes(
    ctx: RuleContext, expression: Expression, call: p.Call, rewritten: list[tuple[int, int]]
) -> Iterator[PebbleChange]:
    name = call.callee.name
    if name in REMOVED_FUNCTIONS:
        start, end = expression.span(call.callee.start, call.callee.end)
        message = f"{name}() was removed in Kestra 2.0: {REMOVED_FUNCTIONS[name]}"
        if any(first <= start < last for first, last in rewritten):
            message += " (the ForEach fix rewrites this one)"
        yield PebbleChange(start, end, message)
    elif name in REVISION_ARGUMENT:
        for keyword in call.kwargs:
            if keyword.name == "version":
                edit = document_edit(ctx, expression, keyword.name_start, keyword.name_end, "revision")
                start, end = expression.span(keyword.name_start, keyword.name_end)
                message = f"{name}()'s argument 'version' is named 'revision' in Kestra 2.0"
                yield PebbleChange(start, end, message, ("Rename it 'revision'", [edit]) if edit else None)


def _precedence_change(ctx: RuleContext, expression: Expression) -> PebbleChange | None:
    """Parentheses that keep the 1.x reading, when Kestra 2.0 would group this expression otherwise."""
    template = expression.template
    reading = _shape(template)
    text = template.text
    if not any(op in text for op in LOWERED) or _shape(parse_template(text, KESTRA_2)) == reading:
        return None
    up = {id(child): node for node in walk(template) for child in children(node)}
    wrapped = [
        node
        for node in walk(template)
        if isinstance(node, p.Binary) and node.op in LOWERED and isinstance(up.get(id(node)), _OPERATOR_PARENTS)
    ]

    def keeps_reading(chosen: list[p.Binary]) -> bool:
        return _shape(parse_template(_parenthesized(text, chosen), KESTRA_2)) == reading

    first = wrapped[0] if wrapped else None
    if first is None or not keeps_reading(wrapped):
        return None if first is None else _precedence_report(expression, first, None)
    for node in list(wrapped):  # drop the parentheses 2.0 does not need
        if len(wrapped) > 1 and keeps_reading([other for other in wrapped if other is not node]):
            wrapped.remove(node)
    start, end = min(node.start for node in wrapped), max(node.end for node in wrapped)
    replacement = _parenthesized(text, wrapped)[start : end + 2 * len(wrapped)]
    edit = document_edit(ctx, expression, start, end, replacement)
    return _precedence_report(expression, wrapped[0], ("Add parentheses", [edit]) if edit else None)


def _precedence_report(expression: Expression, node: p.Binary, fix: tuple[str, list[Edit]] | None) -> PebbleChange:
    start, end = expression.span(node.op_start, node.op_end)
    message = (
        f"Kestra 2.0 gives '{node.op}' the precedence of '==', below '|', '~' and arithmetic: "
        "this expression would be read another way; add parentheses"
    )
    return PebbleChange(start, end, message, fix)


def _parenthesized(text: str, nodes: list[p.Binary]) -> str:
    inserts = sorted([(node.start, "(") for node in nodes] + [(node.end, ")") for node in nodes], reverse=True)
    for offset, mark in inserts:
        text = text[:offset] + mark + text[offset:]
    return text


def _shape(node: object) -> object:
    """A syntax tree without its offsets: what two parses must share to mean the same."""
    if isinstance(node, p.Template):
        return tuple(_shape(child) for child in node.body)
    if isinstance(node, list | tuple):
        return tuple(_shape(item) for item in node)
    if isinstance(node, p.Node):
        kept = [f for f in fields(node) if f.name not in ("start", "end") and not f.name.endswith(("_start", "_end"))]
        return (type(node).__name__, *(_shape(getattr(node, f.name)) for f in kept))
    return node
