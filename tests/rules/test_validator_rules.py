"""The rules that mirror Kestra's own validators: through the real CLI, then edge cases in-process."""

from __future__ import annotations

import json
import textwrap

import pytest

from flowls.durations import parse_duration
from flowls.rules.input_definition import regex_error
from flowls.rules.invalid_cron import cron_error
from flowls.rules.invalid_timezone import is_zone_id
from tests.conftest import brief, flowlint

HEAD = """\
id: checks
namespace: company.team
"""
LOG = """\
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


def doc(*parts: str) -> str:
    return "".join(textwrap.dedent(part) for part in parts)


def cli(tmp_path, rule: str, text: str, code: int = 1) -> list[tuple]:
    """Lint one file with the real CLI, only ``rule``; findings as (line, col, end line, end col, rule, message)."""
    (tmp_path / "flow.yaml").write_text(text, encoding="utf-8")
    run = flowlint("--select", rule, "--format", "json", "flow.yaml", cwd=tmp_path)
    assert run.code == code, run.stderr
    return [
        (f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["message"])
        for f in json.loads(run.stdout)
    ]


def only(lint, rule: str, text: str) -> list[tuple]:
    """Findings of ``rule`` as (line, column, end line, end column, message)."""
    return [finding[1:] for finding in brief(lint(text)) if finding[0] == rule]


# duplicate-id


def test_duplicate_id_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: date
            type: io.kestra.plugin.core.log.Log
            message: a
          - id: seq
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: date
                type: io.kestra.plugin.core.log.Log
                message: b
        """,
    )
    assert cli(tmp_path, "duplicate-id", text) == [
        (10, 13, 10, 17, "duplicate-id", "duplicate task id 'date' (first used on line 4)")
    ]


def test_duplicate_id_everywhere(lint):
    text = doc(
        HEAD,
        """\
        inputs:
          - id: day
            type: STRING
          - id: day
            type: STRING
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task:
                  id: a
                  type: io.kestra.plugin.core.log.Log
                  message: a
          - id: pause
            type: io.kestra.plugin.core.flow.Pause
            onPause:
              id: a
              type: io.kestra.plugin.core.log.Log
              message: paused
        afterExecution:
          - id: pause
            type: io.kestra.plugin.core.log.Log
            message: after
        outputs:
          - id: out
            type: STRING
            value: x
          - id: out
            type: STRING
            value: y
        triggers:
          - id: t
            type: io.kestra.plugin.core.trigger.Flow
            preconditions:
              id: up
              flows:
                - namespace: company.team
                  flowId: a
          - id: t
            type: io.kestra.core.models.triggers.types.Flow
            preconditions:
              id: up
              flows:
                - namespace: company.team
                  flowId: b
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "duplicate-id", text)] == [
        (6, "duplicate input id 'day' (first used on line 4)"),
        (19, "duplicate task id 'a' (first used on line 13)"),
        (23, "duplicate task id 'pause' (first used on line 16)"),
        (30, "duplicate output id 'out' (first used on line 27)"),
        (41, "duplicate trigger id 't' (first used on line 34)"),
        (44, "duplicate preconditions id 'up' (first used on line 37)"),
    ]


def test_duplicate_id_first_is_first_in_the_document(lint):
    text = doc(
        HEAD,
        """\
        errors:
          - id: same
            type: io.kestra.plugin.core.log.Log
            message: a
        tasks:
          - id: same
            type: io.kestra.plugin.core.log.Log
            message: b
        """,
    )
    assert [f[4] for f in only(lint, "duplicate-id", text)] == ["duplicate task id 'same' (first used on line 4)"]


def test_duplicate_id_for_each_item_internal_tasks(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.x.uri }}"
            namespace: company.team
            flowId: child
          - id: each_items
            type: io.kestra.plugin.core.log.Log
            message: clash
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "duplicate-id", text)] == [
        (9, "duplicate task id 'each_items': the ForEachItem 'each' on line 4 creates a task with this id")
    ]


# input-dependency


def test_input_dependency_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        inputs:
          - id: a
            type: STRING
            dependsOn:
              inputs: [b]
          - id: b
            type: STRING
            dependsOn:
              inputs:
                - a
                - x
        """,
        LOG,
    )
    assert cli(tmp_path, "input-dependency", text) == [
        (7, 16, 7, 17, "input-dependency", "input dependency cycle: a -> b -> a"),
        (13, 11, 13, 12, "input-dependency", "input 'b' depends on unknown input 'x'"),
    ]


def test_input_dependency_self_and_longer_cycles_once(lint):
    text = doc(
        HEAD,
        """\
        inputs:
          - id: a
            type: STRING
            dependsOn: {inputs: [a]}
          - id: b
            type: STRING
            dependsOn: {inputs: [c]}
          - id: c
            type: STRING
            dependsOn: {inputs: [d]}
          - id: d
            type: STRING
            dependsOn: {inputs: [b]}
          - id: e
            type: STRING
            dependsOn: {inputs: [b]}
        """,
        LOG,
    )
    assert [f[4] for f in only(lint, "input-dependency", text)] == [
        "input dependency cycle: a -> a",
        "input dependency cycle: b -> c -> d -> b",
    ]


# recursive-subflow


def test_recursive_subflow_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: again
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: checks
        """,
    )
    assert cli(tmp_path, "recursive-subflow", text) == [
        (
            7,
            13,
            7,
            19,
            "recursive-subflow",
            "recursive call to flow [company.team.checks]: task 'again' runs the flow it belongs to",
        )
    ]


def test_recursive_subflow_aliases_for_each_item_and_expressions(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: old
            type: io.kestra.core.tasks.flows.Flow
            namespace: company.team
            flowId: checks
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.old.uri }}"
            namespace: company.team
            flowId: checks
          - id: dynamic
            type: io.kestra.plugin.core.flow.Subflow
            namespace: "{{ flow.namespace }}"
            flowId: checks
          - id: other
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.other
            flowId: checks
        """,
    )
    assert [f[0] for f in only(lint, "recursive-subflow", text)] == [7, 12]


# system-label


def test_system_label_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        labels:
          - key: system.username
            value: admin
          - key: system.readOnly
            value: "true"
        """,
        LOG,
    )
    assert cli(tmp_path, "system-label", text) == [
        (
            4,
            10,
            4,
            25,
            "system-label",
            "label 'system.username=admin': system labels can only be set by Kestra itself "
            "(a flow may only set 'system.readOnly')",
        )
    ]


def test_system_label_on_triggers_subflows_and_map_form(lint):
    text = doc(
        HEAD,
        """\
        labels:
          system.readOnly: true
          team: data
        tasks:
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            labels:
              system.readOnly: "true"
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            labels:
              - key: system.correlationId
                value: x
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "system-label", text)] == [
        (
            12,
            "label 'system.readOnly=true': system labels can only be set by Kestra itself "
            "(not even 'system.readOnly' on task 'child')",
        ),
        (
            18,
            "label 'system.correlationId=x': system labels can only be set by Kestra itself "
            "(not even 'system.readOnly' on trigger 'daily')",
        ),
    ]


# dag-dependency


DAG = doc(
    HEAD,
    """\
    tasks:
      - id: dag
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - task:
              id: t1
              type: io.kestra.plugin.core.log.Log
              message: "1"
            dependsOn: [t2]
          - task:
              id: t2
              type: io.kestra.plugin.core.log.Log
              message: "2"
            dependsOn: [t1, tX]
          - task:
              id: t3
              type: io.kestra.plugin.core.log.Log
              message: "3"
            dependsOn: [t2]
    """,
)


def test_dag_dependency_cli(tmp_path):
    assert cli(tmp_path, "dag-dependency", DAG) == [
        (11, 21, 11, 23, "dag-dependency", "cyclic dependency in Dag 'dag': t1 -> t2 -> t1"),
        (
            16,
            25,
            16,
            27,
            "dag-dependency",
            "unknown task id in dependency of task 't2': 'tX' is not a task of Dag 'dag'",
        ),
    ]


def test_dag_dependency_nested_dag_and_alias(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: dag
                type: io.kestra.core.tasks.flows.Dag
                tasks:
                  - task:
                      id: a
                      type: io.kestra.plugin.core.log.Log
                      message: a
                    dependsOn: [outer]
        """,
    )
    assert [f[4] for f in only(lint, "dag-dependency", text)] == [
        "unknown task id in dependency of task 'a': 'outer' is not a task of Dag 'dag'"
    ]


# empty-branch


def test_empty_branch_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: impossible
            type: io.kestra.plugin.core.flow.Switch
            value: x
            cases: {}
            defaults: []
        """,
    )
    assert cli(tmp_path, "empty-branch", text) == [
        (
            7,
            12,
            7,
            14,
            "empty-branch",
            "Switch 'impossible' has no task to run: neither cases nor defaults have any tasks",
        )
    ]


def test_empty_branch_variants(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: bare
            type: io.kestra.core.tasks.flows.Switch
            value: x
          - id: only_defaults
            type: io.kestra.plugin.core.flow.Switch
            value: x
            cases: {}
            defaults:
              - id: d
                type: io.kestra.plugin.core.log.Log
                message: d
          - id: empty_case
            type: io.kestra.plugin.core.flow.Switch
            value: x
            cases:
              a: []
        """,
    )
    # Kestra only refuses an empty `cases` map: a case without tasks still counts as a case.
    assert [(f[0], f[1]) for f in only(lint, "empty-branch", text)] == [(5, 11)]


# working-directory-child


def test_working_directory_child_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: wd
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: sub
                type: io.kestra.plugin.core.flow.Subflow
                namespace: company.team
                flowId: other
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
                workerGroup:
                  key: gpu
        """,
    )
    assert cli(tmp_path, "working-directory-child", text) == [
        (
            8,
            15,
            8,
            49,
            "working-directory-child",
            "only runnable tasks are allowed in WorkingDirectory 'wd': task 'sub' "
            "(io.kestra.plugin.core.flow.Subflow) is a task that starts executions",
        ),
        (
            14,
            9,
            14,
            20,
            "working-directory-child",
            "task 'log' cannot set a workerGroup inside WorkingDirectory 'wd': set it on the WorkingDirectory",
        ),
    ]


def test_working_directory_child_unknown_types_and_errors_are_not_flagged(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: wd
            type: io.kestra.core.tasks.flows.WorkingDirectory
            tasks:
              - id: script
                type: io.kestra.plugin.scripts.python.Script
                script: print(1)
              - id: vars
                type: io.kestra.plugin.core.execution.SetVariables
                variables: {a: 1}
            errors:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.log.Log
                    message: failed
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "working-directory-child", text)] == [
        (
            11,
            "only runnable tasks are allowed in WorkingDirectory 'wd': task 'vars' "
            "(io.kestra.plugin.core.execution.SetVariables) is a task that updates the execution",
        )
    ]


# invalid-cron


def schedule(cron: str, extra: str = "") -> str:
    trigger = f"triggers:\n  - id: s\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: {cron}\n{extra}"
    return HEAD + LOG + trigger


def test_invalid_cron_cli(tmp_path):
    assert cli(tmp_path, "invalid-cron", schedule('"0 9 * *"')) == [
        (10, 11, 10, 20, "invalid-cron", "invalid cron expression '0 9 * *': expected 5 fields, found 4")
    ]


@pytest.mark.parametrize(
    ("expression", "with_seconds", "reason"),
    [
        ("0 9 * * *", False, None),
        ("*/15 9-17 * JAN-MAR MON-FRI", False, None),
        ("0 0 L * *", False, None),
        ("0 0 * * 7", False, None),
        ("@hourly", False, None),
        ("@midnight", True, None),
        ("30 0 9 * * *", True, None),
        ("0 9 * * *", True, "expected 6 fields with withSeconds: true (second first), found 5"),
        ("0 0 9 * * *", False, "expected 5 fields, found 6 (set withSeconds: true for a leading seconds field)"),
        ("60 0 9 * * *", True, "invalid second field '60' (values 0-59)"),
        ("0 24 * * *", False, "invalid hour field '24' (values 0-23)"),
        ("0 0 0 * *", False, "invalid day-of-month field '0' (values 1-31)"),
        ("0 0 * 13 *", False, "invalid month field '13' (values 1-12)"),
        ("0 0 * * 8", False, "invalid day-of-week field '8' (values 0-7)"),
        ("*/0 * * * *", False, "invalid minute field '*/0' (values 0-59)"),
        (
            "@reboot",
            False,
            "unknown nickname '@reboot' (use one of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly)",
        ),
        ("", False, "the expression is empty"),
    ],
)
def test_cron_error(expression, with_seconds, reason):
    assert cron_error(expression, with_seconds) == reason


def test_invalid_cron_with_seconds_alias_and_expressions(lint):
    text = doc(
        HEAD,
        LOG,
        """\
        triggers:
          - id: a
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "0 0 25 * * *"
            withSeconds: true
          - id: b
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "{{ vars.cron }}"
          - id: c
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 0 9 * * *"
        """,
    )
    assert [f[4] for f in only(lint, "invalid-cron", text)] == [
        "invalid cron expression '0 0 25 * * *': invalid hour field '25' (values 0-23)",
        "invalid cron expression '0 0 9 * * *': expected 5 fields, found 6 (set withSeconds: true for a leading "
        "seconds field)",
    ]


# invalid-timezone


def test_invalid_timezone_cli(tmp_path):
    text = schedule('"0 9 * * *"', "    timezone: Europe/Pariss\n")
    assert cli(tmp_path, "invalid-timezone", text) == [
        (
            11,
            15,
            11,
            28,
            "invalid-timezone",
            "timezone 'Europe/Pariss' is not a valid time-zone ID — did you mean 'Europe/Paris'?",
        )
    ]


@pytest.mark.parametrize(
    "zone",
    [
        "Europe/Paris",
        "US/Eastern",
        "Etc/UTC",
        "UTC",
        "GMT",
        "UT",
        "Z",
        "+02:00",
        "-5",
        "+0530",
        "+18:00",
        "UTC+01:00",
        "GMT-3",
        "UT+01",
        "UTC-08:30:15",
    ],
)
def test_valid_zone_ids(zone):
    assert is_zone_id(zone)


@pytest.mark.parametrize(
    "zone",
    [
        "europe/paris",
        "Europe/Pariss",
        "CEST",
        "+19:00",
        "+18:30",
        "+2:00",
        "+02:60",
        "UTC+",
        "GMT+1:00",
        "Mars/Olympus",
        "localtime",
        "",
        "+",
        "UTC+01:00:00:00",
    ],
)
def test_invalid_zone_ids(zone):
    assert not is_zone_id(zone)


def test_invalid_timezone_schedule_on_dates_and_expressions(lint):
    text = doc(
        HEAD,
        LOG,
        """\
        triggers:
          - id: dates
            type: io.kestra.plugin.core.trigger.ScheduleOnDates
            dates: ["2025-01-01T00:00:00Z"]
            timezone: Paris
          - id: expr
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            timezone: "{{ vars.zone }}"
          - id: offset
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            timezone: GMT-3
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "invalid-timezone", text)] == [
        (11, "timezone 'Paris' is not a valid time-zone ID")
    ]


# retry-interval


def test_retry_interval_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            retry:
              type: exponential
              interval: PT10M
              maxInterval: PT5M
              maxDuration: PT1H
        """,
    )
    assert cli(tmp_path, "retry-interval", text) == [
        (
            9,
            17,
            9,
            22,
            "retry-interval",
            "'interval' must be less than 'maxInterval' in a exponential retry, but PT10M >= PT5M",
        )
    ]


def test_retry_interval_flow_random_and_days(lint):
    text = doc(
        HEAD,
        LOG,
        """\
        retry:
          type: random
          minInterval: P1D
          maxInterval: PT24H
          maxDuration: P2D
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "retry-interval", text)] == [
        (9, "'minInterval' must be less than 'maxInterval' in a random retry, but P1D >= PT24H")
    ]


def test_retry_interval_skips_expressions_and_unparsable_values(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
            retry:
              type: constant
              interval: "{{ vars.interval }}"
              maxDuration: PT1M
        """,
    )
    assert only(lint, "retry-interval", text) == []


@pytest.mark.parametrize(
    ("text", "nanos"),
    [
        ("PT15M", 15 * 60 * 10**9),
        ("P2DT3H4M", (2 * 86400 + 3 * 3600 + 4 * 60) * 10**9),
        ("pt1.5s", 1_500_000_000),
        ("PT-6H3M", (-6 * 3600 + 3 * 60) * 10**9),
        ("-PT6H", -6 * 3600 * 10**9),
        ("PT0,25S", 250_000_000),
        ("P1W", None),
        ("PT", None),
        ("P", None),
        ("15 minutes", None),
    ],
)
def test_parse_duration(text, nanos):
    assert parse_duration(text) == nanos


# input-definition


def test_input_definition_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        inputs:
          - id: day
            type: STRING
            defaults: monday
            required: false
          - id: pattern
            type: STRING
            validator: \\
        """,
        LOG,
    )
    assert cli(tmp_path, "input-definition", text) == [
        (
            7,
            15,
            7,
            20,
            "input-definition",
            "input 'day' has defaults, so it must be required: the default is always applied "
            "(remove 'required: false')",
        ),
        (
            10,
            16,
            10,
            17,
            "input-definition",
            "input 'pattern': the validator '\\' is not a valid regular expression: bad escape (end of pattern)",
        ),
    ]


def test_input_definition_cases(lint):
    text = doc(
        HEAD,
        """\
        inputs:
          - id: both
            type: STRING
            defaults: a
            prefill: b
          - id: list
            type: ARRAY
            itemType: SELECT
          - id: pick
            type: MULTISELECT
            values: ["*", "a|b", "\\\\p{L}+"]
          - id: secret
            type: SECRET
            validator: "(?<name>[a-z]+)\\\\k<name>"
          - id: upload
            type: FILE
            defaults: s3://bucket/key
          - id: local
            type: FILE
            defaults: nsfile:///data.csv
          - id: dynamic
            type: FILE
            defaults: "{{ vars.file }}"
          - id: nulls
            type: STRING
            defaults: null
            required: false
        """,
        LOG,
    )
    assert [(f[0], f[4]) for f in only(lint, "input-definition", text)] == [
        (7, "input 'both' cannot have both defaults and a prefill"),
        (10, "input 'list' of type ARRAY: itemType cannot be SELECT"),
        (13, "input 'pick': the value '*' is not a valid regular expression: nothing to repeat"),
        (19, "input 'upload': the default of a FILE input must be a file:// or nsfile:// URI, not 's3://bucket/key'"),
    ]


@pytest.mark.parametrize(
    ("pattern", "valid"),
    [
        ("^[a-z]+$", True),
        ("\\p{Lu}\\p{L}*", True),
        ("C:\\\\home", True),
        ("\\Q(*\\E", True),
        ("a(?i)b", True),
        ("(?<year>\\d{4})-\\k<year>", True),
        ("(?<=ab{1,2})c", True),
        ("C++", True),
        ("(a)\\2", True),
        ("\\k<missing>", False),
        ("\\", False),
        ("(a", False),
        ("[a-z", False),
        ("?", False),
        ("\\y", False),
    ],
)
def test_regex_error(pattern, valid):
    assert (regex_error(pattern) is None) is valid


# flow-trigger-unfiltered


def test_flow_trigger_unfiltered_cli(tmp_path):
    text = doc(
        HEAD,
        LOG,
        """\
        triggers:
          - id: any
            type: io.kestra.plugin.core.trigger.Flow
            states: [SUCCESS]
        """,
    )
    assert cli(tmp_path, "flow-trigger-unfiltered", text, code=0) == [
        (
            9,
            11,
            9,
            45,
            "flow-trigger-unfiltered",
            "Flow trigger 'any' has neither conditions nor preconditions: it fires for EVERY execution of EVERY "
            "flow on the instance; add preconditions",
        )
    ]


def test_flow_trigger_unfiltered_alias_and_conditions(lint):
    text = doc(
        HEAD,
        LOG,
        """\
        triggers:
          - id: old
            type: io.kestra.core.models.triggers.types.Flow
            conditions: []
          - id: filtered
            type: io.kestra.plugin.core.trigger.Flow
            conditions:
              - type: io.kestra.plugin.core.condition.ExecutionNamespace
                namespace: company.team
        """,
    )
    assert [f[0] for f in only(lint, "flow-trigger-unfiltered", text)] == [9]


# non-runnable-property


def test_non_runnable_property_cli(tmp_path):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b]
            taskCache:
              enabled: true
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
        """,
    )
    assert cli(tmp_path, "non-runnable-property", text, code=0) == [
        (
            7,
            5,
            7,
            14,
            "non-runnable-property",
            "task 'each' cannot use 'taskCache': it only applies to runnable tasks, "
            "and io.kestra.plugin.core.flow.ForEach is flowable",
        )
    ]


def test_non_runnable_property_pause_timeout_subflow_and_unknown(lint):
    text = doc(
        HEAD,
        """\
        tasks:
          - id: pause
            type: io.kestra.plugin.core.flow.Pause
            timeout: PT1H
            workerGroup:
              key: eu
          - id: child
            type: io.kestra.plugin.core.flow.Subflow
            namespace: company.team
            flowId: child
            timeout: PT1H
          - id: script
            type: io.kestra.plugin.scripts.shell.Commands
            commands: [ls]
            timeout: PT1H
        """,
    )
    assert [(f[0], f[4]) for f in only(lint, "non-runnable-property", text)] == [
        (
            7,
            "task 'pause' cannot use 'workerGroup': it only applies to runnable tasks, "
            "and io.kestra.plugin.core.flow.Pause is flowable",
        ),
        (
            13,
            "task 'child' cannot use 'timeout': it only applies to runnable tasks, "
            "and io.kestra.plugin.core.flow.Subflow starts executions",
        ),
    ]
