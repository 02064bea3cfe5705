"""One open document as the editor features see it: its text, its analysis, and where things
are in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from flowls.analysis import Analysis, Linter
from flowls.expressions import Expression, collect_expressions
from flowls.model import Flow
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.schema.index import SchemaIndex
from flowls.workspace import WorkspaceIndex


@dataclass(frozen=True)
class Step:
    """One level of the path to an offset: the node, and the key or index it sits under."""

    node: Node
    key: str | int | None
    key_node: Node | None  # the key's own node, for mapping values


@dataclass(eq=False)
class FlowFile:
    uri: str
    text: str
    analysis: Analysis
    schema: SchemaIndex
    # The last analysis of this document whose YAML parsed: completion on a half-typed line
    # falls back on it.
    last_good: Analysis | None = field(default=None)

    @classmethod
    def analyse(
        cls,
        linter: Linter,
        uri: str,
        text: str,
        previous: FlowFile | None = None,
        workspace: WorkspaceIndex | None = None,
    ) -> FlowFile:
        analysis = linter.lint_text(text, workspace)
        parsed = any(d.flow is not None for d in analysis.documents) and not any(
            f.rule == "yaml-syntax" for f in analysis.findings
        )
        last_good = analysis if parsed else (previous.last_good if previous else None)
        return cls(uri, text, analysis, linter.validator.index, last_good)

    def flow_at(self, offset: int) -> Flow | None:
        """The flow (document) holding ``offset``, or the only one."""
        flows = [d.flow for d in self.analysis.documents if d.flow is not None]
        for flow in flows:
            if flow.node.start <= offset <= flow.node.end:
                return flow
        return flows[0] if len(flows) == 1 else None

    def path_at(self, offset: int) -> list[Step]:
        """From the root to the deepest node whose range holds ``offset``."""
        flow = self.flow_at(offset)
        if flow is None:
            return []
        steps = [Step(flow.node, None, None)]
        node: Node = flow.node
        while True:
            child = _child_at(node, offset)
            if child is None:
                return steps
            steps.append(child)
            node = child.node

    @cached_property
    def expressions(self) -> list[Expression]:
        found: list[Expression] = []
        for document in self.analysis.documents:
            if document.flow is not None:
                found.extend(collect_expressions(document.flow, self.text))
        return found

    def expression_at(self, offset: int) -> Expression | None:
        for expression in self.expressions:
            if expression.scalar.start <= offset <= expression.scalar.end:
                return expression
        return None


def _child_at(node: Node, offset: int) -> Step | None:
    if isinstance(node, Mapping):
        for key, value in node.pairs:
            if key.start <= offset <= key.end:
                return Step(key, None, None)
            if value.start <= offset <= value.end and not (value.start == value.end and offset != value.start):
                name = key.text if isinstance(key, Scalar) else None
                return Step(value, name, key)
    elif isinstance(node, Sequence):
        for index, item in enumerate(node.items):
            if item.start <= offset <= item.end:
                return Step(item, index, None)
    return None
