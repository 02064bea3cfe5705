"""The predefined formatters (DateTimeFormatter's ISO_* constants, BASIC_ISO_DATE and RFC_1123_DATE_TIME),
built as DateTimeFormatter's static initializers build them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flowls.pebble.java_time.context import Element, Parsing, Printing
from flowls.pebble.java_time.elements import (
    EXCEEDS_PAD,
    NOT_NEGATIVE,
    Literal,
    OptionalSection,
    Setting,
    Text,
    compose,
)
from flowls.pebble.java_time.fields import (
    DAY_OF_MONTH,
    DAY_OF_WEEK,
    DAY_OF_YEAR,
    HOUR_OF_DAY,
    INSTANT_SECONDS,
    ISO_WEEK_BASED_YEAR,
    ISO_WEEK_OF_YEAR,
    MINUTE_OF_HOUR,
    MONTH_OF_YEAR,
    NANO_OF_SECOND,
    OFFSET_SECONDS,
    SECOND_OF_MINUTE,
    YEAR,
    epoch_day,
)
from flowls.pebble.java_time.formatter import Builder, Formatter
from flowls.pebble.java_time.texts import DAYS, MONTHS
from flowls.pebble.java_time.zone_elements import Offset, ZoneIdElement
from flowls.pebble.java_time.zones import UTC_OFFSET

_SECONDS_PER_10000_YEARS = 146097 * 25 * 86400


@dataclass(frozen=True)
class Instant:
    """ISO_INSTANT: the UTC date-time, its fraction in groups of three digits."""

    def format(self, ctx: Printing, out: list[str]) -> bool:
        utc = ctx.zdt.with_zone(UTC_OFFSET)
        nano = utc.nano
        fraction = "" if nano == 0 else f".{nano:09d}"[: 4 if nano % 10**6 == 0 else 7 if nano % 1000 == 0 else 10]
        out.append(f"{utc.local.isoformat()}{fraction}Z")
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        scratch = Parsing(ctx.strict, ctx.case_sensitive)
        end = compose(_instant_parser(), scratch, text, pos)
        if end < 0:
            return end
        fields = scratch.fields
        hour, minute, second = fields[HOUR_OF_DAY], fields[MINUTE_OF_HOUR], fields[SECOND_OF_MINUTE]
        nano, offset, parsed_year = fields.get(NANO_OF_SECOND, 0), fields[OFFSET_SECONDS], fields[YEAR]
        days = 0
        if (hour, minute, second, nano) == (24, 0, 0, 0):
            hour, days = 0, 1
        elif (hour, minute, second) == (23, 59, 60):
            second = 59  # a leap second
        # Java works on the year modulo 10000 (truncating, as its % does) and adds the 10000-year
        # cycles back as seconds; a date or an offset LocalDateTime and ZoneOffset refuse fails here.
        cycles = abs(parsed_year) // 10_000 * (1 if parsed_year >= 0 else -1)
        if not (hour <= 23 and minute <= 59 and second <= 59 and abs(offset) <= OFFSET_SECONDS.maximum):
            return ~pos
        try:
            day = epoch_day(parsed_year - cycles * 10_000, fields[MONTH_OF_YEAR], fields[DAY_OF_MONTH])
        except ValueError:
            return ~pos
        instant = (day + days) * 86400 + hour * 3600 + minute * 60 + second - offset + cycles * _SECONDS_PER_10000_YEARS
        end = ctx.set_field(INSTANT_SECONDS, instant, pos, end)
        return ctx.set_field(NANO_OF_SECOND, nano, pos, end)


def _iso_formatters() -> dict[str, Formatter]:
    insensitive, strict = Setting("case_sensitive", False), Setting("strict", True)
    b = Builder()
    b.value(YEAR, 4, 10, EXCEEDS_PAD)
    b.literal("-")
    b.width(MONTH_OF_YEAR, 2)
    b.literal("-")
    b.width(DAY_OF_MONTH, 2)
    local_date = b.build(strict=True)

    b = Builder()
    b.width(HOUR_OF_DAY, 2)
    b.literal(":")
    b.width(MINUTE_OF_HOUR, 2)
    b.optional_start()
    b.literal(":")
    b.width(SECOND_OF_MINUTE, 2)
    b.optional_start()
    b.fraction(0, 9, True)
    local_time = b.build(strict=True)

    def compose(*parts: Formatter | Element, optional_tail: tuple[Formatter | Element, ...] = ()) -> Formatter:
        b = Builder()
        for part in parts:
            b.include(part) if isinstance(part, Formatter) else b.append(part)
        if optional_tail:
            b.optional_start()
            for part in optional_tail:
                b.include(part) if isinstance(part, Formatter) else b.append(part)
        return b.build(strict=True)

    offset_id = Offset("+HH:MM:ss", "Z")
    local_date_time = compose(insensitive, local_date, Literal("T"), local_time)
    offset_date_time = compose(insensitive, local_date_time, Setting("strict", False), offset_id, strict)
    region = (Literal("["), Setting("case_sensitive", True), ZoneIdElement(True), Literal("]"))
    zoned = compose(offset_date_time, optional_tail=region)
    date_time = compose(local_date_time, optional_tail=(offset_id, OptionalSection(region)))

    b = Builder()
    b.append(insensitive)
    b.value(ISO_WEEK_BASED_YEAR, 4, 10, EXCEEDS_PAD)
    b.literal("-W")
    b.width(ISO_WEEK_OF_YEAR, 2)
    b.literal("-")
    b.width(DAY_OF_WEEK, 1)
    b.optional_start()
    b.append(offset_id)
    week_date = b.build(strict=True)

    b = Builder()
    b.append(insensitive)
    b.value(YEAR, 4, 10, EXCEEDS_PAD)
    b.literal("-")
    b.width(DAY_OF_YEAR, 3)
    b.optional_start()
    b.append(offset_id)
    ordinal_date = b.build(strict=True)

    return {
        "ISO_LOCAL_DATE": local_date,
        "ISO_OFFSET_DATE": compose(insensitive, local_date, offset_id),
        "ISO_DATE": compose(insensitive, local_date, optional_tail=(offset_id,)),
        "ISO_LOCAL_TIME": local_time,
        "ISO_TIME": compose(insensitive, local_time, optional_tail=(offset_id,)),
        "ISO_OFFSET_TIME": compose(insensitive, local_time, offset_id),
        "ISO_LOCAL_DATE_TIME": local_date_time,
        "ISO_OFFSET_DATE_TIME": offset_date_time,
        "ISO_ZONED_DATE_TIME": zoned,
        "ISO_DATE_TIME": date_time,
        "ISO_ORDINAL_DATE": ordinal_date,
        "ISO_WEEK_DATE": week_date,
        "ISO_INSTANT": Formatter((insensitive, Instant()), strict=True),
        "BASIC_ISO_DATE": _basic_iso_date(),
        "RFC_1123_DATE_TIME": _rfc_1123(),
    }


def _basic_iso_date() -> Formatter:
    b = Builder()
    b.append(Setting("case_sensitive", False))
    b.width(YEAR, 4)
    b.width(MONTH_OF_YEAR, 2)
    b.width(DAY_OF_MONTH, 2)
    b.optional_start()
    b.append(Setting("strict", False))
    b.append(Offset("+HHMMss", "Z"))
    b.append(Setting("strict", True))
    return b.build(strict=True)


def _rfc_1123() -> Formatter:
    days = tuple((i + 1, name[:3]) for i, name in enumerate(DAYS))
    months = tuple((i + 1, name[:3]) for i, name in enumerate(MONTHS))
    b = Builder()
    b.append(Setting("case_sensitive", False))
    b.append(Setting("strict", False))
    b.optional_start()
    b.append(Text(DAY_OF_WEEK, "FULL", days))
    b.literal(", ")
    b.optional_end()
    b.value(DAY_OF_MONTH, 1, 2, NOT_NEGATIVE)
    b.literal(" ")
    b.append(Text(MONTH_OF_YEAR, "FULL", months))
    b.literal(" ")
    b.width(YEAR, 4)
    b.literal(" ")
    b.width(HOUR_OF_DAY, 2)
    b.literal(":")
    b.width(MINUTE_OF_HOUR, 2)
    b.optional_start()
    b.literal(":")
    b.width(SECOND_OF_MINUTE, 2)
    b.optional_end()
    b.literal(" ")
    b.append(Offset("+HHMM", "GMT"))
    return b.build()


PREDEFINED = _iso_formatters()


@cache
def _instant_parser() -> tuple[Element, ...]:
    """InstantPrinterParser.parse's formatter: a UTC date-time with any fraction and an offset."""
    b = Builder()
    b.include(PREDEFINED["ISO_LOCAL_DATE"])
    b.literal("T")
    for key in (HOUR_OF_DAY, MINUTE_OF_HOUR, SECOND_OF_MINUTE):
        b.width(key, 2)
        if key is not SECOND_OF_MINUTE:
            b.literal(":")
    b.fraction(0, 9, True)
    b.append(Offset("+HH:MM:ss", "Z"))
    return b.build().elements
