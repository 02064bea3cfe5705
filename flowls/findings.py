"""What checks report: findings with a rule, a severity, a message and a range."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from flowls.text import LineIndex, Range

if TYPE_CHECKING:
    from flowls.rules.base import Rule


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    range: Range


@dataclass
class Reporter:
    """Collects the findings of one file, turning offsets into positions as they come."""

    index: LineIndex
    findings: list[Finding] = field(default_factory=list)

    def add(self, rule: Rule, start: int, end: int, message: str, severity: Severity | None = None) -> None:
        self.findings.append(Finding(rule.id, severity or rule.severity, message, self.index.range(start, end)))
