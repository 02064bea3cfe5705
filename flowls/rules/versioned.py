"""What several rules read off a flow differently in each Kestra version: the class a plugin ``type``
names, and the inputs Kestra resolves. Not a rule: the registry skips modules without ``RULE``."""

from __future__ import annotations

from dataclasses import dataclass

from flowls.parse.nodes import Mapping, Node, Sequence, scalar_text
from flowls.rules.context import RuleContext
from flowls.schema.index import SchemaIndex


def resolve_type(schema: SchemaIndex, type_value: str | None) -> str | None:
    """The class a ``type`` names in the loaded schema, an alias resolved; None when the schema lacks it.

    Rules match core classes through this, not through lists of old names: Kestra 2.0 dropped the
    ``io.kestra.core.*`` aliases (``@Plugin(aliases=...)`` on Dag, Subflow, Switch, ...) and removed
    classes (ForEachItem, every condition), which then name nothing, as Kestra refuses their type.
    """
    if type_value is None or type_value not in schema.plugin_types:
        return None
    return schema.aliases.get(type_value, type_value)


@dataclass(frozen=True)
class ResolvedInput:
    """An input as Kestra resolves it: top-level, or one of a FORM's inputs under a dotted path."""

    path: str  # the id, or ``form.id`` for an input of a FORM
    node: Mapping
    id_node: Node
    type: str | None
    form: str | None  # the id of the FORM holding it


def resolvable_inputs(ctx: RuleContext) -> list[ResolvedInput]:
    """``Flow.resolvableInputs()``: the flow's inputs, each Kestra 2.0 FORM replaced by its own inputs
    under ``form.id`` (``Input.expandToLeaves``, one level: FORMs do not nest). Inputs without an id
    are left out."""
    found: list[ResolvedInput] = []
    for item in ctx.flow.inputs:
        node = item.node
        if not isinstance(node, Mapping) or item.id is None or (id_node := node.get("id")) is None:
            continue
        if ctx.version.major < 2 or item.type != "FORM":  # FormInput is 2.0's
            found.append(ResolvedInput(item.id, node, id_node, item.type, None))
            continue
        children = node.get("inputs")
        for child in children.items if isinstance(children, Sequence) else ():
            child_id = child.get("id") if isinstance(child, Mapping) else None
            text = scalar_text(child_id)
            if isinstance(child, Mapping) and child_id is not None and text is not None:
                kind = scalar_text(child.get("type"))
                found.append(ResolvedInput(f"{item.id}.{text}", child, child_id, kind, item.id))
    return found
