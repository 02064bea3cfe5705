"""Code actions: every fix the rules give, did-you-mean replacements, and silencing a rule on
a line with a suppression comment."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowls.features.document import FlowFile
from flowls.findings import Finding, TextEdit
from flowls.text import Position, Range

_SUGGESTION = re.compile(r" — did you mean '([^']+)'\?")
_DIRECTIVE = re.compile(r"#\s*flowlint:\s*disable\s*=\s*([a-z0-9, -]+)")


@dataclass(frozen=True)
class Action:
    title: str
    kind: str  # "quickfix"
    edits: tuple[TextEdit, ...]
    finding: Finding
    preferred: bool = False


def code_actions(file: FlowFile, selection: Range) -> list[Action]:
    actions: list[Action] = []
    for finding in file.analysis.findings:
        if not _touches(finding.range, selection):
            continue
        if finding.fix is not None:
            actions.append(
                Action(finding.fix.title, "quickfix", finding.fix.edits, finding, preferred=finding.fix.safe)
            )
        elif (suggestion := _SUGGESTION.search(finding.message)) is not None:
            actions.append(_replacement(file, finding, suggestion.group(1)))
        actions.append(_disable(file, finding))
    return actions


def _touches(found: Range, selection: Range) -> bool:
    return found.start <= selection.end and selection.start <= found.end


def _replacement(file: FlowFile, finding: Finding, suggestion: str) -> Action:
    index = file.analysis.index
    written = file.text[index.offset(finding.range.start) : index.offset(finding.range.end)]
    quote = written[:1] if written[:1] in "'\"" and written[-1:] == written[:1] and len(written) > 1 else ""
    edit = TextEdit(finding.range, f"{quote}{suggestion}{quote}")
    return Action(f"Replace with '{suggestion}'", "quickfix", (edit,), finding, preferred=True)


def _disable(file: FlowFile, finding: Finding) -> Action:
    """Add the rule to the line's ``# flowlint: disable=`` comment, or add one."""
    index = file.analysis.index
    line = finding.range.start.line
    text = index.line_text(line)
    existing = _DIRECTIVE.search(text)
    if existing is not None:
        end = Position(line, existing.end(1))
        rules = existing.group(1).rstrip()
        edit = TextEdit(Range(Position(line, existing.start(1)), end), f"{rules},{finding.rule}")
    else:
        end = Position(line, len(text))
        edit = TextEdit(Range(end, end), f"  # flowlint: disable={finding.rule}")
    return Action(f"Disable {finding.rule} for this line", "quickfix", (edit,), finding)
