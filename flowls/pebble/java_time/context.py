"""The state formatting and parsing elements share: DateTimePrintContext and DateTimeParseContext."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Protocol

from flowls.pebble.java_time.fields import Field
from flowls.pebble.java_time.zoned import ZonedDateTime, field_value
from flowls.pebble.java_time.zones import Zone


@dataclass
class Printing:
    zdt: ZonedDateTime
    english: bool

    def value(self, wanted: Field) -> int:
        return field_value(self.zdt, wanted)


@dataclass
class Parsing:
    """The fields parsed so far, the zone, and the parse settings (strict, case sensitive)."""

    strict: bool = True
    case_sensitive: bool = True
    fields: dict[Field, int] = field(default_factory=dict)
    zone: Zone | None = None

    def set_field(self, wanted: Field, value: int, error_pos: int, success_pos: int) -> int:
        """``setParsedField``: a field parsed twice must have the same value both times."""
        old = self.fields.get(wanted)
        self.fields[wanted] = value
        return ~error_pos if old is not None and old != value else success_pos

    def char_equals(self, a: str, b: str) -> bool:
        if self.case_sensitive:
            return a == b
        return a == b or a.upper() == b.upper() or a.lower() == b.lower()

    def matches(self, text: str, pos: int, literal: str) -> bool:
        if pos + len(literal) > len(text):
            return False
        return all(self.char_equals(text[pos + i], char) for i, char in enumerate(literal))

    def space_equals(self, a: str, b: str) -> bool:
        """CharLiteralPrinterParser: leniently, any space separator matches any other."""
        return not self.strict and unicodedata.category(a) == unicodedata.category(b) == "Zs"

    def snapshot(self) -> tuple[dict[Field, int], Zone | None]:
        return dict(self.fields), self.zone

    def restore(self, saved: tuple[dict[Field, int], Zone | None]) -> None:
        self.fields, self.zone = dict(saved[0]), saved[1]


class Element(Protocol):
    """A printer-parser: formats into ``out`` (False: an optional section's value is missing) and parses
    from ``pos``, returning the position after what it read, or ``~pos`` of where the text differs."""

    def format(self, ctx: Printing, out: list[str]) -> bool: ...

    def parse(self, ctx: Parsing, text: str, pos: int) -> int: ...
