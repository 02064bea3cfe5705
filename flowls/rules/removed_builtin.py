from flowls.findings import Edit, Severity
from flowls.pebble import ast as p
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="removed-builtin",
    severity=Severity.WARNING,
    summary="A Pebble function or filter Kestra removed in the 1.x line.",
    doc="""
    ## What it does
    Flags the `json()` function and the `json` filter, which Kestra 1.1 removed in favour of
    `fromJson()` and `toJson`, and fixes them to the new names (same behaviour).

    ## Why is this bad?
    From Kestra 1.1 on, rendering fails: `Function or Macro [json] does not exist`. Kestra 1.0
    still has them, hence a warning.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ json('{\\"a\\": 1}').a }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ fromJson('{\\"a\\": 1}').a }}"
    ```
    """,
)

REMOVED_FUNCTIONS = {"json": "fromJson"}
REMOVED_FILTERS = {"json": "toJson"}


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        for node in expression.nodes:
            if isinstance(node, p.Call) and isinstance(node.callee, p.Name):
                kind, name, start, end = "function", node.callee.name, node.callee.start, node.callee.end
                removed, known = REMOVED_FUNCTIONS, ctx.dialect.functions
            elif isinstance(node, p.FilterCall):
                kind, name, start, end = "filter", node.name, node.name_start, node.name_end
                removed, known = REMOVED_FILTERS, ctx.dialect.filters
            else:
                continue
            if name not in removed or name in known:
                continue
            replacement = removed[name]
            document = expression.span(start, end)
            fix = None
            if ctx.text[document[0] : document[1]] == name:
                fix = (f"Use {replacement}", [Edit(*document, replacement)])
            ctx.report(RULE, document, f"the {kind} '{name}' was removed in Kestra 1.1; use '{replacement}'", fix=fix)
