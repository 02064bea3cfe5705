"""Kestra 2.0's own test flows (../shared/corpus/kestra-tests-2.0-develop) in 2.0 mode: the valid
ones lint without errors, the invalid ones are caught by the rule matching Kestra 2.0's error."""

from __future__ import annotations

import pytest

from flowls.analysis import Linter
from tests.conftest import CORPUS, error_lines

VALIDS = sorted((CORPUS / "kestra-tests-2.0-develop" / "valids").glob("*.y*ml"))
INVALIDS = CORPUS / "kestra-tests-2.0-develop" / "invalids"

# The rule for Kestra 2.0's error on each invalid flow (FlowValidationTest, YamlParserTest at 2.0).
CAUGHT = {
    "dag-cyclicdependency.yaml": {"dag-dependency"},
    "dag-notexist-task.yaml": {"dag-dependency"},
    "duplicate-inputs.yaml": {"duplicate-id"},
    "duplicate-key.yaml": {"duplicate-key"},
    "duplicate-parallel.yaml": {"duplicate-id", "unknown-task-reference"},  # it also reads outputs.t2: no t2
    "duplicate.yaml": {"duplicate-id"},
    "empty.yaml": {"schema"},
    "if-without-condition.yaml": {"schema"},
    "inputs-bad-type.yaml": {"schema"},
    "inputs-bad-validator-syntax.yaml": {"input-definition"},
    "inputs-key-with-subtraction-symbol-validation.yaml": {"dash-reference"},
    "inputs-validation.yaml": {"input-definition", "schema"},  # 2.0's MULTISELECT requires `values`
    "inputs.yaml": {"schema"},
    "invalid-parallel.yaml": {"schema"},
    "invalid-property.yaml": {"schema"},
    "invalid-task.yaml": {"unknown-type"},
    "invalid.yaml": {"schema"},
    "outputs-key-with-subtraction-symbol-validation.yaml": {"dash-reference"},
    "recursive-flow.yaml": {"recursive-subflow"},
    "scheduled-missing-inputs-defaults-2.yaml": {"schedule-inputs"},
    "scheduled-missing-inputs-defaults.yaml": {"schedule-inputs"},
    "switch-invalid.yaml": {"empty-branch"},
    "system-labels.yaml": {"system-label", "schema"},  # its task also lacks an id
    "workingdirectory-invalid.yaml": {"working-directory-child"},
    "workingdirectory-no-tasks.yaml": {"schema"},
}
# As in 1.x: a Fail reached through a Switch on a loop value, and MULTISELECT values given at run time.
RUN_TIME_ONLY = {"loop-switch-failed.yaml", "inputs-with-multiple-constraint-violations.yaml"}

# Valid flows written to fail when they run (their Kestra tests assert it), with the errors they get.
FAIL_ON_PURPOSE = {
    "allow-failure-with-retry.yaml": [(14, "unknown-variable")],  # `ko` until the third attempt
    "change-state-errors.yaml": [(15, "unknown-variable")],  # reads `error` to fail
    "failed-first.yaml": [(7, "unknown-variable")],  # reads `missingVar` to fail
    "flow-with-optional-outputs.yml": [(11, "unknown-task-reference")],  # an optional output that fails
    "flowable-with-parent-fail.yaml": [(17, "pebble-syntax")],  # a {% for %} inside {{ }} to fail
    "if-condition-fail.yaml": [(7, "unknown-input")],  # reads an undeclared input to fail
    "loop-outputs-failed-render.yaml": [(11, "unknown-task-reference")],  # a Loop output that cannot render
    "parallel-fail-with-flowable.yaml": [(28, "unknown-variable")],  # vars.nonexistent_variable
    "replay-loop.yaml": [(19, "unknown-variable"), (27, "unknown-variable")],  # `ko` until replayed
    "replay-revision.yaml": [(5, "unknown-variable")],  # a variable rendered with render(), to fail
    "restart_last_failed.yaml": [(13, "unknown-variable")],  # `ko` until restarted
    "retry-success.yaml": [(7, "unknown-variable")],  # `ko` until the last attempt
    "retry-with-flowable-errors.yaml": [(17, "unknown-variable")],  # `ko` until retried
    "task-flow-dynamic.yaml": [(14, "unknown-input"), (15, "unknown-input")],  # inputs it does not declare
    "task-runif.yml": [(26, "unknown-task-reference")],  # a runIf on a missing task, to fail
    "variables-invalid.yaml": [(10, "unknown-input")],  # reads an undeclared input to fail
    "working-directory-invalid-runif.yaml": [(14, "unknown-task-reference")],  # a runIf that fails
}


@pytest.fixture(scope="module")
def linter(validator_2) -> Linter:
    return Linter(validator_2)


def test_corpus_is_complete():
    assert len(VALIDS) == 303
    assert {p.name for p in INVALIDS.iterdir()} == set(CAUGHT) | RUN_TIME_ONLY
    assert set(FAIL_ON_PURPOSE) <= {p.name for p in VALIDS}


@pytest.mark.parametrize("path", VALIDS, ids=lambda p: p.name)
def test_kestra_2_valid_flow_has_no_error(linter, path):
    assert error_lines(linter, path) == FAIL_ON_PURPOSE.get(path.name, [])


@pytest.mark.parametrize("name", sorted(RUN_TIME_ONLY))
def test_run_time_failures_are_not_guessed(linter, name):
    assert error_lines(linter, INVALIDS / name) == []


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_kestra_2_invalid_flow_is_caught(linter, name):
    findings = linter.lint_bytes((INVALIDS / name).read_bytes()).findings
    assert {f.rule for f in findings} == CAUGHT[name]


def test_schedule_inputs_message_is_kestra_s(linter):
    # kestra 2.0 FlowValidationTest.scheduledFlowMissingInputDefaults_failValidation
    findings = linter.lint_bytes((INVALIDS / "scheduled-missing-inputs-defaults.yaml").read_bytes()).findings
    assert [(f.rule, f.range.start.line + 1, f.message) for f in findings] == [
        ("schedule-inputs", 19, "Missing inputs for Schedule Trigger 'every_minute', missing inputs: 'user2'")
    ]
