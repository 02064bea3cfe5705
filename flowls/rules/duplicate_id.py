from flowls.findings import Severity
from flowls.model import Task
from flowls.model.flow import FOR_EACH_ITEM
from flowls.parse.nodes import Mapping, Node, scalar_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import ResolvedInput, resolvable_inputs, resolve_type

RULE = Rule(
    id="duplicate-id",
    severity=Severity.ERROR,
    summary="Two tasks, triggers, inputs, outputs or Flow-trigger preconditions share an id, or input paths clash.",
    doc="""
    ## What it does
    Flags an id used twice among the flow's tasks (`tasks`, `errors`, `finally`,
    `afterExecution` and every nested list, Dag `task`s and Pause `onPause` included), its
    triggers, its inputs, its outputs, or (Kestra 1.x) the `preconditions.id` of its Flow
    triggers. Each repetition after the first is reported with the line of the first one. A
    ForEachItem (1.x) `each` also owns the ids `each_split`, `each_items` and `each_merge`.
    In Kestra 2.0, the inputs of a `FORM` input are named by their path (`form.id`): a path
    used twice, and a path nested under another (`a` and `a.b`), are flagged too.

    ## Why is this bad?
    Kestra refuses to save the flow (`Duplicate task id with name [...]`, `Duplicate trigger
    id ...`, `Duplicate input ...`, `Duplicate output ...`, `Duplicate preconditions ...`,
    `Duplicate input path [...]`, `Input path 'a' conflicts with 'a.b'`): outputs, inputs and
    trigger states are looked up by id, so ids must be unique, and input values are nested by
    path, so one cannot hold the other.

    ## Example
    ```yaml
    id: report
    namespace: company.team
    tasks:
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: hi
      - id: parallel
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi again
    ```
    Use instead:
    ```yaml
    id: report
    namespace: company.team
    tasks:
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: hi
      - id: parallel
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: hello_again
            type: io.kestra.plugin.core.log.Log
            message: hi again
    ```
    """,
)

FLOW_TRIGGER = "io.kestra.plugin.core.trigger.Flow"


def check(ctx: RuleContext) -> None:
    flow = ctx.flow
    tasks = sorted(flow.all_tasks(), key=lambda task: task.start)
    task_ids = [(task.id, task.mapping.get("id")) for task in tasks]
    _report_duplicates(ctx, "task id", task_ids)
    _report_for_each_item_clashes(ctx, tasks)
    _report_duplicates(ctx, "trigger id", [(t.id, _id_node(t.node)) for t in flow.triggers])
    _report_duplicates(ctx, "input id", [(i.id, _id_node(i.node)) for i in flow.inputs])
    if ctx.version.major >= 2:
        _report_input_path_clashes(ctx, resolvable_inputs(ctx))
    _report_duplicates(ctx, "output id", [(o.id, _id_node(o.node)) for o in flow.outputs])
    if ctx.version.major == 1:  # FlowValidator's "preconditions unique id" check, which 2.0 dropped with preconditions
        preconditions: list[tuple[str | None, Node | None]] = []
        for trigger in flow.triggers:
            if resolve_type(ctx.schema, trigger.type) == FLOW_TRIGGER and isinstance(trigger.node, Mapping):
                holder = trigger.node.get("preconditions")
                if isinstance(holder, Mapping):
                    node = holder.get("id")
                    preconditions.append((scalar_text(node), node))
        _report_duplicates(ctx, "preconditions id", preconditions)


def _report_duplicates(ctx: RuleContext, noun: str, ids: list[tuple[str | None, Node | None]]) -> None:
    first: dict[str, Node] = {}
    for value, node in ids:
        if value is None or node is None:
            continue
        if value in first:
            ctx.report(RULE, node, f"duplicate {noun} '{value}' (first used on line {_line(ctx, first[value])})")
        else:
            first[value] = node


def _report_input_path_clashes(ctx: RuleContext, inputs: list[ResolvedInput]) -> None:
    """Kestra 2.0's FlowValidator checks the expanded input paths (``Input.collectExpandedPaths``): no
    path twice, but for two top-level inputs, already a duplicate input id; and none under another."""
    first: dict[str, ResolvedInput] = {}
    for item in inputs:
        earlier = first.setdefault(item.path, item)
        if earlier is not item and (earlier.form or item.form):
            where = _line(ctx, earlier.id_node)
            ctx.report(RULE, item.id_node, f"duplicate input path '{item.path}' (first used on line {where})")
    seen: list[ResolvedInput] = []
    for item in first.values():
        for earlier in seen:
            ancestor, descendant = sorted((earlier.path, item.path), key=len)
            if descendant.startswith(ancestor + "."):
                where = _line(ctx, earlier.id_node)
                message = f"input path '{item.path}' conflicts with '{earlier.path}' on line {where}: "
                ctx.report(RULE, item.id_node, message + "one cannot be nested under the other")
        seen.append(item)


def _line(ctx: RuleContext, node: Node) -> int:
    return ctx.reporter.index.position(node.start).line + 1


def _report_for_each_item_clashes(ctx: RuleContext, tasks: list[Task]) -> None:
    owners: dict[str, tuple[str, Node]] = {}
    for task in tasks:
        node = task.mapping.get("id")
        if task.id is not None and node is not None and resolve_type(ctx.schema, task.type) in FOR_EACH_ITEM:
            for created in task.created_ids:  # ForEachItem's tasks take part in Kestra's check
                owners.setdefault(created, (task.id, node))
    for task in tasks:
        node = task.mapping.get("id")
        if task.id in owners and node is not None:
            owner, owner_node = owners[task.id]
            ctx.report(
                RULE,
                node,
                f"duplicate task id '{task.id}': the ForEachItem '{owner}' on line {_line(ctx, owner_node)} "
                "creates a task with this id",
            )


def _id_node(node: Node) -> Node | None:
    return node.get("id") if isinstance(node, Mapping) else None
