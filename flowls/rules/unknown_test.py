from flowls.findings import Severity
from flowls.pebble import ast as p
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-test",
    severity=Severity.ERROR,
    summary="A Pebble test (after 'is') that Kestra does not have.",
    doc="""
    ## What it does
    Flags `value is name` where `name` is not a test Kestra knows: Pebble's `defined`, `empty`,
    `even`, `odd`, `iterable`, `map`, `null` and Kestra's `json`.

    ## Why is this bad?
    Kestra fails with `Wrong operand(s) type` or `Test [name] does not exist` when it renders.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id is blank }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id is empty }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    known = ctx.dialect.tests
    for expression in ctx.expressions:
        for node in expression.nodes:
            if isinstance(node, p.Test) and node.name not in known:
                message = f"unknown test '{node.name}'{did_you_mean(node.name, known)}"
                ctx.report(RULE, expression.span(node.name_start, node.name_end), message)
