"""``DateTimeFormatter.ofPattern``: the pattern letters, and ``ofLocalizedDateTime``, whose en_US
patterns are themselves compiled by ``of_pattern``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from flowls.pebble.java_time.context import Element, Parsing, Printing
from flowls.pebble.java_time.elements import (
    EXCEEDS_PAD,
    NORMAL,
    NOT_NEGATIVE,
    DayPeriod,
    Reduced,
    Text,
    WeekBased,
    compose,
)
from flowls.pebble.java_time.errors import JavaError
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
    MILLI_OF_DAY,
    MINUTE_OF_HOUR,
    MODIFIED_JULIAN_DAY,
    MONTH_OF_YEAR,
    NANO_OF_DAY,
    NANO_OF_SECOND,
    QUARTER_OF_YEAR,
    SECOND_OF_MINUTE,
    YEAR,
    YEAR_OF_ERA,
)
from flowls.pebble.java_time.formatter import Builder, Formatter
from flowls.pebble.java_time.texts import LOCALIZED_PATTERNS, english_only
from flowls.pebble.java_time.zone_elements import LocalizedOffset, Offset, ZoneIdElement, ZoneText

# 'F' is ALIGNED_WEEK_OF_MONTH since JDK 19 (JDK-8282081); JDK 17 reads it as ALIGNED_DAY_OF_WEEK_IN_MONTH.
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


def _field_letter(b: Builder, letter: str, count: int) -> None:
    """DateTimeFormatterBuilder.parseField."""
    key = _FIELD_LETTERS[letter]
    if letter in "uy":
        if count == 2:
            b.append_value(Reduced(key, 2, 2, NOT_NEGATIVE))
        else:
            b.value(key, count, 19, NORMAL if count < 4 else EXCEEDS_PAD)
    elif letter in "ceLMqQE":
        if letter == "c" and count == 2:
            raise JavaError('Invalid pattern "cc"')
        if count > 5:
            raise _too_many(letter)
        if letter in "ce" and count <= 2:
            b.append_value(WeekBased(DAY_OF_WEEK, count, count, NOT_NEGATIVE, letter=letter, count=count))
        elif count <= 2 and letter != "E":
            b.value(key) if count == 1 else b.width(key, 2)
        else:
            b.append(Text(key, _TEXT_STYLES.get(count, "SHORT")))
    elif letter in "aF":
        if count > 1:
            raise _too_many(letter)
        b.append(Text(key, "SHORT")) if letter == "a" else b.value(key)
    elif letter == "G":
        if count > 5:
            raise _too_many(letter)
        b.append(Text(key, _TEXT_STYLES.get(count, "SHORT")))
    elif letter == "S":
        b.fraction(count, count, False)
    elif letter in "dhHkKms":
        if count > 2:
            raise _too_many(letter)
        b.value(key) if count == 1 else b.width(key, 2)
    elif letter == "D":
        if count > 3:
            raise _too_many(letter)
        b.value(key) if count == 1 else b.value(key, count, 3, NOT_NEGATIVE)
    elif letter in "gnNA":
        b.value(key, count, 19, NORMAL if letter == "g" else NOT_NEGATIVE)


def _zone_letter(b: Builder, letter: str, count: int) -> None:
    if letter == "z":
        if count > 4:
            raise _too_many(letter)
        b.append(ZoneText(count == 4))
    elif letter == "V":
        if count != 2:
            raise JavaError(f"Pattern letter count must be 2: {letter}")
        b.append(ZoneIdElement(False))
    elif letter == "v":
        if count not in (1, 4):
            raise JavaError(f"Wrong number of pattern letters: {letter}")
        b.append(ZoneText(count == 4, generic=True))
    elif letter == "Z":
        if count > 5:
            raise _too_many(letter)
        if count == 4:
            b.append(LocalizedOffset(True))
        else:
            b.append(Offset("+HH:MM:ss", "Z") if count == 5 else Offset("+HHMM", "+0000"))
    elif letter == "O":
        if count not in (1, 4):
            raise JavaError(f"Pattern letter count must be 1 or 4: {letter}")
        b.append(LocalizedOffset(count == 4))
    else:  # X and x
        if count > 5:
            raise _too_many(letter)
        zero = "Z" if letter == "X" else "+00" if count == 1 else "+0000" if count % 2 == 0 else "+00:00"
        patterns = ("+HHmm", "+HHMM", "+HH:MM", "+HHMMss", "+HH:MM:ss")
        b.append(Offset(patterns[count - 1], zero))


def _week_letter(b: Builder, letter: str, count: int) -> None:
    if letter == "B":
        if count not in (1, 4, 5):
            raise JavaError(f"Wrong number of pattern letters: {letter}")
        b.append(DayPeriod({1: "SHORT", 4: "FULL", 5: "NARROW"}[count]))
        return
    if count > {"W": 1, "w": 2}.get(letter, 19):
        raise _too_many(letter)
    max_width = {"W": count, "w": 2}.get(letter, 2 if count == 2 else 19)
    b.append_value(WeekBased(DAY_OF_WEEK, count, max_width, NOT_NEGATIVE, letter=letter, count=count))


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
    b = Builder()
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


@dataclass(frozen=True)
class _Localized:
    """``ofLocalizedDateTime``: the locale's pattern for a FormatStyle."""

    style: str

    def _elements(self, english: bool) -> tuple[Element, ...]:
        english_only(english)
        return of_pattern(LOCALIZED_PATTERNS[self.style]).elements

    def format(self, ctx: Printing, out: list[str]) -> bool:
        for element in self._elements(ctx.english):
            element.format(ctx, out)
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        return compose(self._elements(True), ctx, text, pos)  # parsing uses the default locale, en_US


def localized_date_time(style: str) -> Formatter:
    """``DateTimeFormatter.ofLocalizedDateTime(FormatStyle.valueOf(style))``."""
    return Formatter((_Localized(style),))
