"""Go to definition, find references and rename, for task ids and input ids.

A task id is written where the task is declared (`id:`), in expressions (`outputs.x`,
`outputs['x']`, `tasks.x`) and in Dag `dependsOn` lists; an input id where it is declared and
in expressions (`inputs.x`, `inputs['x']`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowls.features.document import FlowFile
from flowls.model import Flow, Task
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.rules.unknown_subflow import subflow_target
from flowls.workspace import FlowSummary, WorkspaceIndex

TASK_ID = re.compile(r"[a-zA-Z0-9][a-zA-Z0-9_-]*")
INPUT_ID = re.compile(r"[a-zA-Z0-9][.a-zA-Z0-9_-]*")


@dataclass(frozen=True)
class Target:
    """What the cursor is on: a task or an input of a flow, by id."""

    kind: str  # "task", "input" or "variable" (variables have a definition, no references)
    name: str
    flow: Flow
    start: int  # document offsets of the id as written at the cursor
    end: int


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    declaration: bool


def target_at(file: FlowFile, offset: int) -> Target | None:
    flow = file.flow_at(offset)
    if flow is None:
        return None
    expression = file.expression_at(offset)
    if expression is not None and expression.offsets is not None:
        at = expression.template_offset(offset)
        for chain in expression.chains:
            if not chain.keys or chain.root.name not in ("outputs", "tasks", "inputs", "vars"):
                continue
            key, start, end = chain.keys[0]
            if at is not None and start <= at <= end:
                kind = {"inputs": "input", "vars": "variable"}.get(chain.root.name, "task")
                first, last = _inside_quotes(*expression.span(start, end), file.text)
                return Target(kind, key, flow, first, last)
        return None
    for task in flow.all_tasks():
        id_node = task.mapping.get("id")
        if _holds(id_node, offset) and task.id:
            return Target("task", task.id, flow, id_node.start, id_node.end)  # type: ignore[union-attr]
        for item in _depends_on(task):
            if _holds(item, offset) and isinstance(item, Scalar):
                return Target("task", str(item.value), flow, item.start, item.end)
    for element in flow.inputs:
        id_node = element.node.get("id") if isinstance(element.node, Mapping) else None
        if _holds(id_node, offset) and element.id:
            return Target("input", element.id, flow, id_node.start, id_node.end)  # type: ignore[union-attr]
    return None


def definition(file: FlowFile, target: Target) -> tuple[int, int] | None:
    if target.kind == "variable":
        variables = target.flow.variables
        pair = variables.pair(target.name) if variables is not None else None
        return (pair[0].start, pair[0].end) if pair else None
    declaration = [o for o in occurrences(file, target) if o.declaration]
    return (declaration[0].start, declaration[0].end) if declaration else None


def occurrences(file: FlowFile, target: Target) -> list[Occurrence]:
    if target.kind == "variable":
        return []
    flow = target.flow
    found: list[Occurrence] = []
    if target.kind == "task":
        for task in flow.all_tasks():
            id_node = task.mapping.get("id")
            if task.id == target.name and isinstance(id_node, Scalar):
                found.append(Occurrence(id_node.start, id_node.end, True))
            for item in _depends_on(task):
                if isinstance(item, Scalar) and str(item.value) == target.name:
                    found.append(Occurrence(item.start, item.end, False))
        roots = ("outputs", "tasks")
    else:
        for element in flow.inputs:
            id_node = element.node.get("id") if isinstance(element.node, Mapping) else None
            if element.id == target.name and isinstance(id_node, Scalar):
                found.append(Occurrence(id_node.start, id_node.end, True))
        roots = ("inputs",)
    for expression in file.expressions:
        if expression.offsets is None or expression.in_trigger or not _in_flow(expression.scalar, flow):
            continue
        for chain in expression.chains:
            if chain.root.name in roots and chain.keys and chain.keys[0][0] == target.name:
                start, end = _inside_quotes(*expression.span(chain.keys[0][1], chain.keys[0][2]), file.text)
                found.append(Occurrence(start, end, False))
    return sorted(set(found), key=lambda o: o.start)


def rename_problem(file: FlowFile, target: Target, new_name: str) -> str | None:
    """Why ``new_name`` cannot replace the target's id, or None."""
    pattern = TASK_ID if target.kind == "task" else INPUT_ID
    if not pattern.fullmatch(new_name):
        return f"'{new_name}' is not a valid {target.kind} id"
    if "-" in new_name:
        return f"'{new_name}' has a dash: expressions would have to read it as {target.kind}s['{new_name}']"
    taken = {t.id for t in target.flow.all_tasks()} if target.kind == "task" else {i.id for i in target.flow.inputs}
    if new_name in taken and new_name != target.name:
        return f"the flow already has a {target.kind} '{new_name}'"
    return None


def _in_flow(node: Node, flow: Flow) -> bool:
    return flow.node.start <= node.start <= flow.node.end


def _holds(node: Node | None, offset: int) -> bool:
    return isinstance(node, Scalar) and node.start <= offset <= node.end


def _inside_quotes(start: int, end: int, text: str) -> tuple[int, int]:
    """A subscript key's range without its quotes: what a rename replaces."""
    if end - start >= 2 and text[start] in "'\"" and text[end - 1] == text[start]:
        return start + 1, end - 1
    return start, end


def _depends_on(task: Task) -> list[Node]:
    """The `dependsOn` items naming this Dag task's dependencies."""
    dag = task.parent
    if not isinstance(dag, Task) or task.slot != "tasks":
        return []
    items = dag.mapping.get("tasks")
    if not isinstance(items, Sequence):
        return []
    for item in items.items:
        if isinstance(item, Mapping) and item.get("task") is task.node:
            depends = item.get("dependsOn")
            return list(depends.items) if isinstance(depends, Sequence) else []
    return []


def subflow_at(file: FlowFile, offset: int, workspace: WorkspaceIndex) -> FlowSummary | None:
    """The flow a Subflow calls, when the cursor is on its `namespace` or `flowId`."""
    flow = file.flow_at(offset)
    if flow is None:
        return None
    for task in flow.all_tasks():
        target = subflow_target(task, file.schema)
        if target is None:
            continue
        if any(_holds(task.mapping.get(key), offset) for key in ("namespace", "flowId")):
            return workspace.find(target[0], target[1])
    return None
