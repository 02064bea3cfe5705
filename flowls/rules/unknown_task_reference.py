from flowls.findings import Severity
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-task-reference",
    severity=Severity.ERROR,
    summary="An expression reads the outputs or state of a task the flow does not have.",
    doc="""
    ## What it does
    Flags `outputs.x`, `outputs['x']` and `tasks.x` when no task of the flow, in any phase or
    nested list, has the id `x`, and suggests the closest id.

    ## Why is this bad?
    Kestra fails the task: `Unable to find [x] used in the expression`.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: fetch
        type: io.kestra.plugin.core.debug.Return
        format: data
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.fetc.value }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: fetch
        type: io.kestra.plugin.core.debug.Return
        format: data
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.fetch.value }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    ids = ctx.flow.task_ids()
    for expression in ctx.expressions:
        if expression.in_trigger:
            continue
        safe = expression.guarded
        for ref in expression.dashed:
            if ref.root != "inputs" and ref.name not in ids:
                message = f"no task '{ref.name}' in this flow{did_you_mean(ref.name, ids)}"
                ctx.report(RULE, expression.span(ref.name_start, ref.end), message)
        for chain in expression.chains:
            root = chain.root.name
            if root not in ("outputs", "tasks") or not chain.keys or id(chain.node) in safe:
                continue
            if expression.dashed_covering(chain.root):
                continue
            key, start, end = chain.keys[0]
            if key not in ids:
                message = f"no task '{key}' in this flow{did_you_mean(key, ids)}"
                ctx.report(RULE, expression.span(start, end), message)
