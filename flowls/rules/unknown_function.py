from flowls.findings import Severity
from flowls.pebble import ast as p
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.removed_builtin import REMOVED_FUNCTIONS
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-function",
    severity=Severity.ERROR,
    summary="A Pebble function that Kestra does not have.",
    doc="""
    ## What it does
    Flags a call to a function that is neither one of Kestra's (`now`, `secret`, `kv`, `render`,
    `fromJson`, `tasksWithState`, …) nor one of Pebble's (`max`, `min`, `range`) nor a macro the
    template defines, and suggests the closest name.

    ## Why is this bad?
    Kestra fails with `Function or Macro [name] does not exist` when it renders the value.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ nwo() }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ now() }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    known = ctx.dialect.functions
    for expression in ctx.expressions:
        macros = None
        for node in expression.nodes:
            if (
                isinstance(node, p.Call)
                and isinstance(node.callee, p.Name)
                and node.callee.name not in known
                and node.callee.name not in REMOVED_FUNCTIONS
            ):
                macros = expression.bound_names if macros is None else macros
                name = node.callee.name
                if name not in macros:
                    message = f"unknown function '{name}'{did_you_mean(name, known)}"
                    ctx.report(RULE, expression.span(node.callee.start, node.callee.end), message)
