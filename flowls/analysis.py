"""The one entry point of the core: a file's bytes or text in, its documents and findings out.

The CLI and the language server are thin adapters over :class:`Linter`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowls.config import Config
from flowls.findings import Finding, Reporter, Severity
from flowls.model import Flow, build_flow
from flowls.parse.compose import compose
from flowls.parse.nodes import Mapping, Node, Sequence
from flowls.parse.source import Limits, Source, check_text, decode
from flowls.rules import duplicate_key, encoding, not_a_flow, resource_limit, yaml_syntax
from flowls.rules.context import RuleContext
from flowls.rules.registry import CHECKS, RULES
from flowls.schema.report import report_schema
from flowls.schema.validate import FlowValidator
from flowls.suppress import Suppressions, find_suppressions
from flowls.text import LineIndex
from flowls.version import KestraVersion
from flowls.workspace import WorkspaceIndex


@dataclass(frozen=True)
class Options:
    limits: Limits = field(default_factory=Limits)
    select: frozenset[str] | None = None  # when set, only these rules report
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)  # per-rule overrides
    target_version: KestraVersion | None = None  # report what a migration to it must change

    @classmethod
    def of(cls, config: Config) -> Options:
        limits = Limits(max_file_size=config.max_file_size, max_depth=config.max_depth)
        return cls(
            limits=limits,
            select=config.select,
            ignore=config.ignore,
            severity=config.severity,
            target_version=config.target_version,
        )


@dataclass
class Document:
    """One YAML document of a file; ``flow`` is set when its root is a mapping."""

    root: Node | None
    flow: Flow | None


@dataclass
class Analysis:
    text: str
    index: LineIndex
    documents: list[Document]
    findings: list[Finding]

    @property
    def flows(self) -> list[Flow]:
        return [document.flow for document in self.documents if document.flow is not None]


class Linter:
    def __init__(self, validator: FlowValidator, options: Options | None = None) -> None:
        self.validator = validator
        self.options = options or Options()

    def lint_bytes(self, data: bytes, workspace: WorkspaceIndex | None = None) -> Analysis:
        return self._analyse(decode(data, self.options.limits), workspace)

    def lint_text(self, text: str, workspace: WorkspaceIndex | None = None) -> Analysis:
        """``workspace`` lets rules look at other flows (Subflow targets); without it they don't."""
        return self._analyse(check_text(text, self.options.limits), workspace)

    def _analyse(self, source: Source, workspace: WorkspaceIndex | None) -> Analysis:
        index = LineIndex(source.text)
        reporter = Reporter(index)
        documents: list[Document] = []
        if source.problem is not None:
            rule = encoding.RULE if source.problem.kind == "encoding" else resource_limit.RULE
            reporter.add(
                rule, source.problem.offset, _char_end(source.text, source.problem.offset), source.problem.message
            )
        else:
            documents = self._documents(source.text, reporter, workspace)
        return Analysis(source.text, index, documents, self._filtered(reporter.findings, find_suppressions(index)))

    def _documents(self, text: str, reporter: Reporter, workspace: WorkspaceIndex | None) -> list[Document]:
        composed = compose(text)
        limit = self.options.limits.max_expanded_nodes
        if composed.expanded_size > limit:
            message = f"aliases expand this file to over {limit:,} nodes; flowlint does not check it"
            reporter.add(resource_limit.RULE, 0, 0, message)
            return []
        for duplicate in composed.duplicates:
            line = reporter.index.position(duplicate.first.start).line + 1
            message = f"duplicate key '{duplicate.key}' (first set on line {line}); Kestra rejects the flow"
            reporter.add(duplicate_key.RULE, duplicate.duplicate.start, duplicate.duplicate.end, message)
        documents = [self._document(root, reporter, workspace) for root in composed.documents]
        if composed.syntax_error is not None:
            offset = composed.syntax_error.offset
            reporter.add(yaml_syntax.RULE, offset, _char_end(text, offset), composed.syntax_error.message)
        return documents

    def _document(self, root: Node | None, reporter: Reporter, workspace: WorkspaceIndex | None) -> Document:
        if root is None:
            reporter.add(not_a_flow.RULE, 0, 0, "empty document: a flow is a mapping with id, namespace and tasks")
            return Document(None, None)
        if not isinstance(root, Mapping):
            kind = "a list" if isinstance(root, Sequence) else "a single value"
            message = f"the document is {kind}; a flow is a mapping with id, namespace and tasks"
            reporter.add(not_a_flow.RULE, root.start, _char_end(reporter.index.text, root.start), message)
            return Document(root, None)
        flow = build_flow(root)
        report_schema(flow, self.validator, reporter)
        context = RuleContext(flow, reporter, self.validator.index, workspace, self.options.target_version)
        version = context.version.major
        for rule_id, check in CHECKS.items():
            if self._enabled(rule_id) and version in RULES[rule_id].versions:
                check(context)
        return Document(root, flow)

    def _enabled(self, rule_id: str) -> bool:
        options = self.options
        return rule_id not in options.ignore and (options.select is None or rule_id in options.select)

    def _filtered(self, findings: list[Finding], suppressions: Suppressions) -> list[Finding]:
        options = self.options
        kept = []
        for finding in findings:
            if not self._enabled(finding.rule) or suppressions.silences(finding):
                continue
            severity = options.severity.get(finding.rule)
            if severity is not None and severity is not finding.severity:
                finding = finding.with_severity(severity)
            kept.append(finding)
        kept.sort(key=lambda f: (f.range.start, f.range.end, f.rule))
        return kept


def _char_end(text: str, offset: int) -> int:
    """One character past ``offset``, unless that is a line break or the end."""
    return offset + 1 if offset < len(text) and text[offset] not in "\r\n" else offset
