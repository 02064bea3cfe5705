"""The en_US names of time zones (pattern letters ``z``, ``zzzz``, ``v`` and ``vvvv``), as Java 25 has them.

Java 23 dropped the COMPAT locale data (JDK-8174269), so Java 25 names zones from CLDR alone: where
CLDR has no abbreviation, ``z`` is ``GMT-03:00`` rather than JDK 17's ``BRT``, and the generic and
daylight names of zones without a metazone are made up from the city (``Abidjan Daylight Time``).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import NamedTuple


class ZoneNames(NamedTuple):
    short_standard: str
    long_standard: str
    short_daylight: str
    long_daylight: str
    short_generic: str
    long_generic: str


@cache
def _table() -> dict[str, ZoneNames]:
    text = files(__package__).joinpath("zone_names.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {row[0]: ZoneNames(*row[1:]) for row in rows}


def zone_name(zone_id: str, *, full: bool, daylight: bool | None) -> str:
    """ZoneTextPrinterParser's name of a region: standard, daylight, or (``daylight=None``) generic; its
    id where Java has no names (``GMT+02:00``, ``UTC+01:30``)."""
    names = _table().get(zone_id)
    if names is None:
        return zone_id
    if daylight is None:
        return names.long_generic if full else names.short_generic
    if daylight:
        return names.long_daylight if full else names.short_daylight
    return names.long_standard if full else names.short_standard
