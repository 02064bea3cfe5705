from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="schema",
    severity=Severity.ERROR,
    summary="A value does not fit Kestra's flow schema.",
    doc="""
    ## What it does
    Checks the flow against Kestra's JSON schema (the bundled core schema, or your instance's
    with `--schema`). Each task, trigger, condition, input and retry is checked against the
    definition its `type` names: unknown properties (with a suggestion), missing required
    properties, wrong types, values outside an enum, patterns (matched against the whole
    value, as Kestra does), lengths and bounds. A property Kestra renders (`$dynamic`) accepts
    a Pebble expression whatever its type, and values from `pluginDefaults` count as set.

    ## Why is this bad?
    Kestra refuses to save such a flow, or fails when it runs.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        mesage: Hello
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: Hello
    ```
    """,
)
