from flowls.findings import Severity
from flowls.parse.nodes import Mapping
from flowls.references import ROOT_VARIABLES
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.schema.describe import did_you_mean

RULE = Rule(
    id="unknown-variable",
    severity=Severity.ERROR,
    summary="An expression reads a variable Kestra does not provide, or a `vars` key the flow does not declare.",
    doc="""
    ## What it does
    Flags a root variable that is not in Kestra's render context (`flow`, `execution`, `task`,
    `taskrun`, `parent`, `parents`, `outputs`, `tasks`, `inputs`, `vars`, `trigger`, `labels`,
    `envs`, `globals`, `kestra`), nor bound by the template itself (`{% set %}`, `{% for %}`,
    macro parameters, and in Kestra 2.0 a Loop's `item`); and `vars.x` when neither `variables`
    nor a SetVariables task has `x`.
    References guarded by `??`, `???`, `is defined` or `default` are left alone, and so are
    the properties of plugins the schema does not know (they may provide variables of their
    own) and of triggers (rendered with the triggering execution's variables).

    ## Why is this bad?
    Kestra renders with strict variables: `Unable to find [name] used in the expression`.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    variables:
      greeting: Hello
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ vars.greting }} {{ flw.id }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    variables:
      greeting: Hello
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ vars.greeting }} {{ flow.id }}"
    ```
    """,
)

# Variables that exist only while rendering one property of one plugin.
CONTEXT_VARIABLES = {("io.kestra.plugin.core.http.Trigger", "responseCondition"): {"response"}}


# Kestra 2.0's Loop gives each iteration its item (item.value, item.index, item.key, item.parent...).
LOOP_VARIABLES = frozenset({"item"})

SET_VARIABLES = frozenset(("io.kestra.plugin.core.execution.SetVariables",))


def check(ctx: RuleContext) -> None:
    declared = _declared_variables(ctx)
    for expression in ctx.expressions:
        if expression.in_trigger:
            continue
        owner_type = getattr(expression.owner, "type", None)
        if owner_type and owner_type not in ctx.schema.plugin_types:
            continue
        local = expression.bound_names | CONTEXT_VARIABLES.get((owner_type, expression.key), set())
        if ctx.version.major >= 2 and expression.in_loop_iteration:
            local = local | LOOP_VARIABLES
        safe = expression.guarded
        for chain in expression.chains:
            name = chain.root.name
            if id(chain.node) in safe or name in local or expression.dashed_covering(chain.root):
                continue
            if name not in ROOT_VARIABLES:
                message = f"unknown variable '{name}'{did_you_mean(name, ROOT_VARIABLES | local)}"
                ctx.report(RULE, expression.span(chain.root.start, chain.root.end), message)
            elif name == "vars" and chain.keys and chain.keys[0][0] not in declared:
                key, start, end = chain.keys[0]
                message = f"'vars.{key}' is not declared in the flow's variables{did_you_mean(key, declared)}"
                ctx.report(RULE, expression.span(start, end), message)


def _declared_variables(ctx: RuleContext) -> set[str]:
    """The flow's `variables`, and those a SetVariables task adds while the execution runs."""
    declared = set(ctx.flow.variables.keys()) if ctx.flow.variables is not None else set()
    for task in ctx.tasks:
        added = task.mapping.get("variables")
        if task.type in SET_VARIABLES and isinstance(added, Mapping):
            declared.update(added.keys())
    return declared
