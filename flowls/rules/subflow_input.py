from flowls.findings import Severity
from flowls.parse.nodes import Mapping, key_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.unknown_subflow import EXAMPLE_CHILD, subflow_targets

RULE = Rule(
    id="subflow-input",
    severity=Severity.ERROR,
    summary="A Subflow passes an input its target does not declare, or leaves out a required one.",
    doc="""
    ## What it does
    When the called flow is in the workspace, checks the Subflow's `inputs` against it: each
    key must be an input the target declares, and every input the target requires without a
    default must be given. The inputs of a Kestra 2.0 `FORM` input (`form.id`) are not checked.

    ## Why is this bad?
    Kestra refuses to create the child execution (`Missing required input` …).

    ## Example
    ```yaml
    id: parent
    namespace: company.team
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: child
        inputs:
          regoin: eu
    ```
    Use instead:
    ```yaml
    id: parent
    namespace: company.team
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: child
        inputs:
          region: eu
    ```
    """,
    example_options={"workspace": {"child.yaml": EXAMPLE_CHILD}},
)


def check(ctx: RuleContext) -> None:
    if ctx.workspace is None:
        return
    for task, target in subflow_targets(ctx):
        summary = ctx.workspace.find(target[0], target[1])
        if summary is None:
            continue
        given = task.mapping.get("inputs")
        names = {key_text(key): key for key, _ in given.pairs} if isinstance(given, Mapping) else {}
        # A 2.0 FORM's inputs are given by path (`form.id`); the workspace does not know them, so they are not checked.
        forms = {i.id for i in summary.inputs if i.type == "FORM"} if ctx.version.major >= 2 else set()
        for name, key in names.items():
            if summary.input(name) is None and name.partition(".")[0] not in forms:
                declared = ", ".join(i.id for i in summary.inputs) or "none"
                ctx.report(RULE, key, f"flow '{summary.id}' declares no input '{name}' (it has: {declared})")
        for declared in summary.inputs:
            if declared.required and not declared.has_default and declared.id not in names and declared.id not in forms:
                at = task.mapping.pair("inputs")[0] if given is not None else target[2]  # type: ignore[index]
                ctx.report(RULE, at, f"missing required input '{declared.id}' of flow '{summary.id}'")
