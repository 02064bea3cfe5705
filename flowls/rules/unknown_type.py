from flowls.findings import Severity
from flowls.rules.base import Rule

RULE = Rule(
    id="unknown-type",
    severity=Severity.WARNING,
    summary="A task, trigger or condition type is not in the loaded schema.",
    doc="""
    ## What it does
    Flags a plugin `type` the loaded schema does not define, with the closest known type when
    there is one. The properties every plugin of that kind shares (`id`, `runIf`, `retry`, …)
    are still checked.

    ## Why is this bad?
    It is often a typo. It is a warning, not an error, because the bundled schema covers
    Kestra's core plugins only: load your instance's schema (`--schema`) to know them all.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Lgo
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
