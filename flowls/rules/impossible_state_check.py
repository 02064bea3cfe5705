from flowls.findings import Severity
from flowls.model import Phase
from flowls.pebble import STATES
from flowls.references import state_literals
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="impossible-state-check",
    severity=Severity.WARNING,
    summary="In afterExecution, execution.state is compared with a state it can never have.",
    doc="""
    ## What it does
    In `afterExecution`, flags a comparison of `execution.state` with a state an ended
    execution never has: RUNNING, CREATED, QUEUED, PAUSED, … There the state is final:
    SUCCESS, WARNING, FAILED, KILLED, CANCELLED (or RETRIED).

    ## Why is this bad?
    The comparison is constant: the task always or never runs.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: work
        type: io.kestra.plugin.core.log.Log
        message: working
    afterExecution:
      - id: report
        type: io.kestra.plugin.core.log.Log
        message: still going
        runIf: "{{ execution.state == 'RUNNING' }}"
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
      - id: report
        type: io.kestra.plugin.core.log.Log
        message: it failed
        runIf: "{{ execution.state == 'FAILED' }}"
    ```
    """,
)

FINAL_STATES = frozenset(("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED", "RETRIED"))


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        task = expression.task
        if task is None or task.phase is not Phase.AFTER_EXECUTION:
            continue
        for state in state_literals(expression.template):
            if state.case_sensitive and state.value in STATES and state.value not in FINAL_STATES:
                message = (
                    f"in afterExecution the execution has ended: execution.state is never '{state.value}'"
                    f" (it is one of {', '.join(sorted(FINAL_STATES))})"
                )
                comparison = state.comparison
                ctx.report(RULE, expression.span(comparison.start, comparison.end), message)
