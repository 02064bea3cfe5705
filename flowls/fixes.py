"""Apply fixes to a text as minimal edits, leaving every other character as it was."""

from __future__ import annotations

from flowls.findings import Finding
from flowls.text import LineIndex


def apply_fixes(index: LineIndex, findings: list[Finding], *, safe_only: bool = True) -> tuple[str, int]:
    """The text with the findings' fixes applied, and how many fixes went in.

    A fix whose edits overlap an earlier one is left out (the next run picks it up)."""
    chosen: list[tuple[int, int, str]] = []
    applied = 0
    taken: list[tuple[int, int]] = []
    for finding in findings:
        fix = finding.fix
        if fix is None or (safe_only and not fix.safe):
            continue
        edits = [(index.offset(e.range.start), index.offset(e.range.end), e.new_text) for e in fix.edits]
        if any(_overlap(edit, other) for edit in edits for other in taken):
            continue
        taken.extend((start, end) for start, end, _ in edits)
        chosen.extend(edits)
        applied += 1
    text = index.text
    for start, end, new_text in sorted(chosen, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text, applied


def _overlap(edit: tuple[int, int, str], other: tuple[int, int]) -> bool:
    start, end, _ = edit
    return (start < other[1] and other[0] < end) or start == other[0]
