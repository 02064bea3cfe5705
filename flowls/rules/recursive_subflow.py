from flowls.findings import Severity
from flowls.model.flow import STARTS_EXECUTIONS
from flowls.parse.nodes import scalar_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="recursive-subflow",
    severity=Severity.ERROR,
    summary="A Subflow or ForEachItem task runs the flow it belongs to.",
    doc="""
    ## What it does
    Flags a `Subflow` or (Kestra 1.x) `ForEachItem` task, or one of their 1.x old names, whose
    literal `namespace` and `flowId` are the flow's own.

    ## Why is this bad?
    Kestra refuses to save the flow (`Recursive call to flow [<namespace>.<id>]`): each
    execution would start another one of the same flow, without end.

    ## Example
    ```yaml
    id: orders
    namespace: company.team
    tasks:
      - id: again
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: orders
    ```
    Use instead:
    ```yaml
    id: orders
    namespace: company.team
    tasks:
      - id: process
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: process_order
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    flow = ctx.flow
    if flow.id is None or flow.namespace is None:
        return
    for task in flow.all_tasks():
        if resolve_type(ctx.schema, task.type) not in STARTS_EXECUTIONS:  # FlowValidator: an ExecutableTask
            continue
        namespace, flow_id = task.mapping.get("namespace"), task.mapping.get("flowId")
        if flow_id is None or scalar_text(namespace) != flow.namespace or scalar_text(flow_id) != flow.id:
            continue
        ctx.report(
            RULE,
            flow_id,
            f"recursive call to flow [{flow.namespace}.{flow.id}]: task '{task.id}' runs the flow it belongs to",
        )
