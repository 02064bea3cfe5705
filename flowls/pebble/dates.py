"""Kestra's date filters (``date``, ``dateAdd``, ``timestamp``, ``timestampMilli``, ``timestampMicro``,
``timestampNano``) and ``now()``, after ``io.kestra.core.runners.pebble.AbstractDate`` and its
subclasses, over our port of java.time (``flowls.pebble.java_time``).

Dates are strings in our values (Kestra's Instants and ZonedDateTimes reach a template as their
ISO text once they went through JSON), or Longs of epoch seconds, milliseconds (13 digits),
microseconds or nanoseconds (19 digits), as ``AbstractDate.convert`` reads them. Java's
exceptions become render errors with Java's messages; what the port cannot compute (another
locale's texts, a year outside 1-9999) is an ``Unknowable``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from functools import lru_cache

from flowls.pebble import java_time as jt
from flowls.pebble.values import Unknowable, class_cast, java_str, wrap_long

FILTERS: dict[str, Callable] = {}
FUNCTIONS: dict[str, Callable] = {}

_PATTERNS = {
    "iso": "yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX",
    "iso_milli": "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
    "iso_sec": "yyyy-MM-dd'T'HH:mm:ssXXX",
    "sql": "yyyy-MM-dd HH:mm:ss.SSSSSS",
    "sql_milli": "yyyy-MM-dd HH:mm:ss.SSS",
    "sql_sec": "yyyy-MM-dd HH:mm:ss",
}
_PREDEFINED = {
    name.lower(): name
    for name in (
        "ISO_DATE_TIME", "ISO_DATE", "ISO_TIME", "ISO_LOCAL_DATE", "ISO_INSTANT", "ISO_LOCAL_DATE_TIME",
        "ISO_LOCAL_TIME", "ISO_OFFSET_TIME", "ISO_ORDINAL_DATE", "ISO_WEEK_DATE", "ISO_ZONED_DATE_TIME",
        "RFC_1123_DATE_TIME",
    )
}  # fmt: skip
_STYLES = {"full": "FULL", "long": "LONG", "medium": "MEDIUM", "short": "SHORT"}
_NANOS_PER_SECOND = 1_000_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1

# commons-lang3's LocaleUtils.toLocale: language[_COUNTRY[_variant]], or _COUNTRY[_variant]
_LOCALE = re.compile(
    r"(?P<language>[a-z]{2,3})(?:[_-](?P<country>[A-Z]{2}|\d{3})?(?:[_-](?P<variant>.+))?)?"
    r"|[_-](?:[A-Z]{2}|\d{3})(?:[_-](?P<variant_only>.+))?"
)


class _Failed(Exception):
    """Why a date filter cannot give a value: a Java exception (``message``) or what the port lacks."""

    def __init__(self, message: str | None = None, unsupported: str | None = None) -> None:
        super().__init__(message or unsupported)
        self.message = message
        self.unsupported = unsupported


def _date_filter(name: str) -> Callable:
    """Register a filter; null input gives null, and a failure becomes a render error or an Unknowable."""

    def register(function: Callable) -> Callable:
        def apply(renderer, call, value, args):
            if value is None:
                return None
            return _guarded(renderer, call, lambda: function(renderer, call, value, args))

        FILTERS[name] = apply
        return function

    return register


def _guarded(renderer, call, compute: Callable[[], object]) -> object:
    try:
        return compute()
    except _Failed as failed:
        if failed.message is not None:
            raise renderer.error(call, failed.message) from None
        return Unknowable(renderer.source(call), f"flowls cannot compute {failed.unsupported} offline")
    except jt.JavaError as error:
        raise renderer.error(call, error.message) from None
    except jt.Unsupported as unsupported:
        return Unknowable(renderer.source(call), f"flowls cannot compute {unsupported.description} offline")


def _string_argument(args: dict, name: str) -> str | None:
    """``(String) args.get(name)``."""
    value = args.get(name)
    if value is not None and not isinstance(value, str):
        raise _Failed(class_cast(value, "java.lang.String"))
    return value


@lru_cache(maxsize=256)
def _formatter(name: str) -> jt.Formatter:
    """``AbstractDate.formatter``: a style, one of Kestra's names, or a pattern."""
    if name in _STYLES:
        return jt.localized_date_time(_STYLES[name])
    if name in _PREDEFINED:
        return jt.PREDEFINED[_PREDEFINED[name]]
    return jt.of_pattern(_PATTERNS.get(name, name))


def _english(args: dict) -> bool:
    """Whether the locale is en or en_US, the only one whose texts we have; the server's locale
    (Pebble's default, the JVM's) is en_US in Kestra's Docker image."""
    if "locale" not in args:
        return True
    text = _string_argument(args, "locale")
    if text is None:
        return True
    match = _LOCALE.fullmatch(text)
    if match is None or "#" in text:
        raise _Failed(f"Invalid locale format: {text}")
    return match["language"] == "en" and match["country"] in (None, "US") and match["variant"] is None


def _zone(renderer, args: dict) -> jt.Zone:
    """``AbstractDate.zoneId``: the ``timeZone`` argument, else the server's default zone."""
    name = _string_argument(args, "timeZone")
    return jt.zone_of(name if name is not None else renderer.budget.options.time_zone)


def _from_long(value: int, zone: jt.Zone) -> jt.ZonedDateTime:
    """``AbstractDate.convert`` of a Long, by its number of characters (the sign included)."""
    digits = len(str(value))
    if digits == 13:
        return _of_instant(*divmod(value, 1000), 1_000_000, zone)
    if digits == 19:
        quotient, remainder = _java_divmod(value, 1_000_000_000 if str(value).endswith("000") else 1_000_000)
        if str(value).endswith("000"):
            return _of_instant(quotient, remainder, 1, zone)
        milli = _of_instant(*divmod(quotient, 1000), 1_000_000, zone)
        # withNano(micros * 1000): the micros replace the millis rather than add to them
        return jt.ZonedDateTime(milli.local, jt.NANO_OF_SECOND.check(remainder * 1000), milli.offset, zone)
    return _of_instant(value, 0, 1, zone)


def _java_divmod(value: int, divisor: int) -> tuple[int, int]:
    """Java's ``/`` and ``%`` on longs: truncated toward zero."""
    quotient = abs(value) // divisor * (1 if value >= 0 else -1)
    return quotient, value - quotient * divisor


def _of_instant(seconds: int, fraction: int, unit: int, zone: jt.Zone) -> jt.ZonedDateTime:
    """``Instant.ofEpochSecond(seconds, fraction * unit).atZone(zone)``."""
    extra, nano = divmod(fraction * unit, _NANOS_PER_SECOND)
    seconds += extra
    if not -31557014167219200 <= seconds <= 31556889864403199:
        raise _Failed("Instant exceeds minimum or maximum instant")
    return jt.ZonedDateTime.of_instant(seconds, nano, zone)


def _convert(value: object, zone: jt.Zone, existing: str | None) -> jt.ZonedDateTime:
    """``AbstractDate.convert``: a Long, else a string read as a zoned date-time, a local
    date-time in ``zone``, or a local date at midnight in ``zone``, the last failure winning."""
    if isinstance(value, jt.ZonedDateTime):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return _from_long(value, zone)
    if not isinstance(value, str):
        raise _Failed(class_cast(value, "java.lang.String"))
    formatter = _formatter(existing) if existing is not None else None
    try:
        return (formatter or jt.PREDEFINED["ISO_ZONED_DATE_TIME"]).parse(value, jt.query_zoned)
    except jt.JavaError:
        pass
    try:
        local, nano = (formatter or jt.PREDEFINED["ISO_LOCAL_DATE_TIME"]).parse(value, jt.query_local_date_time)
    except jt.JavaError:
        day = (formatter or jt.PREDEFINED["ISO_LOCAL_DATE"]).parse(value, jt.query_local_date)
        return jt.ZonedDateTime.of_local(datetime.combine(day, time()), 0, zone)
    return jt.ZonedDateTime.of_local(local, nano, zone)


def _format(renderer, value: object, args: dict) -> str:
    """``AbstractDate.format``."""
    name = _string_argument(args, "format") if "format" in args else "iso"
    if name is None:
        raise _Failed("pattern")
    existing = _string_argument(args, "existingFormat")
    english = _english(args)
    zone = _zone(renderer, args)
    date = _convert(value, zone, existing)
    return _formatter(name).format(date.with_zone(zone), english)


@_date_filter("date")
def _date(renderer, call, value, args):
    return _format(renderer, value, args)


def _as_long(value: object) -> int:
    """``DateAddFilter.getAsLong``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float):  # Number.longValue: truncated, saturated, NaN as 0
        if value != value:
            return 0
        return _saturated(int(value)) if abs(value) < 2.0**64 else (_LONG_MAX if value > 0 else _LONG_MIN)
    if isinstance(value, str):
        if re.fullmatch(r"[+-]?\d+", value, re.ASCII) and _LONG_MIN <= int(value) <= _LONG_MAX:
            return int(value)
        raise _Failed(f"{value} can't be converted to long")
    raise _Failed(f"Incorrect {java_str(value)} format, must be a number")


@_date_filter("dateAdd")
def _date_add(renderer, call, value, args):
    amount = _as_long(args.get("amount"))
    unit = _string_argument(args, "unit")
    if unit is None:
        raise _Failed("Name is null")
    existing = _string_argument(args, "existingFormat")
    date = _convert(value, _zone(renderer, args), existing)
    return _format(renderer, date.plus(amount, unit), args)


def _timestamp(name: str, of: Callable[[jt.ZonedDateTime], object]) -> None:
    @_date_filter(name)
    def apply(renderer, call, value, args):
        existing = _string_argument(args, "existingFormat")
        return of(_convert(value, _zone(renderer, args), existing))


def _saturated(value: int) -> int:
    """``TimeUnit`` conversions clamp to the range of a long."""
    return max(_LONG_MIN, min(_LONG_MAX, value))


_timestamp("timestamp", lambda date: date.epoch_second)
_timestamp("timestampMilli", lambda date: date.epoch_second * 1000 + date.nano // 1_000_000)
_timestamp("timestampMicro", lambda date: str(wrap_long(_saturated(date.epoch_second * 1_000_000) + date.nano // 1000)))
_timestamp("timestampNano", lambda date: str(wrap_long(_saturated(date.epoch_second * _NANOS_PER_SECOND) + date.nano)))


def _now(renderer, node, args: dict) -> object:
    """``NowFunction``: the server's clock in its default zone, formatted like ``date``."""
    clock = renderer.budget.options.clock
    if clock is None:
        return Unknowable("now()", "a dry run does not know the date: give the value as an input or variable")
    instant = clock()
    seconds = (instant - _EPOCH) // timedelta(seconds=1)
    zone = jt.zone_of(renderer.budget.options.time_zone)
    now = jt.ZonedDateTime.of_instant(seconds, instant.microsecond * 1000, zone)
    return _guarded(renderer, node, lambda: _format(renderer, now, args))


FUNCTIONS["now"] = _now
