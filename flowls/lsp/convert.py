"""Core values to LSP values and back. Positions cross the boundary only here, converted to
the column unit the client negotiated."""

from __future__ import annotations

from lsprotocol import types

from flowls.findings import Finding, Fix, Severity
from flowls.rule_docs import rule_doc_uri
from flowls.text import Encoding, LineIndex, Position, Range

_ENCODINGS = {
    types.PositionEncodingKind.Utf8: Encoding.UTF8,
    types.PositionEncodingKind.Utf16: Encoding.UTF16,
    types.PositionEncodingKind.Utf32: Encoding.UTF32,
}
_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def encoding_of(kind: object) -> Encoding:
    return _ENCODINGS.get(kind, Encoding.UTF16)  # type: ignore[call-overload]


class Converter:
    """Converts for one document and one negotiated encoding."""

    def __init__(self, index: LineIndex, encoding: Encoding) -> None:
        self.index = index
        self.encoding = encoding

    def position(self, position: Position) -> types.Position:
        return types.Position(position.line, self.index.to_units(position, self.encoding))

    def range(self, value: Range) -> types.Range:
        return types.Range(self.position(value.start), self.position(value.end))

    def offsets(self, start: int, end: int) -> types.Range:
        return self.range(self.index.range(start, end))

    def offset(self, position: types.Position) -> int:
        return self.index.offset(self.index.from_units(position.line, position.character, self.encoding))

    def core_range(self, value: types.Range) -> Range:
        start = self.index.from_units(value.start.line, value.start.character, self.encoding)
        end = self.index.from_units(value.end.line, value.end.character, self.encoding)
        return Range(start, end)

    def diagnostic(self, finding: Finding) -> types.Diagnostic:
        href = rule_doc_uri(finding.rule)
        return types.Diagnostic(
            range=self.range(finding.range),
            message=finding.message,
            severity=_SEVERITIES[finding.severity],
            code=finding.rule,
            code_description=types.CodeDescription(href=href) if href else None,
            source="flowls",
        )

    def edits(self, fix: Fix) -> list[types.TextEdit]:
        return [types.TextEdit(range=self.range(edit.range), new_text=edit.new_text) for edit in fix.edits]
