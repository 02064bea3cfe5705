import difflib
import re
import zoneinfo
from collections.abc import Iterator
from functools import cache

from flowls.findings import Severity
from flowls.parse.nodes import Mapping, Node, Scalar
from flowls.rules.base import Rule
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

RULE = Rule(
    id="invalid-timezone",
    severity=Severity.ERROR,
    summary="A schedule's timezone is not a time-zone ID Java knows.",
    doc="""
    ## What it does
    Checks the `timezone` of `Schedule` and `ScheduleOnDates` triggers (and any property the
    schema validates as a time-zone ID) the way Java's `ZoneId.of` reads it: an IANA name such
    as `Europe/Paris`, `Z`, `UTC`, `GMT`, `UT`, an offset such as `+02:00`, or a prefixed
    offset such as `UTC+01:00` or `GMT-3`. Names are case-sensitive. Pebble expressions are
    not checked.

    ## Why is this bad?
    Kestra refuses to save the flow (`timezone '<value>' is not a valid time-zone ID`).

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
        cron: "0 2 * * *"
        timezone: Europe/Pariss
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
        cron: "0 2 * * *"
        timezone: Europe/Paris
    ```
    """,
)

# Known even when the loaded schema does not mark the property with the TimezoneId validator.
TIMEZONE_PROPERTIES = {
    "io.kestra.plugin.core.trigger.Schedule": ("timezone",),
    "io.kestra.plugin.core.trigger.ScheduleOnDates": ("timezone",),
}
_REGION = re.compile(r"[A-Za-z][A-Za-z0-9~/._+-]+")
_NOT_ZONES = frozenset({"localtime", "posixrules"})  # files of a system zone database, not zone ids


def check(ctx: RuleContext) -> None:
    for node, value in _timezones(ctx):
        if "{{" in value or "{%" in value or is_zone_id(value):
            continue
        close = difflib.get_close_matches(value, sorted(_zones()), n=1, cutoff=0.8)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        ctx.report(RULE, node, f"timezone '{value}' is not a valid time-zone ID{hint}")


def _timezones(ctx: RuleContext) -> Iterator[tuple[Node, str]]:
    elements: list[tuple[Node, str | None]] = [(t.node, t.type) for t in ctx.tasks]
    for trigger in ctx.flow.triggers:
        elements.append((trigger.node, trigger.type))
        stack = list(trigger.conditions)
        while stack:
            condition = stack.pop()
            stack.extend(condition.children)
            elements.append((condition.node, condition.type))
    properties: dict[str, set[str]] = {}
    for node, plugin in elements:
        if not isinstance(node, Mapping) or plugin is None:
            continue
        if plugin not in properties:
            properties[plugin] = _properties(ctx, plugin)
        for prop in properties[plugin]:
            value = node.get(prop)
            if isinstance(value, Scalar) and isinstance(value.value, str):
                yield value, value.value


def _properties(ctx: RuleContext, plugin: str) -> set[str]:
    found = set(TIMEZONE_PROPERTIES.get(resolve_type(ctx.schema, plugin) or "", ()))
    name = ctx.schema.plugin_types.get(plugin)
    properties = ctx.schema.definitions.get(name, {}).get("properties") if name is not None else None
    if isinstance(properties, dict):
        for prop, schema in properties.items():
            if isinstance(schema, dict) and "TimezoneId" in (schema.get("$validators") or ()):
                found.add(prop)
    return found


def is_zone_id(value: str) -> bool:
    """Whether Java's ``ZoneId.of(value)`` accepts the value."""
    if len(value) <= 1 or value[0] in "+-":
        return value == "Z" or _is_offset(value)
    for prefix in ("UTC", "GMT", "UT"):
        if value.startswith(prefix):
            rest = value[len(prefix) :]
            if rest == "":
                return True
            if rest[0] in "+-":
                return _is_offset(rest)
            break
    return _REGION.fullmatch(value) is not None and value in _zones()


def _is_offset(value: str) -> bool:
    """Java's ``ZoneOffset.of``: ``±h``, ``±hh``, ``±hh:mm``, ``±hhmm``, ``±hh:mm:ss``, ``±hhmmss``, up to 18 hours."""
    if value == "Z":
        return True
    match = re.fullmatch(r"[+-](\d)", value) or re.fullmatch(r"[+-](\d\d)(?::?(\d\d)(?::?(\d\d))?)?", value)
    if match is None or (":" in value and not re.fullmatch(r"[+-]\d\d:\d\d(:\d\d)?", value)):
        return False
    hours, minutes, seconds = (int(part) if part else 0 for part in (*match.groups(), None, None)[:3])
    if minutes > 59 or seconds > 59 or hours > 18:
        return False
    return hours < 18 or minutes == seconds == 0


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones() - _NOT_ZONES)
