from flowls.findings import Severity
from flowls.pebble import ast as p
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.removed_builtin import REMOVED_FILTERS
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-filter",
    severity=Severity.ERROR,
    summary="A Pebble filter that Kestra does not have.",
    doc="""
    ## What it does
    Flags a filter (`value | name`) that is neither one of Kestra's (`date`, `dateAdd`, `jq`,
    `toJson`, `number`, …) nor one of the Pebble filters Kestra keeps, and suggests the closest
    name. Kestra removed Pebble's `escape`, `raw` and `numberformat` (use `numberFormat`).

    ## Why is this bad?
    Kestra fails with `Filter [name] does not exist` when it renders the value.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id | uper }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id | upper }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    known = ctx.dialect.filters
    for expression in ctx.expressions:
        for node in expression.nodes:
            if isinstance(node, p.FilterCall) and node.name not in known and node.name not in REMOVED_FILTERS:
                message = f"unknown filter '{node.name}'{did_you_mean(node.name, known)}"
                ctx.report(RULE, expression.span(node.name_start, node.name_end), message)
