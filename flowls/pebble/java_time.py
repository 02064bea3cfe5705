"""The parts of java.time (Java 25, the JVM Kestra 1.x ships on) that Kestra's date filters use:
``ZoneId.of``, ``ZonedDateTime`` arithmetic, and ``DateTimeFormatter`` patterns and predefined
formatters, both formatting and parsing (with the SMART and STRICT resolvers). Error messages are
Java's.

Limits, each raising ``Unsupported``: texts (month and day names, AM/PM, zone names...) exist for
the ``en``/``en_US`` locale only; years must lie within Python's 1-9999; long zone names, generic
zone names, day periods and the localized week fields are formatted but not parsed, or not at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


class JavaError(Exception):
    """A java.time exception (DateTimeException, IllegalArgumentException...) with Java's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Unsupported(Exception):
    """Something Java would compute that this port cannot (another locale's texts, a far year...)."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


# --- fields ------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Field:
    """A ChronoField (or IsoFields/WeekFields field) as its name and ValueRange."""

    name: str
    minimum: int
    largest_minimum: int
    smallest_maximum: int
    maximum: int
    time_based: bool = False

    def __str__(self) -> str:
        return self.name

    def range_text(self) -> str:
        low = f"{self.minimum}" + (f"/{self.largest_minimum}" if self.largest_minimum != self.minimum else "")
        high = f"{self.smallest_maximum}" + (f"/{self.maximum}" if self.maximum != self.smallest_maximum else "")
        return f"{low} - {high}"

    def check(self, value: int) -> int:
        if not self.minimum <= value <= self.maximum:
            raise JavaError(f"Invalid value for {self.name} (valid values {self.range_text()}): {value}")
        return value


_YEARS = 999_999_999
_LONG = (1 << 63) - 1
ERA = Field("Era", 0, 0, 1, 1)
YEAR_OF_ERA = Field("YearOfEra", 1, 1, _YEARS, _YEARS + 1)
YEAR = Field("Year", -_YEARS, -_YEARS, _YEARS, _YEARS)
MONTH_OF_YEAR = Field("MonthOfYear", 1, 1, 12, 12)
DAY_OF_MONTH = Field("DayOfMonth", 1, 1, 28, 31)
DAY_OF_YEAR = Field("DayOfYear", 1, 1, 365, 366)
DAY_OF_WEEK = Field("DayOfWeek", 1, 1, 7, 7)
ALIGNED_WEEK_OF_MONTH = Field("AlignedWeekOfMonth", 1, 1, 4, 5)
QUARTER_OF_YEAR = Field("QuarterOfYear", 1, 1, 4, 4)
MODIFIED_JULIAN_DAY = Field("ModifiedJulianDay", -365243219162 + 40587, 0, 0, 365241780471 + 40587)
ISO_WEEK_BASED_YEAR = Field("WeekBasedYear", -_YEARS, -_YEARS, _YEARS, _YEARS)
ISO_WEEK_OF_YEAR = Field("WeekOfWeekBasedYear", 1, 1, 52, 53)
AMPM_OF_DAY = Field("AmPmOfDay", 0, 0, 1, 1, True)
HOUR_OF_AMPM = Field("HourOfAmPm", 0, 0, 11, 11, True)
CLOCK_HOUR_OF_AMPM = Field("ClockHourOfAmPm", 1, 1, 12, 12, True)
HOUR_OF_DAY = Field("HourOfDay", 0, 0, 23, 23, True)
CLOCK_HOUR_OF_DAY = Field("ClockHourOfDay", 1, 1, 24, 24, True)
MINUTE_OF_HOUR = Field("MinuteOfHour", 0, 0, 59, 59, True)
SECOND_OF_MINUTE = Field("SecondOfMinute", 0, 0, 59, 59, True)
NANO_OF_SECOND = Field("NanoOfSecond", 0, 0, 999_999_999, 999_999_999, True)
MICRO_OF_SECOND = Field("MicroOfSecond", 0, 0, 999_999, 999_999, True)
MILLI_OF_SECOND = Field("MilliOfSecond", 0, 0, 999, 999, True)
MILLI_OF_DAY = Field("MilliOfDay", 0, 0, 86_399_999, 86_399_999, True)
NANO_OF_DAY = Field("NanoOfDay", 0, 0, 86_399_999_999_999, 86_399_999_999_999, True)
OFFSET_SECONDS = Field("OffsetSeconds", -64800, -64800, 64800, 64800)
INSTANT_SECONDS = Field("InstantSeconds", -_LONG - 1, -_LONG - 1, _LONG, _LONG)

# The week definition of en/en_US (WeekFields.of(Locale.US)): weeks start on Sunday, and the first
# week of a year or month may have a single day.
_WEEK_START, _WEEK_MIN_DAYS = 7, 1
_WEEK_NAME = "WeekFields[SUNDAY,1]"
LOCAL_DAY_OF_WEEK = Field(f"DayOfWeek[{_WEEK_NAME}]", 1, 1, 7, 7)
LOCAL_WEEK_OF_MONTH = Field(f"WeekOfMonth[{_WEEK_NAME}]", 0, 0, 4, 6)
LOCAL_WEEK_OF_YEAR = Field(f"WeekOfWeekBasedYear[{_WEEK_NAME}]", 1, 1, 52, 53)
LOCAL_WEEK_BASED_YEAR = Field(f"WeekBasedYear[{_WEEK_NAME}]", -_YEARS, -_YEARS, _YEARS, _YEARS)


def _week_offset(day: int, dow: int) -> int:
    week_start = (day - dow) % 7
    return 7 - week_start if week_start + 1 > _WEEK_MIN_DAYS else -week_start


def _week_number(offset: int, day: int) -> int:
    return (7 + offset + (day - 1)) // 7


def _local_dow(day: date) -> int:
    return (day.isoweekday() - _WEEK_START) % 7 + 1


def _year_length(year: int) -> int:
    return 366 if date(year, 12, 31).timetuple().tm_yday == 366 else 365


def _local_week_of_year(day: date) -> tuple[int, int]:
    """WeekFields' week-based year and week of that year."""
    doy = day.timetuple().tm_yday
    offset = _week_offset(doy, _local_dow(day))
    week = _week_number(offset, doy)
    if week == 0:
        previous = day - timedelta(days=doy)
        return previous.year, _local_week_of_year(previous)[1]
    next_year_week = _week_number(offset, _year_length(day.year) + _WEEK_MIN_DAYS)
    if week >= next_year_week:
        return day.year + 1, week - next_year_week + 1
    return day.year, week


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def _field_value(zdt: ZonedDateTime, wanted: Field) -> int:
    local = zdt.local
    day = local.date()
    second_of_day = local.hour * 3600 + local.minute * 60 + local.second
    values = {
        ERA: 1,
        YEAR_OF_ERA: local.year,
        YEAR: local.year,
        MONTH_OF_YEAR: local.month,
        DAY_OF_MONTH: local.day,
        DAY_OF_YEAR: day.timetuple().tm_yday,
        DAY_OF_WEEK: day.isoweekday(),
        ALIGNED_WEEK_OF_MONTH: (local.day - 1) // 7 + 1,
        QUARTER_OF_YEAR: (local.month - 1) // 3 + 1,
        MODIFIED_JULIAN_DAY: day.toordinal() - _EPOCH_ORDINAL + 40587,
        AMPM_OF_DAY: local.hour // 12,
        HOUR_OF_AMPM: local.hour % 12,
        CLOCK_HOUR_OF_AMPM: local.hour % 12 or 12,
        HOUR_OF_DAY: local.hour,
        CLOCK_HOUR_OF_DAY: local.hour or 24,
        MINUTE_OF_HOUR: local.minute,
        SECOND_OF_MINUTE: local.second,
        NANO_OF_SECOND: zdt.nano,
        MILLI_OF_DAY: second_of_day * 1000 + zdt.nano // 1_000_000,
        NANO_OF_DAY: second_of_day * 1_000_000_000 + zdt.nano,
        OFFSET_SECONDS: zdt.offset,
        INSTANT_SECONDS: zdt.epoch_second,
    }
    if wanted in values:
        return values[wanted]
    if wanted in (ISO_WEEK_BASED_YEAR, ISO_WEEK_OF_YEAR):
        iso_year, iso_week, _ = day.isocalendar()
        return iso_year if wanted is ISO_WEEK_BASED_YEAR else iso_week
    if wanted is LOCAL_DAY_OF_WEEK:
        return _local_dow(day)
    if wanted is LOCAL_WEEK_OF_MONTH:
        return _week_number(_week_offset(local.day, _local_dow(day)), local.day)
    year, week = _local_week_of_year(day)
    return year if wanted is LOCAL_WEEK_BASED_YEAR else week


# --- zones -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Zone:
    """A ZoneId: a ZoneOffset (``region=False``, id ``Z`` or ``+02:00``) or a ZoneRegion."""

    id: str
    tz: tzinfo
    region: bool

    def offset_at(self, utc: datetime) -> int:
        return int(utc.replace(tzinfo=UTC).astimezone(self.tz).utcoffset().total_seconds())  # type: ignore[union-attr]

    def valid_offsets(self, local: datetime) -> list[int]:
        """The offsets at which a local date-time exists: none in a gap, two in an overlap."""
        offsets = []
        for fold in (0, 1):
            offset = int(local.replace(tzinfo=self.tz, fold=fold).utcoffset().total_seconds())  # type: ignore[union-attr]
            if offset not in offsets and self.offset_at(local - timedelta(seconds=offset)) == offset:
                offsets.append(offset)
        return offsets


def offset_id(seconds: int) -> str:
    """``ZoneOffset.getId``."""
    if seconds == 0:
        return "Z"
    sign, total = ("-" if seconds < 0 else "+"), abs(seconds)
    text = f"{sign}{total // 3600:02d}:{total // 60 % 60:02d}"
    return text + (f":{total % 60:02d}" if total % 60 else "")


def zone_offset(seconds: int) -> Zone:
    return Zone(offset_id(seconds), timezone(timedelta(seconds=seconds)), False)


UTC_OFFSET = zone_offset(0)

# Region ids Python's tzdata has but Java's tzdb does not.
_NOT_IN_JAVA = frozenset(("EST", "HST", "MST", "ROC", "Factory", "localtime", "GMT+0", "GMT-0", "posixrules"))


@cache
def _region_ids() -> frozenset[str]:
    return frozenset(available_timezones() - _NOT_IN_JAVA)


def _offset_of(text: str) -> Zone:
    """``ZoneOffset.of``."""
    if text == "Z":
        return UTC_OFFSET
    if len(text) == 2:
        text = text[0] + "0" + text[1]
    layouts = {3: ((1, False),), 5: ((1, False), (3, False)), 6: ((1, False), (4, True))}
    layouts[7] = ((1, False), (3, False), (5, False))
    layouts[9] = ((1, False), (4, True), (7, True))
    if len(text) not in layouts:
        raise JavaError(f"Invalid ID for ZoneOffset, invalid format: {text}")
    parts = []
    for position, after_colon in layouts[len(text)]:
        if after_colon and text[position - 1] != ":":
            raise JavaError(f"Invalid ID for ZoneOffset, colon not found when expected: {text}")
        digits = text[position : position + 2]
        if not (digits.isascii() and digits.isdigit()):
            raise JavaError(f"Invalid ID for ZoneOffset, non numeric characters found: {text}")
        parts.append(int(digits))
    if text[0] not in "+-":
        raise JavaError(f"Invalid ID for ZoneOffset, plus/minus not found when expected: {text}")
    hours, minutes, seconds = (*parts, 0, 0)[:3]
    for name, value, limit in (("hours", hours, 18), ("minutes", minutes, 59), ("seconds", seconds, 59)):
        if value > limit:
            raise JavaError(f"Zone offset {name} not in valid range: value {value} is not in the range -{limit} to {limit}")
    if hours == 18 and (minutes or seconds):
        raise JavaError("Zone offset not in valid range: -18:00 to +18:00")
    total = hours * 3600 + minutes * 60 + seconds
    return zone_offset(-total if text[0] == "-" else total)


def _with_prefix(text: str, prefix: str) -> Zone:
    """``ZoneId.ofOffset``: a region such as ``UTC`` or ``GMT+02:00`` with fixed rules."""
    rest = text[len(prefix) :]
    if not rest:
        return Zone(prefix, UTC, True)
    if rest[0] not in "+-":
        return _region(text)
    try:
        offset = _offset_of(rest)
    except JavaError:
        raise JavaError(f"Invalid ID for offset-based ZoneId: {text}") from None
    zone_id = prefix if offset.id == "Z" else prefix + offset.id
    return Zone(zone_id, offset.tz, True)


def _region(text: str) -> Zone:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9~/._+-]+", text):
        raise JavaError(f"Invalid ID for region-based ZoneId, invalid format: {text}")
    if text not in _region_ids():
        raise JavaError(f"Unknown time-zone ID: {text}")
    return Zone(text, ZoneInfo(text), True)


def zone_of(text: str) -> Zone:
    """``ZoneId.of``."""
    if len(text) <= 1 or text[0] in "+-":
        return _offset_of(text)
    for prefix in ("UTC", "GMT", "UT"):
        if text.startswith(prefix):
            return _with_prefix(text, prefix)
    return _region(text)


def zone_from_tzinfo(tz: tzinfo | None, now: datetime) -> Zone:
    """The ZoneId a Python time zone stands for: a ZoneInfo is a region, anything else an offset."""
    if isinstance(tz, ZoneInfo) and tz.key in _region_ids():
        return Zone(tz.key, tz, True)
    offset = tz.utcoffset(now) if tz is not None else None
    return zone_offset(int(offset.total_seconds()) if offset is not None else 0)


def _short_zone_name(zdt: ZonedDateTime) -> str:
    """``z``: tzdata's abbreviation, or Java's ``GMT+05:30`` where tzdata only has digits."""
    zone = zdt.zone
    if not isinstance(zone.tz, ZoneInfo):
        return zone.id
    name = zdt.local.replace(tzinfo=zone.tz, fold=zdt.fold).tzname() or zone.id
    if name[0] not in "+-":
        return name
    return "GMT" + ("" if zdt.offset == 0 else offset_id(zdt.offset))


_LONG_ZONE_NAMES = {"UTC": "Coordinated Universal Time", "Etc/UTC": "Coordinated Universal Time"}
_LONG_ZONE_NAMES["GMT"] = _LONG_ZONE_NAMES["Etc/GMT"] = "Greenwich Mean Time"


# --- date-times --------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1)
_NANOS_PER_SECOND = 1_000_000_000


def _outside_years() -> Unsupported:
    return Unsupported("a date outside the years 1-9999")


@dataclass(frozen=True)
class ZonedDateTime:
    local: datetime  # naive, whole seconds
    nano: int
    offset: int
    zone: Zone

    @property
    def epoch_second(self) -> int:
        return (self.local - _EPOCH) // timedelta(seconds=1) - self.offset

    @property
    def fold(self) -> int:
        """Python's way to tell the second of two identical local times apart."""
        return int(self.local.replace(tzinfo=self.zone.tz, fold=0).utcoffset() != timedelta(seconds=self.offset))

    @classmethod
    def of_instant(cls, epoch_second: int, nano: int, zone: Zone) -> ZonedDateTime:
        try:
            utc = _EPOCH + timedelta(seconds=epoch_second)
            offset = zone.offset_at(utc)
            return cls(utc + timedelta(seconds=offset), nano, offset, zone)
        except (OverflowError, ValueError):
            raise _outside_years() from None

    @classmethod
    def of_local(cls, local: datetime, nano: int, zone: Zone, preferred: int | None = None) -> ZonedDateTime:
        """``ZonedDateTime.ofLocal``: a local time in a gap moves forward by the gap's length; in an
        overlap the preferred offset wins, else the earlier one."""
        offsets = zone.valid_offsets(local)
        if not offsets:
            before = int(local.replace(tzinfo=zone.tz, fold=0).utcoffset().total_seconds())  # type: ignore[union-attr]
            return cls.of_instant((local - _EPOCH) // timedelta(seconds=1) - before, nano, zone)
        return cls(local, nano, preferred if preferred in offsets else offsets[0], zone)

    def with_zone(self, zone: Zone) -> ZonedDateTime:
        return self if zone == self.zone else ZonedDateTime.of_instant(self.epoch_second, self.nano, zone)

    def plus(self, amount: int, unit: str) -> ZonedDateTime:
        """``ZonedDateTime.plus(amount, ChronoUnit.valueOf(unit))``."""
        if unit in _TIME_UNITS:
            nanos = self.epoch_second * _NANOS_PER_SECOND + self.nano + amount * _TIME_UNITS[unit]
            return ZonedDateTime.of_instant(nanos // _NANOS_PER_SECOND, nanos % _NANOS_PER_SECOND, self.zone)
        try:
            local = self._plus_local(amount, unit)
        except (OverflowError, ValueError):
            raise _outside_years() from None
        return ZonedDateTime.of_local(local, self.nano, self.zone, self.offset)

    def _plus_local(self, amount: int, unit: str) -> datetime:
        if unit in ("DAYS", "WEEKS"):
            return self.local + timedelta(days=amount * (7 if unit == "WEEKS" else 1))
        if unit in _MONTH_UNITS:
            months = self.local.year * 12 + self.local.month - 1 + amount * _MONTH_UNITS[unit]
            year, month = divmod(months, 12)
            YEAR.check(year)
            # LocalDate.plusMonths keeps the day if the month has it, else takes the month's last
            day = min(self.local.day, _month_length(year, month + 1))
            return self.local.replace(year=year, month=month + 1, day=day)
        if unit == "ERAS":
            era = ERA.check(1 + amount)
            if era == 1:
                return self.local
            raise _outside_years()
        if unit == "FOREVER":
            raise JavaError("Unsupported unit: Forever")
        raise JavaError(f"No enum constant java.time.temporal.ChronoUnit.{unit}")


_TIME_UNITS = {
    "NANOS": 1,
    "MICROS": 1_000,
    "MILLIS": 1_000_000,
    "SECONDS": _NANOS_PER_SECOND,
    "MINUTES": 60 * _NANOS_PER_SECOND,
    "HOURS": 3600 * _NANOS_PER_SECOND,
    "HALF_DAYS": 43200 * _NANOS_PER_SECOND,
}
_MONTH_UNITS = {"MONTHS": 1, "YEARS": 12, "DECADES": 120, "CENTURIES": 1200, "MILLENNIA": 12000}


def _month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if _year_length(year) == 366 else 28
    return 30 if month in (4, 6, 9, 11) else 31


# --- texts of the en/en_US locale (CLDR, as Java 25 has it) -------------------------------------

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")  # fmt: skip
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ERAS = {"FULL": ("Before Christ", "Anno Domini"), "SHORT": ("BC", "AD"), "NARROW": ("B", "A")}
_QUARTERS = {"FULL": ("1st quarter", "2nd quarter", "3rd quarter", "4th quarter"), "SHORT": ("Q1", "Q2", "Q3", "Q4")}
_QUARTERS["NARROW"] = ("1", "2", "3", "4")
_STYLE_LENGTH = {"FULL": None, "SHORT": 3, "NARROW": 1}


def _english_texts(wanted: Field, style: str) -> dict[int, str]:
    if wanted is MONTH_OF_YEAR or wanted is DAY_OF_WEEK:
        names = _MONTHS if wanted is MONTH_OF_YEAR else _DAYS
        return {i + 1: name[: _STYLE_LENGTH[style]] for i, name in enumerate(names)}
    if wanted is ERA:
        return dict(enumerate(_ERAS[style]))
    if wanted is AMPM_OF_DAY:
        return {0: "AM", 1: "PM"}
    return {i + 1: text for i, text in enumerate(_QUARTERS[style])}


def _english_only(english: bool) -> None:
    if not english:
        raise Unsupported("the texts of a locale other than en/en_US")


# --- formatting and parsing contexts -------------------------------------------------------------


@dataclass
class _Printing:
    zdt: ZonedDateTime
    english: bool

    def value(self, wanted: Field) -> int:
        return _field_value(self.zdt, wanted)


class ParseError(JavaError):
    """A DateTimeParseException raised while reading the text (Java does not wrap these again)."""


@dataclass
class _Parsing:
    """DateTimeParseContext: the fields parsed so far and the parse settings."""

    strict: bool = True
    case_sensitive: bool = True
    fields: dict[Field, int] = field(default_factory=dict)
    zone: Zone | None = None

    def set_field(self, wanted: Field, value: int, error_pos: int, success_pos: int) -> int:
        old = self.fields.get(wanted)
        self.fields[wanted] = value
        return ~error_pos if old is not None and old != value else success_pos

    def char_equals(self, a: str, b: str) -> bool:
        if self.case_sensitive:
            return a == b
        return a == b or a.upper() == b.upper() or a.lower() == b.lower()

    def matches(self, text: str, pos: int, literal: str) -> bool:
        if pos + len(literal) > len(text):
            return False
        return all(self.char_equals(text[pos + i], char) for i, char in enumerate(literal))

    def snapshot(self) -> tuple[dict[Field, int], Zone | None]:
        return dict(self.fields), self.zone

    def restore(self, saved: tuple[dict[Field, int], Zone | None]) -> None:
        self.fields, self.zone = dict(saved[0]), saved[1]


# --- printer-parsers (DateTimeFormatterBuilder's inner classes) ---------------------------------


@dataclass(frozen=True)
class _Literal:
    text: str

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        out.append(self.text)
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        if len(self.text) > 1:
            return pos + len(self.text) if ctx.matches(text, pos, self.text) else ~pos
        if pos == len(text):
            return ~pos
        char = text[pos]
        if ctx.char_equals(char, self.text):
            return pos + 1
        # CharLiteralPrinterParser: in lenient mode, any space separator matches a space separator
        spaces = not ctx.strict and unicodedata.category(self.text) == unicodedata.category(char) == "Zs"
        return pos + 1 if spaces else ~pos


_NOT_NEGATIVE, _NORMAL, _EXCEEDS_PAD = "NOT_NEGATIVE", "NORMAL", "EXCEEDS_PAD"


@dataclass(frozen=True)
class _Number:
    field: Field
    min_width: int
    max_width: int
    sign: str
    subsequent: int = 0  # digits the adjacent fixed-width values after this one need; -1: fixed width

    def fixed(self) -> _Number:
        return replace(self, subsequent=-1)

    def with_subsequent(self, width: int) -> _Number:
        return replace(self, subsequent=self.subsequent + width)

    def is_fixed_width(self, ctx: _Parsing) -> bool:
        fixed = self.min_width == self.max_width and self.sign == _NOT_NEGATIVE
        return self.subsequent == -1 or (self.subsequent > 0 and fixed)

    def print_value(self, value: int) -> int:
        return value

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        value = self.print_value(ctx.value(self.field))
        digits = str(abs(value))
        if len(digits) > self.max_width:
            raise JavaError(
                f"Field {self.field} cannot be printed as the value {value} "
                f"exceeds the maximum print width of {self.max_width}"
            )
        if value < 0 and self.sign == _NOT_NEGATIVE:
            raise JavaError(
                f"Field {self.field} cannot be printed as the value {value} cannot be negative according to the SignStyle"
            )
        if value < 0:
            out.append("-")
        elif self.sign == "ALWAYS" or (self.sign == _EXCEEDS_PAD and self.min_width < 19 and len(digits) > self.min_width):
            out.append("+")
        out.append(digits.rjust(self.min_width, "0"))
        return True

    def _sign_allowed(self, ctx: _Parsing, positive: bool) -> bool:
        """SignStyle.parse."""
        if self.sign == _NORMAL:
            return not positive or not ctx.strict
        if self.sign in ("ALWAYS", _EXCEEDS_PAD):
            return True
        return not ctx.strict and self.min_width != self.max_width

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        length = len(text)
        if pos == length:
            return ~pos
        negative = positive = False
        if text[pos] in "+-":
            positive = text[pos] == "+"
            negative = not positive
            if not self._sign_allowed(ctx, positive):
                return ~pos
            pos += 1
        elif self.sign == "ALWAYS" and ctx.strict:
            return ~pos
        exact = ctx.strict or self.is_fixed_width(ctx)
        min_width = self.min_width if exact else 1
        min_end = pos + min_width
        if min_end > length:
            return ~pos
        max_width = (self.max_width if exact else 9) + max(self.subsequent, 0)
        end = pos
        for attempt in range(2):
            end = pos
            limit = min(pos + max_width, length)
            while end < limit and "0" <= text[end] <= "9":
                end += 1
            if end < min_end:
                return ~pos
            if self.subsequent <= 0 or attempt == 1:
                break
            # adjacent value parsing: leave the following fixed-width values their digits
            max_width = max(min_width, end - pos - self.subsequent)
        total = int(text[pos:end])
        if negative:
            if total == 0 and ctx.strict:
                return ~(pos - 1)  # no minus zero
            total = -total
        elif self.sign == _EXCEEDS_PAD and ctx.strict:
            if positive and end - pos <= self.min_width:
                return ~(pos - 1)  # a '+' only when the minimum width is exceeded
            if not positive and end - pos > self.min_width:
                return ~pos  # and then the '+' is required
        if total.bit_length() > 63:  # one digit too many for a long
            total, end = (abs(total) // 10) * (-1 if negative else 1), end - 1
        return self.set_value(ctx, total, pos, end)

    def set_value(self, ctx: _Parsing, value: int, error_pos: int, success_pos: int) -> int:
        return ctx.set_field(self.field, value, error_pos, success_pos)


@dataclass(frozen=True)
class _Reduced(_Number):
    """``yy``: two digits standing for 2000-2099."""

    base: int = 2000

    def is_fixed_width(self, ctx: _Parsing) -> bool:
        return ctx.strict and super().is_fixed_width(ctx)

    def print_value(self, value: int) -> int:
        if self.base <= value < self.base + 10**self.min_width:
            return abs(value) % 10**self.min_width
        return abs(value) % 10**self.max_width

    def set_value(self, ctx: _Parsing, value: int, error_pos: int, success_pos: int) -> int:
        if success_pos - error_pos == self.min_width and value >= 0:
            span = 10**self.min_width
            value += self.base - self.base % span
            if value < self.base:
                value += span
        return ctx.set_field(self.field, value, error_pos, success_pos)


@dataclass(frozen=True)
class _Nanos(_Number):
    """``S...`` and ISO's optional fraction: the fraction of the second, truncated."""

    decimal_point: bool = False

    def is_fixed_width(self, ctx: _Parsing) -> bool:
        return ctx.strict and self.min_width == self.max_width and not self.decimal_point

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        digits = f"{ctx.value(NANO_OF_SECOND):09d}"[: self.max_width]
        digits = digits.rstrip("0").ljust(self.min_width, "0")
        if digits:
            out.append(("." if self.decimal_point else "") + digits)
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        exact = ctx.strict or self.is_fixed_width(ctx)
        min_width, max_width = (self.min_width, self.max_width) if exact else (0, 9)
        if pos == len(text):
            return ~pos if min_width > 0 else pos
        if self.decimal_point:
            if text[pos] != ".":
                return ~pos if min_width > 0 else pos
            pos += 1
        if pos + min_width > len(text):
            return ~pos
        end = pos
        while end < min(pos + max_width, len(text)) and "0" <= text[end] <= "9":
            end += 1
        if end < pos + min_width:
            return ~pos
        value = int(text[pos:end].ljust(9, "0")) if end > pos else 0
        return ctx.set_field(NANO_OF_SECOND, value, pos, end)


@dataclass(frozen=True)
class _WeekBased(_Number):
    """``Y w W e c``: fields of the locale's week definition."""

    letter: str = ""
    count: int = 0

    def _delegate(self) -> _Number:
        if self.letter == "Y":
            if self.count == 2:
                return _Reduced(LOCAL_WEEK_BASED_YEAR, 2, 2, _NOT_NEGATIVE, self.subsequent)
            sign = _NORMAL if self.count < 4 else _EXCEEDS_PAD
            return _Number(LOCAL_WEEK_BASED_YEAR, self.count, 19, sign, self.subsequent)
        local = {"e": LOCAL_DAY_OF_WEEK, "c": LOCAL_DAY_OF_WEEK, "w": LOCAL_WEEK_OF_YEAR, "W": LOCAL_WEEK_OF_MONTH}
        return _Number(local[self.letter], self.min_width, self.max_width, _NOT_NEGATIVE, self.subsequent)

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        if not ctx.english:
            raise Unsupported("the week definition of a locale other than en/en_US")
        return self._delegate().format(ctx, out)

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        raise Unsupported(f"parsing the week-based pattern letter '{self.letter}'")


@dataclass(frozen=True)
class _Text:
    field: Field
    style: str  # FULL, SHORT or NARROW
    table: tuple[tuple[int, str], ...] = ()  # fixed texts (RFC 1123's), else the locale's

    def _texts(self, english: bool, style: str) -> dict[int, str]:
        if self.table:
            return dict(self.table)
        _english_only(english)
        return _english_texts(self.field, style)

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        out.append(self._texts(ctx.english, self.style)[ctx.value(self.field)])
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        styles = (self.style,) if ctx.strict or self.table else ("FULL", "SHORT", "NARROW")
        candidates: list[tuple[str, int]] = []
        for style in styles:
            reverse = {name: value for value, name in sorted(self._texts(True, style).items())}
            candidates.extend(reverse.items())
        for name, value in sorted(candidates, key=lambda entry: -len(entry[0])):
            if ctx.matches(text, pos, name):
                return ctx.set_field(self.field, value, pos, pos + len(name))
        if ctx.strict:
            return ~pos
        return _Number(self.field, 1, 19, _NORMAL).parse(ctx, text, pos)


_OFFSET_PATTERNS = ("+HH", "+HHmm", "+HH:mm", "+HHMM", "+HH:MM", "+HHMMss", "+HH:MM:ss", "+HHMMSS", "+HH:MM:SS",
                    "+HHmmss", "+HH:mm:ss")  # fmt: skip


@dataclass(frozen=True)
class _Offset:
    """OffsetIdPrinterParser, for the zero-padded-hour patterns ``X x Z`` and ISO use."""

    style: int  # index in _OFFSET_PATTERNS
    no_offset_text: str

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        total = ctx.value(OFFSET_SECONDS)
        hours, minutes, seconds = abs(total) // 3600 % 100, abs(total) // 60 % 60, abs(total) % 60
        style = self.style
        parts = [hours]
        if 3 <= style <= 8 or (style >= 9 and seconds) or (style >= 1 and minutes):
            parts.append(minutes)
            if style in (7, 8) or (style >= 5 and seconds):
                parts.append(seconds)
        if sum(parts) == 0:
            out.append(self.no_offset_text)
        else:
            colon = ":" if style > 0 and style % 2 == 0 else ""
            out.append(("-" if total < 0 else "+") + colon.join(f"{part:02d}" for part in parts))
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        if pos == len(text):
            return ~pos
        if ctx.matches(text, pos, self.no_offset_text):
            return ctx.set_field(OFFSET_SECONDS, 0, pos, pos + len(self.no_offset_text))
        if text[pos] not in "+-":
            return ~pos
        style, colon = self.style, self.style > 0 and self.style % 2 == 0
        if not ctx.strict:
            colon = colon or (style == 0 and len(text) > pos + 3 and text[pos + 3] == ":")
            style = 10 if colon else 9
        # [minutes, seconds]: None for absent, False for optional
        wanted = {0: (), 1: (False,), 2: (False,), 3: (True,), 4: (True,), 5: (True, False), 6: (True, False)}
        wanted.update({7: (True, True), 8: (True, True), 9: (False, False), 10: (False, False)})
        end, parts = self._digits(text, pos + 1, False)
        if end < 0:
            return ~pos
        values = [parts]
        for mandatory in wanted[style]:
            next_end, value = self._digits(text, end, colon)
            if next_end < 0:
                if mandatory:
                    return ~pos
                break
            end = next_end
            values.append(value)
        hours, minutes, seconds = (*values, 0, 0)[:3]
        if hours > 23:
            raise JavaError("Value out of range: Hour[0-23], Minute[0-59], Second[0-59]")
        total = hours * 3600 + minutes * 60 + seconds
        return ctx.set_field(OFFSET_SECONDS, -total if text[pos] == "-" else total, pos, end)

    @staticmethod
    def _digits(text: str, pos: int, colon: bool) -> tuple[int, int]:
        """Two digits (after a colon if ``colon``) worth at most 59, else (-1, 0)."""
        if colon:
            if pos >= len(text) or text[pos] != ":":
                return -1, 0
            pos += 1
        pair = text[pos : pos + 2]
        if len(pair) < 2 or not ("0" <= pair[0] <= "9" and "0" <= pair[1] <= "9") or int(pair) > 59:
            return -1, 0
        return pos + 2, int(pair)


@dataclass(frozen=True)
class _LocalizedOffset:
    """``O`` and ``OOOO``/``ZZZZ``: ``GMT+2``, ``GMT+02:00``."""

    full: bool

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        _english_only(ctx.english)
        total = ctx.value(OFFSET_SECONDS)
        out.append("GMT")
        if total:
            hours, minutes, seconds = abs(total) // 3600 % 100, abs(total) // 60 % 60, abs(total) % 60
            out.append("-" if total < 0 else "+")
            if self.full:
                out.append(f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else ""))
            else:
                out.append(f"{hours}" + (f":{minutes:02d}" if minutes or seconds else "") + (f":{seconds:02d}" if seconds else ""))
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        match = re.compile(r"GMT(?:([+-])(\d\d?)(?::(\d\d)(?::(\d\d))?)?)?").match(text, pos)
        if not ctx.matches(text, pos, "GMT") or (self.full and match and match[1] and not match[3]):
            return ~pos
        if match is None or not match[1]:
            return ctx.set_field(OFFSET_SECONDS, 0, pos, pos + 3)
        total = int(match[2]) * 3600 + int(match[3] or 0) * 60 + int(match[4] or 0)
        return ctx.set_field(OFFSET_SECONDS, -total if match[1] == "-" else total, pos, match.end())


@dataclass(frozen=True)
class _ZoneId:
    """``VV`` (any zone) and ISO's ``[Europe/Paris]`` (``region_only``)."""

    region_only: bool

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        zone = ctx.zdt.zone
        if self.region_only and not zone.region:
            return False
        out.append(zone.id)
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        if pos == len(text):
            return ~pos
        if text[pos] in "+-":
            return self._offset_based(ctx, text, pos, pos, "Z")
        for prefix in ("UTC", "GMT", "UT"):
            if ctx.matches(text, pos, prefix):
                if prefix == "GMT" and ctx.matches(text, pos + 3, "0"):
                    ctx.zone = zone_of("GMT0")
                    return pos + 4
                return self._offset_based(ctx, text, pos, pos + len(prefix), "0")
        found = max((zone for zone in _region_ids() if ctx.matches(text, pos, zone)), key=len, default=None)
        if found is None:
            if ctx.char_equals(text[pos], "Z"):
                ctx.zone = UTC_OFFSET
                return pos + 1
            return ~pos
        ctx.zone = zone_of(found)
        return pos + len(found)

    @staticmethod
    def _offset_based(ctx: _Parsing, text: str, prefix_pos: int, pos: int, no_offset: str) -> int:
        prefix = text[prefix_pos:pos].upper()
        if pos >= len(text) or text[pos] == "0" or ctx.char_equals(text[pos], "Z"):
            ctx.zone = zone_of(prefix) if prefix else UTC_OFFSET
            return pos
        scratch = _Parsing(ctx.strict, ctx.case_sensitive)
        end = _Offset(6, no_offset).parse(scratch, text, pos)
        if end < 0:
            if no_offset == "Z":
                return ~prefix_pos
            ctx.zone = zone_of(prefix)
            return pos
        if abs(scratch.fields[OFFSET_SECONDS]) > OFFSET_SECONDS.maximum:
            return ~prefix_pos
        offset = zone_offset(scratch.fields[OFFSET_SECONDS])
        ctx.zone = zone_of(prefix + (offset.id if offset.id != "Z" else "")) if prefix else offset
        return end


@dataclass(frozen=True)
class _ZoneText:
    """``z`` and ``zzzz``: the zone's short or long name."""

    full: bool

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        _english_only(ctx.english)
        zone = ctx.zdt.zone
        if not zone.region:
            out.append(zone.id)
        elif not self.full:
            out.append(_short_zone_name(ctx.zdt))
        elif zone.id in _LONG_ZONE_NAMES:
            out.append(_LONG_ZONE_NAMES[zone.id])
        else:
            raise Unsupported(f"the long name of the time zone {zone.id}")
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        raise Unsupported("parsing a time-zone name")


@dataclass(frozen=True)
class _Unsupported:
    """A pattern letter whose data (CLDR day periods, generic zone names) we do not have."""

    what: str

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        raise Unsupported(self.what)

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        raise Unsupported(self.what)


@dataclass(frozen=True)
class _Instant:
    """ISO_INSTANT: the UTC date-time, its fraction in groups of three digits."""

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        utc = ctx.zdt.with_zone(UTC_OFFSET)
        nano = utc.nano
        fraction = "" if nano == 0 else f".{nano:09d}"[: 4 if nano % 10**6 == 0 else 7 if nano % 1000 == 0 else 10]
        out.append(f"{utc.local.isoformat()}{fraction}Z")
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        scratch = _Parsing(ctx.strict, ctx.case_sensitive)
        end = _compose(_INSTANT_PARSER, scratch, text, pos)
        if end < 0:
            return end
        fields = scratch.fields
        hour, minute, second = fields[HOUR_OF_DAY], fields[MINUTE_OF_HOUR], fields[SECOND_OF_MINUTE]
        days = 0
        if (hour, minute, second, fields.get(NANO_OF_SECOND, 0)) == (24, 0, 0, 0):
            hour, days = 0, 1
        elif (hour, minute, second) == (23, 59, 60):
            second = 59  # a leap second
        try:
            local = datetime(fields[YEAR], fields[MONTH_OF_YEAR], fields[DAY_OF_MONTH], hour, minute, second)
            local += timedelta(days=days)
        except ValueError:
            return ~pos
        instant = (local - _EPOCH) // timedelta(seconds=1) - fields[OFFSET_SECONDS]
        end = ctx.set_field(INSTANT_SECONDS, instant, pos, end)
        return ctx.set_field(NANO_OF_SECOND, fields.get(NANO_OF_SECOND, 0), pos, end)


@dataclass(frozen=True)
class _Setting:
    """parseCaseSensitive/parseCaseInsensitive/parseStrict/parseLenient."""

    name: str
    value: bool

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        setattr(ctx, self.name, self.value)
        return pos


@dataclass(frozen=True)
class _Optional:
    elements: tuple

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        section: list[str] = []
        if all(element.format(ctx, section) for element in self.elements):
            out.extend(section)
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        saved = ctx.snapshot()
        end = _compose(self.elements, ctx, text, pos)
        if end < 0:
            ctx.restore(saved)
            return pos
        return end


@dataclass(frozen=True)
class _Pad:
    element: object
    width: int
    char: str

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        inner: list[str] = []
        if not self.element.format(ctx, inner):  # type: ignore[attr-defined]
            return False
        text = "".join(inner)
        if len(text) > self.width:
            raise JavaError(f"Cannot print as output of {len(text)} characters exceeds pad width of {self.width}")
        out.append(text.rjust(self.width, self.char))
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        if pos == len(text):
            return ~pos
        end = pos + self.width
        if end > len(text):
            if ctx.strict:
                return ~pos
            end = len(text)
        start = pos
        while start < end and ctx.char_equals(text[start], self.char):
            start += 1
        result = self.element.parse(ctx, text[:end], start)  # type: ignore[attr-defined]
        return ~(pos + start) if result != end and ctx.strict else result


def _compose(elements: tuple, ctx: _Parsing, text: str, pos: int) -> int:
    for element in elements:
        pos = element.parse(ctx, text, pos)
        if pos < 0:
            break
    return pos


@dataclass(frozen=True)
class _Localized:
    """``ofLocalizedDateTime``: the locale's pattern for a FormatStyle."""

    style: str

    def _elements(self, english: bool) -> tuple:
        _english_only(english)
        return of_pattern(_LOCALIZED_PATTERNS[self.style]).elements

    def format(self, ctx: _Printing, out: list[str]) -> bool:
        for element in self._elements(ctx.english):
            element.format(ctx, out)
        return True

    def parse(self, ctx: _Parsing, text: str, pos: int) -> int:
        return _compose(self._elements(True), ctx, text, pos)  # parsing uses the default locale, en_US


# Java 25's (CLDR 47) en_US date-time patterns; U+202F is a narrow no-break space.
_LOCALIZED_PATTERNS = {
    "FULL": "EEEE, MMMM d, y, h:mm:ss\u202fa zzzz",
    "LONG": "MMMM d, y, h:mm:ss\u202fa z",
    "MEDIUM": "MMM d, y, h:mm:ss\u202fa",
    "SHORT": "M/d/yy, h:mm\u202fa",
}


# --- resolving parsed fields (java.time.format.Parsed) ------------------------------------------

SECOND_OF_DAY = Field("SecondOfDay", 0, 0, 86399, 86399, True)
_MONTH_NAMES = [name.upper() for name in _MONTHS]
_Time = tuple[int, int, int, int]  # hour, minute, second, nano


def _time_text(time: _Time) -> str:
    """``LocalTime.toString``."""
    hour, minute, second, nano = time
    text = f"{hour:02d}:{minute:02d}"
    if second or nano:
        text += f":{second:02d}"
        if nano:
            text += "." + (f"{nano:09d}"[: 3 if nano % 10**6 == 0 else 6 if nano % 1000 == 0 else 9])
    return text


@dataclass
class Parsed:
    fields: dict[Field, int]
    zone: Zone | None
    date: date | None = None
    time: _Time | None = None
    excess_days: int = 0

    def __str__(self) -> str:
        text = "{" + ", ".join(f"{key}={value}" for key, value in self.fields.items()) + "},ISO"
        if self.zone is not None:
            text += f",{self.zone.id}"
        if self.date is not None:
            text += f" resolved to {self.date.isoformat()}" + (f"T{_time_text(self.time)}" if self.time else "")
        elif self.time is not None:
            text += f" resolved to {_time_text(self.time)}"
        return text

    def offset(self) -> int | None:
        offset = self.fields.get(OFFSET_SECONDS)
        if offset is not None and abs(offset) > OFFSET_SECONDS.maximum:
            raise JavaError("Zone offset not in valid range: -18:00 to +18:00")
        return offset

    def local_date_time(self) -> datetime:
        assert self.date is not None and self.time is not None
        return datetime.combine(self.date, datetime.min.time()).replace(
            hour=self.time[0], minute=self.time[1], second=self.time[2]
        )

    def set_time(self, time: _Time, excess_days: int) -> None:
        if self.time is not None and self.time != time:
            raise JavaError(
                f"Conflict found: Fields resolved to different times: {_time_text(self.time)} {_time_text(time)}"
            )
        self.time, self.excess_days = time, excess_days

    def move(self, source: Field, target: Field, value: int) -> None:
        old = self.fields.get(target)
        self.fields[target] = value
        if old is not None and old != value:
            raise JavaError(f"Conflict found: {target} {old} differs from {target} {value} while resolving  {source}")


def _iso_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _outside_years() from None


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
            day = min(day, _month_length(year, month))
        if day > _month_length(year, month):
            if day == 29:
                raise JavaError(f"Invalid date 'February 29' as '{year}' is not a leap year")
            raise JavaError(f"Invalid date '{_MONTH_NAMES[month - 1]} {day}'")
        return _iso_date(year, month, day)
    if MONTH_OF_YEAR in fields and ALIGNED_WEEK_OF_MONTH in fields and DAY_OF_WEEK in fields:
        raise Unsupported("parsing a date from its aligned week of month")
    if DAY_OF_YEAR in fields:
        year = YEAR.check(fields.pop(YEAR))
        day_of_year = DAY_OF_YEAR.check(fields.pop(DAY_OF_YEAR))
        if day_of_year == 366 and _year_length(year) == 365:
            raise JavaError(f"Invalid date 'DayOfYear 366' as '{year}' is not a leap year")
        return _iso_date(year, 1, 1) + timedelta(days=day_of_year - 1)
    return None


def _resolve_clock_hours(parsed: Parsed, strict: bool) -> None:
    fields = parsed.fields
    for clock, target, wrap in ((CLOCK_HOUR_OF_DAY, HOUR_OF_DAY, 24), (CLOCK_HOUR_OF_AMPM, HOUR_OF_AMPM, 12)):
        if clock in fields:
            value = fields.pop(clock)
            if strict or value != 0:
                clock.check(value)
            parsed.move(clock, target, 0 if value == wrap else value)
    if AMPM_OF_DAY in fields and HOUR_OF_AMPM in fields:
        ampm, hour = AMPM_OF_DAY.check(fields.pop(AMPM_OF_DAY)), HOUR_OF_AMPM.check(fields.pop(HOUR_OF_AMPM))
        parsed.move(AMPM_OF_DAY, HOUR_OF_DAY, ampm * 12 + hour)


def _resolve_time_fields(parsed: Parsed, strict: bool) -> None:
    """Parsed.resolveTimeFields: from the clock hours, ``A``, ``N`` and ``SSS`` to H:M:S.N."""
    fields = parsed.fields
    _resolve_clock_hours(parsed, strict)
    if NANO_OF_DAY in fields:
        nanos = NANO_OF_DAY.check(fields.pop(NANO_OF_DAY))
        parsed.move(NANO_OF_DAY, HOUR_OF_DAY, nanos // 3_600_000_000_000)
        parsed.move(NANO_OF_DAY, MINUTE_OF_HOUR, nanos // 60_000_000_000 % 60)
        parsed.move(NANO_OF_DAY, SECOND_OF_MINUTE, nanos // _NANOS_PER_SECOND % 60)
        parsed.move(NANO_OF_DAY, NANO_OF_SECOND, nanos % _NANOS_PER_SECOND)
    if MILLI_OF_DAY in fields:
        millis = MILLI_OF_DAY.check(fields.pop(MILLI_OF_DAY))
        parsed.move(MILLI_OF_DAY, SECOND_OF_DAY, millis // 1000)
        parsed.move(MILLI_OF_DAY, MILLI_OF_SECOND, millis % 1000)
    if SECOND_OF_DAY in fields:
        seconds = SECOND_OF_DAY.check(fields.pop(SECOND_OF_DAY))
        parsed.move(SECOND_OF_DAY, HOUR_OF_DAY, seconds // 3600)
        parsed.move(SECOND_OF_DAY, MINUTE_OF_HOUR, seconds // 60 % 60)
        parsed.move(SECOND_OF_DAY, SECOND_OF_MINUTE, seconds % 60)
    if NANO_OF_SECOND in fields:
        nanos = NANO_OF_SECOND.check(fields[NANO_OF_SECOND])
        if MILLI_OF_SECOND in fields:
            millis = MILLI_OF_SECOND.check(fields.pop(MILLI_OF_SECOND))
            parsed.move(MILLI_OF_SECOND, NANO_OF_SECOND, millis * 1_000_000 + nanos % 1_000_000)
    parts = (HOUR_OF_DAY, MINUTE_OF_HOUR, SECOND_OF_MINUTE, NANO_OF_SECOND)
    if all(part in fields for part in parts):
        _resolve_time(parsed, *(fields.pop(part) for part in parts), strict=strict)


def _resolve_time(parsed: Parsed, hour: int, minute: int, second: int, nano: int, *, strict: bool) -> None:
    MINUTE_OF_HOUR.check(minute)
    NANO_OF_SECOND.check(nano)
    if not strict and (hour, minute, second, nano) == (24, 0, 0, 0):
        parsed.set_time((0, 0, 0, 0), 1)  # SMART reads 24:00 as the next day's midnight
    else:
        parsed.set_time((HOUR_OF_DAY.check(hour), minute, SECOND_OF_MINUTE.check(second), nano), 0)


def _resolve_time_lenient(parsed: Parsed, strict: bool) -> None:
    """Parsed.resolveTimeLenient: an hour alone is enough for a time, the rest defaulting to zero."""
    fields = parsed.fields
    if parsed.time is None:
        if MILLI_OF_SECOND in fields:
            fields[NANO_OF_SECOND] = fields.pop(MILLI_OF_SECOND) * 1_000_000
        parts = (HOUR_OF_DAY, MINUTE_OF_HOUR, SECOND_OF_MINUTE, NANO_OF_SECOND)
        if not strict and AMPM_OF_DAY in fields and not any(part in fields for part in parts):
            _resolve_time(parsed, AMPM_OF_DAY.check(fields.pop(AMPM_OF_DAY)) * 12 + 6, 0, 0, 0, strict=strict)
        hour, minute, second, nano = (fields.get(part) for part in parts)
        if hour is not None:
            if (minute is None and (second is not None or nano is not None)) or (
                minute is not None and second is None and nano is not None
            ):
                return
            _resolve_time(parsed, hour, minute or 0, second or 0, nano or 0, strict=strict)
            for part in parts:
                fields.pop(part, None)
    for key, value in fields.items():
        if key.time_based:
            key.check(value)


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


def _resolve(ctx: _Parsing, strict: bool) -> Parsed:
    parsed = Parsed(dict(ctx.fields), ctx.zone)
    parsed.date = _resolve_date(parsed.fields, strict)
    _resolve_time_fields(parsed, strict)
    _resolve_time_lenient(parsed, strict)
    if parsed.date is not None:
        day = ZonedDateTime(datetime.combine(parsed.date, datetime.min.time()), 0, 0, UTC_OFFSET)
        _cross_check(parsed, {key: _field_value(day, key) for key in _DATE_FIELDS}, parsed.date.isoformat())
    if parsed.time is not None:
        hour, minute, second, nano = parsed.time
        moment = ZonedDateTime(datetime(2000, 1, 1, hour, minute, second), nano, 0, UTC_OFFSET)
        _cross_check(parsed, {key: _field_value(moment, key) for key in _TIME_FIELDS}, _time_text(parsed.time))
        if parsed.date is not None and parsed.excess_days:
            parsed.date, parsed.excess_days = parsed.date + timedelta(days=parsed.excess_days), 0
    if parsed.time is None and any(key in parsed.fields for key in (INSTANT_SECONDS, SECOND_OF_MINUTE)):
        nanos = parsed.fields.setdefault(NANO_OF_SECOND, 0)
        parsed.fields[MICRO_OF_SECOND] = nanos // 1000
        parsed.fields[MILLI_OF_SECOND] = nanos // 1_000_000
    if INSTANT_SECONDS not in parsed.fields and parsed.date is not None and parsed.time is not None:
        offset = parsed.offset()
        if offset is not None:
            epoch = (parsed.local_date_time() - _EPOCH) // timedelta(seconds=1) - offset
            parsed.fields[INSTANT_SECONDS] = epoch
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


# --- building formatters (DateTimeFormatterBuilder) ----------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.levels: list[list] = [[]]  # the open optional sections, innermost last
        self.value_index = [-1]  # per level: the value parser later fixed-width values are adjacent to
        self.pad: tuple[int, str] | None = None

    def append(self, element: object) -> int:
        if self.pad is not None:
            element = _Pad(element, *self.pad)
            self.pad = None
        self.levels[-1].append(element)
        self.value_index[-1] = -1
        return len(self.levels[-1]) - 1

    def append_value(self, number: _Number) -> None:
        """Values written side by side (``yyyyMMdd``) parse by leaving the later ones their widths."""
        level, index = self.levels[-1], self.value_index[-1]
        if index < 0 or not isinstance(level[index], _Number):
            self.value_index[-1] = self.append(number)
            return
        base = level[index]
        if number.min_width == number.max_width and number.sign == _NOT_NEGATIVE:
            base = base.with_subsequent(number.max_width)
            self.append(number.fixed())
            self.value_index[-1] = index
        else:
            base = base.fixed()
            self.value_index[-1] = self.append(number)
        level[index] = base

    def value(self, key: Field, min_width: int = 1, max_width: int = 19, sign: str = _NORMAL) -> None:
        if min_width == max_width and sign == _NOT_NEGATIVE:
            self.width(key, max_width)
            return
        for name, width in (("minimum", min_width), ("maximum", max_width)):
            if not 1 <= width <= 19:
                raise JavaError(f"The {name} width must be from 1 to 19 inclusive but was {width}")
        if max_width < min_width:
            raise JavaError(
                f"The maximum width must exceed or equal the minimum width but {max_width} < {min_width}"
            )
        self.append_value(_Number(key, min_width, max_width, sign))

    def width(self, key: Field, width: int) -> None:
        if not 1 <= width <= 19:
            raise JavaError(f"The width must be from 1 to 19 inclusive but was {width}")
        self.append_value(_Number(key, width, width, _NOT_NEGATIVE))

    def fraction(self, min_width: int, max_width: int, decimal_point: bool) -> None:
        if not 0 <= min_width <= 9:
            raise JavaError(f"Minimum width must be from 0 to 9 inclusive but was {min_width}")
        if not 1 <= max_width <= 9:
            raise JavaError(f"Maximum width must be from 1 to 9 inclusive but was {max_width}")
        nanos = _Nanos(NANO_OF_SECOND, min_width, max_width, _NOT_NEGATIVE, decimal_point=decimal_point)
        if min_width == max_width and not decimal_point:
            self.append_value(nanos)
        else:
            self.append(nanos)

    def literal(self, text: str) -> None:
        if text:
            self.append(_Literal(text))

    def include(self, formatter: Formatter) -> None:
        for element in formatter.elements:
            self.append(element)

    def optional_start(self) -> None:
        self.value_index[-1] = -1
        self.levels.append([])
        self.value_index.append(-1)

    def optional_end(self) -> None:
        elements = self.levels.pop()
        self.value_index.pop()
        if elements:
            self.append(_Optional(tuple(elements)))

    def build(self, strict: bool = False) -> Formatter:
        while len(self.levels) > 1:
            self.optional_end()
        return Formatter(tuple(self.levels[0]), strict)


_FIELD_LETTERS = {
    "G": ERA, "y": YEAR_OF_ERA, "u": YEAR, "Q": QUARTER_OF_YEAR, "q": QUARTER_OF_YEAR, "M": MONTH_OF_YEAR,
    "L": MONTH_OF_YEAR, "D": DAY_OF_YEAR, "d": DAY_OF_MONTH, "F": ALIGNED_WEEK_OF_MONTH, "E": DAY_OF_WEEK,
    "c": DAY_OF_WEEK, "e": DAY_OF_WEEK, "a": AMPM_OF_DAY, "H": HOUR_OF_DAY, "k": CLOCK_HOUR_OF_DAY,
    "K": HOUR_OF_AMPM, "h": CLOCK_HOUR_OF_AMPM, "m": MINUTE_OF_HOUR, "s": SECOND_OF_MINUTE, "S": NANO_OF_SECOND,
    "A": MILLI_OF_DAY, "n": NANO_OF_SECOND, "N": NANO_OF_DAY, "g": MODIFIED_JULIAN_DAY,
}  # fmt: skip
_TEXT_STYLES = {3: "SHORT", 4: "FULL", 5: "NARROW"}


def _too_many(letter: str) -> JavaError:
    return JavaError(f"Too many pattern letters: {letter}")


def _field_letter(b: _Builder, letter: str, count: int) -> None:
    """DateTimeFormatterBuilder.parseField."""
    key = _FIELD_LETTERS[letter]
    if letter in "uy":
        if count == 2:
            b.append_value(_Reduced(key, 2, 2, _NOT_NEGATIVE))
        else:
            b.value(key, count, 19, _NORMAL if count < 4 else _EXCEEDS_PAD)
    elif letter in "ceLMqQE":
        if letter == "c" and count == 2:
            raise JavaError('Invalid pattern "cc"')
        if count > 5:
            raise _too_many(letter)
        if letter in "ce" and count <= 2:
            b.append_value(_WeekBased(DAY_OF_WEEK, count, count, _NOT_NEGATIVE, letter=letter, count=count))
        elif count <= 2 and letter != "E":
            b.value(key) if count == 1 else b.width(key, 2)
        else:
            b.append(_Text(key, _TEXT_STYLES.get(count, "SHORT")))
    elif letter in "aF":
        if count > 1:
            raise _too_many(letter)
        b.append(_Text(key, "SHORT")) if letter == "a" else b.value(key)
    elif letter == "G":
        if count > 5:
            raise _too_many(letter)
        b.append(_Text(key, _TEXT_STYLES.get(count, "SHORT")))
    elif letter == "S":
        b.fraction(count, count, False)
    elif letter in "dhHkKms":
        if count > 2:
            raise _too_many(letter)
        b.value(key) if count == 1 else b.width(key, 2)
    elif letter == "D":
        if count > 3:
            raise _too_many(letter)
        b.value(key) if count == 1 else b.value(key, count, 3, _NOT_NEGATIVE)
    elif letter in "gnNA":
        b.value(key, count, 19, _NORMAL if letter == "g" else _NOT_NEGATIVE)


def _zone_letter(b: _Builder, letter: str, count: int) -> None:
    if letter == "z":
        if count > 4:
            raise _too_many(letter)
        b.append(_ZoneText(count == 4))
    elif letter == "V":
        if count != 2:
            raise JavaError(f"Pattern letter count must be 2: {letter}")
        b.append(_ZoneId(False))
    elif letter == "v":
        if count not in (1, 4):
            raise JavaError(f"Wrong number of pattern letters: {letter}")
        b.append(_Unsupported("a generic time-zone name (pattern letter v)"))
    elif letter == "Z":
        if count > 5:
            raise _too_many(letter)
        b.append(_LocalizedOffset(True) if count == 4 else _Offset(6, "Z") if count == 5 else _Offset(3, "+0000"))
    elif letter == "O":
        if count not in (1, 4):
            raise JavaError(f"Pattern letter count must be 1 or 4: {letter}")
        b.append(_LocalizedOffset(count == 4))
    else:  # X and x
        if count > 5:
            raise _too_many(letter)
        zero = "Z" if letter == "X" else "+00" if count == 1 else "+0000" if count % 2 == 0 else "+00:00"
        b.append(_Offset(count + (0 if count == 1 else 1), zero))


def _week_letter(b: _Builder, letter: str, count: int) -> None:
    if letter == "B":
        if count not in (1, 4, 5):
            raise JavaError(f"Wrong number of pattern letters: {letter}")
        b.append(_Unsupported("a day period (pattern letter B)"))
        return
    if count > {"W": 1, "w": 2}.get(letter, 19):
        raise _too_many(letter)
    max_width = {"W": count, "w": 2}.get(letter, 2 if count == 2 else 19)
    b.append_value(_WeekBased(DAY_OF_WEEK, count, max_width, _NOT_NEGATIVE, letter=letter, count=count))


def _quoted(pattern: str, pos: int) -> tuple[str, int]:
    """The literal a quote at ``pos`` opens, and the position of its closing quote."""
    end = pos + 1
    while end < len(pattern):
        if pattern[end] == "'":
            if pattern[end + 1 : end + 2] != "'":
                break
            end += 1
        end += 1
    if end >= len(pattern):
        raise JavaError(f"Pattern ends with an incomplete string literal: {pattern}")
    text = pattern[pos + 1 : end]
    return ("'" if not text else text.replace("''", "'")), end


@cache
def of_pattern(pattern: str) -> Formatter:
    """``DateTimeFormatter.ofPattern``: SMART resolver."""
    b = _Builder()
    pos = 0
    while pos < len(pattern):
        char = pattern[pos]
        if char.isascii() and char.isalpha():
            count = len(pattern[pos:]) - len(pattern[pos:].lstrip(char))
            pos += count
            if char == "p":
                pad_char = pattern[pos : pos + 1]
                if not (pad_char.isascii() and pad_char.isalpha()):
                    raise JavaError(f"Pad letter 'p' must be followed by valid pad pattern: {pattern}")
                b.pad, b.value_index[-1] = (count, " "), -1
                char = pad_char
                count = len(pattern[pos:]) - len(pattern[pos:].lstrip(char))
                pos += count
            if char in _FIELD_LETTERS:
                _field_letter(b, char, count)
            elif char in "zVvZOXx":
                _zone_letter(b, char, count)
            elif char in "WwYB":
                _week_letter(b, char, count)
            else:
                raise JavaError(f"Unknown pattern letter: {char}")
            continue
        if char == "'":
            text, pos = _quoted(pattern, pos)
            b.literal(text)
        elif char == "[":
            b.optional_start()
        elif char == "]":
            if len(b.levels) == 1:
                raise JavaError("Pattern invalid as it contains ] without previous [")
            b.optional_end()
        elif char in "{}#":
            raise JavaError(f"Pattern includes reserved character: '{char}'")
        else:
            b.literal(char)
        pos += 1
    return b.build()


def _abbreviated(text: str) -> str:
    return text[:64] + "..." if len(text) > 64 else text


@dataclass(frozen=True)
class Formatter:
    elements: tuple
    strict: bool = False  # ResolverStyle.STRICT (the ISO formatters), else SMART

    def format(self, zdt: ZonedDateTime, english: bool = True) -> str:
        """Formats in the zone of ``zdt`` (Kestra's ``withZone`` is ``ZonedDateTime.with_zone``)."""
        out: list[str] = []
        ctx = _Printing(zdt, english)
        for element in self.elements:
            element.format(ctx, out)
        return "".join(out)

    def parse(self, text: str, query):  # noqa: ANN001, ANN201 - query: Parsed -> the wanted type
        """``DateTimeFormatter.parse(text, query)``, raising JavaError with Java's message."""
        ctx = _Parsing()
        try:
            pos = _compose(self.elements, ctx, text, 0)
            if pos < 0:
                raise ParseError(f"Text '{_abbreviated(text)}' could not be parsed at index {~pos}")
            if pos < len(text):
                raise ParseError(f"Text '{_abbreviated(text)}' could not be parsed, unparsed text found at index {pos}")
            return query(_resolve(ctx, self.strict))
        except ParseError:
            raise
        except JavaError as error:
            raise JavaError(f"Text '{_abbreviated(text)}' could not be parsed: {error.message}") from None


def localized_date_time(style: str) -> Formatter:
    """``DateTimeFormatter.ofLocalizedDateTime(FormatStyle.valueOf(style))``."""
    return Formatter((_Localized(style),))


# --- the predefined formatters (DateTimeFormatter's constants) ------------------------------------


def _iso_formatters() -> dict[str, Formatter]:
    insensitive, strict = _Setting("case_sensitive", False), _Setting("strict", True)
    b = _Builder()
    b.value(YEAR, 4, 10, _EXCEEDS_PAD)
    b.literal("-")
    b.width(MONTH_OF_YEAR, 2)
    b.literal("-")
    b.width(DAY_OF_MONTH, 2)
    local_date = b.build(strict=True)

    b = _Builder()
    b.width(HOUR_OF_DAY, 2)
    b.literal(":")
    b.width(MINUTE_OF_HOUR, 2)
    b.optional_start()
    b.literal(":")
    b.width(SECOND_OF_MINUTE, 2)
    b.optional_start()
    b.fraction(0, 9, True)
    local_time = b.build(strict=True)

    def compose(*parts: object, optional_tail: tuple = ()) -> Formatter:
        b = _Builder()
        for part in parts:
            b.include(part) if isinstance(part, Formatter) else b.append(part)
        if optional_tail:
            b.optional_start()
            for part in optional_tail:
                b.include(part) if isinstance(part, Formatter) else b.append(part)
        return b.build(strict=True)

    offset_id = _Offset(6, "Z")
    local_date_time = compose(insensitive, local_date, _Literal("T"), local_time)
    offset_date_time = compose(insensitive, local_date_time, _Setting("strict", False), offset_id, strict)
    region = (_Literal("["), _Setting("case_sensitive", True), _ZoneId(True), _Literal("]"))
    zoned = compose(offset_date_time, optional_tail=region)
    date_time = compose(local_date_time, optional_tail=(offset_id, _Optional(region)))

    b = _Builder()
    b.append(insensitive)
    b.value(ISO_WEEK_BASED_YEAR, 4, 10, _EXCEEDS_PAD)
    b.literal("-W")
    b.width(ISO_WEEK_OF_YEAR, 2)
    b.literal("-")
    b.width(DAY_OF_WEEK, 1)
    b.optional_start()
    b.append(offset_id)
    week_date = b.build(strict=True)

    b = _Builder()
    b.append(insensitive)
    b.value(YEAR, 4, 10, _EXCEEDS_PAD)
    b.literal("-")
    b.width(DAY_OF_YEAR, 3)
    b.optional_start()
    b.append(offset_id)
    ordinal_date = b.build(strict=True)

    return {
        "ISO_LOCAL_DATE": local_date,
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
        "ISO_INSTANT": Formatter((insensitive, _Instant()), strict=True),
        "RFC_1123_DATE_TIME": _rfc_1123(),
    }


def _rfc_1123() -> Formatter:
    days = tuple((i + 1, name[:3]) for i, name in enumerate(_DAYS))
    months = tuple((i + 1, name[:3]) for i, name in enumerate(_MONTHS))
    b = _Builder()
    b.append(_Setting("case_sensitive", False))
    b.append(_Setting("strict", False))
    b.optional_start()
    b.append(_Text(DAY_OF_WEEK, "FULL", days))
    b.literal(", ")
    b.optional_end()
    b.value(DAY_OF_MONTH, 1, 2, _NOT_NEGATIVE)
    b.literal(" ")
    b.append(_Text(MONTH_OF_YEAR, "FULL", months))
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
    b.append(_Offset(3, "GMT"))
    return b.build()


_INSTANT_PARSER: tuple = ()
PREDEFINED = _iso_formatters()
_INSTANT_PARSER = (
    *PREDEFINED["ISO_LOCAL_DATE"].elements,
    _Literal("T"),
    _Number(HOUR_OF_DAY, 2, 2, _NOT_NEGATIVE),
    _Literal(":"),
    _Number(MINUTE_OF_HOUR, 2, 2, _NOT_NEGATIVE),
    _Literal(":"),
    _Number(SECOND_OF_MINUTE, 2, 2, _NOT_NEGATIVE),
    _Nanos(NANO_OF_SECOND, 0, 9, _NOT_NEGATIVE, decimal_point=True),
    _Offset(6, "Z"),
)
