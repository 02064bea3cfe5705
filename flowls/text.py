"""Positions in a text, and the one place where they are converted between units.

Everything in the core counts in code points (what Python's ``str`` indexes and what
libyaml's marks count). Line breaks are the ones LSP knows: ``\\n``, ``\\r\\n`` and ``\\r``.
Editors count columns in UTF-16 or UTF-8 code units; :meth:`LineIndex.to_units` converts.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import Enum

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Encoding(Enum):
    """A column unit an LSP client may negotiate."""

    UTF8 = "utf-8"
    UTF16 = "utf-16"
    UTF32 = "utf-32"


@dataclass(frozen=True, slots=True, order=True)
class Position:
    """A 0-based line and a 0-based column in code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Range:
    """A half-open span ``[start, end)``."""

    start: Position
    end: Position


class LineIndex:
    """Maps code-point offsets of one text to positions and back."""

    __slots__ = ("_starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return Position(line, offset - self._starts[line])

    def range(self, start: int, end: int) -> Range:
        return Range(self.position(start), self.position(end))

    def offset(self, position: Position) -> int:
        line = max(0, min(position.line, len(self._starts) - 1))
        return min(self._starts[line] + max(0, position.column), self._line_end(line))

    def line_text(self, line: int) -> str:
        """The text of ``line`` without its line break."""
        return self.text[self._starts[line] : self._line_end(line)]

    def _line_end(self, line: int) -> int:
        if line + 1 < len(self._starts):
            end = self._starts[line + 1]
            text = self.text
            if text[end - 2 : end] == "\r\n":
                return end - 2
            return end - 1
        return len(self.text)

    def to_units(self, position: Position, encoding: Encoding) -> int:
        """The column of ``position`` counted in ``encoding``'s code units."""
        if encoding is Encoding.UTF32:
            return position.column
        prefix = self.line_text(position.line)[: position.column]
        if encoding is Encoding.UTF8:
            return len(prefix.encode("utf-8", "surrogatepass"))
        return len(prefix.encode("utf-16-le", "surrogatepass")) // 2

    def from_units(self, line: int, units: int, encoding: Encoding) -> Position:
        """The position at ``units`` code units into ``line``."""
        line = max(0, min(line, len(self._starts) - 1))
        if encoding is Encoding.UTF32:
            return Position(line, min(units, len(self.line_text(line))))
        width = 1 if encoding is Encoding.UTF8 else 2
        codec = "utf-8" if encoding is Encoding.UTF8 else "utf-16-le"
        column = 0
        for char in self.line_text(line):
            units -= len(char.encode(codec, "surrogatepass")) // width
            if units < 0:
                break
            column += 1
        return Position(line, column)
