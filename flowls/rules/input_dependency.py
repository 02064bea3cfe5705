from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Sequence, scalar_string
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolvable_inputs

RULE = Rule(
    id="input-dependency",
    severity=Severity.ERROR,
    summary="An input depends on an input that does not exist, or inputs depend on each other in a cycle.",
    doc="""
    ## What it does
    Checks each input's `dependsOn.inputs`: every id must name an input of the flow, and the
    dependencies must not loop back (`a` waits for `b` which waits for `a`). A cycle is
    reported once, on the dependency that closes it from its first input. In Kestra 2.0 the
    inputs of a `FORM` input are named by their full path (`form.id`), even from a sibling,
    and the FORM itself is no input one can depend on.

    ## Why is this bad?
    Kestra refuses to save the flow (`Input with id 'b' depends on a non-existent input 'x'.`,
    `Cycle dependency detected for input with id 'a': [a, b]`): the UI shows an input only once
    the inputs it depends on are filled, so these inputs could never be shown.

    ## Example
    ```yaml
    id: deploy
    namespace: company.team
    inputs:
      - id: cloud
        type: SELECT
        values: [aws, gcp]
      - id: region
        type: STRING
        dependsOn:
          inputs:
            - provider
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.cloud }} {{ inputs.region }}"
    ```
    Use instead:
    ```yaml
    id: deploy
    namespace: company.team
    inputs:
      - id: cloud
        type: SELECT
        values: [aws, gcp]
      - id: region
        type: STRING
        dependsOn:
          inputs:
            - cloud
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.cloud }} {{ inputs.region }}"
    ```
    """,
)


def check(ctx: RuleContext) -> None:
    # input id -> [(dependency id, the item naming it)], first declaration of each id wins; Kestra 2.0's
    # FlowValidator.checkFlowInputsDependencyGraph keys FORM inputs by path (Flow.resolvableInputs())
    graph: dict[str, list[tuple[str, Node]]] = {}
    for item in resolvable_inputs(ctx):
        if item.path not in graph:
            graph[item.path] = _dependencies(item.node)
    for input_id, dependencies in graph.items():
        for dependency, node in dependencies:
            if dependency not in graph:
                ctx.report(RULE, node, f"input '{input_id}' depends on unknown input '{dependency}'")
    edges = {key: [dep for dep, _ in deps if dep in graph] for key, deps in graph.items()}
    for cycle in find_cycles(edges):
        node = next(node for dep, node in graph[cycle[0]] if dep == cycle[1])
        ctx.report(RULE, node, f"input dependency cycle: {' -> '.join(cycle)}")


def _dependencies(node: Node) -> list[tuple[str, Node]]:
    depends_on = node.get("dependsOn") if isinstance(node, Mapping) else None
    inputs = depends_on.get("inputs") if isinstance(depends_on, Mapping) else None
    if not isinstance(inputs, Sequence):
        return []
    return [(value, item) for item in inputs.items if (value := scalar_string(item)) is not None]


def find_cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """One cycle per back edge of a depth-first walk, each once, as ``[a, b, …, a]``.

    Every node that lies on a cycle is on at least one reported cycle. A cycle starts at its
    node that comes first in ``edges``' order. The walk uses an explicit stack.
    """
    order = {key: index for index, key in enumerate(edges)}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    seen: set[tuple[str, ...]] = set()
    cycles: list[list[str]] = []
    for root in edges:
        if root in state:
            continue
        path: list[str] = [root]
        state[root] = 1
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack[-1]
            targets = edges.get(node, [])
            if index >= len(targets):
                stack.pop()
                path.pop()
                state[node] = 2
                continue
            stack[-1] = (node, index + 1)
            target = targets[index]
            if state.get(target) == 1:
                loop = path[path.index(target) :]
                start = min(range(len(loop)), key=lambda i: order[loop[i]])
                loop = loop[start:] + loop[:start]
                if tuple(loop) not in seen:
                    seen.add(tuple(loop))
                    cycles.append([*loop, loop[0]])
            elif target not in state:
                state[target] = 1
                path.append(target)
                stack.append((target, 0))
    return cycles
