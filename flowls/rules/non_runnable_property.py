from flowls.findings import Severity
from flowls.parse.nodes import Scalar
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type
from flowls.rules.working_directory_child import WORKER_ROUTING, task_kind

RULE = Rule(
    id="non-runnable-property",
    severity=Severity.WARNING,
    summary="A task that is not runnable sets timeout, taskCache or its worker, which only runnable tasks use.",
    doc="""
    ## What it does
    Flags `timeout`, `taskCache` and `workerGroup` (Kestra 1.x) or `workerSelector` (Kestra
    2.0) on a task whose type is not runnable according to the schema: flowable tasks
    (`Sequential`, `If`, `Loop`, …), `Subflow`, and tasks that update the execution
    (`SetVariables`, `Labels`, …). `timeout` on `Pause` is allowed: it bounds the pause. Types
    the schema does not know are not flagged.

    ## Why is this bad?
    Kestra warns that the task `cannot use the 'timeout' property as it's only relevant for
    runnable tasks`: these properties are applied by the worker that runs a task, and these
    tasks never reach a worker, so the setting does nothing.

    ## Example
    ```yaml
    id: nightly
    namespace: company.team
    tasks:
      - id: steps
        type: io.kestra.plugin.core.flow.Sequential
        timeout: PT10M
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
    ```
    Use instead:
    ```yaml
    id: nightly
    namespace: company.team
    tasks:
      - id: steps
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            timeout: PT10M
    ```
    """,
)

PAUSE = "io.kestra.plugin.core.flow.Pause"
KIND_NAMES = {
    "task-flowable": "flowable",
    "task-executable": "starts executions",
    "task-execution-updating": "updates the execution",
}


def check(ctx: RuleContext) -> None:
    properties = ("timeout", "taskCache", WORKER_ROUTING[ctx.version.major])  # FlowService.warnings
    for task in ctx.tasks:
        kind = task_kind(ctx, task.type)
        if kind is None or kind == "task-runnable":
            continue
        for prop in properties:
            pair = task.mapping.pair(prop)
            if pair is None or (isinstance(pair[1], Scalar) and pair[1].value is None):
                continue
            if prop == "timeout" and resolve_type(ctx.schema, task.type) == PAUSE:
                continue
            what = KIND_NAMES.get(kind, kind)
            ctx.report(
                RULE,
                pair[0],
                f"task '{task.id}' cannot use '{prop}': it only applies to runnable tasks, "
                f"and {task.type} {'is ' if what == 'flowable' else ''}{what}",
            )
