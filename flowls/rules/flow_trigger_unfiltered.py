from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Scalar, Sequence
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="flow-trigger-unfiltered",
    severity=Severity.WARNING,
    summary="A Flow trigger has neither conditions nor preconditions, so every execution of every flow fires it.",
    doc="""
    ## What it does
    Flags a `Flow` trigger (`io.kestra.plugin.core.trigger.Flow` or its old name) that sets
    neither `conditions` nor `preconditions`.

    ## Why is this bad?
    Kestra warns that such a flow is triggered for EVERY execution of EVERY flow on the
    instance, its own included. Say which upstream flows (and states) should start it with
    `preconditions`.

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

FLOW_TRIGGERS = frozenset({"io.kestra.plugin.core.trigger.Flow", "io.kestra.core.models.triggers.types.Flow"})


def check(ctx: RuleContext) -> None:
    for trigger in ctx.flow.triggers:
        node = trigger.node
        if trigger.type not in FLOW_TRIGGERS or not isinstance(node, Mapping):
            continue
        conditions, preconditions = node.get("conditions"), node.get("preconditions")
        if isinstance(conditions, Sequence) and conditions.items:
            continue
        if preconditions is not None and not (isinstance(preconditions, Scalar) and preconditions.value is None):
            continue
        ctx.report(
            RULE,
            node.get("type") or node,
            f"Flow trigger '{trigger.id}' has neither conditions nor preconditions: it fires for EVERY execution "
            "of EVERY flow on the instance; add preconditions",
        )
