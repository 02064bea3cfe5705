"""Kestra's date filters and now(), rendered as Kestra 1.x renders them: each row mirrors a test of
Kestra (``core/src/test/java/io/kestra/core/runners/pebble/filters/DateFilterTest.java``,
``DateAddFilterTest.java``) or, where none pins the behaviour, ``AbstractDate`` and java.time, whose
output was read off a JDK running that code.

Kestra's tests pass Java dates; here they are what those dates are once they went through JSON:
``NOW`` (``ZonedDateTime.parse("2013-09-08T16:19:12.123456+01")``) as its ISO text, its Instant as
``Z`` text, its LocalDateTime without an offset, and a ``java.util.Date`` as its epoch milliseconds.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from flowls.pebble.evaluate import RenderError, RenderOptions, render

DATES = {
    "zoned": "2013-09-08T16:19:12.123456+01:00",
    "instant": "2013-09-08T15:19:12.123456Z",
    "local": "2013-09-08T16:19:12.123456",
    "date": 1378653552000,
}
PARIS = 'timeZone="Europe/Paris"'


def _row(template: str, expected: str, source: str) -> tuple:
    return pytest.param(template, expected, id=source)


ROWS = [
    # kestra DateFilterTest.dateFormat
    _row(f"{{{{ date | date(format='iso', {PARIS}) }}}}", "2013-09-08T17:19:12.000000+02:00", "dateFormat (Date)"),
    _row(f'{{{{ instant | date(format="iso_sec", {PARIS}) }}}}', "2013-09-08T17:19:12+02:00", "dateFormat (iso_sec)"),
    _row(
        f'{{{{ instant | date(format="iso_milli", {PARIS}) }}}}', "2013-09-08T17:19:12.123+02:00", "dateFormat (milli)"
    ),
    _row(f'{{{{ zoned | date(format="iso", {PARIS}) }}}}', "2013-09-08T17:19:12.123456+02:00", "dateFormat (zoned)"),
    _row(
        f'{{{{ local | date(format="yyyy-MM-dd HH:mm:ss.SSSSSSXXX", {PARIS}) }}}}',
        "2013-09-08 16:19:12.123456+02:00",
        "dateFormat (local in Paris)",
    ),
    _row(
        '{{ local | date(format="yyyy-MM-dd HH:mm:ss.SSS", timeZone="UTC") }}', "2013-09-08 16:19:12.123", "local UTC"
    ),
    _row('{{ local | date(format="sql", timeZone="UTC") }}', "2013-09-08 16:19:12.123456", "dateFormat (sql)"),
    _row('{{ local | date(format="sql_sec", timeZone="UTC") }}', "2013-09-08 16:19:12", "dateFormat (sql_sec)"),
    _row('{{ local | date(format="sql_milli", timeZone="UTC") }}', "2013-09-08 16:19:12.123", "dateFormat (sql_milli)"),
    _row(
        '{{ local | date(format="yyyy-MM-dd HH:mm:ss.SSSSSSXXX", timeZone="UTC") }}',
        "2013-09-08 16:19:12.123456Z",
        "dateFormat (XXX in UTC is Z)",
    ),
    # kestra DateFilterTest.dateStringFormat
    _row('{{ "July 24, 2001" | date("yyyy-MM-dd", existingFormat="MMMM dd, yyyy") }}', "2001-07-24", "existingFormat"),
    _row(f'{{{{ "2013-09-08T17:19:12+02:00" | date({PARIS}) }}}}', "2013-09-08T17:19:12.000000+02:00", "zoned text"),
    _row(f'{{{{ "2013-09-08T17:19:12" | date({PARIS}) }}}}', "2013-09-08T17:19:12.000000+02:00", "local text"),
    _row(f'{{{{ "2013-09-08" | date({PARIS}) }}}}', "2013-09-08T00:00:00.000000+02:00", "date text: midnight"),
    _row('{{ "08.09.2023" | date("yyyy-MM-dd", existingFormat="dd.MM.yyyy") }}', "2023-09-08", "dd.MM.yyyy"),
    _row('{{ "08092023" | date("yyyy-MM-dd", existingFormat="ddMMyyyy") }}', "2023-09-08", "adjacent values"),
    # kestra DateFilterTest.timestamp, timestampCompare, dateRfc, instantNano, instantMicro, instantMilli, add
    _row(f"{{{{ zoned | timestamp({PARIS}) }}}}", "1378653552", "timestamp"),
    _row("{{ (zoned | timestamp) > (zoned | dateAdd(-1, 'DAYS') | timestamp) }}", "true", "timestampCompare"),
    _row(
        f"{{{{ 'Tue, 08 Feb 2022 19:38:26 GMT' | date(existingFormat='rfc_1123_date_time', {PARIS}) }}}}",
        "2022-02-08T20:38:26.000000+01:00",
        "dateRfc",
    ),
    _row(f"{{{{ zoned | timestampNano({PARIS}) }}}}", "1378653552123456000", "instantNano"),
    _row(f"{{{{ zoned | timestampMicro({PARIS}) }}}}", "1378653552123456", "instantMicro"),
    _row(f"{{{{ zoned | timestampMilli({PARIS}) }}}}", "1378653552123", "instantMilli"),
    _row(f'{{{{ zoned | dateAdd(-1,"DAYS",{PARIS})}}}}', "2013-09-07T17:19:12.123456+02:00", "add"),
    # kestra DateFilterTest.timestampDateFormat: Longs by their number of digits
    _row(f'{{{{ 1378653552 | date(format="iso_sec", {PARIS}) }}}}', "2013-09-08T17:19:12+02:00", "epoch seconds"),
    _row(f'{{{{ 1378653552123 | date(format="iso_milli", {PARIS}) }}}}', "2013-09-08T17:19:12.123+02:00", "millis"),
    _row(f"{{{{ 1378653552123 | date({PARIS}) }}}}", "2013-09-08T17:19:12.123000+02:00", "millis, iso"),
    _row(
        f'{{{{ 1378653552123 | date(format="iso_zoned_date_time", {PARIS}) }}}}',
        "2013-09-08T17:19:12.123+02:00[Europe/Paris]",
        "millis, iso_zoned_date_time",
    ),
    _row(f'{{{{ 1378653552123456000 | date(format="iso", {PARIS}) }}}}', "2013-09-08T17:19:12.123456+02:00", "nanos"),
    _row(f'{{{{ 1378653552000123456 | date(format="iso", {PARIS}) }}}}', "2013-09-08T17:19:12.123456+02:00", "micros"),
    _row(f'{{{{ 1378653552 | date(format="sql_sec", {PARIS}) }}}}', "2013-09-08 17:19:12", "seconds, sql_sec"),
    _row(
        f'{{{{ 1378653552123 | date(format="sql_milli", {PARIS}) }}}}', "2013-09-08 17:19:12.123", "millis, sql_milli"
    ),
    _row(f'{{{{ 1378653552123456000 | date(format="sql", {PARIS}) }}}}', "2013-09-08 17:19:12.123456", "nanos, sql"),
    _row(f'{{{{ 1378653552000123456 | date(format="sql", {PARIS}) }}}}', "2013-09-08 17:19:12.123456", "micros, sql"),
    _row('{{ 1378653552123 | date(format="sql_milli", timeZone="UTC") }}', "2013-09-08 15:19:12.123", "millis, UTC"),
    _row(
        '{{ "1378653552123" | number | date(format="sql_milli", timeZone="UTC") }}',
        "2013-09-08 15:19:12.123",
        "number then date",
    ),
    # kestra DateAddFilterTest.toDateAdd, should_return_null_for_null_input
    _row(
        '{{ "2013-09-08T16:19:00+02" | dateAdd(day, "DAYS") | date("yyyy-MM-dd HH:mm:ss z", timeZone=render(tz)) }}',
        "2013-09-09 22:19:00 AWST",
        "toDateAdd",
    ),
    _row('{{ null | dateAdd(day, "DAYS") | date("yyyy-MM-dd HH:mm:ss z", timeZone=render(tz)) }}', "", "null input"),
    # AbstractDate: the server's zone (Etc/UTC in Kestra's Docker image) without a timeZone; every named format
    _row("{{ zoned | date }}", "2013-09-08T15:19:12.123456Z", "default zone UTC"),
    _row("{{ local | date }}", "2013-09-08T16:19:12.123456Z", "local date-time in the default zone"),
    _row("{{ zoned | date('iso_date_time') }}", "2013-09-08T15:19:12.123456Z[Etc/UTC]", "iso_date_time"),
    _row(f"{{{{ zoned | date('iso_date', {PARIS}) }}}}", "2013-09-08+02:00", "iso_date"),
    _row(f"{{{{ zoned | date('iso_time', {PARIS}) }}}}", "17:19:12.123456+02:00", "iso_time"),
    _row("{{ zoned | date('iso_instant') }}", "2013-09-08T15:19:12.123456Z", "iso_instant"),
    _row(
        f"{{{{ zoned | date('iso_local_date_time', {PARIS}) }}}}", "2013-09-08T17:19:12.123456", "iso_local_date_time"
    ),
    _row(f"{{{{ zoned | date('iso_ordinal_date', {PARIS}) }}}}", "2013-251+02:00", "iso_ordinal_date"),
    _row(f"{{{{ zoned | date('iso_week_date', {PARIS}) }}}}", "2013-W36-7+02:00", "iso_week_date"),
    _row(f"{{{{ zoned | date('rfc_1123_date_time', {PARIS}) }}}}", "Sun, 8 Sep 2013 17:19:12 +0200", "rfc_1123"),
    # Java 20+ (CLDR 42) puts U+202F before AM/PM in en_US time formats; Kestra runs Java 25
    _row(f"{{{{ zoned | date('short', {PARIS}) }}}}", "9/8/13, 5:19\u202fPM", "short style"),
    _row(f"{{{{ zoned | date('medium', {PARIS}) }}}}", "Sep 8, 2013, 5:19:12\u202fPM", "medium style"),
    _row(
        f"{{{{ zoned | date('full', {PARIS}) }}}}",
        "Sunday, September 8, 2013, 5:19:12\u202fPM Central European Summer Time",
        "full style",
    ),
    _row(f"{{{{ zoned | date('EEEE d MMMM yyyy, h:mm a', {PARIS}) }}}}", "Sunday 8 September 2013, 5:19 PM", "texts"),
    _row(f"{{{{ zoned | date('yyyy-MM-dd HH:mm z', locale='en_US', {PARIS}) }}}}", "2013-09-08 17:19 CEST", "en_US"),
    _row("{{ zoned | date('yyyy-MM-dd', timeZone='+05:30') }}", "2013-09-08", "offset zone"),
    _row("{{ zoned | date('HH:mm xxx', timeZone='GMT+2') }}", "17:19 +02:00", "GMT+2 zone"),
    _row("{{ zoned | date('HH:mm VV', timeZone='America/New_York') }}", "11:19 America/New_York", "zone id"),
    # ZonedDateTime.plus: calendar units keep the local time across DST, time units the instant
    _row(
        "{{ '2024-03-30T02:30:00+01:00[Europe/Paris]' | dateAdd(1, 'DAYS', timeZone='Europe/Paris') }}",
        "2024-03-31T03:30:00.000000+02:00",
        "dateAdd across a DST gap",
    ),
    _row(
        "{{ '2024-03-30T02:30:00+01:00[Europe/Paris]' | dateAdd(24, 'HOURS', timeZone='Europe/Paris') }}",
        "2024-03-31T03:30:00.000000+02:00",
        "dateAdd hours",
    ),
    _row("{{ '2013-01-31' | dateAdd(1, 'MONTHS', 'iso_local_date') }}", "2013-02-28", "plusMonths clamps the day"),
    _row(
        "{{ '31.02.2023' | date(existingFormat='dd.MM.yyyy') }}", "2023-02-28T00:00:00.000000Z", "SMART resolver clamps"
    ),
    _row("{{ '2024-02-29' | dateAdd(1, 'YEARS', 'iso_local_date') }}", "2025-02-28", "plusYears from 29 February"),
    _row("{{ '2013-09-08' | dateAdd('2', 'WEEKS', 'iso_local_date') }}", "2013-09-22", "getAsLong of a string"),
    _row("{{ '2013-09-08' | dateAdd(1.9, 'DAYS', 'iso_local_date') }}", "2013-09-09", "getAsLong truncates"),
    _row(
        "{{ zoned | timestampMilli }} {{ zoned | timestampMicro | className }}",
        "1378653552123 java.lang.String",
        "types",
    ),
]

ERRORS = [
    # kestra DateAddFilterTest.should_fail_with_invalid_day, getAsLong
    _row('{{ "2013-09-08T16:19:00+02" | dateAdd(bad, "DAYS") }}', "invalid can't be converted to long", "invalid day"),
    _row('{{ "2013-09-08" | dateAdd(null, "DAYS") }}', "Incorrect null format, must be a number", "null amount"),
    _row("{{ '2013-09-08' | dateAdd(1, 'days') }}", "No enum constant java.time.temporal.ChronoUnit.days", "unit"),
    _row("{{ '2013-09-08' | dateAdd(1, 'FOREVER') }}", "Unsupported unit: Forever", "FOREVER"),
    _row("{{ '2013-09-08' | dateAdd(1) }}", "Name is null", "no unit"),
    # AbstractDate.convert: the last parse (LocalDate) fails with Java's message
    _row("{{ 'x' | date }}", "Text 'x' could not be parsed at index 0", "not a date"),
    _row("{{ '2013-02-30' | date }}", "Text '2013-02-30' could not be parsed: Invalid date 'FEBRUARY 30'", "30 Feb"),
    _row(
        "{{ '32.02.2023' | date(existingFormat='dd.MM.yyyy') }}",
        "Text '32.02.2023' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32",
        "existingFormat, bad day",
    ),
    _row(
        "{{ 1.5 | date }}",
        "class java.lang.Double cannot be cast to class java.lang.String (java.lang.Double and java.lang.String "
        "are in module java.base of loader 'bootstrap')",
        "not a string",
    ),
    _row("{{ zoned | date('yyyy-MM-ddTHH') }}", "Unknown pattern letter: T", "pattern"),
    _row("{{ zoned | date('#') }}", "Pattern includes reserved character: '#'", "reserved character"),
    _row("{{ zoned | date(timeZone='Mars/Olympus') }}", "Unknown time-zone ID: Mars/Olympus", "zone"),
    _row("{{ zoned | date(locale='e') }}", "Invalid locale format: e", "locale"),
    _row(
        "{{ 1378653552 | date('yyyy', timeZone='+25:00') }}",
        "Zone offset hours not in valid range: value 25 is not in the range -18 to 18",
        "offset",
    ),
]


@pytest.mark.parametrize(("template", "expected"), ROWS)
def test_date_filters(template: str, expected: str) -> None:
    assert render(template, {**DATES, "day": 1, "tz": "Australia/Perth"}) == expected


@pytest.mark.parametrize(("template", "message"), ERRORS)
def test_date_filter_errors(template: str, message: str) -> None:
    with pytest.raises(RenderError) as raised:
        render(template, {**DATES, "bad": "invalid"})
    assert (raised.value.kind, raised.value.message) == ("render", message)


SERVER = RenderOptions(clock=lambda: datetime(2013, 9, 8, 15, 19, 12, 123456, tzinfo=UTC))


@pytest.mark.parametrize(
    ("template", "options", "expected"),
    [
        # kestra DateFilterTest.now: the server's clock in its zone, or in timeZone, formatted like date
        ("{{ now() }}", SERVER, "2013-09-08T15:19:12.123456Z"),
        ('{{ now(timeZone="Europe/Lisbon") }}', SERVER, "2013-09-08T16:19:12.123456+01:00"),
        ('{{ now(format="iso_local_date") }}', SERVER, "2013-09-08"),
        ('{{ now(format="sql_milli") }}', SERVER, "2013-09-08 15:19:12.123"),
        ("{{ now() }}", RenderOptions(clock=SERVER.clock, time_zone="Asia/Tokyo"), "2013-09-09T00:19:12.123456+09:00"),
        ("{{ now() | dateAdd(1, 'DAYS', format='iso_local_date') }}", SERVER, "2013-09-09"),
        # a dry run has no clock: the date cannot be known
        ("{{ now() }}", RenderOptions(), "<unknown: now()>"),
    ],
)
def test_now(template: str, options: RenderOptions, expected: str) -> None:
    assert render(template, {}, options) == expected


def test_what_the_port_cannot_compute_is_unknowable() -> None:
    # another locale's texts, and years past 9999, are not in our java.time port
    assert render("{{ zoned | date('MMMM', locale='fr') }}", DATES) == "<unknown: date('MMMM', locale='fr')>"
    assert render("{{ zoned | date('MM', locale='fr') }}", DATES) == "09"
    with pytest.raises(RenderError) as raised:
        render("{{ 253402300800 | date }}", DATES, RenderOptions(known_only=True))
    assert (
        raised.value.message
        == "`date` cannot be known offline: flowls cannot compute a date outside the years 1-9999 offline"
    )
