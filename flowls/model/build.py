"""Build the flow model from a document's root node.

Children are found by shape, the way Kestra's ``allChildTasks()`` names them, so tasks of
plugins we have no schema for are still walked: every list under ``tasks``, ``then``,
``else``, ``errors``, ``finally``, ``defaults`` and each list under ``cases`` holds tasks,
a Dag wraps each one as ``{task, dependsOn}``, and Pause holds one task in ``onPause``.
"""

from __future__ import annotations

from flowls.model.flow import (
    Condition,
    Element,
    Flow,
    Input,
    JsonPath,
    Label,
    Output,
    Phase,
    PluginDefault,
    Task,
    Trigger,
)
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, key_text, scalar_string, scalar_text

TASK_LISTS = ("tasks", "then", "else", "errors", "finally", "defaults")


def build_flow(root: Mapping) -> Flow:
    flow = Flow(root, (), None, scalar_string(root.get("id")), scalar_string(root.get("namespace")))
    for phase in Phase:
        flow.phases[phase] = _tasks_in_phase(root, phase, flow)
    flow.triggers = [_trigger(item, path, flow) for item, path in _mappings(root, "triggers", ())]
    flow.inputs = [
        Input(item, path, flow, _str(item, "id"), _str(item, "type")) for item, path in _mappings(root, "inputs", ())
    ]
    flow.outputs = [
        Output(item, path, flow, _str(item, "id"), _str(item, "type")) for item, path in _mappings(root, "outputs", ())
    ]
    flow.labels = _labels(root.get("labels"), ("labels",), flow)
    flow.plugin_defaults = [_plugin_default(item, path, flow) for item, path in _mappings(root, "pluginDefaults", ())]
    variables = root.get("variables")
    flow.variables = variables if isinstance(variables, Mapping) else None
    return flow


def _tasks_in_phase(root: Mapping, phase: Phase, flow: Flow) -> list[Task]:
    top = [_task(item, path, flow, phase, phase.value) for item, path in _mappings(root, phase.value, ())]
    stack = list(top)
    while stack:
        task = stack.pop()
        task.children = list(_children(task))
        stack.extend(task.children)
    return top


def _children(parent: Task) -> list[Task]:
    node, path, phase = parent.mapping, parent.path, parent.phase
    children: list[Task] = []
    for key in TASK_LISTS:
        for item, item_path in _mappings(node, key, path):
            wrapped = item.get("task")
            if isinstance(wrapped, Mapping) and item.get("type") is None:  # Dag: {task, dependsOn}
                children.append(_task(wrapped, (*item_path, "task"), parent, phase, key))
            else:
                children.append(_task(item, item_path, parent, phase, key))
    cases = node.get("cases")
    if isinstance(cases, Mapping):
        for case_key, _ in cases.pairs:
            name = key_text(case_key)
            children.extend(
                _task(item, item_path, parent, phase, f"cases.{name}")
                for item, item_path in _mappings(cases, name, (*path, "cases"))
            )
    on_pause = node.get("onPause")
    if isinstance(on_pause, Mapping):
        children.append(_task(on_pause, (*path, "onPause"), parent, phase, "onPause"))
    children.sort(key=lambda child: child.start)
    return children


def _task(node: Mapping, path: JsonPath, parent: Element, phase: Phase, slot: str) -> Task:
    return Task(node, path, parent, _str(node, "id"), _str(node, "type"), phase, slot)


def _trigger(node: Mapping, path: JsonPath, flow: Flow) -> Trigger:
    trigger = Trigger(node, path, flow, _str(node, "id"), _str(node, "type"))
    trigger.conditions = _conditions(node, path, trigger)
    return trigger


def _conditions(node: Mapping, path: JsonPath, parent: Element) -> list[Condition]:
    # Conditions nest through Not/Or `conditions`; an explicit stack keeps deep input safe.
    result: list[Condition] = []
    stack: list[tuple[Mapping, JsonPath, Element, list[Condition]]] = [(node, path, parent, result)]
    while stack:
        holder, holder_path, owner, into = stack.pop()
        for item, item_path in _mappings(holder, "conditions", holder_path):
            condition = Condition(item, item_path, owner, _str(item, "type"))
            into.append(condition)
            stack.append((item, item_path, condition, condition.children))
    return result


def _labels(node: Node | None, path: JsonPath, flow: Flow) -> list[Label]:
    if isinstance(node, Mapping):
        return [Label(value, (*path, key_text(key)), flow, key_text(key), key, value) for key, value in node.pairs]
    labels: list[Label] = []
    if isinstance(node, Sequence):
        for index, item in enumerate(node.items):
            if isinstance(item, Mapping):
                key_node = item.get("key")
                labels.append(Label(item, (*path, index), flow, scalar_string(key_node), key_node, item.get("value")))
    return labels


def _plugin_default(node: Mapping, path: JsonPath, flow: Flow) -> PluginDefault:
    forced = node.get("forced")
    values = node.get("values")
    return PluginDefault(
        node,
        path,
        flow,
        _str(node, "type"),
        isinstance(forced, Scalar) and forced.value is True,
        values if isinstance(values, Mapping) else None,
    )


def _mappings(node: Mapping, key: str, path: JsonPath) -> list[tuple[Mapping, JsonPath]]:
    """The mapping items of the list at ``node[key]``, with their paths."""
    value = node.get(key)
    if not isinstance(value, Sequence):
        return []
    return [(item, (*path, key, i)) for i, item in enumerate(value.items) if isinstance(item, Mapping)]


def _str(node: Mapping, key: str) -> str | None:
    return scalar_text(node.get(key))
