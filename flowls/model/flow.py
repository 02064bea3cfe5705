"""Elements of a flow. Each keeps its YAML node (hence its range), its parent and its path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from flowls.parse.nodes import Mapping, Node

JsonPath = tuple[str | int, ...]


class Phase(Enum):
    """The top-level task list a task belongs to; Kestra runs them in this order."""

    TASKS = "tasks"
    ERRORS = "errors"
    FINALLY = "finally"
    AFTER_EXECUTION = "afterExecution"


@dataclass(eq=False)
class Element:
    node: Node
    path: JsonPath
    parent: Element | None

    @property
    def start(self) -> int:
        return self.node.start

    @property
    def end(self) -> int:
        return self.node.end


@dataclass(eq=False)
class Task(Element):
    """A task anywhere in the flow. ``slot`` names the list that holds it in its parent:
    ``tasks``, ``then``, ``else``, ``errors``, ``finally``, ``defaults``, ``cases.<key>``,
    ``onPause``; it is the phase name for top-level tasks."""

    id: str | None
    type: str | None
    phase: Phase
    slot: str
    children: list[Task] = field(default_factory=list)

    @property
    def mapping(self) -> Mapping:
        assert isinstance(self.node, Mapping)
        return self.node

    def walk(self) -> Iterator[Task]:
        """This task and its descendants, depth first, in document order."""
        stack: list[Task] = [self]
        while stack:
            task = stack.pop()
            yield task
            stack.extend(reversed(task.children))


@dataclass(eq=False)
class Condition(Element):
    type: str | None
    children: list[Condition] = field(default_factory=list)


@dataclass(eq=False)
class Trigger(Element):
    id: str | None
    type: str | None
    conditions: list[Condition] = field(default_factory=list)


@dataclass(eq=False)
class Input(Element):
    id: str | None
    type: str | None


@dataclass(eq=False)
class Output(Element):
    id: str | None
    type: str | None


@dataclass(eq=False)
class Label(Element):
    """One label; ``node`` is the ``{key, value}`` item or, for the map form, the value."""

    key: str | None
    key_node: Node | None
    value_node: Node | None


@dataclass(eq=False)
class PluginDefault(Element):
    type: str | None
    forced: bool
    values: Mapping | None


@dataclass(eq=False)
class Flow(Element):
    id: str | None
    namespace: str | None
    phases: dict[Phase, list[Task]] = field(default_factory=dict)
    triggers: list[Trigger] = field(default_factory=list)
    inputs: list[Input] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    plugin_defaults: list[PluginDefault] = field(default_factory=list)
    variables: Mapping | None = None

    @property
    def mapping(self) -> Mapping:
        assert isinstance(self.node, Mapping)
        return self.node

    def all_tasks(self) -> Iterator[Task]:
        """Every task of every phase, depth first, in Kestra's phase order."""
        for phase in Phase:
            for task in self.phases.get(phase, []):
                yield from task.walk()
