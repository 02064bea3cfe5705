"""Every rule through the real CLI: its documented bad example, with exact positions and messages.

(not-a-flow and resource-limit need a named file or an option; tests/cli/test_bad_input.py has them.)
"""

from __future__ import annotations

import json
import textwrap

from flowls.rules.registry import RULES
from tests.conftest import flowlint, version_settings

EXPECTED = [
    (
        "dag-dependency",
        16,
        13,
        16,
        22,
        "unknown task id in dependency of task 'load': 'transform' is not a task of Dag 'dag'",
    ),
    ("dash-reference", 9, 18, 9, 36, "'inputs.server-name' reads as a subtraction; write inputs['server-name']"),
    ("deprecated-property", 10, 7, 10, 17, "'maxAttempt' is deprecated in io.kestra.core.models.tasks.retrys.Constant"),
    (
        "deprecated-type",
        5,
        11,
        5,
        39,
        "'io.kestra.core.tasks.log.Log' is a deprecated alias; use 'io.kestra.plugin.core.log.Log'",
    ),
    ("duplicate-id", 10, 13, 10, 18, "duplicate task id 'hello' (first used on line 4)"),
    ("duplicate-key", 7, 5, 7, 12, "duplicate key 'message' (first set on line 6); Kestra rejects the flow"),
    ("empty-branch", 10, 12, 10, 14, "Switch 'switch' has no task to run: neither cases nor defaults have any tasks"),
    ("encoding", 6, 17, 6, 18, "file is not valid UTF-8: byte 0xE9 cannot be decoded; save the file as UTF-8"),
    (
        "flow-trigger-unfiltered",
        9,
        11,
        9,
        45,
        "Flow trigger 'upstream' has neither conditions nor preconditions: it fires for EVERY execution of EVERY flow on the instance; add preconditions",
    ),
    (
        "impossible-state-check",
        11,
        16,
        11,
        44,
        "in afterExecution the execution has ended: execution.state is never 'RUNNING' (it is one of CANCELLED, FAILED, KILLED, RETRIED, SUCCESS, WARNING)",
    ),
    (
        "input-definition",
        7,
        15,
        7,
        20,
        "input 'day' has defaults, so it must be required: the default is always applied (remove 'required: false')",
    ),
    ("input-dependency", 11, 11, 11, 19, "input 'region' depends on unknown input 'provider'"),
    ("invalid-cron", 10, 11, 10, 23, "invalid cron expression '0 24 * * *': invalid hour field '24' (values 0-23)"),
    (
        "invalid-timezone",
        11,
        15,
        11,
        28,
        "timezone 'Europe/Pariss' is not a valid time-zone ID — did you mean 'Europe/Paris'?",
    ),
    (
        "non-runnable-property",
        6,
        5,
        6,
        12,
        "task 'steps' cannot use 'timeout': it only applies to runnable tasks, and io.kestra.plugin.core.flow.Sequential is flowable",
    ),
    (
        "output-before-run",
        6,
        26,
        6,
        31,
        "'fetch' cannot have run when 'log' reads its outputs: it comes later in 'tasks'",
    ),
    ("pebble-syntax", 6, 29, 6, 29, "unexpected end of expression"),
    (
        "recursive-subflow",
        7,
        13,
        7,
        19,
        "recursive call to flow [company.team.orders]: task 'again' runs the flow it belongs to",
    ),
    ("removed-builtin", 6, 18, 6, 22, "the function 'json' was removed in Kestra 1.1; use 'fromJson'"),
    (
        "reserved-flow-id",
        1,
        5,
        1,
        11,
        "flow id 'resume' is a reserved keyword: pause, resume, force-run, change-status, kill, executions, search, source, disable, enable",
    ),
    (
        "retry-interval",
        9,
        17,
        9,
        21,
        "'interval' must be less than 'maxDuration' in a constant retry, but PT1H >= PT10M",
    ),
    ("schema", 5, 11, 5, 40, "missing required property 'message'"),
    ("schema", 6, 5, 6, 11, "unknown property 'mesage' in io.kestra.plugin.core.log.Log — did you mean 'message'?"),
    ("subflow-input", 8, 5, 8, 11, "missing required input 'region' of flow 'child'"),
    ("subflow-input", 9, 7, 9, 13, "flow 'child' declares no input 'regoin' (it has: region)"),
    (
        "schedule-inputs",
        12,
        11,
        12,
        49,
        "Missing inputs for Schedule Trigger 'daily', missing inputs: 'recipient'",
    ),
    (
        "system-label",
        4,
        3,
        4,
        18,
        "label 'system.username=admin': system labels can only be set by Kestra itself (a flow may only set 'system.readOnly')",
    ),
    (
        "migrate-to-2",
        5,
        11,
        5,
        45,
        "ForEach was removed in Kestra 2.0: 'each' becomes a Loop, whose iterations run as their own executions and read the value as item.value",
    ),
    (
        "terminal-state-check",
        11,
        16,
        11,
        43,
        "execution.state is always RUNNING in 'finally', so comparing it with 'FAILED' never matches; check it in afterExecution, which runs once the execution has its final state",
    ),
    ("unknown-filter", 6, 28, 6, 32, "unknown filter 'uper' — did you mean 'upper'?"),
    ("unknown-function", 6, 18, 6, 21, "unknown function 'nwo' — did you mean 'now'?"),
    ("unknown-input", 9, 31, 9, 34, "no input 'usr' in this flow — did you mean 'user'?"),
    ("unknown-state", 11, 35, 11, 44, "unknown state 'FAILURE' — did you mean 'FAILED'?"),
    ("unknown-subflow", 7, 13, 7, 17, "no flow 'chld' in namespace 'company.team' in the workspace"),
    ("unknown-task-reference", 9, 26, 9, 30, "no task 'fetc' in this flow — did you mean 'fetch'?"),
    ("unknown-test", 6, 29, 6, 34, "unknown test 'blank'"),
    (
        "unknown-type",
        5,
        11,
        5,
        40,
        "unknown task type 'io.kestra.plugin.core.log.Lgo' — did you mean 'io.kestra.plugin.core.log.Log'?",
    ),
    (
        "unknown-variable",
        8,
        23,
        8,
        30,
        "'vars.greting' is not declared in the flow's variables — did you mean 'greeting'?",
    ),
    ("unknown-variable", 8, 37, 8, 40, "unknown variable 'flw' — did you mean 'flow'?"),
    (
        "unquoted-expression",
        6,
        14,
        6,
        27,
        "unquoted expression: YAML reads a value starting with '{{' as a mapping; quote it",
    ),
    (
        "working-directory-child",
        11,
        15,
        11,
        47,
        "only runnable tasks are allowed in WorkingDirectory 'workdir': task 'wait' (io.kestra.plugin.core.flow.Pause) is a flowable task",
    ),
    ("yaml-syntax", 7, 1, 7, 1, "found unexpected end of stream (while scanning a quoted scalar)"),
]


def _example_path(rule) -> str:
    """Examples that need version settings go in a folder whose flowlint.toml has them."""
    settings = version_settings(rule.example_options)
    folder = "-".join(f"{key}-{value}" for key, value in settings.items())
    return f"{folder}/{rule.id}.yaml" if folder else f"{rule.id}.yaml"


def test_every_rule_reports_its_bad_example_where_it_is(tmp_path):
    for rule in RULES.values():
        encoding = str(rule.example_options.get("bad-example-encoding", "utf-8"))
        path = tmp_path / _example_path(rule)
        path.parent.mkdir(exist_ok=True)
        if settings := version_settings(rule.example_options):
            (path.parent / "flowlint.toml").write_text("".join(f'{k} = "{v}"\n' for k, v in settings.items()))
        path.write_bytes(textwrap.dedent(rule.bad_example).encode(encoding))
        for name, text in dict(rule.example_options.get("workspace", {})).items():  # flows the example calls
            (tmp_path / "workspace").mkdir(exist_ok=True)
            (tmp_path / "workspace" / name).write_text(text)
    run = flowlint("--format", "json", ".", cwd=tmp_path)
    assert run.code == 1
    got = [
        (row["rule"], row["line"], row["column"], row["end_line"], row["end_column"], row["message"])
        for row in json.loads(run.stdout)
    ]
    expected = sorted(EXPECTED, key=lambda row: _example_path(RULES[row[0]]))  # flowlint goes by path
    assert [row["path"] for row in json.loads(run.stdout)] == [_example_path(RULES[rule]) for rule, *_ in expected]
    assert got == expected
    assert {rule for rule, *_ in EXPECTED} == set(RULES) - {"not-a-flow", "resource-limit"}
