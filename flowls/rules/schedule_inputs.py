from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Scalar
from flowls.pebble.values import hash_map_order
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolvable_inputs, resolve_type

RULE = Rule(
    id="schedule-inputs",
    severity=Severity.ERROR,
    summary="A Schedule trigger leaves out an input that has no default.",
    doc="""
    ## What it does
    Kestra 2.0 only. Flags a `Schedule` trigger whose `inputs` do not give a value to every flow
    input without `defaults` (the inputs of a `FORM` input count by their dotted path,
    `form.field`), even an optional one.

    ## Why is this bad?
    Kestra 2.0's flow validator rejects the flow: `Missing inputs for Schedule Trigger 'id',
    missing inputs: 'name'`. A scheduled execution has nobody to ask for the value. Kestra 1.x
    accepted such a flow and started executions with the input missing.

    ## Example
    ```yaml
    id: report
    namespace: company.team
    inputs:
      - id: recipient
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.recipient }}"
    triggers:
      - id: daily
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "0 8 * * *"
    ```
    Use instead:
    ```yaml
    id: report
    namespace: company.team
    inputs:
      - id: recipient
        type: STRING
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.recipient }}"
    triggers:
      - id: daily
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "0 8 * * *"
        inputs:
          recipient: team@example.com
    ```
    """,
    example_options={"kestra-version": 2},
    versions=frozenset({2}),
)

SCHEDULE = "io.kestra.plugin.core.trigger.Schedule"


def check(ctx: RuleContext) -> None:
    without_defaults = _inputs_without_defaults(ctx)
    if not without_defaults:
        return
    for trigger in ctx.flow.triggers:
        node = trigger.node
        if resolve_type(ctx.schema, trigger.type) != SCHEDULE or not isinstance(node, Mapping):
            continue
        given = node.get("inputs")
        keys = set(given.keys()) if isinstance(given, Mapping) else set()
        missing = [name for name in without_defaults if name not in keys]
        if missing:
            # FlowValidator collects them in a HashSet (a HashMap of the default capacity) and joins them
            names = " | ".join(missing[i] for i in hash_map_order(missing, 16))
            message = f"Missing inputs for Schedule Trigger '{trigger.id}', missing inputs: '{names}'"
            ctx.report(RULE, given if isinstance(given, Mapping) else node.get("type") or node, message)


def _inputs_without_defaults(ctx: RuleContext) -> list[str]:
    return [item.path for item in resolvable_inputs(ctx) if _lacks_defaults(item.node)]


def _lacks_defaults(node: Mapping) -> bool:
    defaults = node.get("defaults")
    return defaults is None or (isinstance(defaults, Scalar) and defaults.value is None)
