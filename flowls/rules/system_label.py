from collections.abc import Iterator

from flowls.findings import Severity
from flowls.model.flow import STARTS_EXECUTIONS
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, key_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="system-label",
    severity=Severity.ERROR,
    summary="A label key starts with `system.`, a prefix only Kestra may set.",
    doc="""
    ## What it does
    Flags flow labels whose key starts with `system.`, except `system.readOnly`, and any
    `system.` label on a trigger, a Subflow task, an SLA, or in Kestra 1.x a ForEachItem task
    or an `ExecutionLabels` condition (there even `system.readOnly` is refused). Both the list
    form (`- key: …`) and the map form (`key: value`) are checked.

    ## Why is this bad?
    Kestra refuses to save the flow (`System labels can only be set by Kestra itself,
    offending label: <key>=<value>`): labels such as `system.correlationId` or
    `system.username` are set by Kestra on executions and must not be forged.

    ## Example
    ```yaml
    id: billing
    namespace: company.team
    labels:
      system.username: admin
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    Use instead:
    ```yaml
    id: billing
    namespace: company.team
    labels:
      owner: admin
      system.readOnly: true
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    """,
)

PREFIX = "system."
READ_ONLY = "system.readOnly"
EXECUTION_LABELS = "io.kestra.plugin.core.condition.ExecutionLabels"  # 1.x: 2.0 has no conditions


def check(ctx: RuleContext) -> None:
    flow = ctx.flow
    for label in flow.labels:
        if label.key is not None and label.key.startswith(PREFIX) and label.key != READ_ONLY:
            _report(
                ctx, label.key_node or label.node, label.key, label.value_node, "a flow may only set 'system.readOnly'"
            )
    holders: list[tuple[Node, str]] = []
    for trigger in flow.triggers:
        holders.append((trigger.node, f"trigger '{trigger.id}'"))
        stack = list(trigger.conditions)
        while stack:
            condition = stack.pop()
            stack.extend(condition.children)
            if resolve_type(ctx.schema, condition.type) == EXECUTION_LABELS:
                holders.append((condition.node, f"condition {condition.type}"))
    holders.extend(
        (task.node, f"task '{task.id}'")
        for task in flow.all_tasks()
        if resolve_type(ctx.schema, task.type) in STARTS_EXECUTIONS
    )
    sla = flow.mapping.get("sla")
    if isinstance(sla, Sequence):
        holders.extend((item, "an SLA") for item in sla.items)
    for holder, owner in holders:
        if not isinstance(holder, Mapping):
            continue
        for key, key_node, value_node in _labels(holder.get("labels")):
            if key.startswith(PREFIX):
                _report(ctx, key_node, key, value_node, f"not even 'system.readOnly' on {owner}")


def _labels(node: Node | None) -> Iterator[tuple[str, Node, Node | None]]:
    """(key, key node, value node) of a label list or map."""
    if isinstance(node, Mapping):
        for key, value in node.pairs:
            yield key_text(key), key, value
    elif isinstance(node, Sequence):
        for item in node.items:
            key = item.get("key") if isinstance(item, Mapping) else None
            if isinstance(key, Scalar) and isinstance(key.value, str):
                yield key.value, key, item.get("value")


def _report(ctx: RuleContext, node: Node, key: str, value: Node | None, hint: str) -> None:
    shown = value.text if isinstance(value, Scalar) else "…"
    ctx.report(RULE, node, f"label '{key}={shown}': system labels can only be set by Kestra itself ({hint})")
