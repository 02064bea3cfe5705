"""Findings printed as text, JSON, GitHub workflow commands or SARIF 2.1.0.

Lines and columns are 1-based and count code points.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from flowls import __version__
from flowls.findings import Finding, Severity
from flowls.rules.registry import RULES


@dataclass(frozen=True)
class Located:
    path: str
    finding: Finding

    @property
    def line(self) -> int:
        return self.finding.range.start.line + 1

    @property
    def column(self) -> int:
        return self.finding.range.start.column + 1

    @property
    def end_line(self) -> int:
        return self.finding.range.end.line + 1

    @property
    def end_column(self) -> int:
        return self.finding.range.end.column + 1


def text(results: list[Located]) -> str:
    return "".join(
        f"{r.path}:{r.line}:{r.column}: {r.finding.severity.value}: {r.finding.message} [{r.finding.rule}]\n"
        for r in results
    )


def as_json(results: list[Located]) -> str:
    rows = [
        {
            "path": r.path,
            "line": r.line,
            "column": r.column,
            "end_line": r.end_line,
            "end_column": r.end_column,
            "severity": r.finding.severity.value,
            "rule": r.finding.rule,
            "message": r.finding.message,
        }
        for r in results
    ]
    return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(results: list[Located]) -> str:
    lines = []
    for r in results:
        props = (
            f"file={_gh_property(r.path)},line={r.line},col={r.column},"
            f"endLine={r.end_line},endColumn={r.end_column},title={_gh_property(r.finding.rule)}"
        )
        lines.append(f"::{_GITHUB_LEVEL[r.finding.severity]} {props}::{_gh_data(r.finding.message)}\n")
    return "".join(lines)


def _gh_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(value: str) -> str:
    return _gh_data(value).replace(":", "%3A").replace(",", "%2C")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif(results: list[Located]) -> str:
    rule_ids = list(RULES)
    rules = [
        {
            "id": rule.id,
            "name": "".join(part.title() for part in rule.id.split("-")),
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "help": {"text": rule.doc, "markdown": rule.doc},
            "defaultConfiguration": {"level": _SARIF_LEVEL[rule.severity]},
        }
        for rule in RULES.values()
    ]
    sarif_results = [
        {
            "ruleId": r.finding.rule,
            "ruleIndex": rule_ids.index(r.finding.rule),
            "level": _SARIF_LEVEL[r.finding.severity],
            "message": {"text": r.finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": r.path.replace("\\", "/")},
                        "region": {
                            "startLine": r.line,
                            "startColumn": r.column,
                            "endLine": r.end_line,
                            "endColumn": r.end_column,
                        },
                    }
                }
            ],
        }
        for r in results
    ]
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "flowlint", "version": __version__, "rules": rules}},
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[[list[Located]], str]] = {"text": text, "json": as_json, "github": github, "sarif": sarif}
