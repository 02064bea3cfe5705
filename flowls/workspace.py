"""The flows of a workspace, by namespace and id: what a Subflow task can call and the
inputs each target declares. Built from files on disk and kept current with open buffers."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from flowls.cli.files import YAML_SUFFIXES, looks_like_flow
from flowls.model import Flow, build_flow
from flowls.parse.compose import compose
from flowls.parse.nodes import Mapping, Scalar
from flowls.parse.source import DEFAULT_MAX_FILE_SIZE, Limits, check_text
from flowls.text import LineIndex, Range

_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


@dataclass(frozen=True)
class InputSummary:
    id: str
    type: str | None
    required: bool  # Kestra's default is true
    has_default: bool


@dataclass(frozen=True)
class FlowSummary:
    namespace: str
    id: str
    path: str
    id_range: Range  # where the flow's id is written, for go-to-definition
    inputs: tuple[InputSummary, ...]

    def input(self, input_id: str) -> InputSummary | None:
        return next((i for i in self.inputs if i.id == input_id), None)


class WorkspaceIndex:
    def __init__(self) -> None:
        self._by_path: dict[str, list[FlowSummary]] = {}
        self._by_name: dict[tuple[str, str], FlowSummary] = {}

    @classmethod
    def scan(cls, folders: list[Path], max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> WorkspaceIndex:
        index = cls()
        for folder in folders:
            for directory, subdirs, names in os.walk(folder):
                subdirs[:] = [d for d in subdirs if d not in _SKIPPED_DIRS]
                for name in names:
                    path = Path(directory) / name
                    if not name.endswith(YAML_SUFFIXES):
                        continue
                    try:
                        if path.stat().st_size > max_file_size:
                            continue
                        text = path.read_text(encoding="utf-8")
                    except (OSError, UnicodeDecodeError):
                        continue
                    index.update(str(path), text)
        return index

    def update(self, path: str, text: str) -> None:
        """(Re)index one file from its text; a file that is no flow drops out."""
        self.replace(path, summarise(path, text))

    def replace(self, path: str, summaries: list[FlowSummary]) -> None:
        self.remove(path)
        self._by_path[path] = summaries
        for summary in summaries:
            self._by_name.setdefault((summary.namespace, summary.id), summary)

    def remove(self, path: str) -> None:
        for summary in self._by_path.pop(path, []):
            if self._by_name.get((summary.namespace, summary.id)) is summary:
                del self._by_name[(summary.namespace, summary.id)]
                self._reindex(summary.namespace, summary.id)

    def find(self, namespace: str, flow_id: str) -> FlowSummary | None:
        return self._by_name.get((namespace, flow_id))

    def _reindex(self, namespace: str, flow_id: str) -> None:
        for summaries in self._by_path.values():
            for summary in summaries:
                if (summary.namespace, summary.id) == (namespace, flow_id):
                    self._by_name[(namespace, flow_id)] = summary
                    return


def summarise(path: str, text: str) -> list[FlowSummary]:
    if not looks_like_flow(text) or check_text(text, Limits()).problem is not None:
        return []
    flows = [build_flow(root) for root in compose(text).documents if isinstance(root, Mapping)]
    return summarise_flows(path, flows, LineIndex(text))


def summarise_flows(path: str, flows: list[Flow], index: LineIndex) -> list[FlowSummary]:
    """Summaries of flows already parsed (an editor's analysis), without parsing again."""
    found = []
    for flow in flows:
        root = flow.mapping
        id_node = root.get("id")
        if not flow.id or not flow.namespace or not isinstance(id_node, Scalar):
            continue
        inputs = tuple(_input(element.node, element.id, element.type) for element in flow.inputs if element.id)
        found.append(FlowSummary(flow.namespace, flow.id, path, index.range(id_node.start, id_node.end), inputs))
    return found


def _input(node: object, input_id: str, kind: str | None) -> InputSummary:
    assert isinstance(node, Mapping)
    required = node.get("required")
    optional = isinstance(required, Scalar) and required.value is False
    return InputSummary(input_id, kind, not optional, node.get("defaults") is not None)
