from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="duplicate-key",
    severity=Severity.ERROR,
    summary="A mapping has the same key twice.",
    doc="""
    ## What it does
    Flags every repeated key of a mapping, at the repetition.

    ## Why is this bad?
    Kestra rejects the flow (`Duplicate field 'message'`). Many YAML tools silently keep one
    of the values instead, so the mistake survives until deployment.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: Hello
        message: World
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: Hello World
    ```
    """,
)
