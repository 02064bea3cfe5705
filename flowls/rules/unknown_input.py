from flowls.findings import Severity
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolvable_inputs
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-input",
    severity=Severity.ERROR,
    summary="An expression reads an input the flow does not declare.",
    doc="""
    ## What it does
    Flags `inputs.x` (or `inputs['x']`) when the flow declares no input `x`. Input ids with dots
    nest: an input `db.host` is read as `inputs.db.host`, and `inputs.db` is its parent map; so
    do the inputs of a Kestra 2.0 `FORM` input: `region` in the FORM `env` is `inputs.env.region`.
    Guarded references (`inputs.x ?? 'default'`, `inputs.x is defined`) are left alone.

    ## Why is this bad?
    Kestra fails the task: `Unable to find [x] used in the expression`.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    inputs:
      - id: user
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "Hello {{ inputs.usr }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    inputs:
      - id: user
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "Hello {{ inputs.user }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    ids = {item.path for item in resolvable_inputs(ctx) if item.path}
    # and a FORM's own id, which dash-reference reports when it has a dash
    declared = ids | {element.id for element in ctx.flow.inputs if element.id}
    for expression in ctx.expressions:
        if expression.in_trigger:
            continue
        safe = expression.guarded
        for ref in expression.dashed:
            if ref.root == "inputs" and ref.name not in declared:
                message = f"no input '{ref.name}' in this flow{did_you_mean(ref.name, ids)}"
                ctx.report(RULE, expression.span(ref.name_start, ref.end), message)
        for chain in expression.chains:
            if chain.root.name != "inputs" or not chain.keys or id(chain.node) in safe:
                continue
            if expression.dashed_covering(chain.root):
                continue
            path = ""
            for key, _, end in chain.keys:
                path = f"{path}.{key}" if path else key
                if path in ids:
                    break
                if not any(known.startswith(path + ".") for known in ids):
                    message = f"no input '{path}' in this flow{did_you_mean(path, ids)}"
                    ctx.report(RULE, expression.span(chain.keys[0][1], end), message)
                    break
