"""ChronoField and the week-based fields as name and ValueRange, and the ISO calendar's arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from flowls.pebble.java_time.errors import JavaError


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
LONG_MAX = (1 << 63) - 1
ERA = Field("Era", 0, 0, 1, 1)
YEAR_OF_ERA = Field("YearOfEra", 1, 1, _YEARS, _YEARS + 1)
YEAR = Field("Year", -_YEARS, -_YEARS, _YEARS, _YEARS)
MONTH_OF_YEAR = Field("MonthOfYear", 1, 1, 12, 12)
DAY_OF_MONTH = Field("DayOfMonth", 1, 1, 28, 31)
DAY_OF_YEAR = Field("DayOfYear", 1, 1, 365, 366)
DAY_OF_WEEK = Field("DayOfWeek", 1, 1, 7, 7)
ALIGNED_WEEK_OF_MONTH = Field("AlignedWeekOfMonth", 1, 1, 4, 5)
QUARTER_OF_YEAR = Field("QuarterOfYear", 1, 1, 4, 4)
_MJD_MIN, _MJD_MAX = -365243219162 + 40587, 365241780471 + 40587
MODIFIED_JULIAN_DAY = Field("ModifiedJulianDay", _MJD_MIN, _MJD_MIN, _MJD_MAX, _MJD_MAX)
ISO_WEEK_BASED_YEAR = Field("WeekBasedYear", -_YEARS, -_YEARS, _YEARS, _YEARS)
ISO_WEEK_OF_YEAR = Field("WeekOfWeekBasedYear", 1, 1, 52, 53)
AMPM_OF_DAY = Field("AmPmOfDay", 0, 0, 1, 1, True)
HOUR_OF_AMPM = Field("HourOfAmPm", 0, 0, 11, 11, True)
CLOCK_HOUR_OF_AMPM = Field("ClockHourOfAmPm", 1, 1, 12, 12, True)
HOUR_OF_DAY = Field("HourOfDay", 0, 0, 23, 23, True)
CLOCK_HOUR_OF_DAY = Field("ClockHourOfDay", 1, 1, 24, 24, True)
MINUTE_OF_HOUR = Field("MinuteOfHour", 0, 0, 59, 59, True)
SECOND_OF_MINUTE = Field("SecondOfMinute", 0, 0, 59, 59, True)
SECOND_OF_DAY = Field("SecondOfDay", 0, 0, 86399, 86399, True)
NANO_OF_SECOND = Field("NanoOfSecond", 0, 0, 999_999_999, 999_999_999, True)
MICRO_OF_SECOND = Field("MicroOfSecond", 0, 0, 999_999, 999_999, True)
MILLI_OF_SECOND = Field("MilliOfSecond", 0, 0, 999, 999, True)
MILLI_OF_DAY = Field("MilliOfDay", 0, 0, 86_399_999, 86_399_999, True)
NANO_OF_DAY = Field("NanoOfDay", 0, 0, 86_399_999_999_999, 86_399_999_999_999, True)
OFFSET_SECONDS = Field("OffsetSeconds", -64800, -64800, 64800, 64800)
INSTANT_SECONDS = Field("InstantSeconds", -LONG_MAX - 1, -LONG_MAX - 1, LONG_MAX, LONG_MAX)

# The week definition of en/en_US (WeekFields.of(Locale.US)): weeks start on Sunday, and the first
# week of a year or month may have a single day.
_WEEK_START, _WEEK_MIN_DAYS = 7, 1
_WEEK_NAME = "WeekFields[SUNDAY,1]"
LOCAL_DAY_OF_WEEK = Field(f"DayOfWeek[{_WEEK_NAME}]", 1, 1, 7, 7)
LOCAL_WEEK_OF_MONTH = Field(f"WeekOfMonth[{_WEEK_NAME}]", 0, 0, 4, 6)
LOCAL_WEEK_OF_YEAR = Field(f"WeekOfWeekBasedYear[{_WEEK_NAME}]", 1, 1, 52, 53)
LOCAL_WEEK_BASED_YEAR = Field(f"WeekBasedYear[{_WEEK_NAME}]", -_YEARS, -_YEARS, _YEARS, _YEARS)

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
MONTH_NAMES_UPPER = ("JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER",
                     "NOVEMBER", "DECEMBER")  # fmt: skip


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def year_length(year: int) -> int:
    return 366 if is_leap(year) else 365


def month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _week_offset(day: int, dow: int) -> int:
    week_start = (day - dow) % 7
    return 7 - week_start if week_start + 1 > _WEEK_MIN_DAYS else -week_start


def _week_number(offset: int, day: int) -> int:
    return (7 + offset + (day - 1)) // 7


def local_day_of_week(day: date) -> int:
    return (day.isoweekday() - _WEEK_START) % 7 + 1


def local_week_of_month(day: date) -> int:
    return _week_number(_week_offset(day.day, local_day_of_week(day)), day.day)


def local_week_of_year(day: date) -> tuple[int, int]:
    """WeekFields' week-based year and week of that year."""
    doy = day.timetuple().tm_yday
    offset = _week_offset(doy, local_day_of_week(day))
    week = _week_number(offset, doy)
    if week == 0:
        previous = day - timedelta(days=doy)
        return previous.year, local_week_of_year(previous)[1]
    next_year_week = _week_number(offset, year_length(day.year) + _WEEK_MIN_DAYS)
    if week >= next_year_week:
        return day.year + 1, week - next_year_week + 1
    return day.year, week


def iso_weeks_in_year(year: int) -> int:
    """IsoFields: a week-based year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year."""
    before = year - 1  # proleptic Gregorian: 0001-01-01 was a Monday
    start = (before * 365 + before // 4 - before // 100 + before // 400) % 7 + 1
    return 53 if start == 4 or (start == 3 and is_leap(year)) else 52


def epoch_day(year: int, month: int, day: int) -> int:
    """``LocalDate.of(year, month, day).toEpochDay()`` for any year: the Gregorian calendar repeats every
    400 years (146097 days), so the year moves into Python's range and the days back."""
    cycles = (year - 1) // 400
    return date(year - 400 * cycles, month, day).toordinal() + cycles * 146097 - EPOCH_ORDINAL
