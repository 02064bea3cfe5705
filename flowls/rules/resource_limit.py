from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="resource-limit",
    severity=Severity.ERROR,
    summary="The file is too large, too deeply nested or expands too far to be checked.",
    doc="""
    ## What it does
    Refuses a file over `max-file-size` (5 MB by default), a document nested deeper than
    `max-depth` levels (256), or one whose aliases expand to over a million nodes, instead of
    letting the parser exhaust memory or the stack. Nothing else in the file is checked.

    ## Why is this bad?
    No real flow comes near these limits; a file that does is generated, corrupt or hostile.

    ## Example
    With `max-depth = 3`:
    ```yaml
    id: hello
    namespace: company.team
    variables:
      a: {b: {c: {d: 1}}}
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    ```
    """,
    example_options={"max-depth": 3},
)
