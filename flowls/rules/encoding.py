from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="encoding",
    severity=Severity.ERROR,
    summary="The file is not UTF-8 text.",
    doc="""
    ## What it does
    Reports bytes that are not valid UTF-8 (or UTF-16 after a byte order mark) and binary
    data (NUL bytes), at the first offending position.

    ## Why is this bad?
    Kestra reads flows as UTF-8; anything else is rejected or garbled.

    ## Example
    The same flow saved as Latin-1, where `é` is the single byte `0xE9`:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: café
    ```
    Use instead: save it as UTF-8.
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: café
    ```
    """,
    example_options={"bad-example-encoding": "latin-1"},
)
