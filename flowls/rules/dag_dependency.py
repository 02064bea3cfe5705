from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Sequence, scalar_text
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.input_dependency import find_cycles
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="dag-dependency",
    severity=Severity.ERROR,
    summary="A Dag task depends on a task that is not in the Dag, or Dag tasks depend on each other in a cycle.",
    doc="""
    ## What it does
    Checks the `dependsOn` lists of a `Dag` task: each id must name a task of the same Dag,
    and the dependencies must not loop back. A cycle is reported once, on the dependency that
    closes it from its first task.

    ## Why is this bad?
    Kestra refuses to save the flow (`Not existing task id in dependency: taskX`,
    `Cyclic dependency detected: task1, task2`): a task waiting for a task that never runs, or
    for itself, would never start.

    ## Example
    ```yaml
    id: etl
    namespace: company.team
    tasks:
      - id: dag
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - task:
              id: extract
              type: io.kestra.plugin.core.log.Log
              message: extract
          - task:
              id: load
              type: io.kestra.plugin.core.log.Log
              message: load
            dependsOn:
              - transform
    ```
    Use instead:
    ```yaml
    id: etl
    namespace: company.team
    tasks:
      - id: dag
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - task:
              id: extract
              type: io.kestra.plugin.core.log.Log
              message: extract
          - task:
              id: load
              type: io.kestra.plugin.core.log.Log
              message: load
            dependsOn:
              - extract
    ```
    """,
)

DAG = "io.kestra.plugin.core.flow.Dag"


def check(ctx: RuleContext) -> None:
    for task in ctx.tasks:
        if resolve_type(ctx.schema, task.type) == DAG:
            _check_dag(ctx, task.id, task.mapping.get("tasks"))


def _check_dag(ctx: RuleContext, dag_id: str | None, items: Node | None) -> None:
    if not isinstance(items, Sequence):
        return
    # task id -> [(dependency id, the item naming it)]; the first task with an id wins
    graph: dict[str, list[tuple[str, Node]]] = {}
    entries: list[tuple[str | None, list[tuple[str, Node]]]] = []
    for item in items.items:
        if not isinstance(item, Mapping):
            continue
        wrapped = item.get("task")
        task_id = scalar_text(wrapped.get("id")) if isinstance(wrapped, Mapping) else None
        dependencies = _dependencies(item.get("dependsOn"))
        entries.append((task_id, dependencies))
        if task_id is not None and task_id not in graph:
            graph[task_id] = dependencies
    for task_id, dependencies in entries:
        for dependency, node in dependencies:
            if dependency not in graph:
                owner = f" of task '{task_id}'" if task_id is not None else ""
                ctx.report(
                    RULE, node, f"unknown task id in dependency{owner}: '{dependency}' is not a task of Dag '{dag_id}'"
                )
    edges = {key: [dep for dep, _ in deps if dep in graph] for key, deps in graph.items()}
    for cycle in find_cycles(edges):
        node = next(node for dep, node in graph[cycle[0]] if dep == cycle[1])
        ctx.report(RULE, node, f"cyclic dependency in Dag '{dag_id}': {' -> '.join(cycle)}")


def _dependencies(node: Node | None) -> list[tuple[str, Node]]:
    if not isinstance(node, Sequence):
        return []
    return [(value, item) for item in node.items if (value := scalar_text(item)) is not None]
