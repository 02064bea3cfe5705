"""ZoneId: ``ZoneId.of``'s parsing of offsets, prefixed offsets and region ids, and each zone's rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from flowls.pebble.java_time.errors import JavaError, Unsupported

_EPOCH = datetime(1970, 1, 1)


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

    def is_daylight_savings(self, utc: datetime) -> bool:
        """``ZoneRules.isDaylightSavings``."""
        if not isinstance(self.tz, ZoneInfo):
            return False
        saving = utc.replace(tzinfo=UTC).astimezone(self.tz).dst()
        if saving is None or saving < timedelta(0):
            return False
        # Java compiles the tz database in its "rearguard" form, without negative saving times:
        # where Python sees standard time, these zones are on daylight saving time for Java.
        since = _REARGUARD_SAVING_SINCE.get(self.id)
        return saving > timedelta(0) or (since is not None and (utc - _EPOCH).total_seconds() >= since)


# The epoch second from which each zone's standard time is Java's daylight saving time; each lies
# where both databases agree on daylight saving time, except Windhoek's, the exact transition.
_REARGUARD_SAVING_SINCE = {
    "Europe/Dublin": -50025600,  # 1968-06-01: Irish Standard Time, +01:00 in summer
    "Eire": -50025600,
    "Africa/Casablanca": 1533081600,  # 2018-08-01: +01:00 but for Ramadan
    "Africa/El_Aaiun": 1533081600,
    "Africa/Windhoek": 637970400,  # 1990-03-21 00:00 local: Namibia's independence, on CAT
}


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

# Region ids Python's tz database has but Java's does not.
_NOT_IN_JAVA = frozenset(("EST", "HST", "MST", "ROC", "Factory", "localtime", "GMT+0", "GMT-0", "posixrules"))


@cache
def region_ids() -> frozenset[str]:
    return frozenset(available_timezones() - _NOT_IN_JAVA)


# Region ids Java's tz database has but Python's does not: fixed offsets and the old US rules.
ONLY_IN_JAVA = frozenset(
    f"SystemV/{name}"
    for name in (
        "AST4",
        "AST4ADT",
        "CST6",
        "CST6CDT",
        "EST5",
        "EST5EDT",
        "HST10",
        "MST7",
        "MST7MDT",
        "PST8",
        "PST8PDT",
        "YST9",
        "YST9YDT",
    )
)


# ZoneOffset.of: the layouts by length, each a list of (position of two digits, after a colon).
_OFFSET_LAYOUTS = {
    3: ((1, False),),
    5: ((1, False), (3, False)),
    6: ((1, False), (4, True)),
    7: ((1, False), (3, False), (5, False)),
    9: ((1, False), (4, True), (7, True)),
}


def offset_of(text: str) -> Zone:
    """``ZoneOffset.of``."""
    if text == "Z":
        return UTC_OFFSET
    if len(text) == 2:
        text = text[0] + "0" + text[1]
    if len(text) not in _OFFSET_LAYOUTS:
        raise JavaError(f"Invalid ID for ZoneOffset, invalid format: {text}")
    parts = []
    for position, after_colon in _OFFSET_LAYOUTS[len(text)]:
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
            raise JavaError(
                f"Zone offset {name} not in valid range: value {value} is not in the range -{limit} to {limit}"
            )
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
        offset = offset_of(rest)
    except JavaError:
        raise JavaError(f"Invalid ID for offset-based ZoneId: {text}") from None
    zone_id = prefix if offset.id == "Z" else prefix + offset.id
    return Zone(zone_id, offset.tz, True)


def _region(text: str) -> Zone:
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9~/._+-]+", text):
        raise JavaError(f"Invalid ID for region-based ZoneId, invalid format: {text}")
    if text in ONLY_IN_JAVA:
        raise Unsupported(f"the time zone {text}, which only Java's tz database has")
    if text not in region_ids():
        raise JavaError(f"Unknown time-zone ID: {text}")
    return Zone(text, ZoneInfo(text), True)


def zone_of(text: str) -> Zone:
    """``ZoneId.of``."""
    if len(text) <= 1 or text[0] in "+-":
        return offset_of(text)
    for prefix in ("UTC", "GMT", "UT"):
        if text.startswith(prefix):
            return _with_prefix(text, prefix)
    return _region(text)


def zone_from_tzinfo(tz: tzinfo | None, now: datetime) -> Zone:
    """The ZoneId a Python time zone stands for: a ZoneInfo is a region, anything else an offset."""
    if isinstance(tz, ZoneInfo) and tz.key in region_ids():
        return Zone(tz.key, tz, True)
    offset = tz.utcoffset(now) if tz is not None else None
    return zone_offset(int(offset.total_seconds()) if offset is not None else 0)
