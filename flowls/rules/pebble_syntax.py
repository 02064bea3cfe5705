from flowls.findings import Severity
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="pebble-syntax",
    severity=Severity.ERROR,
    summary="A Pebble expression does not parse.",
    doc="""
    ## What it does
    Parses every Pebble template of the flow (`{{ }}`, `{% %}`, `{# #}`) the way Kestra's Pebble
    does, with Kestra's operators (`??`, `???`, `isIn`), and reports the first error of each
    expression at its exact place, saying what was expected.

    ## Why is this bad?
    Kestra fails the task (or refuses the trigger) when it renders the value.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id ?? }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id ?? 'unknown' }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        for error in expression.template.errors:
            ctx.report(RULE, expression.span(error.start, error.end), error.message)
