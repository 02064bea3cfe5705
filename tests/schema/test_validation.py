"""Validation against the bundled schema: messages, rules and exact ranges."""

from __future__ import annotations

import pytest

from flowls.analysis import Options
from tests.conftest import brief

SCHEMA_RULES = frozenset(("schema", "unknown-type", "deprecated-type", "deprecated-property", "unquoted-expression"))


@pytest.fixture
def lint(lint):
    """Only the rules this module is about: expressions here may name inputs no flow declares."""
    return lambda text: lint(text, Options(select=SCHEMA_RULES))


HEAD = "id: hello\nnamespace: company.team\n"


def test_unknown_property_names_plugin_and_suggests(lint):
    findings = lint(
        HEAD
        + """\
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    mesage: hi
"""
    )
    assert brief(findings) == [
        ("schema", 5, 11, 5, 40, "missing required property 'message'"),
        (
            "schema",
            6,
            5,
            6,
            11,
            "unknown property 'mesage' in io.kestra.plugin.core.log.Log — did you mean 'message'?",
        ),
    ]


def test_missing_required_reported_on_type_value(lint):
    findings = lint(
        HEAD
        + """\
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    then:
      - id: a
        type: io.kestra.plugin.core.log.Log
        message: yes
"""
    )
    assert brief(findings) == [("schema", 5, 11, 5, 40, "missing required property 'condition'")]


def test_wrong_scalar_type(lint):
    findings = lint(
        HEAD
        + """\
tasks:
  - id: para
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: many
    tasks:
      - id: a
        type: io.kestra.plugin.core.log.Log
        message: hi
"""
    )
    assert brief(findings) == [("schema", 6, 17, 6, 21, "expected integer, got 'many'")]


@pytest.mark.parametrize("value", ['"{{ inputs.n }}"', '"4"', "4", "'{% if true %}2{% endif %}'"])
def test_dynamic_property_accepts_expressions_and_coercible_strings(lint, value):
    findings = lint(
        HEAD
        + f"""\
tasks:
  - id: para
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: {value}
    tasks:
      - id: a
        type: io.kestra.plugin.core.log.Log
        message: hi
"""
    )
    assert findings == []


def test_dynamic_enum_accepts_expression_but_not_a_wrong_literal(lint):
    template = HEAD + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    level: {}\n"
    assert lint(template.format('"{{ inputs.level }}"')) == []
    assert brief(lint(template.format("WARNING"))) == [
        (
            "schema",
            7,
            12,
            7,
            19,
            "expected one of ERROR, WARN, INFO, DEBUG, TRACE, got 'WARNING' — did you mean 'WARN'?",
        )
    ]


def test_non_dynamic_property_rejects_expression_of_wrong_type(lint):
    findings = lint(
        HEAD
        + 'tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n    allowFailure: "{{ x }}"\n'
    )
    assert brief(findings) == [("schema", 7, 19, 7, 28, "expected boolean, got '{{ x }}'")]


def test_patterns_match_the_whole_value(lint):
    findings = lint(
        "id: ok-flow\nnamespace: company.Team\ntasks:\n"
        "  - id: a b\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
    )
    assert brief(findings) == [
        ("schema", 2, 12, 2, 24, "'company.Team' must match \"^[a-z0-9][a-z0-9._-]*\""),
        ("schema", 4, 9, 4, 12, "'a b' must match \"^[a-zA-Z0-9][a-zA-Z0-9_-]*\""),
    ]


def test_plugin_defaults_supply_required_properties(lint):
    flow = HEAD + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n"
    for default_type in ("io.kestra.plugin.core.log.Log", "io.kestra.plugin.core.log", "io.kestra.core.tasks.log.Log"):
        defaults = f"pluginDefaults:\n  - type: {default_type}\n    values:\n      message: from defaults\n"
        assert lint(flow + defaults) == [], default_type
    other = "pluginDefaults:\n  - type: io.kestra.plugin.core.debug\n    values:\n      message: no\n"
    assert [f.message for f in lint(flow + other)] == ["missing required property 'message'"]


def test_unknown_plugin_type_is_a_warning_with_suggestion_and_base_checks(lint):
    findings = lint(
        HEAD
        + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Lgo\n    message: hi\n    allowFailure: maybe\n"
    )
    assert brief(findings) == [
        (
            "unknown-type",
            5,
            11,
            5,
            40,
            "unknown task type 'io.kestra.plugin.core.log.Lgo' — did you mean 'io.kestra.plugin.core.log.Log'?",
        ),
        ("schema", 7, 19, 7, 24, "expected boolean, got 'maybe'"),
    ]
    assert [f.severity.value for f in findings] == ["warning", "error"]


def test_unknown_plugin_type_far_from_any_known_one(lint):
    findings = lint(
        HEAD + "tasks:\n  - id: s\n    type: io.kestra.plugin.scripts.python.Script\n    script: print(1)\n"
    )
    assert [f.message for f in findings] == [
        "unknown task type 'io.kestra.plugin.scripts.python.Script' (not in the loaded schema: "
        "only the properties every task shares are checked)"
    ]


def test_deprecated_alias_names_the_replacement(lint):
    findings = lint(HEAD + "tasks:\n  - id: log\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n")
    assert brief(findings) == [
        (
            "deprecated-type",
            5,
            11,
            5,
            39,
            "'io.kestra.core.tasks.log.Log' is a deprecated alias; use 'io.kestra.plugin.core.log.Log'",
        )
    ]
    (edit,) = findings[0].fix.edits
    assert (edit.range, edit.new_text) == (findings[0].range, "io.kestra.plugin.core.log.Log")


def test_unknown_input_type_is_an_error_listing_the_types(lint):
    findings = lint(
        HEAD
        + "inputs:\n  - id: x\n    type: FOO\n"
        + "tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
    )
    (finding,) = findings
    assert (finding.rule, finding.severity.value) == ("schema", "error")
    assert finding.message.startswith("unknown input type 'FOO' (expected one of ARRAY, BOOL, DATE, DATETIME,")


def test_unquoted_expression_is_one_finding_with_a_fix(lint):
    findings = lint(
        HEAD + "tasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: {{ inputs.x }}\n"
    )
    assert brief(findings) == [
        (
            "unquoted-expression",
            6,
            14,
            6,
            28,
            "unquoted expression: YAML reads a value starting with '{{' as a mapping; quote it",
        )
    ]
    (edit,) = findings[0].fix.edits
    assert (edit.range, edit.new_text) == (findings[0].range, '"{{ inputs.x }}"')


def test_nested_tasks_retry_and_trigger_conditions_are_validated(lint):
    findings = lint(
        HEAD
        + """\
tasks:
  - id: seq
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          maxAttempts: 0
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
    conditions:
      - type: io.kestra.plugin.core.condition.DayWeek
"""
    )
    assert brief(findings) == [
        ("schema", 11, 17, 11, 25, "missing required property 'interval'"),
        ("schema", 12, 24, 12, 25, "'maxAttempts' must be greater than or equal to 1, got 0"),
        ("schema", 18, 15, 18, 54, "missing required property 'dayOfWeek'"),
    ]


def test_labels_as_list_or_map(lint):
    tail = "tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
    assert lint(HEAD + "labels:\n  team: data\n  tier: 1\n" + tail) == []
    assert lint(HEAD + "labels:\n  - key: team\n    value: data\n" + tail) == []
    assert [f.message for f in lint(HEAD + "labels: 3\n" + tail)] == ["expected list of Labels or mapping, got 3"]


def test_flow_without_tasks(lint):
    assert brief(lint(HEAD)) == [("schema", 1, 1, 1, 3, "missing required property 'tasks'")]


def test_deprecated_property_is_a_warning_at_its_key(lint):
    findings = lint(
        HEAD
        + "tasks:\n  - id: get\n    type: io.kestra.plugin.core.http.Request\n    uri: https://example.com\n"
        + "    options:\n      readTimeout: PT5S\n"
    )
    assert brief(findings) == [
        (
            "deprecated-property",
            8,
            7,
            8,
            18,
            "'readTimeout' is deprecated in io.kestra.core.http.client.configurations.HttpConfiguration",
        )
    ]
    assert findings[0].severity.value == "warning"
