"""The exceptions of the port: Java's, carrying Java's message, and the port's own limits."""

from __future__ import annotations


class JavaError(Exception):
    """A java.time exception (DateTimeException, IllegalArgumentException...) with Java's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ParseError(JavaError):
    """A DateTimeParseException raised while reading the text, which Java does not wrap again."""


class Unsupported(Exception):
    """Something Java would compute that this port cannot (another locale's texts, a far year...)."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


def outside_years() -> Unsupported:
    return Unsupported("a date outside the years 1-9999")
