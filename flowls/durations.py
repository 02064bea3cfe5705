"""Java ``Duration`` texts, as Kestra reads ``PT5M``: one parser for the schema, the rules and
the dry run."""

from __future__ import annotations

import re

_DURATION = re.compile(
    r"([-+]?)P(?:([-+]?\d+)D)?"
    r"(T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?",
    re.IGNORECASE,
)
_NANOS = {"D": 86_400 * 10**9, "H": 3_600 * 10**9, "M": 60 * 10**9, "S": 10**9}


def parse_duration(text: str) -> int | None:
    """Nanoseconds of a Java ``Duration`` text (``PnDTnHnMn.nS``, days of 24 hours), or None."""
    match = _DURATION.fullmatch(text.strip())
    if match is None:
        return None
    sign, days, time, hours, minutes, seconds, fraction = match.groups()
    if time is not None and time.upper() == "T":
        return None  # a 'T' must be followed by at least one part
    if days is None and time is None:
        return None
    total = 0
    for value, unit in ((days, "D"), (hours, "H"), (minutes, "M"), (seconds, "S")):
        if value is not None:
            total += int(value) * _NANOS[unit]
    if fraction:
        nanos = int(fraction.ljust(9, "0"))
        total += -nanos if seconds is not None and seconds.startswith("-") else nanos
    return -total if sign == "-" else total
