from collections.abc import Iterator

from flowls.findings import Edit, Severity
from flowls.parse.nodes import Mapping, Node, Sequence
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="unquoted-expression",
    severity=Severity.ERROR,
    summary="A value starting with '{{' is not quoted, so YAML reads a mapping.",
    doc="""
    ## What it does
    Flags a value written `{{ … }}` without quotes. YAML reads `{` as the start of a flow
    mapping, so `message: {{ inputs.name }}` is a mapping holding a mapping, not a Pebble
    expression. The fix quotes the value.

    ## Why is this bad?
    Kestra rejects the flow, or the task receives a map instead of the rendered text.

    ## Example
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: {{ flow.id }}
    ```
    Use instead:
    ```yaml
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ flow.id }}"
    ```
    """,
)


def is_unquoted_expression(node: Node, text: str) -> bool:
    """A flow mapping whose source starts with ``{{``: what an unquoted expression parses as."""
    return isinstance(node, Mapping) and text.startswith("{{", node.start)


def check(ctx: RuleContext) -> None:
    text = ctx.text
    for node in _values(ctx.flow.mapping):
        if is_unquoted_expression(node, text):
            source = text[node.start : node.end]
            quoted = '"' + source.replace("\\", "\\\\").replace('"', '\\"') + '"'
            ctx.report(
                RULE,
                node,
                "unquoted expression: YAML reads a value starting with '{{' as a mapping; quote it",
                fix=("Quote the expression", [Edit(node.start, node.end, quoted)]),
            )


def _values(root: Node) -> Iterator[Node]:
    """Every value node below ``root`` that is not inside an unquoted expression."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, Mapping):
            stack.extend(value for _, value in reversed(node.pairs))
        elif isinstance(node, Sequence):
            stack.extend(reversed(node.items))
