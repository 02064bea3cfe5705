"""What a rule's check sees: one flow, its text, the schema, and a way to report."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from flowls.expressions import Expression, collect_expressions
from flowls.findings import Edit, Reporter
from flowls.model import Flow, Task
from flowls.parse.nodes import Node
from flowls.pebble import Dialect
from flowls.rules.base import Rule
from flowls.schema.index import SchemaIndex
from flowls.version import KestraVersion
from flowls.workspace import WorkspaceIndex


@dataclass
class RuleContext:
    flow: Flow
    reporter: Reporter
    schema: SchemaIndex
    workspace: WorkspaceIndex | None = None  # the other flows, when the caller knows them
    target_version: KestraVersion | None = None  # a version the flow is to be migrated to

    @property
    def text(self) -> str:
        return self.reporter.index.text

    @cached_property
    def tasks(self) -> list[Task]:
        """Every task of the flow, depth first in phase order."""
        return list(self.flow.all_tasks())

    @property
    def version(self) -> KestraVersion:
        """The Kestra version being checked (the schema's)."""
        return self.schema.version

    @property
    def dialect(self) -> Dialect:
        """The Pebble of the Kestra version being checked."""
        return self.schema.version.dialect

    @cached_property
    def expressions(self) -> list[Expression]:
        """Every Pebble template of the flow, parsed once for all rules."""
        return collect_expressions(self.flow, self.text, self.dialect)

    def report(
        self,
        rule: Rule,
        at: Node | tuple[int, int],
        message: str,
        *,
        fix: tuple[str, list[Edit]] | None = None,
        safe: bool = True,
    ) -> None:
        """Report at a node's range or at ``(start, end)`` offsets."""
        start, end = (at.start, at.end) if isinstance(at, Node) else at
        self.reporter.add(rule, start, end, message, fix=fix, safe=safe)
