from functools import lru_cache

from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Scalar
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="invalid-cron",
    severity=Severity.ERROR,
    summary="A Schedule trigger's cron expression is not valid.",
    doc="""
    ## What it does
    Checks the `cron` of a `Schedule` trigger the way Kestra reads it: five fields (minute,
    hour, day of month, month, day of week), or six with `withSeconds: true`, the seconds
    coming first; or one of the nicknames `@yearly`, `@annually`, `@monthly`, `@weekly`,
    `@daily`, `@midnight`, `@hourly`. Values must be in range (hours 0-23, days of week 0-7,
    …). Pebble expressions are not checked.

    ## Why is this bad?
    Kestra refuses to save the flow (`invalid cron expression '<cron>': <reason>`): it could
    never compute the next date to run.

    ## Example
    ```yaml
    id: nightly
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    triggers:
      - id: schedule
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "0 24 * * *"
    ```
    Use instead:
    ```yaml
    id: nightly
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    triggers:
      - id: schedule
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "0 23 * * *"
    ```
    """,
)

SCHEDULE = "io.kestra.plugin.core.trigger.Schedule"
NICKNAMES = ("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly")
FIELDS = ("minute", "hour", "day-of-month", "month", "day-of-week")
RANGES = {
    "second": "0-59",
    "minute": "0-59",
    "hour": "0-23",
    "day-of-month": "1-31",
    "month": "1-12",
    "day-of-week": "0-7",
}


def check(ctx: RuleContext) -> None:
    for trigger in ctx.flow.triggers:
        mapping = trigger.node
        if resolve_type(ctx.schema, trigger.type) != SCHEDULE or not isinstance(mapping, Mapping):
            continue
        node = mapping.get("cron")
        if not isinstance(node, Scalar) or not isinstance(node.value, str) or "{{" in node.value:
            continue
        seconds = mapping.get("withSeconds")
        with_seconds = isinstance(seconds, Scalar) and (seconds.value is True or seconds.value == "true")
        reason = cron_error(node.value, with_seconds)
        if reason is not None:
            ctx.report(RULE, node, f"invalid cron expression '{node.value}': {reason}")


@lru_cache(maxsize=1024)
def cron_error(expression: str, with_seconds: bool = False) -> str | None:
    """Why Kestra's parser would refuse the expression, or None if it is valid."""
    fields = expression.split()
    if not fields:
        return "the expression is empty"
    if fields[0].startswith("@"):
        if len(fields) == 1 and fields[0] in NICKNAMES:
            return None
        return f"unknown nickname '{' '.join(fields)}' (use one of {', '.join(NICKNAMES)})"
    names = ("second", *FIELDS) if with_seconds else FIELDS
    if len(fields) != len(names):
        if with_seconds:
            return f"expected 6 fields with withSeconds: true (second first), found {len(fields)}"
        hint = " (set withSeconds: true for a leading seconds field)" if len(fields) == 6 else ""
        return f"expected 5 fields, found {len(fields)}{hint}"
    from croniter import croniter  # imported when a cron is checked: it costs every run ~13 ms otherwise

    if croniter.is_valid(" ".join(fields), second_at_beginning=with_seconds):
        return None
    for index, name in enumerate(names):
        probe = ["*"] * len(names)
        probe[index] = fields[index]
        if not croniter.is_valid(" ".join(probe), second_at_beginning=with_seconds):
            return f"invalid {name} field '{fields[index]}' (values {RANGES[name]})"
    return "the fields do not form a valid schedule"
