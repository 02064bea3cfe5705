"""Whether one task can have run before another one starts, from the flow's structure alone.

Kestra runs the phases in order (tasks, errors, finally, afterExecution), a flowable's own
``errors`` and ``finally`` after its branch, sequential lists in order, and only one branch of
an If or a Switch. A Parallel's or a Dag's children may run at the same time, so they never
count as "later" (a Dag child only when the other one depends on it). A child may read its
flowable's outputs (LoopUntil updates `iterationCount` every iteration). Unknown flowables
(plugins) are given the benefit of the doubt.
"""

from __future__ import annotations

from flowls.model.flow import Element, Flow, Phase, Task
from flowls.parse.nodes import Mapping, Sequence, scalar_string

FLOW = "io.kestra.plugin.core.flow."
SEQUENTIAL = {FLOW + name for name in ("Sequential", "ForEach", "AllowFailure", "WorkingDirectory", "LoopUntil")}
BRANCHING = {FLOW + "If", FLOW + "Switch"}
PARALLEL = {FLOW + "Parallel"}
DAG = FLOW + "Dag"
# A flowable whose own property is evaluated after its children ran.
EVALUATED_AFTER_CHILDREN = {(FLOW + "LoopUntil", "condition")}
_PHASE_ORDER = {phase: rank for rank, phase in enumerate(Phase)}


def why_not_before(
    producer: Task, consumer: Task, key: str | None, canonical: dict[str, str] | None = None
) -> str | None:
    """Why ``producer`` cannot have run before ``consumer`` renders its ``key`` property, or
    None when it can (or when the structure does not tell)."""
    names = canonical or {}

    def kind(task: Task) -> str | None:
        return names.get(task.type, task.type) if task.type else None

    if producer is consumer:
        return "it is the task itself"
    producer_line, consumer_line = _ancestry(producer), _ancestry(consumer)
    if consumer in producer_line:  # consumer is an ancestor of the producer
        if (kind(consumer), key) in EVALUATED_AFTER_CHILDREN:
            return None
        return f"it runs inside '{consumer.id}', after '{consumer.id}' reads this"
    if producer in consumer_line:
        return None  # a flowable's outputs may exist while its children run (LoopUntil's iterationCount)
    common = next(element for element in producer_line if element in consumer_line)
    a = producer_line[producer_line.index(common) - 1]
    b = consumer_line[consumer_line.index(common) - 1]
    assert isinstance(a, Task) and isinstance(b, Task)
    if isinstance(common, Flow):
        if _PHASE_ORDER[a.phase] > _PHASE_ORDER[b.phase]:
            return f"it is in '{a.phase.value}', which runs after '{b.phase.value}'"
        if a.phase is b.phase and _index(a) > _index(b):
            return f"it comes later in '{a.phase.value}'"
        return None
    assert isinstance(common, Task)
    return _within_flowable(common, kind(common), a, b)


def _within_flowable(parent: Task, kind: str | None, a: Task, b: Task) -> str | None:
    rank_a, rank_b = _slot_rank(a.slot), _slot_rank(b.slot)
    if rank_a > rank_b:
        return f"it is in the '{a.slot}' of '{parent.id}', which runs after its '{b.slot}'"
    if rank_a < rank_b:
        return None
    if a.slot != b.slot:  # two branches of an If or a Switch
        if kind in BRANCHING:
            return f"it is in another branch of '{parent.id}' ({a.slot}), which never runs with this one ({b.slot})"
        return None
    if kind == DAG and a.slot == "tasks":
        return f"it depends on '{b.id}' in the Dag '{parent.id}'" if _depends_on(parent, a, b) else None
    if a.slot in ("errors", "finally") or kind in SEQUENTIAL or kind in BRANCHING:
        return f"it comes later in the '{a.slot}' of '{parent.id}'" if _index(a) > _index(b) else None
    return None  # Parallel, or a plugin flowable we know nothing about


def _slot_rank(slot: str) -> int:
    return {"errors": 1, "finally": 2}.get(slot, 0)


def _ancestry(task: Task) -> list[Element]:
    """The task, its parents, up to the flow."""
    line: list[Element] = []
    element: Element | None = task
    while element is not None:
        line.append(element)
        element = element.parent
    return line


def _index(task: Task) -> int:
    siblings = task.parent.phases[task.phase] if isinstance(task.parent, Flow) else task.parent.children  # type: ignore[union-attr]
    same_slot = [t for t in siblings if t.slot == task.slot]
    return same_slot.index(task)


def _depends_on(dag: Task, later: Task, earlier: Task) -> bool:
    """Whether Dag child ``later`` depends (transitively) on ``earlier``."""
    needs = {child.id: _dependencies(child) for child in dag.children if child.slot == "tasks"}
    seen: set[str] = set()
    stack = list(needs.get(later.id, ()))
    while stack:
        current = stack.pop()
        if current == earlier.id:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(needs.get(current, ()))
    return False


def _dependencies(child: Task) -> list[str]:
    """The ``dependsOn`` of the Dag item that wraps ``child``."""
    dag = child.parent
    assert isinstance(dag, Task)
    items = dag.mapping.get("tasks")
    if not isinstance(items, Sequence):
        return []
    for item in items.items:
        if isinstance(item, Mapping) and item.get("task") is child.node:
            depends = item.get("dependsOn")
            if isinstance(depends, Sequence):
                return [name for node in depends.items if (name := scalar_string(node))]
    return []
