from flowls.edits import move_task_to_phase
from flowls.findings import Severity
from flowls.model import Phase
from flowls.pebble import TERMINAL_STATES
from flowls.references import state_literals
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="terminal-state-check",
    severity=Severity.WARNING,
    summary="execution.state is compared with a final state where it is always RUNNING.",
    doc="""
    ## What it does
    Flags a comparison of `execution.state` with a terminal state (SUCCESS, WARNING, FAILED,
    KILLED, CANCELLED, …) in `tasks`, `errors` or `finally`: in `runIf`, an If or Fail
    `condition`, or any other expression. Printing `{{ execution.state }}` is not flagged.
    When the task sits directly in `errors` or `finally`, the quick fix moves it to
    `afterExecution`.

    ## Why is this bad?
    Kestra computes the execution's final state only after `tasks`, `errors` and `finally` have
    run: until then `execution.state` is `RUNNING`, so the comparison never matches and the
    task never does what it says. `afterExecution` runs once the state is final.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: work
        type: io.kestra.plugin.core.log.Log
        message: working
    finally:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: the flow failed
        runIf: "{{ execution.state == 'FAILED' }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: work
        type: io.kestra.plugin.core.log.Log
        message: working
    afterExecution:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: the flow failed
        runIf: "{{ execution.state == 'FAILED' }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        task = expression.task
        if task is None or task.phase is Phase.AFTER_EXECUTION:
            continue
        for state in state_literals(expression.template):
            if not state.case_sensitive or state.value not in TERMINAL_STATES:
                continue
            message = (
                f"execution.state is always RUNNING in '{task.phase.value}', so comparing it with "
                f"'{state.value}' never matches; check it in afterExecution, which runs once the "
                "execution has its final state"
            )
            edits = move_task_to_phase(ctx.text, ctx.flow, task, Phase.AFTER_EXECUTION)
            fix = (f"Move '{task.id}' to afterExecution", edits) if edits else None
            comparison = state.comparison
            ctx.report(RULE, expression.span(comparison.start, comparison.end), message, fix=fix, safe=False)
