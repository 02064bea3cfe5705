"""`flowlint render` through the real CLI: output, the JSON shape, exit codes and positions."""

from __future__ import annotations

import json

import pytest

from tests.conftest import flowlint


@pytest.mark.parametrize(
    ("template", "context", "output"),
    [
        ("{{ 11 / 3 }}", "{}", "3"),  # Java integer division
        ("{{ 10 / 4.0 }}", "{}", "2.5"),
        ("{{ [1, 2] }} {{ {'a': 1} }}", "{}", '[1,2] {"a":1}'),  # Kestra's JSON writer
        ("{{ name | upper }}-{{ n + 1 }}", '{"name": "ada", "n": 41}', "ADA-42"),
        ("{{ missing ?? 'fallback' }}", "{}", "fallback"),
        ("{% for x in 1..3 %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", "{}", "1,2,3"),
        ("{{ nothing }}", '{"nothing": null}', ""),  # null prints as empty
    ],
)
def test_renders_against_the_context(template, context, output):
    run = flowlint("render", template, "--context-json", context)
    assert (run.code, run.stdout, run.stderr) == (0, output, "")


def test_context_file_stdin_and_json(tmp_path):
    (tmp_path / "context.json").write_text('{"inputs": {"user": "ada"}, "n": 1}')
    run = flowlint(
        "render", "-", "--context", "context.json", "--context-json", '{"n": 2}', "--format", "json",
        cwd=tmp_path, stdin=b"Hello {{ inputs.user }} #{{ n }}",
    )  # fmt: skip
    assert run.code == 0
    assert json.loads(run.stdout) == {"output": "Hello ada #2", "error": None}  # --context-json wins


def test_a_render_error_exits_1_with_kestra_s_message_and_position():
    run = flowlint("render", "ok {{ nope }}")
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr == "1:7: render error: Unable to find `nope` used in the expression `ok {{ nope }}` at line 1\n"


def test_a_parse_error_exits_2_with_its_line_and_column():
    run = flowlint("render", "a\n{{ 1 + }}", "--format", "json")
    assert run.code == 2
    assert json.loads(run.stdout) == {
        "output": None,
        "error": {"kind": "parse", "message": "unexpected end of expression", "line": 2, "column": 8},
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["x", "--context-json", "[1]"],
            "flowlint render: --context-json: the context is a JSON object of variables\n",
        ),
        (["x", "--context-json", "{"], "flowlint render: --context-json: not JSON ("),
        (["x", "--context", "missing.json"], "flowlint render: missing.json: No such file or directory\n"),
    ],
)
def test_bad_context_is_a_usage_error(tmp_path, args, message):
    run = flowlint("render", *args, cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith(message)


FLOW = """\
id: demo
namespace: company.team
inputs:
  - id: user
    type: STRING
    defaults: ada
  - id: n
    type: INT
variables:
  greeting: "Hello {{ inputs.user }}"
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: "{{ inputs.user | upper }}"
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: "{{ taskrun.value }}"
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.first.value }}"
"""


@pytest.mark.parametrize(
    ("template", "args", "output"),
    [
        # inputs with defaults, vars (raw, as Kestra gives them), earlier outputs, the task itself
        ("{{ render(vars.greeting) }} {{ outputs.first.value }} {{ inputs.n }} {{ task.id }}",
         ["--task", "last", "--input", "n=5"], "Hello ada ADA 5 last"),
        # the given context's inputs feed the dry run and override the task's context key by key
        ("{{ inputs.user }}/{{ inputs.n }}/{{ flow.id }}", ["--task", "last", "--context-json", '{"inputs": {"n": 7}}'],
         "ada/7/demo"),
        # a task in a loop: its first iteration's value and its parents
        ("{{ taskrun.value }} {{ parent.task.id }} {{ parents | length }} {{ outputs.each is defined }}",
         ["--task", "inner", "--input", "n=1"], "a each 1 false"),
        ("{{ execution.state }} {{ tasksWithState('SUCCESS') | length }}", ["--task", "last", "--input", "n=1"],
         "RUNNING 4"),  # first, each, and inner twice (once per value)
    ],
)  # fmt: skip
def test_flow_and_task_give_the_dry_run_s_context(tmp_path, template, args, output):
    (tmp_path / "flow.yaml").write_text(FLOW)
    run = flowlint("render", template, "--flow", "flow.yaml", *args, cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, output, "")


@pytest.mark.parametrize(
    ("args", "code", "stderr"),
    [
        (["--task", "last"], 2,
         "flowlint render: flow.yaml: required inputs without a default need a value: n (--input NAME=VALUE)\n"),
        (["--task", "nope", "--input", "n=1"], 2,
         "flowlint render: flow.yaml: the dry run never runs a task 'nope' (no such task, or the scenario takes "
         "another branch: see flowlint simulate)\n"),
        (["--task", "last", "--input", "n=1", "--fail", "first"], 2,
         "flowlint render: flow.yaml: the dry run never runs a task 'last' (no such task, or the scenario takes "
         "another branch: see flowlint simulate)\n"),
        (["--input", "n=1"], 2, "--flow and --task go together"),
        # what the dry run cannot know is an error naming it, not a placeholder
        (["--task", "last", "--input", "n=1", "--context-json", '{"x": 1}'], 1, None),
    ],
)  # fmt: skip
def test_flow_and_task_refusals(tmp_path, args, code, stderr):
    (tmp_path / "flow.yaml").write_text(FLOW)
    run = flowlint("render", "{{ x }}{{ execution.startDate }}", "--flow", "flow.yaml", *args, cwd=tmp_path)
    assert (run.code, run.stdout) == (code, "")
    if stderr is None:
        assert run.stderr == (
            "1:11: render error: `execution.startDate` cannot be known offline: give its value in the context\n"
        )
    else:
        assert stderr in run.stderr


def test_server_functions_take_their_values_from_the_context():
    functions = '{"$functions": {"secret": {"API_KEY": "xyz"}, "kv": {"day": 3}, "errorLogs": []}}'
    run = flowlint("render", "{{ secret('API_KEY') }}-{{ kv('day', 'ns') + 1 }}-{{ errorLogs() }}",
                   "--context-json", functions)  # fmt: skip
    assert (run.code, run.stdout) == (0, "xyz-4-[]")


@pytest.mark.parametrize(
    ("template", "context", "stderr"),
    [
        ("{{ secret('API_KEY') }}", "{}",
         '1:4: render error: `secret(\'API_KEY\')` cannot be known offline: it needs a Kestra server; give its value '
         'in the context: {"$functions": {"secret": {"API_KEY": …}}}\n'),
        ("a {% if kv('flag') %}b{% endif %}", '{"$functions": {"kv": {"other": 1}}}',
         '1:9: render error: `kv(\'flag\')` cannot be known offline: it needs a Kestra server; give its value in the '
         'context: {"$functions": {"kv": {"flag": …}}}\n'),
        ("{{ errorLogs() }}", "{}",
         "1:4: render error: `errorLogs()` cannot be known offline: it needs a Kestra server; give its value in the "
         'context: {"$functions": {"errorLogs": …}}\n'),
    ],
)  # fmt: skip
def test_a_server_function_without_a_value_is_a_render_error_naming_it(template, context, stderr):
    run = flowlint("render", template, "--context-json", context)
    assert (run.code, run.stdout, run.stderr) == (1, "", stderr)


def test_functions_table_must_name_kestra_functions():
    run = flowlint("render", "x", "--context-json", '{"$functions": {"secrte": {}}}')
    assert (run.code, run.stderr) == (2, "flowlint render: \"$functions\": Kestra has no function 'secrte'\n")


def test_the_server_clock_and_time_zone():
    # kestra DateFilterTest.now: now() reads the server's clock in its default zone (Etc/UTC in Kestra's image)
    run = flowlint("render", "{{ now() }}|{{ now(format='sql_sec', timeZone='Europe/Paris') }}",
                   "--now", "2024-05-01T08:00:00Z")  # fmt: skip
    assert (run.code, run.stdout) == (0, "2024-05-01T08:00:00.000000Z|2024-05-01 10:00:00")
    run = flowlint("render", "{{ now('iso_zoned_date_time') }} {{ '2024-05-01T08:00:00' | date('HH:mm xxx') }}",
                   "--now", "2024-05-01T10:00:00+02:00", "--time-zone", "America/New_York")  # fmt: skip
    assert (run.code, run.stdout) == (0, "2024-05-01T04:00:00-04:00[America/New_York] 08:00 -04:00")
    run = flowlint("render", "{{ now(format='yyyy') }}")  # the current time by default
    assert run.code == 0 and run.stdout.isdigit() and int(run.stdout) >= 2026


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--time-zone", "Mars/Olympus"], "flowlint render: --time-zone: Unknown time-zone ID: Mars/Olympus\n"),
        (["--now", "yesterday"], "flowlint render: --now: not an ISO 8601 date-time: yesterday\n"),
        (["--now", "2024-05-01T08:00:00"],
         "flowlint render: --now: give the offset too (2024-05-01T08:00:00Z): 2024-05-01T08:00:00\n"),
    ],
)  # fmt: skip
def test_bad_clock_or_zone_is_a_usage_error(args, message):
    run = flowlint("render", "{{ now() }}", *args)
    assert (run.code, run.stdout, run.stderr) == (2, "", message)
