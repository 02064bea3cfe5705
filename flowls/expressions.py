"""Every Pebble template of a flow, with where it sits: its task, its property, its phase.

Templates are parsed once per flow and shared by every rule that reads expressions.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from flowls.model import Condition, Element, Flow, Task, Trigger
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, key_text
from flowls.parse.scalars import value_offsets
from flowls.pebble import KESTRA_1, Template, parse_template
from flowls.references import Chain, DashedReference, bound_names, chains, dashed_references, guarded

_MARKERS = ("{{", "{%", "{#")


@dataclass(eq=False)
class Expression:
    """A string value of the flow that holds Pebble."""

    scalar: Scalar
    template: Template
    owner: Element  # the innermost task, trigger, condition, input or output holding it (or the flow)
    task: Task | None  # the innermost task holding it
    key: str | None  # the owner's property it is under ("runIf", "condition", "message", ...)
    text: str  # the document's text

    @cached_property
    def offsets(self) -> list[int] | None:
        """Template offset -> document offset (None: not aligned); computed when first reported."""
        return value_offsets(self.text, self.scalar)

    @cached_property
    def chains(self) -> list[Chain]:
        return list(chains(self.template))

    @cached_property
    def guarded(self) -> set[int]:
        return guarded(self.template)

    @cached_property
    def bound_names(self) -> set[str]:
        return bound_names(self.template)

    @property
    def in_trigger(self) -> bool:
        """Triggers render in another context (a Flow trigger's `outputs` are the upstream
        execution's): references there are not this flow's."""
        return isinstance(self.owner, (Trigger, Condition))

    @cached_property
    def dashed(self) -> list[DashedReference]:
        """``inputs.my-input``-style references (Pebble reads a subtraction there)."""
        return dashed_references(self.chains, self.scalar.text)

    def dashed_covering(self, node: object) -> DashedReference | None:
        return next((ref for ref in self.dashed if ref.covers(node)), None)  # type: ignore[arg-type]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document offsets of ``[start, end)`` in the template; the whole value if unaligned."""
        offsets = self.offsets
        if offsets is None:
            return self.scalar.start, self.scalar.end
        last = len(offsets) - 1
        start, end = max(0, min(start, last)), max(0, min(end, last))
        return offsets[start], max(offsets[start], offsets[end])


def collect_expressions(flow: Flow, text: str, dialect: object = KESTRA_1) -> list[Expression]:
    owners: dict[int, Element] = {id(flow.node): flow}
    for task in flow.all_tasks():
        owners[id(task.node)] = task
    for trigger in flow.triggers:
        owners[id(trigger.node)] = trigger
        stack = list(trigger.conditions)
        while stack:
            condition = stack.pop()
            owners[id(condition.node)] = condition
            stack.extend(condition.children)
    for element in (*flow.inputs, *flow.outputs):
        owners[id(element.node)] = element
    found: list[Expression] = []
    stack: list[tuple[Node, Element, Task | None, str | None]] = [(flow.node, flow, None, None)]
    while stack:
        node, owner, task, key = stack.pop()
        element = owners.get(id(node))
        if element is not None:
            owner, key = element, None
            if isinstance(element, Task):
                task = element
        if isinstance(node, Mapping):
            for name, value in reversed(node.pairs):
                stack.append((value, owner, task, key_text(name) if owner.node is node else key))
        elif isinstance(node, Sequence):
            stack.extend((item, owner, task, key) for item in reversed(node.items))
        elif isinstance(node, Scalar) and isinstance(node.value, str) and any(m in node.value for m in _MARKERS):
            template = parse_template(node.value, dialect)
            if template.has_expression:
                found.append(Expression(node, template, owner, task, key, text))
    return found
