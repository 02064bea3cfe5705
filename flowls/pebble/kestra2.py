"""What Kestra 2.0's Pebble adds: its new functions, after ``io.kestra.core.runners.pebble.functions.*``
(messages included), and the registration of its new filters (``kestra2_regex``, ``kestra2_format``).
``builtins.KESTRA_2`` decides which names a template may use; 1.x knows none of these.

The date functions read their argument as ``DateUtils.parseLocalDate`` does (an ISO local date, else
a zoned date-time, else a local date-time, as written: no conversion to another zone), not as the
date filters' ``AbstractDate``. What needs the server (a holiday calendar, running a subflow) is an
``Unknowable`` once the arguments are checked as Kestra checks them.
"""

from __future__ import annotations

import calendar
import contextlib
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from flowls.durations import parse_duration
from flowls.pebble import java_time as jt
from flowls.pebble import kestra2_format, kestra2_regex
from flowls.pebble.values import Unknowable, class_cast, is_number, java_str, java_trim

_DAYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")
_WEEKS_AFTER_FIRST = {"FIRST": 0, "SECOND": 1, "THIRD": 2, "FOURTH": 3}
_WORKING_DAYS_SEPARATOR = re.compile(r"[,\s]+", re.ASCII)  # String.split("[,\\s]+")
_NANOS_PER_SECOND = 1_000_000_000
# SubflowFunctionConfiguration's defaults (kestra.pebble.subflow-function).
_SUBFLOW_TIMEOUT = 60 * _NANOS_PER_SECOND
_SUBFLOW_MAX_TIMEOUT = 5 * 60 * _NANOS_PER_SECOND


def _variable(renderer, name: str) -> object:
    """``EvaluationContext.getVariable``: null when undefined."""
    return renderer.lookup(name)[1]


def _required_date(renderer, node, name: str, args: dict) -> object:
    value = args.get("date")
    if value is None:
        raise renderer.error(node, f"The '{name}()' function expects a 'date' argument.")
    return value


def _local_date(renderer, node, name: str, value: object) -> date:
    """``DateUtils.parseLocalDate(value.toString())``: the date as written; Java's message of the last
    failure (a DateTimeParseException, in Kestra's InternalException) when none parses."""
    text = java_str(value)
    with contextlib.suppress(jt.JavaError):
        return jt.PREDEFINED["ISO_LOCAL_DATE"].parse(text, jt.query_local_date)
    with contextlib.suppress(jt.JavaError):
        return jt.PREDEFINED["ISO_ZONED_DATE_TIME"].parse(text, jt.query_zoned).local.date()
    try:
        return jt.PREDEFINED["ISO_LOCAL_DATE_TIME"].parse(text, jt.query_local_date_time)[0].date()
    except jt.JavaError as error:
        message = f"The '{name}()' function could not parse 'date': java.time.format.DateTimeParseException: "
        raise renderer.error(node, message + error.message) from None


def _date_function(function: Callable) -> Callable:
    """A date the port cannot hold (a year outside 1-9999) makes the value an Unknowable."""

    def apply(renderer, node, args: dict) -> object:
        try:
            return function(renderer, node, args)
        except jt.Unsupported as unsupported:
            return Unknowable(renderer.source(node), f"flowls cannot compute {unsupported.description} offline")

    return apply


def _day_part(name: str, part: Callable[[date], object]) -> Callable:
    """``dayOfWeek``, ``dayOfMonth``, ``monthOfYear``, ``isWeekend``: one property of the local date."""

    @_date_function
    def apply(renderer, node, args: dict) -> object:
        return part(_local_date(renderer, node, name, _required_date(renderer, node, name, args)))

    return apply


@_date_function
def _hour_of_day(renderer, node, args: dict) -> object:
    """``HourOfDayFunction``: the hour as written in a zoned, else a local, date-time (a date alone fails)."""
    text = java_str(_required_date(renderer, node, "hourOfDay", args))
    with contextlib.suppress(jt.JavaError):
        return jt.PREDEFINED["ISO_ZONED_DATE_TIME"].parse(text, jt.query_zoned).local.hour
    try:
        return jt.PREDEFINED["ISO_LOCAL_DATE_TIME"].parse(text, jt.query_local_date_time)[0].hour
    except jt.JavaError as error:
        raise renderer.error(node, f"The 'hourOfDay()' function could not parse 'date': {error.message}") from None


def _day_of_week(text: str) -> int | None:
    """``DayOfWeek.valueOf(text.toUpperCase())``, Monday being 0; None for no such constant."""
    name = text.upper()
    return _DAYS.index(name) if name in _DAYS else None


@_date_function
def _is_day_week_in_month(renderer, node, args: dict) -> object:
    """``IsDayWeekInMonthFunction``: whether the date is the first (second, third, fourth or last) of
    its weekday in its month."""
    name = "isDayWeekInMonth"
    day = _required_date(renderer, node, name, args)
    for argument in ("dayOfWeek", "position"):
        if args.get(argument) is None:
            raise renderer.error(node, f"The '{name}()' function expects a '{argument}' argument.")
    local = _local_date(renderer, node, name, day)
    weekday = _day_of_week(java_str(args["dayOfWeek"]))
    if weekday is None:
        message = (
            f"The '{name}()' function received an invalid 'dayOfWeek' value: '{java_str(args['dayOfWeek'])}'. "
            "Expected one of: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY."
        )
        raise renderer.error(node, message)
    position = java_str(args["position"]).upper()
    if position == "LAST":
        last = local.replace(day=calendar.monthrange(local.year, local.month)[1])
        computed = last - timedelta(days=(last.weekday() - weekday) % 7)
    elif position in _WEEKS_AFTER_FIRST:
        first = local.replace(day=1)
        computed = first + timedelta(days=(weekday - first.weekday()) % 7, weeks=_WEEKS_AFTER_FIRST[position])
    else:
        message = (
            f"The '{name}()' function received an invalid 'position' value: '{java_str(args['position'])}'. "
            "Expected one of: FIRST, SECOND, THIRD, FOURTH, LAST."
        )
        raise renderer.error(node, message)
    return computed == local


def _java_blank(text: str) -> bool:
    """``String.isBlank``: only ``Character.isWhitespace`` characters (no-break spaces are not)."""
    return all(
        char in "\t\n\x0b\f\r\x1c\x1d\x1e\x1f"
        or (unicodedata.category(char) in ("Zs", "Zl", "Zp") and char not in "\xa0\u2007\u202f")
        for char in text
    )


def _working_days(renderer, node, value: object) -> frozenset[int]:
    """``IsLastWorkingDayFunction.resolveWorkingDays``: day names split on commas and whitespace."""
    if value is None or _java_blank(java_str(value)):
        return frozenset(range(5))
    days = set()
    for part in _WORKING_DAYS_SEPARATOR.split(java_str(value)):
        trimmed = java_trim(part)
        if not trimmed:
            continue
        weekday = _day_of_week(trimmed)
        if weekday is None:
            message = (
                f"The 'isLastWorkingDay()' function received an invalid 'workingDays' value: '{trimmed}'. "
                "Expected day names like MONDAY, TUESDAY, etc."
            )
            raise renderer.error(node, message)
        days.add(weekday)
    if not days:
        message = "The 'isLastWorkingDay()' function requires at least one valid day in 'workingDays'."
        raise renderer.error(node, message)
    return frozenset(days)


@_date_function
def _is_last_working_day(renderer, node, args: dict) -> object:
    """``IsLastWorkingDayFunction``: whether the date is a working day with none after it in its month."""
    name = "isLastWorkingDay"
    local = _local_date(renderer, node, name, _required_date(renderer, node, name, args))
    working = _working_days(renderer, node, args.get("workingDays"))
    if local.weekday() not in working:
        return False
    candidate = local.replace(day=calendar.monthrange(local.year, local.month)[1])
    while candidate.weekday() not in working:
        candidate -= timedelta(days=1)
    return candidate == local


@_date_function
def _is_public_holiday(renderer, node, args: dict) -> object:
    """``IsPublicHolidayFunction``: its arguments are checked, the holiday itself is jollyday's data."""
    name = "isPublicHoliday"
    day = _required_date(renderer, node, name, args)
    if args.get("countryCode") is None:
        raise renderer.error(node, f"The '{name}()' function expects a 'countryCode' argument.")
    _local_date(renderer, node, name, day)
    return Unknowable(renderer.source(node), "Kestra looks public holidays up in the jollyday library's calendars")


def _env(renderer, node, args: dict) -> object:
    """``EnvFunction``: the entry of the ``envs`` variable, or the default when it is missing or empty."""
    if "name" not in args:
        raise renderer.error(node, "The 'env' function expects an argument 'name'.")
    name = args["name"]
    if name is not None and not isinstance(name, str):
        raise renderer.error(node, class_cast(name, "java.lang.String"))
    default = args.get("default")
    envs = _variable(renderer, "envs")
    if isinstance(envs, Unknowable):
        return Unknowable(renderer.source(node), "give the server's environment variables as the `envs` variable")
    if not isinstance(envs, dict):
        return default
    value = envs.get(name)
    if value is None or java_str(value) == "":
        return default
    return value


def _loop_outputs(renderer, node, args: dict) -> object:
    """``LoopOutputsFunction``: one output of every iteration of a Loop task (null where an iteration
    has none), from the list its ``outputs`` output holds."""
    outputs = args.get("outputs")
    if outputs is None:
        raise renderer.error(node, "The 'loopOutputs' function expects a non-null argument 'outputs'.")
    if not isinstance(outputs, list):
        raise renderer.error(node, "The 'loopOutputs' function expects 'outputs' to be a list.")
    name = args.get("name")
    if name is None:
        raise renderer.error(node, "The 'loopOutputs' function expects a non-null argument 'name'.")
    if not isinstance(name, str):
        raise renderer.error(node, "The 'loopOutputs' function expects 'name' to be a string.")
    result: list = []
    for iteration in outputs:
        found = iteration.get("outputs") if isinstance(iteration, dict) else None
        if isinstance(iteration, Unknowable) or isinstance(found, Unknowable):
            result.append(found or iteration)
        else:
            result.append(found.get(name) if isinstance(found, dict) else None)
    return result


def _duration_text(nanos: int) -> str:
    """``Duration.toString`` of a positive duration: ``PT10M``, ``PT1H0.5S``."""
    seconds, fraction = divmod(nanos, _NANOS_PER_SECOND)
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or fraction or text == "PT":
        text += str(seconds) + (f".{fraction:09d}".rstrip("0") if fraction else "") + "S"
    return text


def _subflow_timeout(renderer, node, value: object) -> None:
    """``SubflowFunction.resolveTimeout``, against the default maximum (PT5M)."""
    if value is None:
        nanos = _SUBFLOW_TIMEOUT
    elif isinstance(value, str):
        parsed = parse_duration(value) if value == value.strip() else None  # Duration.parse trims nothing
        if parsed is None:
            message = f"The 'subflow' function 'timeout' must be an ISO-8601 duration (e.g. 'PT30S'), got '{value}'."
            raise renderer.error(node, message)
        nanos = parsed
    else:
        message = "The 'subflow' function 'timeout' must be an ISO-8601 duration string (e.g. 'PT30S')."
        raise renderer.error(node, message)
    if nanos > _SUBFLOW_MAX_TIMEOUT:
        maximum = _duration_text(_SUBFLOW_MAX_TIMEOUT)
        message = f"The 'subflow' function 'timeout' ({_duration_text(nanos)}) exceeds the maximum allowed ({maximum})."
        raise renderer.error(node, message)


def _subflow(renderer, node, args: dict) -> object:
    """``SubflowFunction``: the checks it makes before running the subflow on the server, which only a
    Kestra webserver (or standalone server) can do; elsewhere Kestra does not even know the function."""
    if _variable(renderer, "taskrun") is not None or _variable(renderer, "trigger") is not None:
        message = (
            "The 'subflow' function can only be used at flow-input render time (e.g. an input's 'values'); "
            "it is not supported inside task or trigger properties."
        )
        raise renderer.error(node, message)
    namespace, flow_id = args.get("namespace"), args.get("id")
    for value in (namespace, flow_id):
        if value is not None and not isinstance(value, str):
            raise renderer.error(node, class_cast(value, "java.lang.String"))
    if namespace is None or flow_id is None:
        raise renderer.error(node, "The 'subflow' function expects the arguments 'namespace' and 'id'.")
    flow = _variable(renderer, "flow")
    if flow is None:
        message = (
            "The 'subflow' function can only be used in a flow context (e.g. an input's 'values'); "
            "the caller flow could not be resolved."
        )
        raise renderer.error(node, message)
    if not isinstance(flow, dict | Unknowable):
        raise renderer.error(node, class_cast(flow, "java.util.Map"))
    revision, inputs, labels = args.get("revision"), args.get("inputs"), args.get("labels")
    if revision is not None and not is_number(revision):
        raise renderer.error(node, class_cast(revision, "java.lang.Number"))
    if inputs is not None and not isinstance(inputs, dict):
        raise renderer.error(node, class_cast(inputs, "java.util.Map"))
    if labels is not None:
        if not isinstance(labels, dict):
            raise renderer.error(node, "The 'subflow' function 'labels' must be a map of string keys to values.")
        for key, value in labels.items():
            if value is not None and key.startswith("system.") and key != "system.correlationId":
                message = (
                    f"The 'subflow' function cannot set the system label '{key}'; system labels are reserved "
                    "(except 'system.correlationId')."
                )
                raise renderer.error(node, message)
    _subflow_timeout(renderer, node, args.get("timeout"))
    return Unknowable(renderer.source(node), "subflow() runs the subflow on the Kestra server and waits for its end")


FUNCTIONS: dict[str, Callable] = {
    "env": _env,
    "subflow": _subflow,
    "loopOutputs": _loop_outputs,
    "isPublicHoliday": _is_public_holiday,
    "isDayWeekInMonth": _is_day_week_in_month,
    "isWeekend": _day_part("isWeekend", lambda day: day.weekday() >= 5),
    "isLastWorkingDay": _is_last_working_day,
    "dayOfWeek": _day_part("dayOfWeek", lambda day: _DAYS[day.weekday()]),
    "hourOfDay": _hour_of_day,
    "dayOfMonth": _day_part("dayOfMonth", lambda day: day.day),
    "monthOfYear": _day_part("monthOfYear", lambda day: day.month),
}

FILTERS: dict[str, Callable] = {**kestra2_regex.FILTERS, **kestra2_format.FILTERS}
