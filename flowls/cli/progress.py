"""A one-line file counter on stderr for long runs at a terminal; silent when piped or in CI."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_FILES = 50  # shorter runs end before a counter helps
INTERVAL = 0.1  # seconds between redraws


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.enabled = total >= MIN_FILES and not os.environ.get("CI") and _is_terminal(self.stream)
        self._drawn = 0.0

    def advance(self) -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= INTERVAL or self.done == self.total):
            self._drawn = now
            width = 30
            filled = width * self.done // self.total
            bar = "█" * filled + "·" * (width - filled)
            self.stream.write(f"\rflowlint {bar} {self.done}/{self.total} files")
            self.stream.flush()

    def close(self) -> None:
        """Erase the line, so findings and the summary print where it was."""
        if self.enabled and self._drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
