"""What checks report: findings with a rule, a severity, a message, a range and maybe a fix."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
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
class TextEdit:
    """Replace ``range`` by ``new_text``: fixes are minimal edits, never a re-dump of the YAML."""

    range: Range
    new_text: str


@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[TextEdit, ...]
    # Safe fixes keep the flow's meaning and are applied by `flowlint --fix`; others are offered
    # only (quick fixes in an editor), because they change what the flow does.
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    range: Range
    fix: Fix | None = None

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)


@dataclass(frozen=True, slots=True)
class Edit:
    """An edit in document offsets, as checks produce them."""

    start: int
    end: int
    text: str


@dataclass
class Reporter:
    """Collects the findings of one file, turning offsets into positions as they come."""

    index: LineIndex
    findings: list[Finding] = field(default_factory=list)

    def add(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str,
        severity: Severity | None = None,
        *,
        fix: tuple[str, list[Edit]] | None = None,
        safe: bool = True,
    ) -> None:
        made = None
        if fix is not None:
            title, edits = fix
            made = Fix(title, tuple(TextEdit(self.index.range(e.start, e.end), e.text) for e in edits), safe)
        self.findings.append(Finding(rule.id, severity or rule.severity, message, self.index.range(start, end), made))
