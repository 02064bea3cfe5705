from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="deprecated-type",
    severity=Severity.WARNING,
    summary="A plugin type is a deprecated alias of another class.",
    doc="""
    ## What it does
    Flags a `type` written with an old name that Kestra still resolves (for example
    `io.kestra.core.tasks.log.Log`) and names the class to use instead.

    ## Why is this bad?
    Aliases are kept for old flows only; Kestra 2.0 removes all `io.kestra.core.tasks.*` ones.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.core.tasks.log.Log
        message: Hello
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
