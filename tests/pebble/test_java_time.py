"""flowls.pebble.java_time against the JDK: every expected value below is what Java printed for the same call.

Printed by throwaway programs (never part of the project) on Temurin 25.0.3, the JVM Kestra 1.x runs
(eclipse-temurin:25-jre), with Locale.US and the default zone UTC: ``DateTimeFormatter.ofPattern(p)
.withLocale(Locale.US).withZone(z).format(zdt)``, ``ZonedDateTime.parse``, ``LocalDateTime.parse``,
``LocalDate.parse``, ``ZoneId.of``, ``zdt.plus(n, ChronoUnit.valueOf(u))`` and ``ZonedDateTime.ofLocal``, and
``getMessage()`` of what they threw. Where JDK 17 prints something else, a ``# JDK 17:`` comment above the
row says what, and why (mostly CLDR 42 in JDK 20 and the removal of the COMPAT locale data in JDK 23).
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

import pytest

from flowls.pebble import java_time as jt


class Raises(NamedTuple):
    """Java threw, with this message."""

    message: str


def _epoch(instant: str) -> int:
    return int(datetime.fromisoformat(instant).timestamp())


def _zdt(zone: str, instant: str, nano: int = 0) -> jt.ZonedDateTime:
    return jt.ZonedDateTime.of_instant(_epoch(instant), nano, jt.zone_of(zone))


def _formatter(spec: str) -> jt.Formatter:
    """``PRE:NAME`` a DateTimeFormatter constant, ``LOC:STYLE`` ofLocalizedDateTime, else ofPattern."""
    if spec.startswith("PRE:"):
        return jt.PREDEFINED[spec[4:]]
    if spec.startswith("LOC:"):
        return jt.localized_date_time(spec[4:])
    return jt.of_pattern(spec)


def _local_text(local: datetime, nano: int) -> str:
    """``LocalDateTime.toString``."""
    return str(jt.ZonedDateTime(local, nano, 0, jt.UTC_OFFSET)).removesuffix("Z")


def _unordered(outcome: object) -> object:
    """A message's ``{Field=value, ...}`` as a set: Java prints Parsed.fieldValues, a HashMap keyed by enum
    constants, whose identity hashes put the fields in an order that changes from one JVM run to the next."""
    if not isinstance(outcome, Raises) or "{" not in outcome.message:
        return outcome
    before, _, rest = outcome.message.partition("{")
    fields, _, after = rest.partition("}")
    return before, frozenset(fields.split(", ")), after


def _outcome(compute: object) -> object:
    try:
        return compute()  # type: ignore[operator]
    except jt.JavaError as error:
        return Raises(error.message)


# DateTimeFormatter.ofPattern(pattern).withLocale(Locale.US).withZone(zone).format(instant): each pattern
# letter of the javadoc's "Patterns for Formatting and Parsing" table at its counts, as OpenJDK's
# test/jdk/java/time/test/java/time/format/TestDateTimeFormatterBuilder.java and
# TCKDateTimeFormatterBuilder.java (testPatternLetters) exercise them, then padding, optional sections,
# quotes, and offsets either side of DST transitions.
FORMAT = [
    ("G GGGG GGGGG", "Europe/Paris", "2024-07-04T13:07:09", 0, "AD Anno Domini A"),
    ("u uu uuuu uuuuu", "Europe/Paris", "2024-07-04T13:07:09", 0, "2024 24 2024 02024"),
    ("y yy yyy yyyy yyyyy", "Europe/Paris", "2024-07-04T13:07:09", 0, "2024 24 2024 2024 02024"),
    ("y yy yyyy", "UTC", "0007-03-04T00:00:00", 0, "7 07 0007"),
    ("D DD DDD", "Europe/Paris", "2024-01-05T12:00:00", 0, "5 05 005"),
    ("D DD DDD", "Europe/Paris", "2024-12-31T12:00:00", 0, "366 366 366"),
    ("M MM MMM MMMM MMMMM", "Europe/Paris", "2024-07-04T13:07:09", 0, "7 07 Jul July J"),
    ("L LL LLL LLLL LLLLL", "Europe/Paris", "2024-07-04T13:07:09", 0, "7 07 Jul July J"),
    ("d dd", "Europe/Paris", "2024-07-04T13:07:09", 0, "4 04"),
    ("Q QQ QQQ QQQQ QQQQQ", "Europe/Paris", "2024-07-04T13:07:09", 0, "3 03 Q3 3rd quarter 3"),
    ("q qq qqq qqqq qqqqq", "Europe/Paris", "2024-07-04T13:07:09", 0, "3 03 Q3 3rd quarter 3"),
    ("Y YY YYYY w ww W e ee c", "UTC", "2023-01-01T00:30:05", 0, "2023 23 2023 1 01 1 1 01 1"),
    ("YYYY-'W'ww-e", "UTC", "2020-12-31T12:00:00", 0, "2021-W01-5"),
    ("E EE EEE EEEE EEEEE", "Europe/Paris", "2024-07-04T13:07:09", 0, "Thu Thu Thu Thursday T"),
    ("e ee eee eeee eeeee", "Europe/Paris", "2024-07-04T13:07:09", 0, "5 05 Thu Thursday T"),
    ("c ccc cccc ccccc", "Europe/Paris", "2024-07-04T13:07:09", 0, "5 Thu Thursday T"),
    # JDK 17: '1' (JDK-8282081)
    ("F", "UTC", "2024-07-15T00:00:00", 0, "3"),
    ("a", "Europe/Paris", "2024-07-04T13:07:09", 0, "PM"),
    ("h hh K KK k kk H HH", "UTC", "2024-07-04T00:05:00", 0, "12 12 0 00 24 24 0 00"),
    ("h hh K KK k kk H HH", "UTC", "2024-07-04T12:05:00", 0, "12 12 0 00 12 12 12 12"),
    ("m mm s ss", "UTC", "2024-07-04T10:03:04", 0, "3 03 4 04"),
    ("S SS SSS SSSSSS SSSSSSSSS", "UTC", "2024-07-04T13:07:09", 123456789, "1 12 123 123456 123456789"),
    ("SSS", "UTC", "2024-07-04T13:07:09", 7, "000"),
    ("A n N", "UTC", "2024-07-04T13:07:09", 123456789, "47229123 123456789 47229123456789"),
    ("AAAAAAAAAA nnnnnnnnnnn", "UTC", "2024-07-04T00:00:00", 5, "0000000000 00000000005"),
    ("g", "UTC", "2024-07-04T13:07:09", 0, "60495"),
    ("VV", "Europe/Paris", "2024-07-04T13:07:09", 0, "Europe/Paris"),
    ("VV", "+05:30", "2024-07-04T13:07:09", 0, "+05:30"),
    ("VV", "UTC", "2024-07-04T13:07:09", 0, "UTC"),
    ("v vvvv", "America/New_York", "2024-07-04T13:07:09", 0, "ET Eastern Time"),
    ("z zz zzz zzzz", "America/New_York", "2024-07-04T13:07:09", 0, "EDT EDT EDT Eastern Daylight Time"),
    ("z zzzz", "America/New_York", "2023-01-01T00:30:05", 0, "EST Eastern Standard Time"),
    ("O OOOO", "Asia/Kolkata", "2024-07-04T13:07:09", 0, "GMT+5:30 GMT+05:30"),
    ("O OOOO", "UTC", "2024-07-04T13:07:09", 0, "GMT GMT"),
    ("O OOOO", "-03:30", "2024-07-04T13:07:09", 0, "GMT-3:30 GMT-03:30"),
    ("X XX XXX XXXX XXXXX", "Asia/Kolkata", "2024-07-04T13:07:09", 0, "+0530 +0530 +05:30 +0530 +05:30"),
    ("X XX XXX XXXX XXXXX", "UTC", "2024-07-04T13:07:09", 0, "Z Z Z Z Z"),
    ("x xx xxx xxxx xxxxx", "UTC", "2024-07-04T13:07:09", 0, "+00 +0000 +00:00 +0000 +00:00"),
    ("x xx xxx xxxx xxxxx", "+01:02:03", "2024-07-04T13:07:09", 0, "+0102 +0102 +01:02 +010203 +01:02:03"),
    ("Z ZZ ZZZ ZZZZ ZZZZZ", "America/New_York", "2024-07-04T13:07:09", 0, "-0400 -0400 -0400 GMT-04:00 -04:00"),
    ("Z ZZZZ ZZZZZ", "Z", "2024-07-04T13:07:09", 0, "+0000 GMT Z"),
    ("B BBBB BBBBB", "UTC", "2024-07-04T00:00:30", 0, "midnight midnight mi"),
    ("B BBBB BBBBB", "UTC", "2024-07-04T12:00:00", 0, "noon noon n"),
    # JDK 17: 'at night' (night until 06:00)
    ("B", "UTC", "2024-07-04T02:00:00", 0, "in the morning"),
    ("B", "UTC", "2024-07-04T15:00:00", 0, "in the afternoon"),
    ("B", "UTC", "2024-07-04T19:00:00", 0, "in the evening"),
    ("B", "UTC", "2024-07-04T23:00:00", 0, "at night"),
    ("ppd/ppM/yyyy", "UTC", "2024-07-04T00:00:00", 0, " 4/ 7/2024"),
    ("pppppE|", "UTC", "2024-07-04T13:07:09", 0, "  Thu|"),
    ("yyyy[ MM[ dd]]", "UTC", "2024-07-04T13:07:09", 0, "2024 07 04"),
    ("[yyyy][VV]", "+01:00", "2024-07-04T13:07:09", 0, "2024+01:00"),
    ("'T'''HH' o''clock'''", "UTC", "2024-07-04T13:07:09", 0, "T'13 o'clock'"),
    ("''", "UTC", "2024-07-04T13:07:09", 0, "'"),
    ("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "Europe/Paris", "2024-07-04T13:07:09", 120000000, "2024-07-04T15:07:09.120+02:00"),
    ("EEE, d MMM yyyy HH:mm:ss Z", "America/New_York", "2024-07-04T13:07:09", 0, "Thu, 4 Jul 2024 09:07:09 -0400"),
    ("yyyyMMddHHmmssSSS", "UTC", "2024-07-04T13:07:09", 9000000, "20240704130709009"),
    ("yyyy年MM月dd日 — H:mm", "Asia/Tokyo", "2024-07-04T13:07:09", 0, "2024年07月04日 — 22:07"),
    ("yyyy-MM-dd HH:mm z XXX", "Europe/Paris", "2024-03-31T00:59:59", 0, "2024-03-31 01:59 CET +01:00"),
    ("yyyy-MM-dd HH:mm z XXX", "Europe/Paris", "2024-03-31T01:00:00", 0, "2024-03-31 03:00 CEST +02:00"),
    ("yyyy-MM-dd HH:mm z XXX", "America/New_York", "2024-11-03T05:30:00", 0, "2024-11-03 01:30 EDT -04:00"),
    ("yyyy-MM-dd HH:mm z XXX", "America/New_York", "2024-11-03T06:30:00", 0, "2024-11-03 01:30 EST -05:00"),
]


@pytest.mark.parametrize(("pattern", "zone", "instant", "nano", "expected"), FORMAT)
def test_of_pattern_formats_as_java(pattern: str, zone: str, instant: str, nano: int, expected: str) -> None:
    assert jt.of_pattern(pattern).format(_zdt(zone, instant, nano)) == expected


# Pattern letters z, zzzz, v and vvvv ("z|zzzz|v|vvvv"): TimeZone names of Java 25's CLDR data. JDK 17
# also had the COMPAT (JRE) names, such as BRT and CHAST, which JDK 23 removed (JDK-8174269); Dublin,
# Casablanca and Windhoek show Java's tz database without negative saving times.
ZONE_NAMES = [
    ("Europe/Paris", "2023-01-01T00:30:05", "CET|Central European Standard Time|CET|Central European Time"),
    ("Europe/Paris", "2024-07-04T13:07:09", "CEST|Central European Summer Time|CET|Central European Time"),
    # JDK 17: 'GMT|Greenwich Mean Time|BT|British Time'
    ("Europe/London", "2023-01-01T00:30:05", "GMT|Greenwich Mean Time|GMT|London Time"),
    # JDK 17: 'BST|British Summer Time|BT|British Time'
    ("Europe/London", "2024-07-04T13:07:09", "BST|British Summer Time|GMT|London Time"),
    # JDK 17: 'GMT|Greenwich Mean Time|IT|Irish Time'
    ("Europe/Dublin", "2023-01-01T00:30:05", "GMT|Greenwich Mean Time|GMT|Dublin Time"),
    # JDK 17: 'IST|Irish Standard Time|IT|Irish Time'
    ("Europe/Dublin", "2024-07-04T13:07:09", "IST|Irish Standard Time|GMT|Dublin Time"),
    # JDK 17: 'WET|Western European Time|WET|Western European Time'
    ("Africa/Casablanca", "2024-03-20T12:00:00", "GMT|Casablanca Standard Time|GMT|Casablanca Time"),
    # JDK 17: 'WEST|Western European Summer Time|WET|Western European Time'
    ("Africa/Casablanca", "2024-07-04T13:07:09", "GMT+01:00|Casablanca Daylight Time|GMT|Casablanca Time"),
    # JDK 17: 'WAT|Western African Time|CAT|Central African Time'
    ("Africa/Windhoek", "2024-07-04T13:07:09", "CAT|Windhoek Daylight Time|CAT|Windhoek Time"),
    # JDK 17: 'BRT|Brasilia Standard Time|BRT|Brasilia Time'
    ("America/Sao_Paulo", "2024-07-04T13:07:09", "GMT-03:00|Brasilia Standard Time|GMT-03:00|Brasilia Time"),
    # JDK 17: 'IST|India Standard Time|IT|India Time'
    ("Asia/Kolkata", "2024-07-04T13:07:09", "IST|India Standard Time|IST|Kolkata Time"),
    ("Asia/Tokyo", "2024-07-04T13:07:09", "JST|Japan Standard Time|JT|Japan Time"),
    # JDK 17: 'LHDT|Lord Howe Daylight Time|LHT|Lord Howe Time'
    ("Australia/Lord_Howe", "2023-01-01T00:30:05", "GMT+11:00|Lord Howe Daylight Time|GMT+10:30|Lord Howe Time"),
    # JDK 17: 'CHAST|Chatham Standard Time|CHAT|Chatham Time'
    ("Pacific/Chatham", "2024-07-04T13:07:09", "GMT+12:45|Chatham Standard Time|GMT+12:45|Chatham Time"),
    ("Etc/GMT+5", "2024-07-04T13:07:09", "GMT-05:00|GMT-05:00|GMT-05:00|GMT-05:00"),
    ("UTC", "2024-07-04T13:07:09", "UTC|Coordinated Universal Time|UTC|Coordinated Universal Time"),
    ("GMT", "2024-07-04T13:07:09", "GMT|Greenwich Mean Time|GMT|Greenwich Mean Time"),
    ("UT", "2024-07-04T13:07:09", "UT|UT|UT|UT"),
    ("GMT+2", "2024-07-04T13:07:09", "GMT+02:00|GMT+02:00|GMT+02:00|GMT+02:00"),
    ("UTC+01:30", "2024-07-04T13:07:09", "UTC+01:30|UTC+01:30|UTC+01:30|UTC+01:30"),
    ("Z", "2024-07-04T13:07:09", "Z|Z|Z|Z"),
    ("+05:45", "2024-07-04T13:07:09", "+05:45|+05:45|+05:45|+05:45"),
    ("America/Los_Angeles", "2024-07-04T13:07:09", "PDT|Pacific Daylight Time|PT|Pacific Time"),
    # JDK 17: 'MSK|Moscow Standard Time|MT|Moscow Time'
    ("Europe/Moscow", "2024-07-04T13:07:09", "MSK|Moscow Standard Time|MSK|Moscow Time"),
    ("Europe/Paris", "1900-01-01T00:00:00", "CET|Central European Standard Time|CET|Central European Time"),
]


@pytest.mark.parametrize(("zone", "instant", "expected"), ZONE_NAMES)
def test_zone_names_are_java_25s(zone: str, instant: str, expected: str) -> None:
    assert jt.of_pattern("z|zzzz|v|vvvv").format(_zdt(zone, instant)) == expected


# The DateTimeFormatter constants (javadoc "Predefined Formatters"; OpenJDK's TCKDateTimeFormatters).
PREDEFINED = [
    ("ISO_LOCAL_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04"),
    ("ISO_LOCAL_DATE", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01"),
    ("ISO_LOCAL_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03"),
    ("ISO_OFFSET_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04+02:00"),
    ("ISO_OFFSET_DATE", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01Z"),
    ("ISO_OFFSET_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03-03:30"),
    ("ISO_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04+02:00"),
    ("ISO_DATE", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01Z"),
    ("ISO_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03-03:30"),
    ("ISO_LOCAL_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "15:07:09.123456789"),
    ("ISO_LOCAL_TIME", "UTC", "2023-01-01T00:30:05", 0, "00:30:05"),
    ("ISO_LOCAL_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "06:45:30.00012"),
    ("ISO_OFFSET_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "15:07:09.123456789+02:00"),
    ("ISO_OFFSET_TIME", "UTC", "2023-01-01T00:30:05", 0, "00:30:05Z"),
    ("ISO_OFFSET_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "06:45:30.00012-03:30"),
    ("ISO_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "15:07:09.123456789+02:00"),
    ("ISO_TIME", "UTC", "2023-01-01T00:30:05", 0, "00:30:05Z"),
    ("ISO_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "06:45:30.00012-03:30"),
    ("ISO_LOCAL_DATE_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04T15:07:09.123456789"),
    ("ISO_LOCAL_DATE_TIME", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01T00:30:05"),
    ("ISO_LOCAL_DATE_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03T06:45:30.00012"),
    ("ISO_OFFSET_DATE_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04T15:07:09.123456789+02:00"),
    ("ISO_OFFSET_DATE_TIME", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01T00:30:05Z"),
    ("ISO_OFFSET_DATE_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03T06:45:30.00012-03:30"),
    (
        "ISO_ZONED_DATE_TIME",
        "Europe/Paris",
        "2024-07-04T13:07:09",
        123456789,
        "2024-07-04T15:07:09.123456789+02:00[Europe/Paris]",
    ),
    ("ISO_ZONED_DATE_TIME", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01T00:30:05Z[UTC]"),
    ("ISO_ZONED_DATE_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03T06:45:30.00012-03:30"),
    (
        "ISO_DATE_TIME",
        "Europe/Paris",
        "2024-07-04T13:07:09",
        123456789,
        "2024-07-04T15:07:09.123456789+02:00[Europe/Paris]",
    ),
    ("ISO_DATE_TIME", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01T00:30:05Z[UTC]"),
    ("ISO_DATE_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03T06:45:30.00012-03:30"),
    ("ISO_ORDINAL_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-186+02:00"),
    ("ISO_ORDINAL_DATE", "UTC", "2023-01-01T00:30:05", 0, "2023-001Z"),
    ("ISO_ORDINAL_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "2021-003-03:30"),
    ("ISO_WEEK_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-W27-4+02:00"),
    ("ISO_WEEK_DATE", "UTC", "2023-01-01T00:30:05", 0, "2022-W52-7Z"),
    ("ISO_WEEK_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "2020-W53-7-03:30"),
    ("ISO_INSTANT", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "2024-07-04T13:07:09.123456789Z"),
    ("ISO_INSTANT", "UTC", "2023-01-01T00:30:05", 0, "2023-01-01T00:30:05Z"),
    ("ISO_INSTANT", "-03:30", "2021-01-03T10:15:30", 120000, "2021-01-03T10:15:30.000120Z"),
    ("BASIC_ISO_DATE", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "20240704+0200"),
    ("BASIC_ISO_DATE", "UTC", "2023-01-01T00:30:05", 0, "20230101Z"),
    ("BASIC_ISO_DATE", "-03:30", "2021-01-03T10:15:30", 120000, "20210103-0330"),
    ("RFC_1123_DATE_TIME", "Europe/Paris", "2024-07-04T13:07:09", 123456789, "Thu, 4 Jul 2024 15:07:09 +0200"),
    ("RFC_1123_DATE_TIME", "UTC", "2023-01-01T00:30:05", 0, "Sun, 1 Jan 2023 00:30:05 GMT"),
    ("RFC_1123_DATE_TIME", "-03:30", "2021-01-03T10:15:30", 120000, "Sun, 3 Jan 2021 06:45:30 -0330"),
]


@pytest.mark.parametrize(("name", "zone", "instant", "nano", "expected"), PREDEFINED)
def test_predefined_formatters_format_as_java(name: str, zone: str, instant: str, nano: int, expected: str) -> None:
    assert jt.PREDEFINED[name].format(_zdt(zone, instant, nano)) == expected


# DateTimeFormatter.ofLocalizedDateTime(FormatStyle.X).withLocale(Locale.US). CLDR 42 (JDK 20,
# JDK-8284840) put U+202F NARROW NO-BREAK SPACE before AM/PM, and joined FULL and LONG dates to
# their times with ", " where CLDR 39 (JDK 17) had " 'at' ".
LOCALIZED = [
    # JDK 17: 'Thursday, July 4, 2024 at 9:07:09 AM Eastern Daylight Time'
    (
        "FULL",
        "America/New_York",
        "2024-07-04T13:07:09",
        "Thursday, July 4, 2024, 9:07:09\u202fAM Eastern Daylight Time",
    ),
    # JDK 17: 'Sunday, January 1, 2023 at 12:30:05 AM Coordinated Universal Time'
    ("FULL", "UTC", "2023-01-01T00:30:05", "Sunday, January 1, 2023, 12:30:05\u202fAM Coordinated Universal Time"),
    # JDK 17: 'Thursday, July 4, 2024 at 6:37:09 PM +05:30'
    ("FULL", "+05:30", "2024-07-04T13:07:09", "Thursday, July 4, 2024, 6:37:09\u202fPM +05:30"),
    # JDK 17: 'July 4, 2024 at 9:07:09 AM EDT'
    ("LONG", "America/New_York", "2024-07-04T13:07:09", "July 4, 2024, 9:07:09\u202fAM EDT"),
    # JDK 17: 'January 1, 2023 at 12:30:05 AM UTC'
    ("LONG", "UTC", "2023-01-01T00:30:05", "January 1, 2023, 12:30:05\u202fAM UTC"),
    # JDK 17: 'July 4, 2024 at 6:37:09 PM +05:30'
    ("LONG", "+05:30", "2024-07-04T13:07:09", "July 4, 2024, 6:37:09\u202fPM +05:30"),
    # JDK 17: 'Jul 4, 2024, 9:07:09 AM'
    ("MEDIUM", "America/New_York", "2024-07-04T13:07:09", "Jul 4, 2024, 9:07:09\u202fAM"),
    # JDK 17: 'Jan 1, 2023, 12:30:05 AM'
    ("MEDIUM", "UTC", "2023-01-01T00:30:05", "Jan 1, 2023, 12:30:05\u202fAM"),
    # JDK 17: 'Jul 4, 2024, 6:37:09 PM'
    ("MEDIUM", "+05:30", "2024-07-04T13:07:09", "Jul 4, 2024, 6:37:09\u202fPM"),
    # JDK 17: '7/4/24, 9:07 AM'
    ("SHORT", "America/New_York", "2024-07-04T13:07:09", "7/4/24, 9:07\u202fAM"),
    # JDK 17: '1/1/23, 12:30 AM'
    ("SHORT", "UTC", "2023-01-01T00:30:05", "1/1/23, 12:30\u202fAM"),
    # JDK 17: '7/4/24, 6:37 PM'
    ("SHORT", "+05:30", "2024-07-04T13:07:09", "7/4/24, 6:37\u202fPM"),
]


@pytest.mark.parametrize(("style", "zone", "instant", "expected"), LOCALIZED)
def test_localized_styles_are_java_25s(style: str, zone: str, instant: str, expected: str) -> None:
    assert jt.localized_date_time(style).format(_zdt(zone, instant)) == expected


# DateTimeFormatter.ofPattern(pattern) throwing IllegalArgumentException (DateTimeFormatterBuilder's
# parsePattern and parseField; OpenJDK's TCKDateTimeFormatterBuilder.badPatterns).
PATTERN_ERRORS = [
    ("GGGGGG", "Too many pattern letters: G"),
    ("MMMMMM", "Too many pattern letters: M"),
    ("QQQQQQ", "Too many pattern letters: Q"),
    ("EEEEEE", "Too many pattern letters: E"),
    ("aa", "Too many pattern letters: a"),
    ("dd d ddd", "Too many pattern letters: d"),
    ("hhh", "Too many pattern letters: h"),
    ("HHH", "Too many pattern letters: H"),
    ("mmm", "Too many pattern letters: m"),
    ("sss", "Too many pattern letters: s"),
    ("DDDD", "Too many pattern letters: D"),
    ("FF", "Too many pattern letters: F"),
    ("cc", 'Invalid pattern "cc"'),
    ("zzzzz", "Too many pattern letters: z"),
    ("V", "Pattern letter count must be 2: V"),
    ("VVV", "Pattern letter count must be 2: V"),
    ("vv", "Wrong number of pattern letters: v"),
    ("OO", "Pattern letter count must be 1 or 4: O"),
    ("OOOOO", "Pattern letter count must be 1 or 4: O"),
    ("ZZZZZZ", "Too many pattern letters: Z"),
    ("XXXXXX", "Too many pattern letters: X"),
    ("xxxxxx", "Too many pattern letters: x"),
    ("WW", "Too many pattern letters: W"),
    ("www", "Too many pattern letters: w"),
    ("BB", "Wrong number of pattern letters: B"),
    ("uuuuuuuuuuuuuuuuuuuu", "The minimum width must be from 1 to 19 inclusive but was 20"),
    ("SSSSSSSSSS", "Minimum width must be from 0 to 9 inclusive but was 10"),
    ("l", "Unknown pattern letter: l"),
    ("b", "Unknown pattern letter: b"),
    ("t", "Unknown pattern letter: t"),
    ("ppp", "Pad letter 'p' must be followed by valid pad pattern: ppp"),
    ("p1", "Pad letter 'p' must be followed by valid pad pattern: p1"),
    ("]", "Pattern invalid as it contains ] without previous ["),
    ("{", "Pattern includes reserved character: '{'"),
    ("#", "Pattern includes reserved character: '#'"),
    ("'unterminated", "Pattern ends with an incomplete string literal: 'unterminated"),
    ("yyyy'", "Pattern ends with an incomplete string literal: yyyy'"),
    (
        "ppHmm",
        "class java.time.format.DateTimeFormatterBuilder$PadPrinterParserDecorator cannot be cast to class "
        "java.time.format.DateTimeFormatterBuilder$NumberPrinterParser "
        "(java.time.format.DateTimeFormatterBuilder$PadPrinterParserDecorator and "
        "java.time.format.DateTimeFormatterBuilder$NumberPrinterParser are in module java.base of loader "
        "'bootstrap')",
    ),
]


@pytest.mark.parametrize(("pattern", "message"), PATTERN_ERRORS)
def test_bad_patterns_raise_javas_message(pattern: str, message: str) -> None:
    with pytest.raises(jt.JavaError) as raised:
        jt.of_pattern(pattern)
    assert raised.value.message == message


# Formatting that throws DateTimeException: a pad narrower than the value (PadPrinterParserDecorator).
FORMAT_ERRORS = [
    ("pH", "UTC", "2024-07-04T13:07:09", Raises("Cannot print as output of 2 characters exceeds pad width of 1")),
    ("ppyy", "UTC", "2024-07-04T13:07:09", "24"),
]


@pytest.mark.parametrize(("pattern", "zone", "instant", "expected"), FORMAT_ERRORS)
def test_format_errors_raise_javas_message(pattern: str, zone: str, instant: str, expected: Raises) -> None:
    assert _outcome(lambda: jt.of_pattern(pattern).format(_zdt(zone, instant))) == expected


# ZoneId.of(id): getId() and whether it is a ZoneOffset, or the message of what it threw
# (OpenJDK's TCKZoneId and TCKZoneOffset).
ZONES = [
    ("Europe/Paris", "Europe/Paris region"),
    ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires region"),
    ("Asia/Calcutta", "Asia/Calcutta region"),
    ("US/Eastern", "US/Eastern region"),
    ("Etc/GMT+5", "Etc/GMT+5 region"),
    ("Etc/GMT-14", "Etc/GMT-14 region"),
    ("Z", "Z offset"),
    ("z", Raises("Invalid ID for ZoneOffset, invalid format: z")),
    ("+1", "+01:00 offset"),
    ("-01", "-01:00 offset"),
    ("+0130", "+01:30 offset"),
    ("+01:30", "+01:30 offset"),
    ("+01:30:15", "+01:30:15 offset"),
    ("+013015", "+01:30:15 offset"),
    ("-18", "-18:00 offset"),
    ("+18", "+18:00 offset"),
    ("+18:00:01", Raises("Zone offset not in valid range: -18:00 to +18:00")),
    ("+19", Raises("Zone offset hours not in valid range: value 19 is not in the range -18 to 18")),
    ("+1:30", Raises("Invalid ID for ZoneOffset, non numeric characters found: +1:30")),
    ("+01:3", Raises("Invalid ID for ZoneOffset, non numeric characters found: +01:3")),
    ("+01:60", Raises("Zone offset minutes not in valid range: value 60 is not in the range -59 to 59")),
    ("01:00", Raises("Invalid ID for region-based ZoneId, invalid format: 01:00")),
    ("+01-00", Raises("Invalid ID for ZoneOffset, colon not found when expected: +01-00")),
    ("UTC", "UTC region"),
    ("UTC+1", "UTC+01:00 region"),
    ("UTC+01:00", "UTC+01:00 region"),
    ("UTC-0", "UTC region"),
    ("GMT", "GMT region"),
    ("GMT0", "GMT0 region"),
    ("GMT+0", "GMT region"),
    ("GMT+2", "GMT+02:00 region"),
    ("GMT+02:30", "GMT+02:30 region"),
    ("GMT+19", Raises("Invalid ID for offset-based ZoneId: GMT+19")),
    ("GMTX", Raises("Unknown time-zone ID: GMTX")),
    ("UT", "UT region"),
    ("UT-05:00", "UT-05:00 region"),
    ("UTC+", Raises("Invalid ID for offset-based ZoneId: UTC+")),
    ("Europe/Nowhere", Raises("Unknown time-zone ID: Europe/Nowhere")),
    ("europe/paris", Raises("Unknown time-zone ID: europe/paris")),
    ("EST", Raises("Unknown time-zone ID: EST")),
    ("ROC", Raises("Unknown time-zone ID: ROC")),
    ("EST5EDT", "EST5EDT region"),
    ("", Raises("Invalid ID for ZoneOffset, invalid format: ")),
    ("A", Raises("Invalid ID for ZoneOffset, invalid format: A")),
    ("1", Raises("Invalid ID for ZoneOffset, invalid format: 1")),
    ("Europe//Paris", Raises("Unknown time-zone ID: Europe//Paris")),
    (" UTC", Raises("Invalid ID for region-based ZoneId, invalid format:  UTC")),
    ("a~b", Raises("Unknown time-zone ID: a~b")),
    ("Europe/Kyiv", "Europe/Kyiv region"),
    ("Europe/Kiev", "Europe/Kiev region"),
    ("America/Ciudad_Juarez", "America/Ciudad_Juarez region"),
]


@pytest.mark.parametrize(("zone_id", "expected"), ZONES)
def test_zone_of_is_java_zone_id_of(zone_id: str, expected: object) -> None:
    def describe() -> str:
        zone = jt.zone_of(zone_id)
        return f"{zone.id} {'region' if zone.region else 'offset'}"

    assert _outcome(describe) == expected


# ZonedDateTime.parse(text) (ISO_ZONED_DATE_TIME) or ZonedDateTime.parse(text, formatter): toString of
# the result, or the DateTimeParseException's message (OpenJDK's TCKZonedDateTime.factory_parse*,
# TCKDateTimeFormatters, TestDateTimeParsing).
PARSE_ZONED = [
    ("2024-01-01T10:15:30Z", None, "2024-01-01T10:15:30Z"),
    ("2024-01-01T10:15:30+01:00", None, "2024-01-01T10:15:30+01:00"),
    ("2024-01-01T10:15:30+01:00[Europe/Paris]", None, "2024-01-01T10:15:30+01:00[Europe/Paris]"),
    ("2024-01-01T10:15:30+05:00[Europe/Paris]", None, "2024-01-01T06:15:30+01:00[Europe/Paris]"),
    ("2024-03-31T02:30:00+01:00[Europe/Paris]", None, "2024-03-31T03:30+02:00[Europe/Paris]"),
    ("2024-10-27T02:30:00+01:00[Europe/Paris]", None, "2024-10-27T02:30+01:00[Europe/Paris]"),
    ("2024-10-27T02:30:00+02:00[Europe/Paris]", None, "2024-10-27T02:30+02:00[Europe/Paris]"),
    ("2024-01-01T10:15Z", None, "2024-01-01T10:15Z"),
    ("2024-01-01t10:15:30z", None, "2024-01-01T10:15:30Z"),
    ("2024-01-01T10:15:30.123456789Z", None, "2024-01-01T10:15:30.123456789Z"),
    (
        "2024-01-01T10:15:30.1234567891Z",
        None,
        Raises("Text '2024-01-01T10:15:30.1234567891Z' could not be parsed at index 29"),
    ),
    (
        "2024-01-01T10:15:30+0100",
        None,
        Raises("Text '2024-01-01T10:15:30+0100' could not be parsed, unparsed text found at index 22"),
    ),
    ("2024-01-01T10:15:30+01", None, "2024-01-01T10:15:30+01:00"),
    ("2024-01-01T10:15:30Z[UTC]", None, "2024-01-01T10:15:30Z[UTC]"),
    (
        "2024-01-01T10:15:30Z[GMT+2]",
        None,
        Raises("Text '2024-01-01T10:15:30Z[GMT+2]' could not be parsed, unparsed text found at index 20"),
    ),
    ("2024-01-01T10:15:30Z[Etc/GMT+5]", None, "2024-01-01T05:15:30-05:00[Etc/GMT+5]"),
    (
        "2024-01-01T24:00:00Z",
        None,
        Raises(
            "Text '2024-01-01T24:00:00Z' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"
        ),
    ),
    (
        "2024-02-30T10:15:30Z",
        None,
        Raises("Text '2024-02-30T10:15:30Z' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ),
    (
        "2023-02-29T10:15:30Z",
        None,
        Raises(
            "Text '2023-02-29T10:15:30Z' could not be parsed: Invalid date 'February 29' as '2023' is not a leap year"
        ),
    ),
    (
        "2024-13-01T10:15:30Z",
        None,
        Raises(
            "Text '2024-13-01T10:15:30Z' could not be parsed: Invalid value for MonthOfYear (valid values 1 - 12): 13"
        ),
    ),
    (
        "2024-01-32T10:15:30Z",
        None,
        Raises(
            "Text '2024-01-32T10:15:30Z' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32"
        ),
    ),
    (
        "2024-01-01T10:60:00Z",
        None,
        Raises(
            "Text '2024-01-01T10:60:00Z' could not be parsed: Invalid value for MinuteOfHour (valid values 0 - 59): 60"
        ),
    ),
    (
        "2024-01-01T23:59:60Z",
        None,
        Raises(
            "Text '2024-01-01T23:59:60Z' could not be parsed: Invalid value for SecondOfMinute (valid values 0 - "
            "59): 60"
        ),
    ),
    ("+2024-01-01T10:15:30Z", None, Raises("Text '+2024-01-01T10:15:30Z' could not be parsed at index 0")),
    ("2024-1-01T10:15:30Z", None, Raises("Text '2024-1-01T10:15:30Z' could not be parsed at index 5")),
    ("2024-01-01", None, Raises("Text '2024-01-01' could not be parsed at index 10")),
    ("2024-01-01T10:15:30", None, Raises("Text '2024-01-01T10:15:30' could not be parsed at index 19")),
    ("", None, Raises("Text '' could not be parsed at index 0")),
    (
        "2024-01-01T10:15:30Z[Europe/Nowhere]",
        None,
        Raises("Text '2024-01-01T10:15:30Z[Europe/Nowhere]' could not be parsed, unparsed text found at index 20"),
    ),
    (
        "2024-01-01T10:15:30Z[europe/paris]",
        None,
        Raises("Text '2024-01-01T10:15:30Z[europe/paris]' could not be parsed, unparsed text found at index 20"),
    ),
    (
        "2024-01-01T10:15:30+19:00",
        None,
        Raises(
            "Text '2024-01-01T10:15:30+19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"
        ),
    ),
    (
        "2024-01-01T10:15:30Zjunk",
        None,
        Raises("Text '2024-01-01T10:15:30Zjunk' could not be parsed, unparsed text found at index 20"),
    ),
    ("2024-06-15T12:00:00,5Z", None, Raises("Text '2024-06-15T12:00:00,5Z' could not be parsed at index 19")),
    (
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        None,
        Raises(
            "Text 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...' could not be parsed at index 0"
        ),
    ),
    ("2024-01-01T10:15:30+01:00", "PRE:ISO_OFFSET_DATE_TIME", "2024-01-01T10:15:30+01:00"),
    (
        "2024-01-01T10:15:30+01:00[Europe/Paris]",
        "PRE:ISO_OFFSET_DATE_TIME",
        Raises("Text '2024-01-01T10:15:30+01:00[Europe/Paris]' could not be parsed, unparsed text found at index 25"),
    ),
    ("2024-01-01T10:15:30+01:00[Europe/Paris]", "PRE:ISO_DATE_TIME", "2024-01-01T10:15:30+01:00[Europe/Paris]"),
    (
        "2024-01-01T10:15:30",
        "PRE:ISO_DATE_TIME",
        Raises(
            "Text '2024-01-01T10:15:30' could not be parsed: Unable to obtain ZonedDateTime from "
            "TemporalAccessor: {},ISO resolved to 2024-01-01T10:15:30 of type java.time.format.Parsed"
        ),
    ),
    (
        "2024-01-01T10:15:30Z",
        "PRE:ISO_INSTANT",
        Raises(
            "Text '2024-01-01T10:15:30Z' could not be parsed: Unable to obtain ZonedDateTime from "
            "TemporalAccessor: {InstantSeconds=1704104130, NanoOfSecond=0, MicroOfSecond=0, MilliOfSecond=0},ISO "
            "of type java.time.format.Parsed"
        ),
    ),
    (
        "2024-01-01T10:15:30Z",
        "PRE:ISO_LOCAL_DATE_TIME",
        Raises("Text '2024-01-01T10:15:30Z' could not be parsed, unparsed text found at index 19"),
    ),
    ("Tue, 3 Jun 2008 11:05:30 GMT", "PRE:RFC_1123_DATE_TIME", "2008-06-03T11:05:30Z"),
    ("3 Jun 2008 11:05 +0200", "PRE:RFC_1123_DATE_TIME", "2008-06-03T11:05+02:00"),
    ("tue, 03 jun 2008 11:05:30 gmt", "PRE:RFC_1123_DATE_TIME", "2008-06-03T11:05:30Z"),
    (
        "Wed, 3 Jun 2008 11:05:30 GMT",
        "PRE:RFC_1123_DATE_TIME",
        Raises(
            "Text 'Wed, 3 Jun 2008 11:05:30 GMT' could not be parsed: Conflict found: Field DayOfWeek 2 differs "
            "from DayOfWeek 3 derived from 2008-06-03"
        ),
    ),
    (
        "Tue, 3 June 2008 11:05:30 GMT",
        "PRE:RFC_1123_DATE_TIME",
        Raises("Text 'Tue, 3 June 2008 11:05:30 GMT' could not be parsed at index 10"),
    ),
    ("2024-06-15T10:00:00+0200", "yyyy-MM-dd'T'HH:mm:ssZ", "2024-06-15T10:00+02:00"),
    ("2024-06-15T10:00:00.000Z", "yyyy-MM-dd'T'HH:mm:ss.SSSX", "2024-06-15T10:00Z"),
    ("2024-06-15T10:00:00.000Z", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2024-06-15T10:00Z"),
    ("2024-06-15 10:15 Europe/Paris", "yyyy-MM-dd HH:mm VV", "2024-06-15T10:15+02:00[Europe/Paris]"),
    ("2024-03-31 02:30 Europe/Paris", "yyyy-MM-dd HH:mm VV", "2024-03-31T03:30+02:00[Europe/Paris]"),
    ("2024-10-27 02:30 +01:00 Europe/Paris", "yyyy-MM-dd HH:mm XXX VV", "2024-10-27T02:30+01:00[Europe/Paris]"),
    ("2024-06-15 10:15 GMT+1", "yyyy-MM-dd HH:mm O", "2024-06-15T10:15+01:00"),
    ("2024-06-15 10:15 GMT+01:00", "yyyy-MM-dd HH:mm OOOO", "2024-06-15T10:15+01:00"),
    # JDK 17 differs (String.charAt's message)
    (
        "2024-06-15 10:15 GMT+",
        "yyyy-MM-dd HH:mm O",
        Raises("Text '2024-06-15 10:15 GMT+' could not be parsed: Index 21 out of bounds for length 21"),
    ),
    # JDK 17 differs (String.charAt's message)
    (
        "2024-06-15 10:15 GMT+1",
        "yyyy-MM-dd HH:mm OOOO",
        Raises("Text '2024-06-15 10:15 GMT+1' could not be parsed: Index 22 out of bounds for length 22"),
    ),
    ("2024-06-15 10:15 UTC+01:30", "yyyy-MM-dd HH:mm VV", "2024-06-15T10:15+01:30[UTC+01:30]"),
    ("2024-06-15 10:15 Z", "yyyy-MM-dd HH:mm VV", "2024-06-15T10:15Z"),
    ("2024-06-15 10:15 +02:00", "yyyy-MM-dd HH:mm VV", "2024-06-15T10:15+02:00"),
    (
        "2024-06-15 10:15",
        "yyyy-MM-dd HH:mm",
        Raises(
            "Text '2024-06-15 10:15' could not be parsed: Unable to obtain ZonedDateTime from TemporalAccessor: "
            "{},ISO resolved to 2024-06-15T10:15 of type java.time.format.Parsed"
        ),
    ),
    (
        "2024-06-15 10:15 +19:00",
        "yyyy-MM-dd HH:mm XXX",
        Raises("Text '2024-06-15 10:15 +19:00' could not be parsed: Zone offset not in valid range: -18:00 to +18:00"),
    ),
    ("2024-06-15 10:15 -00:00", "yyyy-MM-dd HH:mm XXX", "2024-06-15T10:15Z"),
]


@pytest.mark.parametrize(("text", "spec", "expected"), PARSE_ZONED)
def test_parse_zoned_date_time_as_java(text: str, spec: str | None, expected: object) -> None:
    formatter = _formatter(spec or "PRE:ISO_ZONED_DATE_TIME")
    assert _unordered(_outcome(lambda: str(formatter.parse(text, jt.query_zoned)))) == _unordered(expected)


# LocalDateTime.parse and LocalDate.parse, without a formatter (ISO_LOCAL_DATE_TIME, ISO_LOCAL_DATE) or
# with one: the SMART resolver of ofPattern and the STRICT one of the ISO formatters (OpenJDK's
# TCKLocalDateTime, TCKLocalDate, TCKDateTimeParseResolver).
PARSE_LOCAL = [
    ("LDT", "2024-01-01T10:15:30", None, "2024-01-01T10:15:30"),
    ("LDT", "2024-01-01T10:15", None, "2024-01-01T10:15"),
    ("LDT", "2024-01-01T10:15:30.5", None, "2024-01-01T10:15:30.500"),
    (
        "LDT",
        "2024-01-01T10:15:30Z",
        None,
        Raises("Text '2024-01-01T10:15:30Z' could not be parsed, unparsed text found at index 19"),
    ),
    (
        "LDT",
        "2024-01-01T24:00",
        None,
        Raises("Text '2024-01-01T24:00' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ),
    ("LD", "2024-01-01", None, "2024-01-01"),
    ("LD", "2024-02-29", None, "2024-02-29"),
    (
        "LD",
        "2023-02-29",
        None,
        Raises("Text '2023-02-29' could not be parsed: Invalid date 'February 29' as '2023' is not a leap year"),
    ),
    ("LD", "2024-04-31", None, Raises("Text '2024-04-31' could not be parsed: Invalid date 'APRIL 31'")),
    (
        "LD",
        "2024-01-01T10:15",
        None,
        Raises("Text '2024-01-01T10:15' could not be parsed, unparsed text found at index 10"),
    ),
    ("LD", "20240101", "PRE:BASIC_ISO_DATE", "2024-01-01"),
    ("LD", "20240101+0100", "PRE:BASIC_ISO_DATE", "2024-01-01"),
    ("LD", "2024-W01-1", "PRE:ISO_WEEK_DATE", "2024-01-01"),
    ("LD", "2020-W53-7", "PRE:ISO_WEEK_DATE", "2021-01-03"),
    (
        "LD",
        "2024-W53-1",
        "PRE:ISO_WEEK_DATE",
        Raises(
            "Text '2024-W53-1' could not be parsed: Invalid value for WeekOfWeekBasedYear (valid values 1 - 52): 53"
        ),
    ),
    (
        "LD",
        "2024-W01-8",
        "PRE:ISO_WEEK_DATE",
        Raises("Text '2024-W01-8' could not be parsed: Invalid value for DayOfWeek (valid values 1 - 7): 8"),
    ),
    ("LD", "2024-060", "PRE:ISO_ORDINAL_DATE", "2024-02-29"),
    (
        "LD",
        "2023-366",
        "PRE:ISO_ORDINAL_DATE",
        Raises("Text '2023-366' could not be parsed: Invalid date 'DayOfYear 366' as '2023' is not a leap year"),
    ),
    ("LD", "2024-02-30", "yyyy-MM-dd", "2024-02-29"),
    ("LD", "2023-02-29", "yyyy-MM-dd", "2023-02-28"),
    ("LD", "2024-02-31", "uuuu-MM-dd", "2024-02-29"),
    (
        "LD",
        "2024-02-32",
        "yyyy-MM-dd",
        Raises("Text '2024-02-32' could not be parsed: Invalid value for DayOfMonth (valid values 1 - 28/31): 32"),
    ),
    ("LD", "24-01-01", "yy-MM-dd", "2024-01-01"),
    ("LD", "124-01-01", "yy-MM-dd", Raises("Text '124-01-01' could not be parsed at index 2")),
    ("LD", "2024-01-01 Monday", "yyyy-MM-dd EEEE", "2024-01-01"),
    (
        "LD",
        "2024-01-01 Tuesday",
        "yyyy-MM-dd EEEE",
        Raises(
            "Text '2024-01-01 Tuesday' could not be parsed: Conflict found: Field DayOfWeek 1 differs from "
            "DayOfWeek 2 derived from 2024-01-01"
        ),
    ),
    (
        "LD",
        "2024-01-01 Q2",
        "yyyy-MM-dd QQQ",
        Raises(
            "Text '2024-01-01 Q2' could not be parsed: Conflict found: Field QuarterOfYear 1 differs from "
            "QuarterOfYear 2 derived from 2024-01-01"
        ),
    ),
    ("LD", "January 1, 2024", "MMMM d, yyyy", "2024-01-01"),
    ("LD", "JANUARY 1, 2024", "MMMM d, yyyy", Raises("Text 'JANUARY 1, 2024' could not be parsed at index 0")),
    (
        "LD",
        "Jan 2024",
        "MMM yyyy",
        Raises(
            "Text 'Jan 2024' could not be parsed: Unable to obtain LocalDate from TemporalAccessor: "
            "{MonthOfYear=1, Year=2024},ISO of type java.time.format.Parsed"
        ),
    ),
    ("LD", "20240101", "yyyyMMdd", "2024-01-01"),
    ("LD", "202401011", "yyyyMMdd", Raises("Text '202401011' could not be parsed at index 0")),
    ("LD", "2024-366", "yyyy-DDD", "2024-12-31"),
    ("LD", "60000", "g", "2023-02-25"),
    (
        "LD",
        "60000 2024",
        "g yyyy",
        Raises(
            "Text '60000 2024' could not be parsed: Conflict found: Field Year 2023 differs from Year 2024 "
            "derived from 2023-02-25"
        ),
    ),
    ("LD", " 1/ 2/2024", "ppd/ppM/yyyy", "2024-02-01"),
    ("LD", "x2024-01-01", "yyyy-MM-dd", Raises("Text 'x2024-01-01' could not be parsed at index 0")),
    ("LD", "2024-01-01", "yyyy-MM-dd['T'HH:mm]", "2024-01-01"),
    # JDK 17 differs (no zone name type in Parsed.toString)
    (
        "LD",
        "2024 Europe/Paris",
        "yyyy VV",
        Raises(
            "Text '2024 Europe/Paris' could not be parsed: Unable to obtain LocalDate from TemporalAccessor: "
            "{Year=2024},ISO,Europe/Paris,-1 of type java.time.format.Parsed"
        ),
    ),
    ("LDT", "2024-01-01 24:00", "yyyy-MM-dd HH:mm", "2024-01-02T00:00"),
    (
        "LDT",
        "2024-01-01 24:01",
        "yyyy-MM-dd HH:mm",
        Raises("Text '2024-01-01 24:01' could not be parsed: Invalid value for HourOfDay (valid values 0 - 23): 24"),
    ),
    ("LDT", "2024-01-01 12:00 AM", "yyyy-MM-dd hh:mm a", "2024-01-01T00:00"),
    ("LDT", "2024-01-01 00:00 AM", "yyyy-MM-dd hh:mm a", "2024-01-01T00:00"),
    (
        "LDT",
        "2024-01-01 13:00 PM",
        "yyyy-MM-dd hh:mm a",
        Raises(
            "Text '2024-01-01 13:00 PM' could not be parsed: Invalid value for ClockHourOfAmPm (valid values 1 - "
            "12): 13"
        ),
    ),
    (
        "LDT",
        "2024-01-01 10:00 PM",
        "yyyy-MM-dd HH:mm a",
        Raises(
            "Text '2024-01-01 10:00 PM' could not be parsed: Conflict found: Field AmPmOfDay 0 differs from "
            "AmPmOfDay 1 derived from 10:00"
        ),
    ),
    (
        "LDT",
        "2024-01-01 22:00 AM",
        "yyyy-MM-dd HH:mm a",
        Raises(
            "Text '2024-01-01 22:00 AM' could not be parsed: Conflict found: Field AmPmOfDay 1 differs from "
            "AmPmOfDay 0 derived from 22:00"
        ),
    ),
    (
        "LDT",
        "2024-01-01 10",
        "yyyy-MM-dd h",
        Raises(
            "Text '2024-01-01 10' could not be parsed: Unable to obtain LocalDateTime from TemporalAccessor: "
            "{HourOfAmPm=10},ISO resolved to 2024-01-01 of type java.time.format.Parsed"
        ),
    ),
    ("LDT", "2024-01-01 PM", "yyyy-MM-dd a", "2024-01-01T18:00"),
    ("LDT", "2024-01-01 24:00", "yyyy-MM-dd kk:mm", "2024-01-01T00:00"),
    ("LDT", "2024-01-01 10", "yyyy-MM-dd HH", "2024-01-01T10:00"),
    ("LDT", "2024-01-01 10:15:30.5", "yyyy-MM-dd HH:mm:ss.S", "2024-01-01T10:15:30.500"),
    (
        "LDT",
        "2024-01-01 10:15:30.12",
        "yyyy-MM-dd HH:mm:ss.SSS",
        Raises("Text '2024-01-01 10:15:30.12' could not be parsed at index 20"),
    ),
    ("LDT", "2024-01-01 36930000", "yyyy-MM-dd A", "2024-01-01T10:15:30"),
    ("LDT", "2024-01-01 10:15:30 36930124", "yyyy-MM-dd HH:mm:ss A", "2024-01-01T10:15:30.124"),
    ("LDT", "20240101123045", "yyyyMMddHHmmss", "2024-01-01T12:30:45"),
    (
        "LDT",
        "2024-01-01T10",
        "yyyy-MM-dd['T'HH:mm]",
        Raises("Text '2024-01-01T10' could not be parsed, unparsed text found at index 10"),
    ),
    (
        "LDT",
        "2024-01-01",
        "yyyy-MM-dd",
        Raises(
            "Text '2024-01-01' could not be parsed: Unable to obtain LocalDateTime from TemporalAccessor: {},ISO "
            "resolved to 2024-01-01 of type java.time.format.Parsed"
        ),
    ),
    # JDK 17 differs (CLDR 39 has a plain space before AM/PM)
    ("LDT", "Jun 15, 2024, 10:00:00\u202fAM", "LOC:MEDIUM", "2024-06-15T10:00"),
    # JDK 17: '2024-06-15T10:00' (CLDR 39 has a plain space before AM/PM)
    (
        "LDT",
        "Jun 15, 2024, 10:00:00 AM",
        "LOC:MEDIUM",
        Raises("Text 'Jun 15, 2024, 10:00:00 AM' could not be parsed at index 22"),
    ),
    # JDK 17 differs (CLDR 39 has a plain space before AM/PM)
    ("LDT", "6/15/24, 10:00\u202fPM", "LOC:SHORT", "2024-06-15T22:00"),
]


@pytest.mark.parametrize(("kind", "text", "spec", "expected"), PARSE_LOCAL)
def test_parse_local_date_time_and_local_date_as_java(kind: str, text: str, spec: str | None, expected: object) -> None:
    if kind == "LD":
        formatter = _formatter(spec or "PRE:ISO_LOCAL_DATE")
        outcome = _outcome(lambda: formatter.parse(text, jt.query_local_date).isoformat())
    else:
        formatter = _formatter(spec or "PRE:ISO_LOCAL_DATE_TIME")
        outcome = _outcome(lambda: _local_text(*formatter.parse(text, jt.query_local_date_time)))
    assert _unordered(outcome) == _unordered(expected)


# ZonedDateTime.ofInstant(instant, zone).plus(amount, ChronoUnit.valueOf(unit)): time units move the
# instant, date units the local date-time, keeping the offset in an overlap (javadoc of
# ZonedDateTime.plus; OpenJDK's TCKZonedDateTime.test_plus_*). HALF_DAYS adds amount / 256 days and
# (amount % 256) * 12 hours (LocalDateTime.plus), so 1000 half days are 119 days.
PLUS = [
    ("Europe/Paris", "2024-03-30T01:30:00", 0, 1, "DAYS", "2024-03-31T03:30+02:00[Europe/Paris]"),
    ("Europe/Paris", "2024-03-30T01:30:00", 0, 24, "HOURS", "2024-03-31T03:30+02:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-26T23:30:00", 0, 1, "DAYS", "2024-10-28T01:30+01:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T00:30:00", 0, 1, "HOURS", "2024-10-27T02:30+01:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T00:30:00", 0, 1, "DAYS", "2024-10-28T02:30+01:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T01:30:00", 0, -1, "DAYS", "2024-10-26T02:30+02:00[Europe/Paris]"),
    ("America/New_York", "2024-03-09T07:30:00", 0, 1, "DAYS", "2024-03-10T03:30-04:00[America/New_York]"),
    ("America/New_York", "2024-11-03T05:30:00", 0, 1, "HOURS", "2024-11-03T01:30-05:00[America/New_York]"),
    ("America/New_York", "2024-11-03T05:30:00", 0, 1, "WEEKS", "2024-11-10T01:30-05:00[America/New_York]"),
    ("UTC", "2024-01-31T10:00:00", 0, 1, "MONTHS", "2024-02-29T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 1, "YEARS", "2025-02-28T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 4, "YEARS", "2028-02-29T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, -1, "DECADES", "2014-02-28T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 1, "CENTURIES", "2124-02-29T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 1, "MILLENNIA", "3024-02-29T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 0, "ERAS", "2024-02-29T10:00Z[UTC]"),
    ("UTC", "2024-02-29T10:00:00", 0, 1, "ERAS", Raises("Invalid value for Era (valid values 0 - 1): 2")),
    ("UTC", "2024-01-01T00:00:00", 999999999, 1, "NANOS", "2024-01-01T00:00:01Z[UTC]"),
    ("UTC", "2024-01-01T00:00:00", 0, -1, "MICROS", "2023-12-31T23:59:59.999999Z[UTC]"),
    ("UTC", "2024-01-01T00:00:00", 0, 1500, "MILLIS", "2024-01-01T00:00:01.500Z[UTC]"),
    ("+05:30", "2024-01-01T00:00:00", 0, 90, "SECONDS", "2024-01-01T05:31:30+05:30"),
    ("+05:30", "2024-01-01T00:00:00", 0, -90, "MINUTES", "2024-01-01T04:00+05:30"),
    ("UTC", "2024-01-01T00:00:00", 0, 1, "HALF_DAYS", "2024-01-01T12:00Z[UTC]"),
    ("UTC", "2024-01-01T00:00:00", 0, 256, "HALF_DAYS", "2024-01-02T00:00Z[UTC]"),
    ("UTC", "2024-01-01T00:00:00", 0, 1000, "HALF_DAYS", "2024-04-29T00:00Z[UTC]"),
    ("UTC", "2024-01-01T00:00:00", 0, -257, "HALF_DAYS", "2023-12-30T12:00Z[UTC]"),
    ("Australia/Lord_Howe", "2024-04-06T14:45:00", 0, 1, "HOURS", "2024-04-07T02:15+10:30[Australia/Lord_Howe]"),
    ("UTC", "2024-01-01T00:00:00", 0, 1, "FOREVER", Raises("Unsupported unit: Forever")),
    ("UTC", "2024-01-01T00:00:00", 0, 1, "days", Raises("No enum constant java.time.temporal.ChronoUnit.days")),
    (
        "UTC",
        "2024-01-01T00:00:00",
        0,
        1,
        "FORTNIGHTS",
        Raises("No enum constant java.time.temporal.ChronoUnit.FORTNIGHTS"),
    ),
    (
        "UTC",
        "2024-01-01T00:00:00",
        0,
        9223372036854775807,
        "MONTHS",
        Raises("Invalid value for Year (valid values -999999999 - 999999999): -768614336404562627"),
    ),
    (
        "UTC",
        "2024-01-01T00:00:00",
        0,
        9223372036854775807,
        "YEARS",
        Raises("Invalid value for Year (valid values -999999999 - 999999999): -9223372036854773785"),
    ),
    ("UTC", "2024-01-01T00:00:00", 0, 9223372036854775807, "DECADES", Raises("long overflow")),
    ("UTC", "2024-01-01T00:00:00", 0, 9223372036854775807, "WEEKS", Raises("long overflow")),
    ("UTC", "2024-01-01T00:00:00", 0, 9223372036854775807, "DAYS", Raises("long overflow")),
    ("UTC", "2024-01-01T00:00:00", 0, 9223372036854775807, "ERAS", Raises("long overflow")),
    (
        "UTC",
        "2024-01-01T00:00:00",
        0,
        1000000000000,
        "DAYS",
        Raises("Invalid value for EpochDay (valid values -365243219162 - 365241780471): 1000000019723"),
    ),
    (
        "UTC",
        "2024-01-01T00:00:00",
        0,
        1000000000,
        "YEARS",
        Raises("Invalid value for Year (valid values -999999999 - 999999999): 1000002024"),
    ),
]


@pytest.mark.parametrize(("zone", "instant", "nano", "amount", "unit", "expected"), PLUS)
def test_plus_is_java_zoned_date_time_plus(
    zone: str, instant: str, nano: int, amount: int, unit: str, expected: object
) -> None:
    assert _outcome(lambda: str(_zdt(zone, instant, nano).plus(amount, unit))) == expected


# ZonedDateTime.ofLocal(localDateTime, zone, preferredOffset): a time in a gap moves on by the gap's
# length; in an overlap the preferred offset if valid, else the earlier one (javadoc of ofLocal).
OF_LOCAL = [
    ("Europe/Paris", "2024-03-31T02:30", None, "2024-03-31T03:30+02:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T02:30", None, "2024-10-27T02:30+02:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T02:30", "+01:00", "2024-10-27T02:30+01:00[Europe/Paris]"),
    ("Europe/Paris", "2024-10-27T02:30", "+05:00", "2024-10-27T02:30+02:00[Europe/Paris]"),
    ("America/New_York", "2024-03-10T02:00", None, "2024-03-10T03:00-04:00[America/New_York]"),
    ("America/New_York", "2024-11-03T01:30", "-05:00", "2024-11-03T01:30-05:00[America/New_York]"),
    ("Australia/Lord_Howe", "2024-04-07T01:45", "+10:30", "2024-04-07T01:45+10:30[Australia/Lord_Howe]"),
    ("Pacific/Apia", "2011-12-30T12:00", None, "2011-12-31T12:00+14:00[Pacific/Apia]"),
    ("Europe/Dublin", "2024-03-31T01:30", None, "2024-03-31T02:30+01:00[Europe/Dublin]"),
]


@pytest.mark.parametrize(("zone", "local", "preferred", "expected"), OF_LOCAL)
def test_of_local_resolves_gaps_and_overlaps_as_java(
    zone: str, local: str, preferred: str | None, expected: str
) -> None:
    offset = None if preferred is None else jt.zone_of(preferred).offset_at(datetime(2000, 1, 1))
    result = jt.ZonedDateTime.of_local(datetime.fromisoformat(local), 0, jt.zone_of(zone), offset)
    assert str(result) == expected


# What the port cannot compute raises Unsupported, never a wrong answer: Java's answers are in comments.
UNSUPPORTED = [
    # LocalDate.parse("BC 5-01-01", ofPattern("G y-MM-dd")) is -0004-01-01, before the year 1
    lambda: jt.of_pattern("G y-MM-dd").parse("BC 5-01-01", jt.query_local_date),
    # +12024-03-30T03:30+01:00[Europe/Paris]
    lambda: _zdt("Europe/Paris", "2024-03-30T02:30:00+00:00").plus(1000, "CENTURIES"),
    # 10000-01-01T00:59:59.999999999+01:00[Europe/Paris]
    lambda: _zdt("Europe/Paris", "9999-12-31T23:59:59+00:00"),
    # ZoneId.of("SystemV/AST4"): a ZoneRegion with a fixed -04:00
    lambda: jt.zone_of("SystemV/AST4"),
    # the names of zones, day periods and localized week fields are formatted only
    lambda: jt.of_pattern("yyyy-MM-dd HH:mm z").parse("2024-01-01 10:15 CET", jt.query_zoned),
    lambda: jt.of_pattern("yyyy-MM-dd B").parse("2024-01-01 in the morning", jt.query_local_date),
    lambda: jt.of_pattern("Y w e").parse("2024 1 1", jt.query_local_date),
    # texts of another locale than en/en_US
    lambda: jt.of_pattern("MMMM").format(_zdt("UTC", "2024-01-01T00:00:00+00:00"), english=False),
    lambda: jt.localized_date_time("SHORT").format(_zdt("UTC", "2024-01-01T00:00:00+00:00"), english=False),
]


@pytest.mark.parametrize("compute", UNSUPPORTED)
def test_what_the_port_cannot_do_raises_unsupported(compute: object) -> None:
    with pytest.raises(jt.Unsupported):
        compute()  # type: ignore[operator]


@pytest.mark.parametrize(
    "pattern", ["uuuuuuuuuuuuuuuuuuuGGGGG", "pppppppppppppppppppppppppH", "[[[[yyyy", "'''", "AAAAAAAAAAAAAAAAAAAAA"]
)
@pytest.mark.parametrize("text", ["", "2024", "+99999999999999999999", "GMT+", "\\u202f", "[Europe/Paris]"])
def test_only_java_errors_or_unsupported_escape(pattern: str, text: str) -> None:
    """Whatever the input, the port answers, raises Java's exception, or says it cannot: nothing else."""
    try:
        formatter = jt.of_pattern(pattern)
        formatter.format(_zdt("Europe/Paris", "2024-07-04T13:07:09+00:00"))
        formatter.parse(text, jt.query_zoned)
    except (jt.JavaError, jt.Unsupported):
        pass


def test_zone_from_tzinfo_maps_python_zones_to_zone_ids() -> None:
    from datetime import UTC, timedelta, timezone
    from zoneinfo import ZoneInfo

    now = datetime(2024, 7, 4)
    assert jt.zone_from_tzinfo(ZoneInfo("Europe/Paris"), now).id == "Europe/Paris"
    assert jt.zone_from_tzinfo(timezone(timedelta(hours=-3, minutes=-30)), now).id == "-03:30"
    assert jt.zone_from_tzinfo(UTC, now) == jt.UTC_OFFSET
    assert jt.zone_from_tzinfo(None, now).id == "Z"


def test_with_zone_keeps_the_instant() -> None:
    # ZonedDateTime.parse("2024-07-04T15:07:09.5+02:00[Europe/Paris]").withZoneSameInstant(ZoneId.of("Asia/Tokyo"))
    paris = _zdt("Europe/Paris", "2024-07-04T13:07:09+00:00", 500_000_000)
    tokyo = paris.with_zone(jt.zone_of("Asia/Tokyo"))
    assert (str(tokyo), tokyo.epoch_second, tokyo.nano) == (
        "2024-07-04T22:07:09.500+09:00[Asia/Tokyo]",
        paris.epoch_second,
        paris.nano,
    )
