from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="flow-trigger-unfiltered",
    severity=Severity.WARNING,
    summary="A Flow trigger does not say which executions start it, so every execution of every flow fires it.",
    doc="""
    ## What it does
    Flags a `Flow` trigger (`io.kestra.plugin.core.trigger.Flow`, or in Kestra 1.x its old
    name) that sets neither `conditions` nor `preconditions` (Kestra 1.x), or neither
    `dependsOn` nor a `when` condition other than `true` (Kestra 2.0).

    ## Why is this bad?
    Kestra warns that such a flow is triggered for EVERY execution of EVERY flow on the
    instance, its own included. Say which upstream flows (and states) should start it with
    `preconditions` (1.x) or `dependsOn` (2.0).

    ## Example
    ```yaml
    id: notify
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: an upstream flow ended
    triggers:
      - id: upstream
        type: io.kestra.plugin.core.trigger.Flow
    ```
    Use instead:
    ```yaml
    id: notify
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: an upstream flow ended
    triggers:
      - id: upstream
        type: io.kestra.plugin.core.trigger.Flow
        preconditions:
          id: orders
          flows:
            - namespace: company.team
              flowId: orders
              states: [SUCCESS]
    ```
    """,
)

FLOW_TRIGGER = "io.kestra.plugin.core.trigger.Flow"


def check(ctx: RuleContext) -> None:
    for trigger in ctx.flow.triggers:
        node = trigger.node
        if resolve_type(ctx.schema, trigger.type) != FLOW_TRIGGER or not isinstance(node, Mapping):
            continue
        if ctx.version.major == 1:
            # FlowService.warnings (1.x): no conditions and no preconditions
            if _has_items(node.get("conditions")) or not _is_null(node.get("preconditions")):
                continue
            missing, advice = "neither conditions nor preconditions", "add preconditions"
        else:
            # FlowService.warnings (2.0): no dependsOn and `when` left to its default, "true"
            when = node.get("when")
            if _has_items(node.get("dependsOn")) or not (_is_null(when) or _is_true(when)):
                continue
            missing, advice = "neither dependsOn nor a when condition", "add dependsOn"
        ctx.report(
            RULE,
            node.get("type") or node,
            f"Flow trigger '{trigger.id}' has {missing}: it fires for EVERY execution of EVERY flow on the "
            f"instance; {advice}",
        )


def _has_items(node: Node | None) -> bool:
    return isinstance(node, Sequence) and bool(node.items)


def _is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, Scalar) and node.value is None)


def _is_true(node: Node | None) -> bool:
    """``"true".equals(when)``: Jackson reads `when: true` into the String as "true" too."""
    return isinstance(node, Scalar) and (node.value is True or node.value == "true")
