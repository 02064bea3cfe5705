from flowls.findings import Severity
from flowls.model import Task
from flowls.parse.nodes import Mapping, Node, scalar_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="duplicate-id",
    severity=Severity.ERROR,
    summary="Two tasks, triggers, inputs, outputs or Flow-trigger preconditions share an id.",
    doc="""
    ## What it does
    Flags an id used twice among the flow's tasks (`tasks`, `errors`, `finally`,
    `afterExecution` and every nested list, Dag `task`s and Pause `onPause` included), its
    triggers, its inputs, its outputs, or the `preconditions.id` of its Flow triggers. Each
    repetition after the first is reported with the line of the first one. A ForEachItem
    `each` also owns the ids `each_split`, `each_items` and `each_merge`.

    ## Why is this bad?
    Kestra refuses to save the flow (`Duplicate task id with name [...]`, `Duplicate trigger
    id ...`, `Duplicate input ...`, `Duplicate output ...`, `Duplicate preconditions ...`):
    outputs, inputs and trigger states are looked up by id, so ids must be unique.

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

FLOW_TRIGGERS = frozenset({"io.kestra.plugin.core.trigger.Flow", "io.kestra.core.models.triggers.types.Flow"})


def check(ctx: RuleContext) -> None:
    flow = ctx.flow
    tasks = sorted(flow.all_tasks(), key=lambda task: task.start)
    task_ids = [(task.id, task.mapping.get("id")) for task in tasks]
    _report_duplicates(ctx, "task id", task_ids)
    _report_for_each_item_clashes(ctx, tasks)
    _report_duplicates(ctx, "trigger id", [(t.id, _id_node(t.node)) for t in flow.triggers])
    _report_duplicates(ctx, "input id", [(i.id, _id_node(i.node)) for i in flow.inputs])
    _report_duplicates(ctx, "output id", [(o.id, _id_node(o.node)) for o in flow.outputs])
    preconditions: list[tuple[str | None, Node | None]] = []
    for trigger in flow.triggers:
        if trigger.type in FLOW_TRIGGERS and isinstance(trigger.node, Mapping):
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
            line = ctx.reporter.index.position(first[value].start).line + 1
            ctx.report(RULE, node, f"duplicate {noun} '{value}' (first used on line {line})")
        else:
            first[value] = node


def _report_for_each_item_clashes(ctx: RuleContext, tasks: list[Task]) -> None:
    owners: dict[str, tuple[str, Node]] = {}
    for task in tasks:
        node = task.mapping.get("id")
        if task.id is not None and node is not None:
            for created in task.created_ids:  # ForEachItem's tasks take part in Kestra's check
                owners.setdefault(created, (task.id, node))
    for task in tasks:
        node = task.mapping.get("id")
        if task.id in owners and node is not None:
            owner, owner_node = owners[task.id]
            line = ctx.reporter.index.position(owner_node.start).line + 1
            ctx.report(
                RULE,
                node,
                f"duplicate task id '{task.id}': the ForEachItem '{owner}' on line {line} creates a task with this id",
            )


def _id_node(node: Node) -> Node | None:
    return node.get("id") if isinstance(node, Mapping) else None
