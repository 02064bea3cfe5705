from flowls.findings import Severity
from flowls.model import Task
from flowls.model.order import why_not_before
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="output-before-run",
    severity=Severity.WARNING,
    summary="An expression reads the outputs of a task that cannot have run yet.",
    doc="""
    ## What it does
    Flags `outputs.x` in a task that runs before `x` can have finished: a later task of the same
    sequential list, the task itself, a task in another branch of the same If or Switch, a task
    of `errors`, `finally` or `afterExecution` read from an earlier phase, a child's outputs read
    by its flowable's own properties (an If's `condition`). Parallel siblings and Dag children
    that do not depend on each other are left alone (they may have run), and so are a
    LoopUntil's `condition` and a child reading its flowable's outputs.

    ## Why is this bad?
    The outputs do not exist yet, so rendering fails with `Unable to find [x]`.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.fetch.value }}"
      - id: fetch
        type: io.kestra.plugin.core.debug.Return
        format: data
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
    tasks: dict[str, Task] = {}
    for task in ctx.tasks:
        if task.id:
            tasks.setdefault(task.id, task)
    for expression in ctx.expressions:
        if expression.task is None:
            continue
        safe = expression.guarded
        for chain in expression.chains:
            if chain.root.name != "outputs" or not chain.keys or id(chain.node) in safe:
                continue
            key, start, end = chain.keys[0]
            producer = tasks.get(key)
            if producer is None:
                continue
            reason = why_not_before(producer, expression.task, expression.key, ctx.schema.aliases)
            if reason:
                message = f"'{key}' cannot have run when '{expression.task.id}' reads its outputs: {reason}"
                ctx.report(RULE, expression.span(start, end), message)
