"""Resolving parsed fields into a date, a time and an instant (Parsed.resolve, with the SMART and STRICT
resolver styles), and the queries that turn the result into LocalDate, LocalDateTime or ZonedDateTime."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from flowls.pebble.java_time.context import Parsing
from flowls.pebble.java_time.errors import JavaError, Unsupported, outside_years
from flowls.pebble.java_time.fields import (
    ALIGNED_WEEK_OF_MONTH,
    AMPM_OF_DAY,
    CLOCK_HOUR_OF_AMPM,
    CLOCK_HOUR_OF_DAY,
    DAY_OF_MONTH,
    DAY_OF_WEEK,
    DAY_OF_YEAR,
    EPOCH_ORDINAL,
    ERA,
    HOUR_OF_AMPM,
    HOUR_OF_DAY,
    INSTANT_SECONDS,
    ISO_WEEK_BASED_YEAR,
    ISO_WEEK_OF_YEAR,
    MICRO_OF_SECOND,
    MILLI_OF_DAY,
    MILLI_OF_SECOND,
    MINUTE_OF_HOUR,
    MODIFIED_JULIAN_DAY,
    MONTH_NAMES_UPPER,
    MONTH_OF_YEAR,
    NANO_OF_DAY,
    NANO_OF_SECOND,
    QUARTER_OF_YEAR,
    SECOND_OF_MINUTE,
    YEAR,
    YEAR_OF_ERA,
    Field,
    iso_weeks_in_year,
    month_length,
    year_length,
)
from flowls.pebble.java_time.parsed import Parsed, resolve_time_fields, resolve_time_lenient
from flowls.pebble.java_time.zoned import ZonedDateTime, epoch_seconds, field_value, time_text
from flowls.pebble.java_time.zones import UTC_OFFSET, zone_offset


def _iso_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise outside_years() from None


def _add_year(fields: dict[Field, int], value: int) -> None:
    old = fields.get(YEAR)
    if old is not None and old != value:
        raise JavaError(f"Conflict found: {YEAR} {old} differs from {YEAR} {value}")
    fields[YEAR] = value


def _resolve_year_of_era(fields: dict[Field, int], strict: bool) -> None:
    """IsoChronology.resolveYearOfEra: SMART assumes the current era, STRICT wants one."""
    year_of_era = fields.pop(YEAR_OF_ERA, None)
    if year_of_era is None:
        if ERA in fields:
            ERA.check(fields[ERA])
        return
    YEAR_OF_ERA.check(year_of_era)
    era = fields.pop(ERA, None)
    if era is None:
        year = fields.get(YEAR)
        if strict and year is None:
            fields[YEAR_OF_ERA] = year_of_era
        else:
            _add_year(fields, year_of_era if year is None or year > 0 else 1 - year_of_era)
    elif era in (0, 1):
        _add_year(fields, year_of_era if era == 1 else 1 - year_of_era)
    else:
        raise JavaError(f"Invalid value for era: {era}")


def _resolve_date(fields: dict[Field, int], strict: bool) -> date | None:
    _resolve_year_of_era(fields, strict)
    if YEAR not in fields:
        return None
    if MONTH_OF_YEAR in fields and DAY_OF_MONTH in fields:
        year = YEAR.check(fields.pop(YEAR))
        month = MONTH_OF_YEAR.check(fields.pop(MONTH_OF_YEAR))
        day = DAY_OF_MONTH.check(fields.pop(DAY_OF_MONTH))
        if not strict:  # SMART takes the month's last day for a day it does not have
            day = min(day, month_length(year, month))
        if day > month_length(year, month):
            if day == 29:
                raise JavaError(f"Invalid date 'February 29' as '{year}' is not a leap year")
            raise JavaError(f"Invalid date '{MONTH_NAMES_UPPER[month - 1]} {day}'")
        return _iso_date(year, month, day)
    if MONTH_OF_YEAR in fields and ALIGNED_WEEK_OF_MONTH in fields and DAY_OF_WEEK in fields:
        raise Unsupported("parsing a date from its aligned week of month")
    if DAY_OF_YEAR in fields:
        year = YEAR.check(fields.pop(YEAR))
        day_of_year = DAY_OF_YEAR.check(fields.pop(DAY_OF_YEAR))
        if day_of_year == 366 and year_length(year) == 365:
            raise JavaError(f"Invalid date 'DayOfYear 366' as '{year}' is not a leap year")
        return _iso_date(year, 1, 1) + timedelta(days=day_of_year - 1)
    return None


def _resolve_julian_day(fields: dict[Field, int]) -> date | None:
    """JulianFields.MODIFIED_JULIAN_DAY.resolve (pattern letter g)."""
    if MODIFIED_JULIAN_DAY not in fields:
        return None
    day = MODIFIED_JULIAN_DAY.check(fields.pop(MODIFIED_JULIAN_DAY)) - 40587
    try:
        return date.fromordinal(day + EPOCH_ORDINAL)
    except (OverflowError, ValueError):
        raise outside_years() from None


def _resolve_week_date(fields: dict[Field, int], strict: bool) -> date | None:
    """IsoFields.WEEK_OF_WEEK_BASED_YEAR.resolve (ISO_WEEK_DATE): SMART lets week 53 of a 52-week
    year roll into the next year, STRICT does not."""
    if not all(key in fields for key in (ISO_WEEK_BASED_YEAR, ISO_WEEK_OF_YEAR, DAY_OF_WEEK)):
        return None
    year = ISO_WEEK_BASED_YEAR.check(fields[ISO_WEEK_BASED_YEAR])
    day_of_week = DAY_OF_WEEK.check(fields[DAY_OF_WEEK])
    week = fields[ISO_WEEK_OF_YEAR]
    if not 1 <= week <= 52:
        if strict:
            weeks = iso_weeks_in_year(year)
            Field(ISO_WEEK_OF_YEAR.name, 1, 1, weeks, weeks).check(week)
        else:
            ISO_WEEK_OF_YEAR.check(week)
    for key in (ISO_WEEK_BASED_YEAR, ISO_WEEK_OF_YEAR, DAY_OF_WEEK):
        del fields[key]
    try:
        monday = date(year, 1, 4) + timedelta(weeks=week - 1)
        return monday + timedelta(days=day_of_week - monday.isoweekday())
    except (OverflowError, ValueError):
        raise outside_years() from None


_DATE_FIELDS = (ERA, YEAR_OF_ERA, YEAR, MONTH_OF_YEAR, DAY_OF_MONTH, DAY_OF_YEAR, DAY_OF_WEEK, ALIGNED_WEEK_OF_MONTH,
                QUARTER_OF_YEAR, MODIFIED_JULIAN_DAY, ISO_WEEK_BASED_YEAR, ISO_WEEK_OF_YEAR)  # fmt: skip
_TIME_FIELDS = (AMPM_OF_DAY, HOUR_OF_AMPM, CLOCK_HOUR_OF_AMPM, HOUR_OF_DAY, CLOCK_HOUR_OF_DAY, MINUTE_OF_HOUR,
                SECOND_OF_MINUTE, NANO_OF_SECOND, MILLI_OF_DAY, NANO_OF_DAY)  # fmt: skip


def _cross_check(parsed: Parsed, values: dict[Field, int], target: str) -> None:
    """Fields left over (a day of week, a quarter...) must agree with the resolved date or time."""
    for key, parsed_value in list(parsed.fields.items()):
        if key in values:
            if values[key] != parsed_value:
                raise JavaError(
                    f"Conflict found: Field {key} {values[key]} differs from {key} {parsed_value} derived from {target}"
                )
            del parsed.fields[key]


def resolve(ctx: Parsing, strict: bool) -> Parsed:
    """``Parsed.resolve``: the date, then the time, from the fields; what is left must agree with them."""
    parsed = Parsed(dict(ctx.fields), ctx.zone)
    parsed.date = _resolve_date(parsed.fields, strict)
    # then the fields of IsoFields and JulianFields, which resolve themselves
    for other in (_resolve_week_date(parsed.fields, strict), _resolve_julian_day(parsed.fields)):
        if other is not None and parsed.date is not None and parsed.date != other:
            raise JavaError(f"Conflict found: Fields resolved to two different dates: {parsed.date} {other}")
        parsed.date = parsed.date or other
    resolve_time_fields(parsed, strict)
    resolve_time_lenient(parsed, strict)
    if parsed.date is not None:
        day = ZonedDateTime(datetime.combine(parsed.date, datetime.min.time()), 0, 0, UTC_OFFSET)
        _cross_check(parsed, {key: field_value(day, key) for key in _DATE_FIELDS}, parsed.date.isoformat())
    if parsed.time is not None:
        hour, minute, second, nano = parsed.time
        moment = ZonedDateTime(datetime(2000, 1, 1, hour, minute, second), nano, 0, UTC_OFFSET)
        _cross_check(parsed, {key: field_value(moment, key) for key in _TIME_FIELDS}, time_text(*parsed.time))
        if parsed.date is not None and parsed.excess_days:
            parsed.date, parsed.excess_days = parsed.date + timedelta(days=parsed.excess_days), 0
    if parsed.time is None and any(key in parsed.fields for key in (INSTANT_SECONDS, SECOND_OF_MINUTE)):
        nanos = parsed.fields.setdefault(NANO_OF_SECOND, 0)
        parsed.fields[MICRO_OF_SECOND] = nanos // 1000
        parsed.fields[MILLI_OF_SECOND] = nanos // 1_000_000
    if INSTANT_SECONDS not in parsed.fields and parsed.date is not None and parsed.time is not None:
        offset = parsed.offset()
        if offset is not None:
            parsed.fields[INSTANT_SECONDS] = epoch_seconds(parsed.local_date_time()) - offset
        elif parsed.zone is not None:
            zoned = ZonedDateTime.of_local(parsed.local_date_time(), parsed.time[3], parsed.zone)
            parsed.fields[INSTANT_SECONDS] = zoned.epoch_second
    return parsed


def _unobtainable(what: str, parsed: Parsed) -> JavaError:
    return JavaError(f"Unable to obtain {what} from TemporalAccessor: {parsed} of type java.time.format.Parsed")


def query_local_date(parsed: Parsed) -> date:
    if parsed.date is None:
        raise _unobtainable("LocalDate", parsed)
    return parsed.date


def query_local_date_time(parsed: Parsed) -> tuple[datetime, int]:
    if parsed.date is None or parsed.time is None:
        raise _unobtainable("LocalDateTime", parsed)
    return parsed.local_date_time(), parsed.time[3]


def query_zoned(parsed: Parsed) -> ZonedDateTime:
    offset = parsed.offset()
    zone = parsed.zone or (zone_offset(offset) if offset is not None else None)
    if zone is None or INSTANT_SECONDS not in parsed.fields:
        raise _unobtainable("ZonedDateTime", parsed)
    nano = parsed.time[3] if parsed.time else parsed.fields.get(NANO_OF_SECOND, 0)
    return ZonedDateTime.of_instant(parsed.fields[INSTANT_SECONDS], nano, zone)
