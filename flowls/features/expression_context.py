"""What the names of a Pebble expression stand for at a place of a flow: the tasks that can
have run there, the inputs, variables, labels, trigger variables, and the render context.

The flow behind the names is the current analysis, or the text re-read with the cursor's line
blanked (a half-typed line is the usual syntax error), or the last analysis that parsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowls.features.document import FlowFile
from flowls.features.schema_docs import Located
from flowls.features.yaml_outline import Entry, Outline, document_at
from flowls.model import Flow, Phase, Task, build_flow
from flowls.model.order import why_not_before
from flowls.parse.compose import compose
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, key_text
from flowls.pebble import STATES

# What execution.state holds in afterExecution (kestra-semantics §3.2).
FINAL_STATES = ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED")
SET_VARIABLES = "io.kestra.plugin.core.execution.SetVariables"

# --- the flow behind the names -----------------------------------------------------------------


@dataclass
class Scope:
    flow: Flow | None
    task: Task | None  # the task whose property holds the cursor
    key: str | None  # that property
    phase: str | None  # the top-level key the cursor is under (tasks, errors, triggers, ...)
    aliases: dict[str, str]


def scope(file: FlowFile, outline: Outline, located: Located, offset: int, entry: Entry | None) -> Scope:
    flow = flow_model(file, outline, offset)
    chain = located.blocks
    phase = chain[1].segment if len(chain) > 1 and isinstance(chain[1].segment, str) else None
    if phase is None and entry is not None and entry.block is chain[0] and isinstance(entry.name, str):
        phase = entry.name
    task, key = None, None
    current = flow is not None and any(d.flow is flow for d in file.analysis.documents)
    expression = file.expression_at(offset) if current else None
    if expression is not None and expression.task is not None:  # the parsed tree says exactly
        return Scope(flow, expression.task, expression.key, phase, file.schema.aliases)
    if flow is not None and located.tasks:
        block = located.tasks[-1]
        task = _find_task(flow, block.inline("id"), block.path)
        position = chain.index(block)
        if position + 1 < len(chain):
            segment = chain[position + 1].segment
            key = segment if isinstance(segment, str) else None
        elif entry is not None and isinstance(entry.name, str):
            key = entry.name
    return Scope(flow, task, key, phase, file.schema.aliases)


def _find_task(flow: Flow, task_id: str | None, path: tuple[str | int, ...]) -> Task | None:
    tasks = list(flow.all_tasks())
    if task_id:
        found = next((t for t in tasks if t.id == task_id), None)
        if found is not None:
            return found
    found = next((t for t in tasks if t.path == path), None)
    if found is not None and (task_id is None or found.id in (None, task_id)):
        return found
    return None


def flow_model(file: FlowFile, outline: Outline, offset: int) -> Flow | None:
    """The flow of the document at ``offset``: parsed now, parsed with the cursor's line
    blanked, or as it last parsed."""
    index, _, _ = document_at(file.text, offset)
    documents = file.analysis.documents
    if index < len(documents) and documents[index].flow is not None:
        return documents[index].flow
    repaired = _blanked(file.text, outline, offset)
    composed = compose(repaired)
    if index < len(composed.documents) and isinstance(composed.documents[index], Mapping):
        return build_flow(composed.documents[index])  # type: ignore[arg-type]
    if file.last_good is not None and index < len(file.last_good.documents):
        return file.last_good.documents[index].flow
    return None


def _blanked(text: str, outline: Outline, offset: int) -> str:
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = len(text)
    for stop in ("\n", "\r"):
        found = text.find(stop, offset)
        if found >= 0:
            line_end = min(line_end, found)
    cursor = outline.cursor
    start = line_start
    if cursor.kind == "value" and cursor.entry is not None and cursor.entry.value_start <= offset:
        start = cursor.entry.value_start
    blank = re.sub(r"[^\r\n]", " ", text[start:line_end])
    return text[:start] + blank + text[line_end:]


# --- what the names stand for ------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    name: str
    kind: str  # completion kind: "variable", "property", "task", ...
    detail: str | None = None
    documentation: str | None = None


ROOTS = {
    "flow": "The flow: `id`, `namespace`, `revision`, `tenantId`.",
    "execution": "The execution: `id`, `state`, `startDate`, `originalId`, `outputs`.",
    "task": "The task being rendered: `id`, `type`.",
    "taskrun": "The task run: `id`, `startDate`, `attemptsCount`, `parentId`, `value`, `iteration`.",
    "parent": "The nearest parent task: `task.id`, `taskrun.value`.",
    "parents": "The parent tasks, nearest first, each with `task.id` and `taskrun.value`.",
    "outputs": "Outputs of the tasks that ran: `outputs.<taskId>.<attribute>`.",
    "tasks": "States of the tasks that ran: `tasks.<taskId>.state`.",
    "inputs": "The execution's inputs: `inputs.<id>`.",
    "vars": "The flow's `variables` (or those set by SetVariables), not rendered.",
    "trigger": "Variables of the trigger that started the execution.",
    "labels": "The execution's labels: `labels.<key>`.",
    "envs": "Environment variables starting with `ENV_`, prefix removed, lower-cased.",
    "globals": "Global variables of the Kestra server configuration.",
    "kestra": "The Kestra instance: `environment`, `url`.",
    "files": "Files of a test (test fixtures only).",
    "workerTaskrun": "The worker task run (internal).",
}
# Kestra 2.0: set in the iterations of a Loop only.
LOOP_ROOTS = {"item": "The Loop iteration's item: `item.value`, `item.index`, `item.key` (Kestra 2.0)."}
_ATTRIBUTES = {
    "flow": {
        "id": "The flow's id.",
        "namespace": "The flow's namespace.",
        "revision": "The flow's revision.",
        "tenantId": "The tenant of the flow (Enterprise Edition).",
    },
    "execution": {
        "id": "The execution's id.",
        "state": "The execution's state.",
        "startDate": "When the execution started.",
        "originalId": "The id of the execution this one was replayed from (its own id otherwise).",
        "outputs": "The flow's `outputs`, once the execution ended (in `afterExecution`).",
    },
    "task": {"id": "The id of the task being rendered.", "type": "The type of the task being rendered."},
    "taskrun": {
        "id": "The task run's id.",
        "startDate": "When the task run started.",
        "attemptsCount": "How many attempts were made (retries).",
        "parentId": "The id of the parent task run.",
        "value": "The current value of the enclosing ForEach (or Switch).",
        "iteration": "The iteration number of the enclosing loop.",
    },
    "parent": {"task": "The parent task: `id`.", "taskrun": "The parent task run: `value`."},
    "item": {
        "value": "The current value of the enclosing Loop.",
        "index": "Its position in the Loop's values, from 0.",
        "key": "Its key, when the Loop's values are a map.",
        "parent": "The item of the Loop holding this one: `item.parent.value`.",
        "parents": "The items of the enclosing Loops, outermost first (as Kestra 2.0's LoopTest asserts).",
    },
    "kestra": {"environment": "The instance's environment name.", "url": "The instance's URL."},
}
_NESTED = {("parent", "task"): {"id": "The parent task's id."}, ("parent", "taskrun"): {"value": "Its value."}}


def members(file: FlowFile, scope: Scope, chain: tuple[str, ...]) -> list[Member]:
    """The attributes of the chain ``chain`` (``("outputs",)`` → the task ids)."""
    flow = scope.flow
    root, rest = chain[0], chain[1:]
    if not rest and root in _ATTRIBUTES:
        return [Member(name, "property", None, doc) for name, doc in _ATTRIBUTES[root].items()]
    if chain in _NESTED:
        return [Member(name, "property", None, doc) for name, doc in _NESTED[chain].items()]
    if chain == ("execution", "state") or flow is None:
        return []
    if chain == ("execution", "outputs"):
        return [Member(o.id, "variable", o.type, _description(o.node)) for o in flow.outputs if o.id]
    if root in ("outputs", "tasks"):
        return _task_members(file, scope, flow, rest, root)
    if root == "inputs":
        found = [(i.id, i) for i in flow.inputs if i.id]
        return _dotted(rest, ((name, lambda i=i: (i.type, _description(i.node))) for name, i in found))
    if root == "vars":
        return _variables(flow, scope, rest)
    if root == "labels":
        pairs = [(label.key, label) for label in flow.labels if label.key]
        return _dotted(rest, ((name, lambda lb=lb: (_short(lb.value_node), None)) for name, lb in pairs))
    if root == "trigger" and not rest:
        return _trigger_members(file, flow)
    return []


def _task_members(file: FlowFile, scope: Scope, flow: Flow, rest: tuple[str, ...], root: str) -> list[Member]:
    if scope.phase == "triggers":
        return []  # a trigger's `outputs` are the upstream execution's
    if not rest:
        found: list[Member] = []
        seen: set[str] = set()
        for task in flow.all_tasks():
            if not task.id or task.id in seen:
                continue
            if scope.task is not None and why_not_before(task, scope.task, scope.key, scope.aliases):
                continue
            for name in (task.id, *task.created_ids):
                seen.add(name)
                found.append(Member(name, "task", task.type, task_markdown(file, task, name)))
        return found
    if len(rest) == 1:
        task = next((t for t in flow.all_tasks() if t.id == rest[0]), None)
        if root == "tasks":
            return [Member("state", "property", "state", "The task run's state.")] if task else []
        if task is None:
            return []
        outputs = file.schema.outputs_of(task.type)
        return [
            Member(name, "property", str(spec.get("type", "any")), spec.get("title")) for name, spec in outputs.items()
        ]
    return []


def task_markdown(file: FlowFile, task: Task, name: str | None = None) -> str:
    lines = [f"Task `{name or task.id}` · `{task.type or 'no type'}`"]
    if name and name != task.id:
        lines[0] += f" (created by `{task.id}`)"
    outputs = file.schema.outputs_of(file.schema.aliases.get(task.type or "", task.type))
    if outputs:
        listed = "\n".join(
            f"- `{attr}` ({spec.get('type', 'any')}): {spec.get('title', '')}".rstrip(": ")
            for attr, spec in outputs.items()
        )
        lines.append("Outputs:\n" + listed)
    elif task.type in file.schema.plugin_types:
        lines.append("No outputs.")
    return "\n\n".join(lines)


def _variables(flow: Flow, scope: Scope, rest: tuple[str, ...]) -> list[Member]:
    sources: list[tuple[Mapping, str | None]] = []
    if flow.variables is not None:
        sources.append((flow.variables, None))
    for task in flow.all_tasks():
        if scope.aliases.get(task.type or "", task.type) == SET_VARIABLES:
            values = task.mapping.get("variables")
            if isinstance(values, Mapping):
                sources.append((values, task.id))
    found: dict[str, Member] = {}
    for mapping, setter in sources:
        node: Node | None = mapping
        for name in rest:
            node = node.get(name) if isinstance(node, Mapping) else None
        if not isinstance(node, Mapping):
            continue
        for key, value in node.pairs:
            name = key_text(key)
            if name not in found:
                doc = f"Value: `{_short(value)}`" + (f"\n\nSet by task `{setter}`." if setter else "")
                found[name] = Member(name, "variable", _short(value), doc)
    return list(found.values())


def _dotted(rest: tuple[str, ...], named) -> list[Member]:  # type: ignore[no-untyped-def]
    """Ids whose dots nest (``db.host`` is ``inputs.db.host``): the next names under ``rest``."""
    found: dict[str, Member] = {}
    prefix = ".".join(rest) + "." if rest else ""
    for name, facts in named:
        if not name.startswith(prefix):
            continue
        head, dot, _ = name[len(prefix) :].partition(".")
        if not head or head in found:
            continue
        if dot:
            found[head] = Member(head, "variable", "group", None)
        else:
            detail, doc = facts()
            found[head] = Member(head, "variable", detail, doc)
    return list(found.values())


def _trigger_members(file: FlowFile, flow: Flow) -> list[Member]:
    found: dict[str, Member] = {}
    for trigger in flow.triggers:
        kind = file.schema.aliases.get(trigger.type or "", trigger.type)
        for name, spec in file.schema.outputs_of(kind).items():
            if name not in found:
                short = (kind or "").rsplit(".", 1)[-1]
                found[name] = Member(
                    name, "property", f"{spec.get('type', 'any')} · {short} trigger", spec.get("title")
                )
    return list(found.values())


def _description(node: Node) -> str | None:
    if isinstance(node, Mapping):
        value = node.get("description")
        if isinstance(value, Scalar) and value.value is not None:
            return value.text
    return None


def _short(node: Node | None) -> str:
    if isinstance(node, Scalar):
        text = "null" if node.value is None else node.text
        return text if len(text) <= 40 else text[:37] + "..."
    if isinstance(node, Mapping):
        keys = [key_text(k) for k, _ in node.pairs]
        return "mapping: " + ", ".join(keys[:5]) + (", ..." if len(keys) > 5 else "")
    if isinstance(node, Sequence):
        return f"list of {len(node.items)} item{'s' if len(node.items) != 1 else ''}"
    return "null"


def execution_state_markdown(phase: str | None) -> str:
    head = "**execution.state** · the execution's state"
    if phase in (Phase.TASKS.value, Phase.ERRORS.value, Phase.FINALLY.value):
        body = (
            f"`RUNNING` here (in `{phase}`): tasks, errors and finally run while the execution is running. "
            "The final state is only known in `afterExecution`."
        )
    elif phase == Phase.AFTER_EXECUTION.value:
        finals = ", ".join(f"`{s}`" for s in FINAL_STATES)
        body = f"The final state in `afterExecution`: the execution has ended ({finals})."
    else:
        body = (
            "`RUNNING` in `tasks`, `errors` and `finally`; the final state in `afterExecution`. "
            "One of " + ", ".join(f"`{s}`" for s in STATES) + "."
        )
    return f"{head}\n\n{body}"
