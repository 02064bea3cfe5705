from collections.abc import Iterator

from flowls.durations import parse_duration
from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Scalar
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext

RULE = Rule(
    id="retry-interval",
    severity=Severity.ERROR,
    summary="A retry's intervals do not fit within its maxDuration or maxInterval.",
    doc="""
    ## What it does
    Compares the durations of a `retry` (on a task, on the flow or on a trigger) the way
    Kestra's retry checks do: for `constant` and `exponential`, `interval` must be less
    than `maxDuration`; for `exponential`, `interval` must be less than `maxInterval`; for
    `random`, `minInterval` and `maxInterval` must be less than `maxDuration`, and
    `minInterval` less than `maxInterval`. Durations are ISO-8601 (`PT30S`, `P1DT2H`);
    expressions are not compared.

    ## Why is this bad?
    Kestra refuses to save the flow (`'interval' must be less than 'maxDuration'`): such a
    policy would give up before its first retry. Every pair out of order is reported; Kestra
    1.x reports only the first of each retry, 2.0 all of them.

    ## Example
    ```yaml
    id: sync
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          interval: PT1H
          maxDuration: PT10M
    ```
    Use instead:
    ```yaml
    id: sync
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          interval: PT1M
          maxDuration: PT10M
    ```
    """,
)

# (retry type, smaller property, larger property): the first must be strictly less than the second. The same in
# both versions: 1.x's Constant/Exponential/RandomRetryValidator, 2.0's @AssertTrue methods of Constant, Exponential
# and Random (the validators stopped at the first violation; the methods each report theirs).
ORDERS = (
    ("constant", "interval", "maxDuration"),
    ("exponential", "interval", "maxDuration"),
    ("exponential", "interval", "maxInterval"),
    ("random", "minInterval", "maxDuration"),
    ("random", "maxInterval", "maxDuration"),
    ("random", "minInterval", "maxInterval"),
)


def check(ctx: RuleContext) -> None:
    for retry in _retries(ctx):
        kind = retry.get("type")
        if not isinstance(kind, Scalar):
            continue
        for retry_type, smaller, larger in ORDERS:
            if kind.value != retry_type:
                continue
            low, high = _duration(retry.get(smaller)), _duration(retry.get(larger))
            if low is None or high is None or low[0] < high[0]:
                continue
            ctx.report(
                RULE,
                low[1],
                f"'{smaller}' must be less than '{larger}' in a {retry_type} retry, but {low[2]} >= {high[2]}",
            )


def _retries(ctx: RuleContext) -> Iterator[Mapping]:
    holders: list[Node] = [ctx.flow.node, *(t.node for t in ctx.tasks), *(t.node for t in ctx.flow.triggers)]
    for holder in holders:
        retry = holder.get("retry") if isinstance(holder, Mapping) else None
        if isinstance(retry, Mapping):
            yield retry


def _duration(node: Node | None) -> tuple[int, Node, str] | None:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        nanos = parse_duration(node.value)
        if nanos is not None:
            return nanos, node, node.value
    return None
