from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="empty-branch",
    severity=Severity.ERROR,
    summary="A Switch task has neither cases nor defaults.",
    doc="""
    ## What it does
    Flags a `Switch` task whose `cases` is missing or empty and whose `defaults` is missing
    or empty.

    ## Why is this bad?
    Kestra refuses to save the flow (`No task defined, neither cases or default have any
    tasks`): whatever the value, the Switch would have nothing to run.

    ## Example
    ```yaml
    id: route
    namespace: company.team
    inputs:
      - id: region
        type: STRING
    tasks:
      - id: switch
        type: io.kestra.plugin.core.flow.Switch
        value: "{{ inputs.region }}"
        cases: {}
    ```
    Use instead:
    ```yaml
    id: route
    namespace: company.team
    inputs:
      - id: region
        type: STRING
    tasks:
      - id: switch
        type: io.kestra.plugin.core.flow.Switch
        value: "{{ inputs.region }}"
        cases:
          eu:
            - id: eu
              type: io.kestra.plugin.core.log.Log
              message: Europe
        defaults:
          - id: elsewhere
            type: io.kestra.plugin.core.log.Log
            message: elsewhere
    ```
    """,
)

SWITCH = "io.kestra.plugin.core.flow.Switch"


def check(ctx: RuleContext) -> None:
    for task in ctx.tasks:
        if resolve_type(ctx.schema, task.type) != SWITCH:
            continue
        # Kestra's test: an empty `cases` map and an empty `defaults` list (a case with no task still counts).
        cases, defaults = task.mapping.pair("cases"), task.mapping.pair("defaults")
        if not (_empty(cases, Mapping) and _empty(defaults, Sequence)):
            continue
        at: Node = task.mapping.get("type") or task.mapping
        for pair in (defaults, cases):
            if pair is not None:
                at = pair[1] if isinstance(pair[1], Mapping | Sequence) else pair[0]
        ctx.report(RULE, at, f"Switch '{task.id}' has no task to run: neither cases nor defaults have any tasks")


def _empty(pair: tuple[Node, Node] | None, kind: type[Mapping] | type[Sequence]) -> bool:
    """Missing, null or an empty collection (anything else is the schema's business)."""
    if pair is None:
        return True
    value = pair[1]
    if isinstance(value, Scalar):
        return value.value is None
    if isinstance(value, Mapping):
        return kind is Mapping and not value.pairs
    if isinstance(value, Sequence):
        return kind is Sequence and not value.items
    return False
