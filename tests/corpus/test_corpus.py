"""Real flows from ../shared/corpus: Kestra's valid test flows and published blueprints lint
without errors; Kestra's invalid test flows are caught by the rule that should catch them."""

from __future__ import annotations

import pytest

from flowls.analysis import Linter
from tests.conftest import CORPUS, error_lines

VALIDS = sorted((CORPUS / "kestra-tests" / "valids").glob("*.y*ml"))
BLUEPRINTS = sorted((CORPUS / "blueprints" / "flows").glob("*.y*ml"))
INVALIDS = CORPUS / "kestra-tests" / "invalids"

# Which rule catches each invalid flow, as Kestra's own error for it (kestra-semantics.md §4.5).
# invalid-task.yaml is only a warning: offline, an unknown type may be a plugin's.
CAUGHT = {
    "dag-cyclicdependency.yaml": {"dag-dependency"},
    "dag-notexist-task.yaml": {"dag-dependency"},
    "duplicate-inputs.yaml": {"duplicate-id"},
    "duplicate-key.yaml": {"duplicate-key"},
    "duplicate-parallel.yaml": {"duplicate-id", "unknown-task-reference"},  # it also reads outputs.t2: no t2
    "duplicate-preconditions.yaml": {"duplicate-id"},
    "duplicate.yaml": {"duplicate-id"},
    "empty.yaml": {"schema"},
    "if-without-condition.yaml": {"schema"},
    "inputs-bad-type.yaml": {"schema"},
    "inputs-bad-validator-syntax.yaml": {"input-definition"},
    "inputs-key-with-subtraction-symbol-validation.yaml": {"dash-reference"},
    "inputs-validation.yaml": {"input-definition"},
    "inputs.yaml": {"schema"},
    "invalid-parallel.yaml": {"schema"},
    "invalid-property.yaml": {"schema"},
    "invalid-task.yaml": {"unknown-type"},
    "invalid.yaml": {"schema"},
    "outputs-key-with-subtraction-symbol-validation.yaml": {"dash-reference"},
    "recursive-flow.yaml": {"recursive-subflow"},
    "switch-invalid.yaml": {"empty-branch"},
    "system-labels.yaml": {"system-label", "schema"},  # its task also lacks an id
    "workingdirectory-invalid.yaml": {"working-directory-child"},
    "workingdirectory-no-tasks.yaml": {"schema"},
}
# Valid definitions that fail only when run, with inputs or outcomes a linter cannot see:
# a Fail task reached through a Switch on a loop value, and MULTISELECT values passed at run time.
RUN_TIME_ONLY = {"foreach-switch-failed.yaml", "inputs-with-multiple-constraint-violations.yaml"}

# Kestra's "valid" test flows load and save, but some are written to fail when they run (their
# tests assert the failure). Each is listed with the errors it must get, and why.
FAIL_ON_PURPOSE = {
    "allow-failure-with-retry.yaml": [(14, "unknown-variable")],  # `ko` until the third attempt
    "change-state-errors.yaml": [(15, "unknown-variable")],  # reads `error` to fail
    "failed-first.yaml": [(7, "unknown-variable")],  # reads `missingVar` to fail
    "flow-with-optional-outputs.yml": [(11, "unknown-task-reference")],  # an optional output that fails
    "flowable-with-parent-fail.yaml": [(17, "pebble-syntax")],  # a {% for %} inside {{ }} to fail
    "if-condition-fail.yaml": [(7, "unknown-input")],  # reads an undeclared input to fail
    "parallel-fail-with-flowable.yaml": [(28, "unknown-variable")],  # vars.nonexistent_variable
    "restart-each.yaml": [(19, "unknown-variable"), (27, "unknown-variable")],  # `ko` until restarted
    "restart_last_failed.yaml": [(13, "unknown-variable")],  # `ko` until restarted
    "retry-success.yaml": [(7, "unknown-variable")],  # `ko` until the last attempt
    "retry-with-flowable-errors.yaml": [(17, "unknown-variable")],  # `ko` until retried
    "task-flow-dynamic.yaml": [(14, "unknown-input"), (15, "unknown-input")],  # inputs it does not declare
    "task-runif.yml": [(26, "unknown-task-reference")],  # a runIf on a missing task, to fail
    "variables-invalid.yaml": [(10, "unknown-input")],  # reads an undeclared input to fail
    "working-directory-invalid-runif.yaml": [(14, "unknown-task-reference")],  # a runIf that fails
}
# Published blueprints Kestra itself rejects or fails: `dateFormat` is no Kestra filter (it is
# `date`), and a WorkingDirectory accepts runnable tasks only (an If is flowable).
BROKEN_BLUEPRINTS = {
    "fabric-run-data-pipeline.yaml": [(18, "unknown-filter")],
    "fabric-run-notebook.yaml": [(17, "unknown-filter")],
    "opa-policy-gate-ci.yaml": [(53, "working-directory-child")],
}


@pytest.fixture(scope="module")
def linter(validator) -> Linter:
    return Linter(validator)


def test_corpus_is_complete():
    assert (len(VALIDS), len(BLUEPRINTS)) == (278, 150)
    assert {p.name for p in INVALIDS.iterdir()} == set(CAUGHT) | RUN_TIME_ONLY
    assert set(FAIL_ON_PURPOSE) <= {p.name for p in VALIDS}
    assert set(BROKEN_BLUEPRINTS) <= {p.name for p in BLUEPRINTS}


@pytest.mark.parametrize("path", VALIDS, ids=lambda p: p.name)
def test_kestra_valid_flow_has_no_error(linter, path):
    assert error_lines(linter, path) == FAIL_ON_PURPOSE.get(path.name, [])


@pytest.mark.parametrize("path", BLUEPRINTS, ids=lambda p: p.name)
def test_blueprint_has_no_error(linter, path):
    assert error_lines(linter, path) == BROKEN_BLUEPRINTS.get(path.name, [])


@pytest.mark.parametrize("name", sorted(RUN_TIME_ONLY))
def test_run_time_failures_are_not_guessed(linter, name):
    assert error_lines(linter, INVALIDS / name) == []


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_invalid_flow_is_caught(linter, name):
    findings = linter.lint_bytes((INVALIDS / name).read_bytes()).findings
    assert {f.rule for f in findings} == CAUGHT[name]


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
