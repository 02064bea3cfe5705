"""Edits that move YAML structure around while keeping every other character as it was."""

from __future__ import annotations

from flowls.findings import Edit
from flowls.model import Flow, Phase, Task
from flowls.parse.nodes import Sequence


def move_task_to_phase(text: str, flow: Flow, task: Task, phase: Phase) -> list[Edit] | None:
    """Edits that cut a top-level task out of its list and append it to ``phase``'s list
    (created at the end of the flow when missing). None when the layout is not the usual
    block style (flow-style lists, several items on one line), where a cut would be a guess."""
    if task.parent is not flow:
        return None
    source_list = flow.mapping.get(task.phase.value)
    item = _item_lines(text, task.node.start, task.node.end)
    if not isinstance(source_list, Sequence) or item is None:
        return None
    cut_start, cut_end, dash_column = item
    lines = text[cut_start:cut_end]
    edits: list[Edit] = []
    if len(source_list.items) == 1:  # the list would be left empty: remove its key too
        key = flow.mapping.pair(task.phase.value)
        assert key is not None
        edits.append(Edit(_line_start(text, key[0].start), cut_end, ""))
    else:
        edits.append(Edit(cut_start, cut_end, ""))
    target = flow.mapping.get(phase.value)
    if isinstance(target, Sequence) and target.items:
        last = target.items[-1]
        last_item = _item_lines(text, last.start, last.end)
        if last_item is None:
            return None
        _, insert_at, target_column = last_item
        edits.append(Edit(insert_at, insert_at, _reindent(lines, target_column - dash_column)))
    elif target is None:
        end = flow.mapping.end
        prefix = "" if end == 0 or text[end - 1] == "\n" else "\n"
        edits.append(Edit(end, end, f"{prefix}{phase.value}:\n{_reindent(lines, 2 - dash_column)}"))
    else:
        return None
    return edits


def _item_lines(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """The whole lines of a block sequence item (from its dash to its last line), and the
    dash's column."""
    line_start = _line_start(text, start)
    before = text[line_start:start]
    if before.strip() != "-":
        return None
    last = end
    while last > start and text[last - 1] in " \r\n":
        last -= 1
    line_end = text.find("\n", last)
    line_end = len(text) if line_end < 0 else line_end + 1
    return line_start, line_end, before.index("-")


def _line_start(text: str, offset: int) -> int:
    return max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1


def _reindent(lines: str, delta: int) -> str:
    if delta == 0:
        return lines if lines.endswith("\n") else lines + "\n"
    out = []
    for line in lines.splitlines(keepends=True):
        if delta > 0:
            out.append(" " * delta + line if line.strip() else line)
        else:
            strip = min(-delta, len(line) - len(line.lstrip(" ")))
            out.append(line[strip:])
    result = "".join(out)
    return result if result.endswith("\n") else result + "\n"
