from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="not-a-flow",
    severity=Severity.ERROR,
    summary="The document is empty or is not a mapping.",
    doc="""
    ## What it does
    Flags a YAML document that cannot be a flow: an empty document, or one whose root is a
    list or a plain value instead of a mapping.

    ## Why is this bad?
    A flow is a mapping with at least `id`, `namespace` and `tasks`.

    ## Example
    ```yaml
    - id: hello
      namespace: company.team
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
)
