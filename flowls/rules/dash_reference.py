from flowls.findings import Edit, Severity
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="dash-reference",
    severity=Severity.ERROR,
    summary="An input or task id with a dash is read with a dot: Pebble sees a subtraction.",
    doc="""
    ## What it does
    Flags `inputs.my-input`, `outputs.my-task.value` and `tasks.my-task` when `my-input` or
    `my-task` is an id of the flow. Pebble reads `inputs.my - input`. The fix writes the
    bracket notation Kestra asks for: `inputs['my-input']`.

    ## Why is this bad?
    Kestra rejects the flow: `Invalid input reference: use inputs[key-name] instead of
    inputs.key-name` (and the same for outputs).

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    inputs:
      - id: server-name
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.server-name }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    inputs:
      - id: server-name
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs['server-name'] }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    inputs = {element.id for element in ctx.flow.inputs if element.id}
    tasks = ctx.flow.task_ids()
    for expression in ctx.expressions:
        if expression.in_trigger:
            continue
        for ref in expression.dashed:
            if ref.name not in (inputs if ref.root == "inputs" else tasks):
                continue
            start, end = expression.span(ref.start, ref.end)
            written = f"{ref.root}.{ref.name}"
            bracketed = f"{ref.root}['{ref.name}']"
            fix = None
            if ctx.text[start:end] == written:  # only where the value maps onto the source as written
                quote = "''" if expression.scalar.style == "'" else "'"  # inside a single-quoted YAML string
                fix = (f"Write {bracketed}", [Edit(start, end, f"{ref.root}[{quote}{ref.name}{quote}]")])
            ctx.report(RULE, (start, end), f"'{written}' reads as a subtraction; write {bracketed}", fix=fix)
