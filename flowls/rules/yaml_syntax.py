from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="yaml-syntax",
    severity=Severity.ERROR,
    summary="The file is not valid YAML.",
    doc="""
    ## What it does
    Reports the first YAML syntax error of a file, at the position where the parser stopped:
    bad indentation, an unclosed quote or bracket, a tab used for indentation, a character
    YAML forbids.

    ## Why is this bad?
    Kestra cannot read the flow at all; nothing after the error is checked either.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "Hello
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "Hello"
    ```
    """,
)
