"""ZonedDateTime: an instant seen in a zone, its arithmetic (``plus``) and its fields' values."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flowls.pebble.java_time.errors import JavaError, outside_years
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
    LOCAL_DAY_OF_WEEK,
    LOCAL_WEEK_BASED_YEAR,
    LOCAL_WEEK_OF_MONTH,
    LONG_MAX,
    MILLI_OF_DAY,
    MINUTE_OF_HOUR,
    MODIFIED_JULIAN_DAY,
    MONTH_OF_YEAR,
    NANO_OF_DAY,
    NANO_OF_SECOND,
    OFFSET_SECONDS,
    QUARTER_OF_YEAR,
    SECOND_OF_MINUTE,
    YEAR,
    YEAR_OF_ERA,
    Field,
    local_day_of_week,
    local_week_of_month,
    local_week_of_year,
    month_length,
)
from flowls.pebble.java_time.zones import Zone, offset_id

EPOCH = datetime(1970, 1, 1)
NANOS_PER_SECOND = 1_000_000_000
_EPOCH_DAYS = (-365243219162, 365241780471)  # ChronoField.EPOCH_DAY's range: years -999999999 to 999999999


def epoch_seconds(local: datetime) -> int:
    return (local - EPOCH) // timedelta(seconds=1)


def time_text(hour: int, minute: int, second: int, nano: int) -> str:
    """``LocalTime.toString``: seconds only when not zero, the fraction in groups of three digits."""
    text = f"{hour:02d}:{minute:02d}"
    if second or nano:
        text += f":{second:02d}"
        if nano:
            text += "." + f"{nano:09d}"[: 3 if nano % 10**6 == 0 else 6 if nano % 1000 == 0 else 9]
    return text


@dataclass(frozen=True)
class ZonedDateTime:
    local: datetime  # naive, whole seconds
    nano: int
    offset: int
    zone: Zone

    def __str__(self) -> str:
        """``ZonedDateTime.toString``: ``2024-03-31T03:30+02:00[Europe/Paris]``."""
        local = self.local
        text = f"{local.date().isoformat()}T{time_text(local.hour, local.minute, local.second, self.nano)}"
        text += offset_id(self.offset)
        return text if self.zone.id == offset_id(self.offset) else f"{text}[{self.zone.id}]"

    @property
    def epoch_second(self) -> int:
        return epoch_seconds(self.local) - self.offset

    @classmethod
    def of_instant(cls, epoch_second: int, nano: int, zone: Zone) -> ZonedDateTime:
        try:
            utc = EPOCH + timedelta(seconds=epoch_second)
            offset = zone.offset_at(utc)
            return cls(utc + timedelta(seconds=offset), nano, offset, zone)
        except (OverflowError, ValueError):
            raise outside_years() from None

    @classmethod
    def of_local(cls, local: datetime, nano: int, zone: Zone, preferred: int | None = None) -> ZonedDateTime:
        """``ZonedDateTime.ofLocal``: a local time in a gap moves forward by the gap's length; in an
        overlap the preferred offset wins, else the earlier one."""
        offsets = zone.valid_offsets(local)
        if not offsets:
            before = int(local.replace(tzinfo=zone.tz, fold=0).utcoffset().total_seconds())  # type: ignore[union-attr]
            return cls.of_instant(epoch_seconds(local) - before, nano, zone)
        return cls(local, nano, preferred if preferred in offsets else offsets[0], zone)

    def with_zone(self, zone: Zone) -> ZonedDateTime:
        return self if zone == self.zone else ZonedDateTime.of_instant(self.epoch_second, self.nano, zone)

    def plus(self, amount: int, unit: str) -> ZonedDateTime:
        """``ZonedDateTime.plus(amount, ChronoUnit.valueOf(unit))``: time units move the instant, date
        units the local date-time (then resolved as ``of_local`` does, keeping the offset if it can)."""
        if unit in _TIME_UNITS or unit == "HALF_DAYS":
            nanos = self.epoch_second * NANOS_PER_SECOND + self.nano + _time_unit_nanos(amount, unit)
            return ZonedDateTime.of_instant(nanos // NANOS_PER_SECOND, nanos % NANOS_PER_SECOND, self.zone)
        if unit in _DATE_UNITS:
            return ZonedDateTime.of_local(self._plus_local(amount, unit), self.nano, self.zone, self.offset)
        if unit == "FOREVER":
            raise JavaError("Unsupported unit: Forever")
        raise JavaError(f"No enum constant java.time.temporal.ChronoUnit.{unit}")

    def _plus_local(self, amount: int, unit: str) -> datetime:
        local = self.local
        if unit in ("DAYS", "WEEKS"):
            days = _exact(amount * 7) if unit == "WEEKS" else amount
            epoch_day = _exact(local.toordinal() - EPOCH_ORDINAL + days)
            if not _EPOCH_DAYS[0] <= epoch_day <= _EPOCH_DAYS[1]:
                raise JavaError(
                    f"Invalid value for EpochDay (valid values {_EPOCH_DAYS[0]} - {_EPOCH_DAYS[1]}): {epoch_day}"
                )
            return _in_years(lambda: local + timedelta(days=days))
        if unit == "MONTHS":
            # LocalDate.plusMonths counts months in a long that may wrap around, as Java's does
            months = _wrapped(local.year * 12 + local.month - 1 + amount)
            year, month = YEAR.check(months // 12), months % 12 + 1
        elif unit == "ERAS":
            if ERA.check(_exact(1 + amount)) == 0:
                raise outside_years()  # the same year of era, before Christ
            return local
        else:
            year, month = YEAR.check(_wrapped(local.year + _exact(amount * _YEAR_UNITS[unit]))), local.month
        # plusMonths and plusYears keep the day if the month has it, else take the month's last
        return _in_years(lambda: local.replace(year=year, month=month, day=min(local.day, month_length(year, month))))


_TIME_UNITS = {
    "NANOS": 1,
    "MICROS": 1_000,
    "MILLIS": 1_000_000,
    "SECONDS": NANOS_PER_SECOND,
    "MINUTES": 60 * NANOS_PER_SECOND,
    "HOURS": 3600 * NANOS_PER_SECOND,
}
_YEAR_UNITS = {"YEARS": 1, "DECADES": 10, "CENTURIES": 100, "MILLENNIA": 1000}
_DATE_UNITS = frozenset(("DAYS", "WEEKS", "MONTHS", "ERAS", *_YEAR_UNITS))


def _time_unit_nanos(amount: int, unit: str) -> int:
    if unit == "HALF_DAYS":
        # LocalDateTime.plus(HALF_DAYS) adds amount / 256 days, not / 2, and (amount % 256) * 12 hours,
        # in truncating division: 256 half days are one day (Java 17 and 25 alike).
        days = abs(amount) // 256 * (1 if amount >= 0 else -1)
        return days * 86400 * NANOS_PER_SECOND + (amount - days * 256) * 12 * 3600 * NANOS_PER_SECOND
    return amount * _TIME_UNITS[unit]


def _exact(value: int) -> int:
    """Math.addExact and multiplyExact: a long that would overflow is an ArithmeticException."""
    if not -LONG_MAX - 1 <= value <= LONG_MAX:
        raise JavaError("long overflow")
    return value


def _wrapped(value: int) -> int:
    """A long addition Java lets overflow."""
    return (value + LONG_MAX + 1) % (1 << 64) - LONG_MAX - 1


def _in_years(compute: Callable[[], datetime]) -> datetime:
    try:
        return compute()
    except (OverflowError, ValueError):
        raise outside_years() from None


def field_value(zdt: ZonedDateTime, wanted: Field) -> int:
    """``zdt.getLong(field)``."""
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
        MODIFIED_JULIAN_DAY: day.toordinal() - EPOCH_ORDINAL + 40587,
        AMPM_OF_DAY: local.hour // 12,
        HOUR_OF_AMPM: local.hour % 12,
        CLOCK_HOUR_OF_AMPM: local.hour % 12 or 12,
        HOUR_OF_DAY: local.hour,
        CLOCK_HOUR_OF_DAY: local.hour or 24,
        MINUTE_OF_HOUR: local.minute,
        SECOND_OF_MINUTE: local.second,
        NANO_OF_SECOND: zdt.nano,
        MILLI_OF_DAY: second_of_day * 1000 + zdt.nano // 1_000_000,
        NANO_OF_DAY: second_of_day * NANOS_PER_SECOND + zdt.nano,
        OFFSET_SECONDS: zdt.offset,
        INSTANT_SECONDS: zdt.epoch_second,
    }
    if wanted in values:
        return values[wanted]
    return _week_field(day, wanted)


def _week_field(day: date, wanted: Field) -> int:
    if wanted in (ISO_WEEK_BASED_YEAR, ISO_WEEK_OF_YEAR):
        iso_year, iso_week, _ = day.isocalendar()
        return iso_year if wanted is ISO_WEEK_BASED_YEAR else iso_week
    if wanted is LOCAL_DAY_OF_WEEK:
        return local_day_of_week(day)
    if wanted is LOCAL_WEEK_OF_MONTH:
        return local_week_of_month(day)
    year, week = local_week_of_year(day)
    return year if wanted is LOCAL_WEEK_BASED_YEAR else week
