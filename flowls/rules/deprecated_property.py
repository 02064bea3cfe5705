from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="deprecated-property",
    severity=Severity.WARNING,
    summary="A property the schema marks deprecated is set.",
    doc="""
    ## What it does
    Flags a property whose schema is marked `$deprecated`, at its key. Kestra still reads it,
    so nothing fails today; hover the key for what replaces it.

    ## Why is this bad?
    Deprecated properties are removed in later Kestra versions: the 1.x line already dropped
    retry `maxAttempt`, the HTTP client's `readTimeout` and PurgeKV's `expiredOnly`.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          interval: PT1M
          maxAttempt: 3
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          interval: PT1M
          maxAttempts: 3
    ```
    """,
)
