"""The printer-parsers of DateTimeFormatterBuilder: literals, numbers, fractions, texts, optional
sections and padding. Each formats into a list of strings and parses from a position, returning the
position after what it read or, where the text does not match, the complement (``~``) of where."""

from __future__ import annotations

from dataclasses import dataclass, replace

from flowls.pebble.java_time.context import Element, Parsing, Printing
from flowls.pebble.java_time.errors import JavaError, Unsupported
from flowls.pebble.java_time.fields import (
    HOUR_OF_DAY,
    LOCAL_DAY_OF_WEEK,
    LOCAL_WEEK_BASED_YEAR,
    LOCAL_WEEK_OF_MONTH,
    LOCAL_WEEK_OF_YEAR,
    MINUTE_OF_HOUR,
    NANO_OF_SECOND,
    Field,
)
from flowls.pebble.java_time.texts import day_period, english_only, english_texts


@dataclass(frozen=True)
class Literal:
    """CharLiteralPrinterParser and StringLiteralPrinterParser."""

    text: str

    def format(self, ctx: Printing, out: list[str]) -> bool:
        out.append(self.text)
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        if len(self.text) > 1:
            return pos + len(self.text) if ctx.matches(text, pos, self.text) else ~pos
        if pos == len(text):
            return ~pos
        char = text[pos]
        return pos + 1 if ctx.char_equals(char, self.text) or ctx.space_equals(char, self.text) else ~pos


# SignStyle
NOT_NEGATIVE, NORMAL, EXCEEDS_PAD = "NOT_NEGATIVE", "NORMAL", "EXCEEDS_PAD"


@dataclass(frozen=True)
class Number:
    """NumberPrinterParser: a field's value in a width range and a SignStyle."""

    field: Field
    min_width: int
    max_width: int
    sign: str
    subsequent: int = 0  # digits the adjacent fixed-width values after this one need; -1: fixed width

    def fixed(self) -> Number:
        return replace(self, subsequent=-1)

    def with_subsequent(self, width: int) -> Number:
        return replace(self, subsequent=self.subsequent + width)

    def is_fixed_width(self, ctx: Parsing) -> bool:
        fixed = self.min_width == self.max_width and self.sign == NOT_NEGATIVE
        return self.subsequent == -1 or (self.subsequent > 0 and fixed)

    def print_value(self, value: int) -> int:
        return value

    def format(self, ctx: Printing, out: list[str]) -> bool:
        value = self.print_value(ctx.value(self.field))
        digits = str(abs(value))
        if len(digits) > self.max_width:
            raise JavaError(
                f"Field {self.field} cannot be printed as the value {value} "
                f"exceeds the maximum print width of {self.max_width}"
            )
        if value < 0 and self.sign == NOT_NEGATIVE:
            raise JavaError(
                f"Field {self.field} cannot be printed as the value {value} "
                "cannot be negative according to the SignStyle"
            )
        if value < 0:
            out.append("-")
        elif self.sign == "ALWAYS" or (
            self.sign == EXCEEDS_PAD and self.min_width < 19 and len(digits) > self.min_width
        ):
            out.append("+")
        out.append(digits.rjust(self.min_width, "0"))
        return True

    def _sign_allowed(self, ctx: Parsing, positive: bool) -> bool:
        """SignStyle.parse."""
        if self.sign == NORMAL:
            return not positive or not ctx.strict
        if self.sign in ("ALWAYS", EXCEEDS_PAD):
            return True
        return not ctx.strict and self.min_width != self.max_width

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
        elif self.sign == EXCEEDS_PAD and ctx.strict:
            if positive and end - pos <= self.min_width:
                return ~(pos - 1)  # a '+' only when the minimum width is exceeded
            if not positive and end - pos > self.min_width:
                return ~pos  # and then the '+' is required
        if total.bit_length() > 63:  # one digit too many for a long
            total, end = (abs(total) // 10) * (-1 if negative else 1), end - 1
        return self.set_value(ctx, total, pos, end)

    def set_value(self, ctx: Parsing, value: int, error_pos: int, success_pos: int) -> int:
        return ctx.set_field(self.field, value, error_pos, success_pos)


@dataclass(frozen=True)
class Reduced(Number):
    """``yy``: two digits standing for 2000-2099."""

    base: int = 2000

    def is_fixed_width(self, ctx: Parsing) -> bool:
        return ctx.strict and super().is_fixed_width(ctx)

    def print_value(self, value: int) -> int:
        if self.base <= value < self.base + 10**self.min_width:
            return abs(value) % 10**self.min_width
        return abs(value) % 10**self.max_width

    def set_value(self, ctx: Parsing, value: int, error_pos: int, success_pos: int) -> int:
        if success_pos - error_pos == self.min_width and value >= 0:
            span = 10**self.min_width
            value += self.base - self.base % span
            if value < self.base:
                value += span
        return ctx.set_field(self.field, value, error_pos, success_pos)


@dataclass(frozen=True)
class Nanos(Number):
    """``S...`` and ISO's optional fraction: the fraction of the second, truncated."""

    decimal_point: bool = False

    def is_fixed_width(self, ctx: Parsing) -> bool:
        return ctx.strict and self.min_width == self.max_width and not self.decimal_point

    def format(self, ctx: Printing, out: list[str]) -> bool:
        digits = f"{ctx.value(NANO_OF_SECOND):09d}"[: self.max_width]
        digits = digits.rstrip("0").ljust(self.min_width, "0")
        if digits:
            out.append(("." if self.decimal_point else "") + digits)
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
class WeekBased(Number):
    """``Y w W e c``: fields of the locale's week definition."""

    letter: str = ""
    count: int = 0

    def _delegate(self) -> Number:
        if self.letter == "Y":
            if self.count == 2:
                return Reduced(LOCAL_WEEK_BASED_YEAR, 2, 2, NOT_NEGATIVE, self.subsequent)
            sign = NORMAL if self.count < 4 else EXCEEDS_PAD
            return Number(LOCAL_WEEK_BASED_YEAR, self.count, 19, sign, self.subsequent)
        local = {"e": LOCAL_DAY_OF_WEEK, "c": LOCAL_DAY_OF_WEEK, "w": LOCAL_WEEK_OF_YEAR, "W": LOCAL_WEEK_OF_MONTH}
        return Number(local[self.letter], self.min_width, self.max_width, NOT_NEGATIVE, self.subsequent)

    def format(self, ctx: Printing, out: list[str]) -> bool:
        if not ctx.english:
            raise Unsupported("the week definition of a locale other than en/en_US")
        return self._delegate().format(ctx, out)

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        raise Unsupported(f"parsing the week-based pattern letter '{self.letter}'")


@dataclass(frozen=True)
class Text:
    field: Field
    style: str  # FULL, SHORT or NARROW
    table: tuple[tuple[int, str], ...] = ()  # fixed texts (RFC 1123's), else the locale's

    def _texts(self, english: bool, style: str) -> dict[int, str]:
        if self.table:
            return dict(self.table)
        english_only(english)
        return english_texts(self.field, style)

    def format(self, ctx: Printing, out: list[str]) -> bool:
        out.append(self._texts(ctx.english, self.style)[ctx.value(self.field)])
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
        return Number(self.field, 1, 19, NORMAL).parse(ctx, text, pos)


@dataclass(frozen=True)
class DayPeriod:
    """``B``, ``BBBB``, ``BBBBB``: the en day period, from the hour and minute."""

    style: str

    def format(self, ctx: Printing, out: list[str]) -> bool:
        english_only(ctx.english)
        out.append(day_period(ctx.value(HOUR_OF_DAY) * 60 + ctx.value(MINUTE_OF_HOUR), self.style))
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        raise Unsupported("parsing a day period (pattern letter B)")


@dataclass(frozen=True)
class Setting:
    """parseCaseSensitive/parseCaseInsensitive/parseStrict/parseLenient."""

    name: str
    value: bool

    def format(self, ctx: Printing, out: list[str]) -> bool:
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        setattr(ctx, self.name, self.value)
        return pos


@dataclass(frozen=True)
class OptionalSection:
    elements: tuple[Element, ...]

    def format(self, ctx: Printing, out: list[str]) -> bool:
        section: list[str] = []
        if all(element.format(ctx, section) for element in self.elements):
            out.extend(section)
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
        saved = ctx.snapshot()
        end = compose(self.elements, ctx, text, pos)
        if end < 0:
            ctx.restore(saved)
            return pos
        return end


@dataclass(frozen=True)
class Pad:
    element: Element
    width: int
    char: str

    def format(self, ctx: Printing, out: list[str]) -> bool:
        inner: list[str] = []
        if not self.element.format(ctx, inner):
            return False
        text = "".join(inner)
        if len(text) > self.width:
            raise JavaError(f"Cannot print as output of {len(text)} characters exceeds pad width of {self.width}")
        out.append(text.rjust(self.width, self.char))
        return True

    def parse(self, ctx: Parsing, text: str, pos: int) -> int:
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
        result = self.element.parse(ctx, text[:end], start)
        return ~(pos + start) if result != end and ctx.strict else result


def compose(elements: tuple[Element, ...], ctx: Parsing, text: str, pos: int) -> int:
    for element in elements:
        pos = element.parse(ctx, text, pos)
        if pos < 0:
            break
    return pos
