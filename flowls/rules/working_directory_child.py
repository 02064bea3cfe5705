from flowls.findings import Severity
from flowls.parse.nodes import Scalar
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="working-directory-child",
    severity=Severity.ERROR,
    summary="A WorkingDirectory task holds a task that is not runnable, or a task that picks its own worker.",
    doc="""
    ## What it does
    Flags, in the `tasks` of a `WorkingDirectory`, a task whose type is not runnable
    according to the schema (a flowable such as `Pause` or `If`, a `Subflow`, an
    execution-updating task such as `SetVariables`) and a task that sets `workerGroup`
    (Kestra 1.x) or `workerSelector` (Kestra 2.0). Types the schema does not know are not
    flagged.

    ## Why is this bad?
    Kestra refuses to save the flow (`Only runnable tasks are allowed as children of a
    WorkingDirectory task`, `Cannot set a Worker Group in any WorkingDirectory sub-tasks` in
    1.x, `Cannot set routing requirements (workerSelector) on WorkingDirectory sub-tasks` in
    2.0): the whole group runs on one worker, in one directory, so its tasks must be tasks a
    worker runs, and the worker is chosen once, on the WorkingDirectory.

    ## Example
    ```yaml
    id: build
    namespace: company.team
    tasks:
      - id: workdir
        type: io.kestra.plugin.core.flow.WorkingDirectory
        tasks:
          - id: write
            type: io.kestra.plugin.core.log.Log
            message: writing
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            pauseDuration: PT5S
    ```
    Use instead:
    ```yaml
    id: build
    namespace: company.team
    tasks:
      - id: workdir
        type: io.kestra.plugin.core.flow.WorkingDirectory
        tasks:
          - id: write
            type: io.kestra.plugin.core.log.Log
            message: writing
      - id: wait
        type: io.kestra.plugin.core.flow.Pause
        pauseDuration: PT5S
    ```
    """,
)

WORKING_DIRECTORY = "io.kestra.plugin.core.flow.WorkingDirectory"
# The task property that picks a worker: Task.workerGroup in 1.x, Task.workerSelector in 2.0.
WORKER_ROUTING = {1: "workerGroup", 2: "workerSelector"}
KIND_NAMES = {
    "task-flowable": "a flowable task",
    "task-executable": "a task that starts executions",
    "task-execution-updating": "a task that updates the execution",
}


def check(ctx: RuleContext) -> None:
    routing = WORKER_ROUTING[ctx.version.major]
    for parent in ctx.tasks:
        if resolve_type(ctx.schema, parent.type) != WORKING_DIRECTORY:
            continue
        for child in parent.children:
            if child.slot != "tasks":
                continue  # Kestra checks `tasks` only; errors and finally run on the executor
            kind = task_kind(ctx, child.type)
            type_node = child.mapping.get("type")
            if kind is not None and kind != "task-runnable" and type_node is not None:
                what = KIND_NAMES.get(kind, f"not runnable ({kind})")
                ctx.report(
                    RULE,
                    type_node,
                    f"only runnable tasks are allowed in WorkingDirectory '{parent.id}': "
                    f"task '{child.id}' ({child.type}) is {what}",
                )
            pair = child.mapping.pair(routing)
            if pair is None or (isinstance(pair[1], Scalar) and pair[1].value is None):
                continue
            if ctx.version.major == 1:
                message = f"task '{child.id}' cannot set a workerGroup inside WorkingDirectory '{parent.id}': "
                message += "set it on the WorkingDirectory"
            else:  # WorkingDirectoryTaskValidator (2.0)
                message = f"task '{child.id}' cannot set routing requirements (workerSelector) inside WorkingDirectory "
                message += f"'{parent.id}': only the WorkingDirectory itself can carry them"
            ctx.report(RULE, pair[0], message)


def task_kind(ctx: RuleContext, task_type: str | None) -> str | None:
    """The schema's ``$kind`` of a task type (``task-runnable``, ``task-flowable``, …), None if unknown."""
    name = ctx.schema.plugin_types.get(task_type) if task_type is not None else None
    kind = ctx.schema.definitions.get(name, {}).get("$kind") if name is not None else None
    return kind if isinstance(kind, str) and kind.startswith("task") else None
