from flowls.findings import Severity
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="reserved-flow-id",
    severity=Severity.ERROR,
    summary="The flow id is a word Kestra reserves for its API.",
    doc="""
    ## What it does
    Kestra 1.x only. Flags a flow `id` that Kestra 1.x reserves: `pause`, `resume`,
    `force-run`, `change-status`, `kill`, `executions`, `search`, `source`, `disable`, `enable`.

    ## Why is this bad?
    Kestra 1.x refuses to save the flow (`Flow id is a reserved keyword`): those words are
    paths of its executions API. Kestra 2.0 reserves none: its execution actions moved under
    `/actions/`.

    ## Example
    ```yaml
    id: resume
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    Use instead:
    ```yaml
    id: resume_orders
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    """,
    versions=frozenset({1}),  # FlowValidator.RESERVED_FLOW_IDS, which 2.0 removed
)

RESERVED = (
    "pause",
    "resume",
    "force-run",
    "change-status",
    "kill",
    "executions",
    "search",
    "source",
    "disable",
    "enable",
)


def check(ctx: RuleContext) -> None:
    node = ctx.flow.mapping.get("id")
    if node is not None and ctx.flow.id in RESERVED:
        ctx.report(RULE, node, f"flow id '{ctx.flow.id}' is a reserved keyword: {', '.join(RESERVED)}")
