"""Every Pebble template of a flow, with where it sits: its task, its property, its phase.

Templates are parsed once per flow and shared by every rule that reads expressions.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from flowls.model import Condition, Element, Flow, Task, Trigger
from flowls.model.flow import renders_in_loop_iteration
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, key_text
from flowls.parse.scalars import value_offsets
from flowls.pebble import KESTRA_1, Template, parse_template, walk
from flowls.pebble import ast as p
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
    def nodes(self) -> list[p.Node]:
        """Every node of the template, depth first (rules iterate this, not the tree)."""
        return list(walk(self.template))

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
    def in_loop_iteration(self) -> bool:
        """Rendered inside an iteration of a Kestra 2.0 Loop, where ``item`` is defined."""
        return renders_in_loop_iteration(self.task, self.key if self.owner is self.task else None)

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

    def template_offset(self, document_offset: int) -> int | None:
        """The template offset at a document offset inside this value (None: not aligned)."""
        offsets = self.offsets
        if offsets is None:
            return None
        return max(0, bisect.bisect_right(offsets, document_offset) - 1)

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

    def visit(node: Node, owner: Element, task: Task | None, key: str | None) -> None:
        # Recursion is safe: flowls.parse.source bounds nesting depth before anything parses.
        element = owners.get(id(node))
        if element is not None:
            owner, key = element, None
            if isinstance(element, Task):
                task = element
        kind = type(node)
        if kind is Mapping:
            here = owner.node is node
            for name, value in node.pairs:  # type: ignore[attr-defined]
                visit(value, owner, task, key_text(name) if here else key)
        elif kind is Sequence:
            for item in node.items:  # type: ignore[attr-defined]
                visit(item, owner, task, key)
        else:
            value = node.value  # type: ignore[attr-defined]
            if type(value) is str and "{" in value and any(m in value for m in _MARKERS):
                template = parse_template(value, dialect)
                if template.has_expression:
                    found.append(Expression(node, template, owner, task, key, text))  # type: ignore[arg-type]

    visit(flow.node, flow, None, None)
    return found
