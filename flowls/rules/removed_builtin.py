from dataclasses import dataclass

from flowls.findings import Edit, Severity
from flowls.pebble import ast as p
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="removed-builtin",
    severity=Severity.WARNING,
    summary="A Pebble function or filter that Kestra removed.",
    doc="""
    ## What it does
    Flags the Pebble functions and filters the Kestra version checked no longer has, says which
    release removed them and what to write instead:
    - the `json()` function and the `json` filter, which Kestra 1.1 removed in favour of
      `fromJson()` and `toJson` (the fix renames them: same behaviour);
    - in Kestra 2.0, `currentEachOutput()`, `parentOutput()` and `iterationOutput()`, removed
      with `ForEach`: inside a `Loop`, `outputs.<task>` is the current iteration's, and an
      iteration's outputs are read after the Loop through its `outputs` and `loopOutputs()`.

    ## Why is this bad?
    Rendering fails: `Function or Macro [json] does not exist`. A warning: Kestra saves the flow
    (and Kestra 1.0 still has `json`).

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ json('{\\"a\\": 1}').a }}"
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ fromJson('{\\"a\\": 1}').a }}"
    ```
    """,
)


@dataclass(frozen=True)
class Removal:
    release: str  # the first Kestra release without it
    advice: str
    rename: str | None = None  # the same builtin under its new name: the fix


# Kestra 1.1 dropped json; 2.0's Extension.getFunctions dropped the ForEach helpers with ForEach.
_IN_A_LOOP = "inside a Loop, outputs.<task> is the current iteration's"
REMOVED_FUNCTIONS = {
    "json": Removal("1.1", "use 'fromJson'", "fromJson"),
    "currentEachOutput": Removal("2.0", _IN_A_LOOP),
    "parentOutput": Removal("2.0", _IN_A_LOOP),
    "iterationOutput": Removal("2.0", "read a Loop's iterations after it, through its outputs and loopOutputs()"),
}
REMOVED_FILTERS = {"json": Removal("1.1", "use 'toJson'", "toJson")}


def check(ctx: RuleContext) -> None:
    for expression in ctx.expressions:
        for node in expression.nodes:
            if isinstance(node, p.Call) and isinstance(node.callee, p.Name):
                kind, name, start, end = "function", node.callee.name, node.callee.start, node.callee.end
                removed, known = REMOVED_FUNCTIONS, ctx.dialect.functions
            elif isinstance(node, p.FilterCall):
                kind, name, start, end = "filter", node.name, node.name_start, node.name_end
                removed, known = REMOVED_FILTERS, ctx.dialect.filters
            else:
                continue
            removal = removed.get(name)
            if removal is None or name in known:
                continue
            document = expression.span(start, end)
            fix = None
            if removal.rename is not None and ctx.text[document[0] : document[1]] == name:
                fix = (f"Use {removal.rename}", [Edit(*document, removal.rename)])
            message = f"the {kind} '{name}' was removed in Kestra {removal.release}; {removal.advice}"
            ctx.report(RULE, document, message, fix=fix)
