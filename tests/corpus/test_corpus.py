"""Real flows from ../shared/corpus: Kestra's valid test flows and published blueprints lint
without errors; Kestra's invalid test flows are caught by the rule that should catch them."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowls.analysis import Linter
from flowls.findings import Severity
from tests.conftest import CORPUS

VALIDS = sorted((CORPUS / "kestra-tests" / "valids").glob("*.y*ml"))
BLUEPRINTS = sorted((CORPUS / "blueprints" / "flows").glob("*.y*ml"))
INVALIDS = CORPUS / "kestra-tests" / "invalids"

# Which rule catches each invalid flow. The others need Kestra's validator rules (duplicate
# ids, Dag cycles, dash references, …) and come with the semantic rules; two only fail at
# run time. invalid-task.yaml is only a warning: offline, an unknown type may be a plugin.
CAUGHT = {
    "duplicate-key.yaml": {"duplicate-key"},
    "empty.yaml": {"schema"},
    "if-without-condition.yaml": {"schema"},
    "inputs-bad-type.yaml": {"schema"},
    "inputs.yaml": {"schema"},
    "invalid-parallel.yaml": {"schema"},
    "invalid-property.yaml": {"schema"},
    "invalid-task.yaml": {"unknown-type"},
    "invalid.yaml": {"schema"},
    "system-labels.yaml": {"schema"},
    "workingdirectory-no-tasks.yaml": {"schema"},
}
NOT_YET = {
    "dag-cyclicdependency.yaml",
    "dag-notexist-task.yaml",
    "duplicate-inputs.yaml",
    "duplicate-parallel.yaml",
    "duplicate-preconditions.yaml",
    "duplicate.yaml",
    "foreach-switch-failed.yaml",
    "inputs-bad-validator-syntax.yaml",
    "inputs-key-with-subtraction-symbol-validation.yaml",
    "inputs-validation.yaml",
    "inputs-with-multiple-constraint-violations.yaml",
    "outputs-key-with-subtraction-symbol-validation.yaml",
    "recursive-flow.yaml",
    "switch-invalid.yaml",
    "workingdirectory-invalid.yaml",
}


@pytest.fixture(scope="module")
def linter(validator) -> Linter:
    return Linter(validator)


def _errors(linter: Linter, path: Path) -> list[str]:
    findings = linter.lint_bytes(path.read_bytes()).findings
    return [f"{f.range.start.line + 1}: {f.message} [{f.rule}]" for f in findings if f.severity is Severity.ERROR]


def test_corpus_is_complete():
    assert (len(VALIDS), len(BLUEPRINTS)) == (278, 150)
    assert {p.name for p in INVALIDS.iterdir()} == set(CAUGHT) | NOT_YET


@pytest.mark.parametrize("path", VALIDS, ids=lambda p: p.name)
def test_kestra_valid_flow_has_no_error(linter, path):
    assert _errors(linter, path) == []


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda p: p.name)
def test_blueprint_has_no_error(linter, path):
    assert _errors(linter, path) == []


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_invalid_flow_is_caught(linter, name):
    findings = linter.lint_bytes((INVALIDS / name).read_bytes()).findings
    assert CAUGHT[name] <= {f.rule for f in findings}
    assert all(f.rule in CAUGHT[name] for f in findings)


def test_invalid_flow_details(linter):
    invalid = linter.lint_bytes((INVALIDS / "invalid.yaml").read_bytes()).findings
    assert [(f.range.start.line + 1, f.message) for f in invalid] == [
        (1, "'my#flow' must match \"^[a-zA-Z0-9][a-zA-Z0-9._-]*\""),
        (2, "'MY$NAMESPACE' must match \"^[a-z0-9][a-z0-9._-]*\""),
        (4, "missing required property 'id'"),
    ]
    parallel = linter.lint_bytes((INVALIDS / "invalid-parallel.yaml").read_bytes()).findings
    assert [(f.range.start.line + 1, f.message) for f in parallel] == [
        (1, "'id' must not be empty"),
        (2, "'namespace' must not be empty"),
        (13, "missing required property 'tasks'"),
        (18, "'tasks' must not be empty"),
        (22, "'tasks' must not be null"),
    ]
