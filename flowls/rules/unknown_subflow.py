from collections.abc import Iterator

from flowls.findings import Severity
from flowls.model import Task
from flowls.model.flow import SUBFLOW
from flowls.parse.nodes import Node, scalar_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type
from flowls.schema.index import SchemaIndex

# The flow the examples of this rule and of subflow-input call.
EXAMPLE_CHILD = (
    "id: child\nnamespace: company.team\ninputs:\n  - id: region\n    type: STRING\n"
    'tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ inputs.region }}"\n'
)

RULE = Rule(
    id="unknown-subflow",
    severity=Severity.WARNING,
    summary="A Subflow task calls a flow that is not in the workspace.",
    doc="""
    ## What it does
    When the other flows of the workspace are known (the editor's workspace folders, or the
    files flowlint was given), flags a Subflow whose literal `namespace` and `flowId` name no
    flow among them. Expressions in either are left alone.

    ## Why is this bad?
    Kestra fails the task when the flow does not exist on the instance (`The subflow … not
    found`). A warning, because the flow may live in another repository.

    ## Example
    ```yaml
    id: parent
    namespace: company.team
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: chld
        inputs:
          region: eu
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


def subflow_target(task: Task, schema: SchemaIndex) -> tuple[str, str, Node] | None:
    """A Subflow's literal namespace and flow id, and the node to report at; None for other tasks,
    and for types the schema's Kestra version lacks (2.0 has no old names)."""
    if resolve_type(schema, task.type) not in SUBFLOW:
        return None
    namespace, flow_id = scalar_text(task.mapping.get("namespace")), task.mapping.get("flowId")
    name = scalar_text(flow_id)
    if not namespace or not name or "{" in namespace or "{" in name or flow_id is None:
        return None
    return namespace, name, flow_id


def subflow_targets(ctx: RuleContext) -> Iterator[tuple[Task, tuple[str, str, Node]]]:
    """The Subflow tasks of the flow with a literal target."""
    for task in ctx.tasks:
        if (target := subflow_target(task, ctx.schema)) is not None:
            yield task, target


def check(ctx: RuleContext) -> None:
    if ctx.workspace is None:
        return
    for _, (namespace, name, node) in subflow_targets(ctx):
        if ctx.workspace.find(namespace, name) is None:
            ctx.report(RULE, node, f"no flow '{name}' in namespace '{namespace}' in the workspace")
