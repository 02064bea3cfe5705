"""The error both directions raise."""

from __future__ import annotations


class JacksonError(Exception):
    """A Jackson exception: ``message`` is what its ``getMessage()`` returns."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
