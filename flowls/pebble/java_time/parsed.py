"""java.time.format.Parsed: the fields a parse found, and their resolving into a time of day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from flowls.pebble.java_time.errors import JavaError
from flowls.pebble.java_time.fields import (
    AMPM_OF_DAY,
    CLOCK_HOUR_OF_AMPM,
    CLOCK_HOUR_OF_DAY,
    HOUR_OF_AMPM,
    HOUR_OF_DAY,
    MILLI_OF_DAY,
    MILLI_OF_SECOND,
    MINUTE_OF_HOUR,
    NANO_OF_DAY,
    NANO_OF_SECOND,
    OFFSET_SECONDS,
    SECOND_OF_DAY,
    SECOND_OF_MINUTE,
    Field,
)
from flowls.pebble.java_time.zoned import NANOS_PER_SECOND, time_text
from flowls.pebble.java_time.zones import Zone

Time = tuple[int, int, int, int]  # hour, minute, second, nano


@dataclass
class Parsed:
    fields: dict[Field, int]
    zone: Zone | None
    date: date | None = None
    time: Time | None = None
    excess_days: int = 0

    def __str__(self) -> str:
        text = "{" + ", ".join(f"{key}={value}" for key, value in self.fields.items()) + "},ISO"
        if self.zone is not None:
            # Java 25 adds the zone name type (JDK 17 did not), UNDEFINED unless a zone name was parsed,
            # which this port does not do
            text += f",{self.zone.id},-1"
        if self.date is not None:
            text += f" resolved to {self.date.isoformat()}" + (f"T{time_text(*self.time)}" if self.time else "")
        elif self.time is not None:
            text += f" resolved to {time_text(*self.time)}"
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

    def set_time(self, time: Time, excess_days: int) -> None:
        if self.time is not None and self.time != time:
            raise JavaError(
                f"Conflict found: Fields resolved to different times: {time_text(*self.time)} {time_text(*time)}"
            )
        self.time, self.excess_days = time, excess_days

    def move(self, source: Field, target: Field, value: int) -> None:
        old = self.fields.get(target)
        self.fields[target] = value
        if old is not None and old != value:
            raise JavaError(f"Conflict found: {target} {old} differs from {target} {value} while resolving  {source}")


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


def resolve_time_fields(parsed: Parsed, strict: bool) -> None:
    """Parsed.resolveTimeFields: from the clock hours, ``A``, ``N`` and ``SSS`` to H:M:S.N."""
    fields = parsed.fields
    _resolve_clock_hours(parsed, strict)
    if NANO_OF_DAY in fields:
        nanos = NANO_OF_DAY.check(fields.pop(NANO_OF_DAY))
        parsed.move(NANO_OF_DAY, HOUR_OF_DAY, nanos // 3_600_000_000_000)
        parsed.move(NANO_OF_DAY, MINUTE_OF_HOUR, nanos // 60_000_000_000 % 60)
        parsed.move(NANO_OF_DAY, SECOND_OF_MINUTE, nanos // NANOS_PER_SECOND % 60)
        parsed.move(NANO_OF_DAY, NANO_OF_SECOND, nanos % NANOS_PER_SECOND)
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


def resolve_time_lenient(parsed: Parsed, strict: bool) -> None:
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
