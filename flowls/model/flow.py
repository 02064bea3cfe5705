"""Elements of a flow. Each keeps its YAML node (hence its range), its parent and its path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from flowls.parse.nodes import Mapping, Node

JsonPath = tuple[str | int, ...]

FOR_EACH_ITEM = frozenset(("io.kestra.plugin.core.flow.ForEachItem", "io.kestra.core.tasks.flows.ForEachItem"))
SUBFLOW = frozenset(
    ("io.kestra.plugin.core.flow.Subflow", "io.kestra.core.tasks.flows.Subflow", "io.kestra.core.tasks.flows.Flow")
)
# Tasks that start executions of another flow.
STARTS_EXECUTIONS = SUBFLOW | FOR_EACH_ITEM
# The tasks a ForEachItem expands into when it runs: its outputs are read through them.
FOR_EACH_ITEM_SUFFIXES = ("_split", "_items", "_merge")
LOOP = "io.kestra.plugin.core.flow.Loop"  # Kestra 2.0


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

    @property
    def created_ids(self) -> tuple[str, ...]:
        """Ids of the tasks Kestra creates from this one at run time."""
        if self.type in FOR_EACH_ITEM and self.id:
            return tuple(self.id + suffix for suffix in FOR_EACH_ITEM_SUFFIXES)
        return ()

    def ancestors(self) -> Iterator[Task]:
        """The flowable tasks holding this one, innermost first."""
        parent = self.parent
        while isinstance(parent, Task):
            yield parent
            parent = parent.parent

    def walk(self) -> Iterator[Task]:
        """This task and its descendants, depth first, in document order."""
        stack: list[Task] = [self]
        while stack:
            task = stack.pop()
            yield task
            stack.extend(reversed(task.children))


def renders_in_loop_iteration(task: Task | None, key: str | None) -> bool:
    """Whether the property ``key`` of ``task`` renders inside an iteration of a Kestra 2.0 Loop,
    where ``item`` is set: every property under a Loop, and the Loop's own but ``values``
    (rendered before any iteration)."""
    if task is None:
        return False
    if task.type == LOOP and key != "values":
        return True
    return any(ancestor.type == LOOP for ancestor in task.ancestors())


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

    def task_ids(self) -> set[str]:
        """Every task id an expression may read: the flow's tasks and those Kestra creates."""
        ids: set[str] = set()
        for task in self.all_tasks():
            if task.id:
                ids.add(task.id)
            ids.update(task.created_ids)
        return ids
