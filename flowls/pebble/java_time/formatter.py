"""DateTimeFormatter and DateTimeFormatterBuilder: a formatter is a tuple of printer-parsers with a
resolver style; the builder assembles one as Java's does, adjacent value parsing included."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flowls.pebble.java_time.context import Element, Parsing, Printing
from flowls.pebble.java_time.elements import NORMAL, NOT_NEGATIVE, Literal, Nanos, Number, OptionalSection, Pad, compose
from flowls.pebble.java_time.errors import JavaError, ParseError
from flowls.pebble.java_time.fields import NANO_OF_SECOND, Field
from flowls.pebble.java_time.parsed import Parsed
from flowls.pebble.java_time.resolve import resolve
from flowls.pebble.java_time.zoned import ZonedDateTime

T = TypeVar("T")


def _abbreviated(text: str) -> str:
    return text[:64] + "..." if len(text) > 64 else text


@dataclass(frozen=True)
class Formatter:
    """A DateTimeFormatter of the en_US locale."""

    elements: tuple[Element, ...]
    strict: bool = False  # ResolverStyle.STRICT (the ISO formatters), else SMART

    def format(self, zdt: ZonedDateTime, english: bool = True) -> str:
        """Formats in the zone of ``zdt`` (Kestra's ``withZone`` is ``ZonedDateTime.with_zone``)."""
        out: list[str] = []
        ctx = Printing(zdt, english)
        for element in self.elements:
            element.format(ctx, out)
        return "".join(out)

    def parse(self, text: str, query: Callable[[Parsed], T]) -> T:
        """``DateTimeFormatter.parse(text, query)``, raising JavaError with Java's message."""
        ctx = Parsing()
        try:
            pos = compose(self.elements, ctx, text, 0)
            if pos < 0:
                raise ParseError(f"Text '{_abbreviated(text)}' could not be parsed at index {~pos}")
            if pos < len(text):
                raise ParseError(f"Text '{_abbreviated(text)}' could not be parsed, unparsed text found at index {pos}")
            return query(resolve(ctx, self.strict))
        except ParseError:
            raise
        except JavaError as error:
            raise JavaError(f"Text '{_abbreviated(text)}' could not be parsed: {error.message}") from None


_BUILDER = "java.time.format.DateTimeFormatterBuilder"
_CLASS_CAST = (
    f"class {_BUILDER}$PadPrinterParserDecorator cannot be cast to class {_BUILDER}$NumberPrinterParser "
    f"({_BUILDER}$PadPrinterParserDecorator and {_BUILDER}$NumberPrinterParser are in module java.base of loader "
    "'bootstrap')"
)


class Builder:
    """DateTimeFormatterBuilder."""

    def __init__(self) -> None:
        self.levels: list[list[Element]] = [[]]  # the open optional sections, innermost last
        self.value_index = [-1]  # per level: the value parser later fixed-width values are adjacent to
        self.pad: tuple[int, str] | None = None

    def append(self, element: Element) -> int:
        if self.pad is not None:
            element = Pad(element, *self.pad)
            self.pad = None
        self.levels[-1].append(element)
        self.value_index[-1] = -1
        return len(self.levels[-1]) - 1

    def append_value(self, number: Number) -> None:
        """Values written side by side (``yyyyMMdd``) parse by leaving the later ones their widths."""
        level, index = self.levels[-1], self.value_index[-1]
        if index >= 0 and isinstance(level[index], Pad):
            # appendValue casts the padded value before it to NumberPrinterParser ("ppHmm")
            raise JavaError(_CLASS_CAST)
        if index < 0:
            self.value_index[-1] = self.append(number)
            return
        base = level[index]
        if number.min_width == number.max_width and number.sign == NOT_NEGATIVE:
            base = base.with_subsequent(number.max_width)
            self.append(number.fixed())
            self.value_index[-1] = index
        else:
            base = base.fixed()
            self.value_index[-1] = self.append(number)
        level[index] = base

    def value(self, key: Field, min_width: int = 1, max_width: int = 19, sign: str = NORMAL) -> None:
        if min_width == max_width and sign == NOT_NEGATIVE:
            self.width(key, max_width)
            return
        for name, width in (("minimum", min_width), ("maximum", max_width)):
            if not 1 <= width <= 19:
                raise JavaError(f"The {name} width must be from 1 to 19 inclusive but was {width}")
        if max_width < min_width:
            raise JavaError(f"The maximum width must exceed or equal the minimum width but {max_width} < {min_width}")
        self.append_value(Number(key, min_width, max_width, sign))

    def width(self, key: Field, width: int) -> None:
        if not 1 <= width <= 19:
            raise JavaError(f"The width must be from 1 to 19 inclusive but was {width}")
        self.append_value(Number(key, width, width, NOT_NEGATIVE))

    def fraction(self, min_width: int, max_width: int, decimal_point: bool) -> None:
        if not 0 <= min_width <= 9:
            raise JavaError(f"Minimum width must be from 0 to 9 inclusive but was {min_width}")
        if not 1 <= max_width <= 9:
            raise JavaError(f"Maximum width must be from 1 to 9 inclusive but was {max_width}")
        nanos = Nanos(NANO_OF_SECOND, min_width, max_width, NOT_NEGATIVE, decimal_point=decimal_point)
        if min_width == max_width and not decimal_point:
            self.append_value(nanos)
        else:
            self.append(nanos)

    def literal(self, text: str) -> None:
        if text:
            self.append(Literal(text))

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
            self.append(OptionalSection(tuple(elements)))

    def build(self, strict: bool = False) -> Formatter:
        while len(self.levels) > 1:
            self.optional_end()
        return Formatter(tuple(self.levels[0]), strict)
