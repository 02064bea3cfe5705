"""The printer-parsers of offsets and zones: ``X x Z`` and ISO's offsets, ``O``, ``VV`` and ISO's
``[Europe/Paris]``, and the zone names ``z`` and ``v``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flowls.pebble.java_time.context import Parsing, Printing
from flowls.pebble.java_time.errors import JavaError, Unsupported
from flowls.pebble.java_time.fields import OFFSET_SECONDS
from flowls.pebble.java_time.texts import english_only
from flowls.pebble.java_time.zone_names import zone_name
from flowls.pebble.java_time.zones import ONLY_IN_JAVA, UTC_OFFSET, region_ids, zone_of, zone_offset

OFFSET_PATTERNS = ("+HH", "+HHmm", "+HH:mm", "+HHMM", "+HH:MM", "+HHMMss", "+HH:MM:ss", "+HHMMSS", "+HH:MM:SS",
                    "+HHmmss", "+HH:mm:ss")  # fmt: skip


@dataclass(frozen=True)
class Offset:
    """OffsetIdPrinterParser, for the zero-padded-hour patterns ``X x Z`` and ISO use."""

    pattern: str  # one of OFFSET_PATTERNS
    no_offset_text: str

    @property
    def style(self) -> int:
        """Java's index of the pattern, which its rules compare: from 1 on minutes, even ones colons, from 5 seconds."""
        return OFFSET_PATTERNS.index(self.pattern)

    def format(self, ctx: Printing, out: list[str]) -> bool:
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

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
class LocalizedOffset:
    """``O`` and ``OOOO``/``ZZZZ``: ``GMT+2``, ``GMT+02:00``."""

    full: bool

    def format(self, ctx: Printing, out: list[str]) -> bool:
        english_only(ctx.english)
        total = ctx.value(OFFSET_SECONDS)
        out.append("GMT")
        if total:
            hours, minutes, seconds = abs(total) // 3600 % 100, abs(total) // 60 % 60, abs(total) % 60
            out.append("-" if total < 0 else "+")
            if self.full:
                out.append(f"{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else ""))
            else:
                out.append(
                    f"{hours}"
                    + (f":{minutes:02d}" if minutes or seconds else "")
                    + (f":{seconds:02d}" if seconds else "")
                )
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        """LocalizedOffsetIdPrinterParser.parse, down to reading past the end of the text, which in Java
        is a StringIndexOutOfBoundsException (``GMT+`` at the end, or ``GMT+1`` for ``OOOO``)."""
        start, end = pos, len(text)
        if not ctx.matches(text, pos, "GMT"):
            return ~start
        pos += 3
        if pos == end or text[pos] not in "+-":
            return ctx.set_field(OFFSET_SECONDS, 0, start, pos)
        sign = -1 if text[pos] == "-" else 1
        pos += 1
        hours = minutes = seconds = 0
        if self.full:
            h1, h2 = _digit(text, pos), _digit(text, pos + 1)
            if h1 < 0 or h2 < 0 or _char_at(text, pos + 2) != ":":
                return ~start
            m1, m2 = _digit(text, pos + 3), _digit(text, pos + 4)
            if m1 < 0 or m2 < 0:
                return ~start
            hours, minutes, pos = h1 * 10 + h2, m1 * 10 + m2, pos + 5
            seconds, pos = _colon_pair(text, pos, seconds)
        else:
            hours = _digit(text, pos)
            pos += 1
            if hours < 0:
                return ~start
            if pos < end:
                if (h2 := _digit(text, pos)) >= 0:
                    hours, pos = hours * 10 + h2, pos + 1
                before = pos
                minutes, pos = _colon_pair(text, pos, minutes)
                if pos != before:
                    seconds, pos = _colon_pair(text, pos, seconds)
        return ctx.set_field(OFFSET_SECONDS, sign * (hours * 3600 + minutes * 60 + seconds), start, pos)


def _char_at(text: str, pos: int) -> str:
    if pos >= len(text):
        # the message of Java 25's String.charAt (JDK 17's: "String index out of range: 24")
        raise JavaError(f"Index {pos} out of bounds for length {len(text)}")
    return text[pos]


def _digit(text: str, pos: int) -> int:
    char = _char_at(text, pos)
    return ord(char) - 48 if "0" <= char <= "9" else -1


def _colon_pair(text: str, pos: int, default: int) -> tuple[int, int]:
    """``:mm`` or ``:ss`` if the text has it at ``pos`` (with room to spare, as Java checks), else nothing."""
    if pos + 2 < len(text) and text[pos] == ":":
        first, second = _digit(text, pos + 1), _digit(text, pos + 2)
        if first >= 0 and second >= 0:
            return first * 10 + second, pos + 3
    return default, pos


@dataclass(frozen=True)
class ZoneIdElement:
    """``VV`` (any zone) and ISO's ``[Europe/Paris]`` (``region_only``)."""

    region_only: bool

    def format(self, ctx: Printing, out: list[str]) -> bool:
        zone = ctx.zdt.zone
        if self.region_only and not zone.region:
            return False
        out.append(zone.id)
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
        if any(ctx.matches(text, pos, zone) for zone in ONLY_IN_JAVA):
            raise Unsupported("parsing a time zone which only Java's tz database has")
        found = max((zone for zone in region_ids() if ctx.matches(text, pos, zone)), key=len, default=None)
        if found is None:
            if ctx.char_equals(text[pos], "Z"):
                ctx.zone = UTC_OFFSET
                return pos + 1
            return ~pos
        ctx.zone = zone_of(found)
        return pos + len(found)

    @staticmethod
    def _offset_based(ctx: Parsing, text: str, prefix_pos: int, pos: int, no_offset: str) -> int:
        prefix = text[prefix_pos:pos].upper()
        if pos >= len(text) or text[pos] == "0" or ctx.char_equals(text[pos], "Z"):
            ctx.zone = zone_of(prefix) if prefix else UTC_OFFSET
            return pos
        scratch = Parsing(ctx.strict, ctx.case_sensitive)
        end = Offset("+HH:MM:ss", no_offset).parse(scratch, text, pos)
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
class ZoneText:
    """``z``/``zzzz`` (the standard or daylight saving time name the instant has) and ``v``/``vvvv``
    (the generic name); an offset's id for a ZoneOffset."""

    full: bool
    generic: bool = False

    def format(self, ctx: Printing, out: list[str]) -> bool:
        english_only(ctx.english)
        zdt = ctx.zdt
        if not zdt.zone.region:
            out.append(zdt.zone.id)
            return True
        daylight = None if self.generic else zdt.zone.is_daylight_savings(zdt.local - timedelta(seconds=zdt.offset))
        out.append(zone_name(zdt.zone.id, full=self.full, daylight=daylight))
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        raise Unsupported("parsing a time-zone name")
