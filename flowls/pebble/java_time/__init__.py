"""The parts of java.time (Java 25, the JVM Kestra 1.x ships on) that Kestra's date filters use:
``ZoneId.of``, ``ZonedDateTime`` arithmetic, and ``DateTimeFormatter`` patterns, the localized styles and
the predefined formatters, both formatting and parsing (with the SMART and STRICT resolvers). Error
messages are Java's.

Limits, each raising ``Unsupported``: texts (month and day names, AM/PM, zone names...) exist for the
``en``/``en_US`` locale only; years must lie within Python's 1-9999; zone names, day periods and the
localized week fields (``Y w W e c``) are formatted but not parsed; the few zones only Java's tz
database has (``SystemV/*``) are unknown. Offsets come from Python's tz database, which may be
another release than the JDK's.
"""

from flowls.pebble.java_time.errors import JavaError, Unsupported
from flowls.pebble.java_time.fields import (
    ALIGNED_WEEK_OF_MONTH,
    AMPM_OF_DAY,
    CLOCK_HOUR_OF_AMPM,
    CLOCK_HOUR_OF_DAY,
    DAY_OF_MONTH,
    DAY_OF_WEEK,
    DAY_OF_YEAR,
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
    MONTH_OF_YEAR,
    NANO_OF_DAY,
    NANO_OF_SECOND,
    OFFSET_SECONDS,
    QUARTER_OF_YEAR,
    SECOND_OF_DAY,
    SECOND_OF_MINUTE,
    YEAR,
    YEAR_OF_ERA,
    Field,
)
from flowls.pebble.java_time.formatter import Formatter
from flowls.pebble.java_time.parsed import Parsed
from flowls.pebble.java_time.pattern import localized_date_time, of_pattern
from flowls.pebble.java_time.predefined import PREDEFINED
from flowls.pebble.java_time.resolve import query_local_date, query_local_date_time, query_zoned
from flowls.pebble.java_time.zoned import ZonedDateTime
from flowls.pebble.java_time.zones import UTC_OFFSET, Zone, offset_id, zone_from_tzinfo, zone_of, zone_offset

__all__ = [
    "ALIGNED_WEEK_OF_MONTH", "AMPM_OF_DAY", "CLOCK_HOUR_OF_AMPM", "CLOCK_HOUR_OF_DAY", "DAY_OF_MONTH", "DAY_OF_WEEK",
    "DAY_OF_YEAR", "ERA", "HOUR_OF_AMPM", "HOUR_OF_DAY", "INSTANT_SECONDS", "ISO_WEEK_BASED_YEAR", "ISO_WEEK_OF_YEAR",
    "MICRO_OF_SECOND", "MILLI_OF_DAY", "MILLI_OF_SECOND", "MINUTE_OF_HOUR", "MODIFIED_JULIAN_DAY", "MONTH_OF_YEAR",
    "NANO_OF_DAY", "NANO_OF_SECOND", "OFFSET_SECONDS", "PREDEFINED", "QUARTER_OF_YEAR", "SECOND_OF_DAY",
    "SECOND_OF_MINUTE", "UTC_OFFSET", "YEAR", "YEAR_OF_ERA", "Field", "Formatter", "JavaError", "Parsed",
    "Unsupported", "Zone", "ZonedDateTime", "localized_date_time", "of_pattern", "offset_id", "query_local_date",
    "query_local_date_time", "query_zoned", "zone_from_tzinfo", "zone_of", "zone_offset",
]  # fmt: skip
