from flowls.findings import Severity
from flowls.pebble import STATES
from flowls.references import state_literals
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-state",
    severity=Severity.ERROR,
    summary="A state name that Kestra does not have.",
    doc="""
    ## What it does
    Flags a state compared with `execution.state`, or passed to `tasksWithState()`, that is not
    one of Kestra's states (CREATED, RUNNING, SUCCESS, WARNING, FAILED, KILLED, CANCELLED,
    SKIPPED, …), and suggests the closest one. Comparisons are case-sensitive;
    `tasksWithState` upper-cases its argument.

    ## Why is this bad?
    The comparison can never be true, or the function finds nothing.

    ## Example
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
        message: it failed
        runIf: "{{ execution.state == 'FAILURE' }}"
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
        message: it failed
        runIf: "{{ execution.state == 'FAILED' }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        for state in state_literals(expression.template):
            value = state.value if state.case_sensitive else state.value.upper()
            if value in STATES:
                continue
            hint = did_you_mean(state.value.upper(), STATES)
            literal = state.literal
            ctx.report(RULE, expression.span(literal.start, literal.end), f"unknown state '{state.value}'{hint}")
