"""Document outline and folding: phases, tasks nested by flowable, triggers, inputs."""

from __future__ import annotations

from dataclasses import dataclass, field

from flowls.features.document import FlowFile
from flowls.model import Flow, Phase, Task
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence


@dataclass
class Symbol:
    name: str
    kind: str  # "flow", "phase", "task", "trigger", "input", "output"
    detail: str | None
    start: int
    end: int
    selection: tuple[int, int]
    children: list[Symbol] = field(default_factory=list)


def document_symbols(file: FlowFile) -> list[Symbol]:
    return [_flow_symbol(d.flow) for d in file.analysis.documents if d.flow is not None]


def _flow_symbol(flow: Flow) -> Symbol:
    node = flow.mapping
    id_node = node.get("id")
    symbol = Symbol(flow.id or "flow", "flow", flow.namespace, node.start, node.end, _selection(id_node, node))
    for phase in Phase:
        pair = node.pair(phase.value)
        if pair is None:
            continue
        key, value = pair
        phase_symbol = Symbol(phase.value, "phase", None, key.start, value.end, (key.start, key.end))
        phase_symbol.children = [_task_symbol(task) for task in flow.phases.get(phase, [])]
        symbol.children.append(phase_symbol)
    for name, elements, kind in (("triggers", flow.triggers, "trigger"), ("inputs", flow.inputs, "input")):
        pair = node.pair(name)
        if pair is None or not elements:
            continue
        group = Symbol(name, "phase", None, pair[0].start, pair[1].end, (pair[0].start, pair[0].end))
        for element in elements:
            mapping = element.node
            id_node = mapping.get("id") if isinstance(mapping, Mapping) else None
            label = element.id or f"<{kind}>"
            group.children.append(
                Symbol(label, kind, element.type, element.start, element.end, _selection(id_node, mapping))
            )
        symbol.children.append(group)
    return symbol


def _task_symbol(task: Task) -> Symbol:
    id_node = task.mapping.get("id")
    symbol = Symbol(task.id or "<task>", "task", task.type, task.start, task.end, _selection(id_node, task.node))
    symbol.children = [_task_symbol(child) for child in task.children]
    return symbol


def _selection(id_node: Node | None, fallback: Node) -> tuple[int, int]:
    if isinstance(id_node, Scalar):
        return id_node.start, id_node.end
    return fallback.start, fallback.start


def folding_ranges(file: FlowFile) -> list[tuple[int, int]]:
    """Line ranges (0-based, inclusive) of every collection or block scalar spanning lines."""
    index = file.analysis.index
    found: set[tuple[int, int]] = set()
    for document in file.analysis.documents:
        stack: list[Node] = [document.root] if document.root is not None else []
        while stack:
            node = stack.pop()
            end = node.end
            while end > node.start and file.text[end - 1] in " \t\r\n":
                end -= 1  # a block collection ends where the next line's content starts
            first, last = index.position(node.start).line, index.position(max(node.start, end - 1)).line
            foldable = not isinstance(node, Scalar) or (node.style is not None and node.style in "|>")
            if last > first and foldable:
                found.add((first, last))
            if isinstance(node, Mapping):
                stack.extend(value for _, value in node.pairs)
            elif isinstance(node, Sequence):
                stack.extend(node.items)
    return sorted(found)
