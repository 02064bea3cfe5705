"""The dry run: the documented demos, and Kestra's own test flows whose outcome §3 makes clear."""

from __future__ import annotations

import json
import textwrap

import pytest

from flowls.analysis import Linter
from flowls.model import build_flow
from flowls.parse.compose import compose
from flowls.simulate.checked import SimulationRefused, simulate_checked
from flowls.simulate.engine import Simulator
from flowls.simulate.scenario import Scenario
from tests.conftest import CORPUS, flowlint

VALIDS = CORPUS / "kestra-tests" / "valids"


def _simulator(text: str, scenario: Scenario | None = None) -> Simulator:
    return Simulator(build_flow(compose(textwrap.dedent(text)).documents[0]), scenario or Scenario())


def _run(text: str, scenario: Scenario | None = None):
    return _simulator(text, scenario).run()


def _rows(simulation) -> list[tuple]:
    return [(r.task_id, r.phase, r.state, r.execution_state) for r in simulation.taskruns]


ALERTS_DEMO = """\
id: alerts_demo
namespace: company.team
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
afterExecution:
  - id: onSuccess
    type: io.kestra.plugin.core.log.Log
    message: it worked
    runIf: "{{execution.state == 'SUCCESS'}}"
  - id: onFailure
    type: io.kestra.plugin.core.log.Log
    message: it failed
    runIf: "{{execution.state == 'FAILED'}}"
"""

STATE_DEMO = """\
id: state_demo
namespace: company.team
tasks:
  - id: print
    type: io.kestra.plugin.core.log.Log
    message: "state is {{ execution.state }}"
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
finally:
  - id: cleanup
    type: io.kestra.plugin.core.log.Log
    message: "state is {{ execution.state }}"
afterExecution:
  - id: report
    type: io.kestra.plugin.core.log.Log
    message: "state is {{ execution.state }}"
"""


def test_alerts_demo():
    simulation = _run(ALERTS_DEMO)
    assert simulation.state == "FAILED"
    assert _rows(simulation) == [
        ("fail", "tasks", "FAILED", "RUNNING"),
        ("onSuccess", "afterExecution", "SKIPPED", "FAILED"),
        ("onFailure", "afterExecution", "SUCCESS", "FAILED"),
    ]


def test_state_demo():
    simulation = _run(STATE_DEMO)
    assert simulation.state == "FAILED"
    assert _rows(simulation) == [
        ("print", "tasks", "SUCCESS", "RUNNING"),
        ("fail", "tasks", "FAILED", "RUNNING"),
        ("cleanup", "finally", "SUCCESS", "RUNNING"),
        ("report", "afterExecution", "SUCCESS", "FAILED"),
    ]


def test_the_alerts_demo_succeeds_when_the_task_does():
    simulation = _run(
        ALERTS_DEMO.replace("io.kestra.plugin.core.execution.Fail", "io.kestra.plugin.core.log.Log\n    message: ok")
    )
    assert simulation.state == "SUCCESS"
    assert [(r.task_id, r.state) for r in simulation.taskruns][1:] == [
        ("onSuccess", "SUCCESS"),
        ("onFailure", "SKIPPED"),
    ]


def _corpus(name: str, scenario: Scenario | None = None):
    return Simulator(build_flow(compose((VALIDS / name).read_text()).documents[0]), scenario or Scenario()).run()


def test_sequential_with_local_errors():
    simulation = _corpus("sequential-with-local-errors.yaml")
    assert simulation.state == "FAILED"  # local errors do not swallow the failure
    assert [(r.task_id, r.state) for r in simulation.taskruns] == [
        ("parent-seq", "FAILED"),
        ("t1", "SUCCESS"),
        ("t2_seq", "FAILED"),
        ("t2-t1", "FAILED"),
        ("error-t1", "SUCCESS"),
        ("error-t2", "SUCCESS"),
    ]


def test_switch_without_a_match_fails():
    simulation = _corpus("switch-impossible.yaml", Scenario(inputs={"string": "YES"}))
    assert simulation.state == "FAILED"
    assert simulation.taskruns[0].reason == "no case for 'YES' and no defaults"


def test_allow_failure_ends_warning_and_the_sequence_goes_on():
    simulation = _corpus("allow-failure.yaml")
    states = {r.task_id: r.state for r in simulation.taskruns}
    assert states["1-1-allow-failure"] == "WARNING"
    assert states["ko"] == "FAILED"
    assert states["local-error"] == "SUCCESS"
    assert states["1-2-todo"] == "SUCCESS"
    assert simulation.state == "WARNING"
    crashed = _corpus("allow-failure.yaml", Scenario(inputs={"crash": "yes"}))
    assert crashed.state == "FAILED"


@pytest.mark.parametrize("name", ["parallel.yaml", "dag.yaml", "after-execution.yaml"])
def test_flows_that_succeed(name):
    simulation = _corpus(name)
    assert simulation.state == "SUCCESS"
    assert {r.state for r in simulation.taskruns} == {"SUCCESS"}


def test_if_takes_the_branch_its_condition_names():
    chosen = _corpus("if.yaml", Scenario(inputs={"if1": True, "if2": False, "if3": True}))
    assert chosen.state == "SUCCESS"
    flipped = _corpus("if.yaml", Scenario(inputs={"if1": False, "if2": True, "if3": False}))
    assert flipped.state == "SUCCESS"
    assert [r.task_id for r in chosen.taskruns] != [r.task_id for r in flipped.taskruns]


def test_after_execution_sees_the_flow_outputs():
    simulation = _corpus("after-execution.yaml")
    assert [(r.task_id, r.state, r.execution_state) for r in simulation.taskruns] == [
        ("mytask", "SUCCESS", "RUNNING"),
        ("end", "SUCCESS", "SUCCESS"),
    ]


def test_missing_required_inputs_are_refused(tmp_path):
    (tmp_path / "if.yaml").write_text((VALIDS / "if.yaml").read_text())
    run = flowlint("simulate", "if.yaml", cwd=tmp_path)
    assert run.code == 2
    assert "required inputs without a default need a value: if1, if2, if3" in run.stderr
    assert flowlint("simulate", "if.yaml", "--input", "if1=true", "--input", "if2=false", "--input", "if3=true",
                    cwd=tmp_path).code == 0  # fmt: skip


def test_run_if_skips_and_for_each_iterates():
    simulation = _run(
        """\
        id: loops
        namespace: company.team
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b", "a"]
            tasks:
              - id: show
                type: io.kestra.plugin.core.debug.Return
                format: "{{ taskrun.value }}"
          - id: never
            type: io.kestra.plugin.core.log.Log
            message: no
            runIf: "{{ outputs.show['b'].value == 'c' }}"
          - id: off
            type: io.kestra.plugin.core.log.Log
            message: no
            disabled: true
        """
    )
    assert [(r.task_id, r.value, r.state) for r in simulation.taskruns] == [
        ("each", None, "SUCCESS"),
        ("show", "a", "SUCCESS"),
        ("show", "b", "SUCCESS"),  # values are distinct
        ("never", None, "SKIPPED"),
    ]


def test_scenario_outcomes_retries_and_allow_failure():
    text = """\
    id: retries
    namespace: company.team
    tasks:
      - id: flaky
        type: io.kestra.plugin.scripts.shell.Commands
        commands: [exit 1]
        allowFailure: true
        retry:
          type: constant
          interval: PT1S
          maxAttempts: 3
    """
    scenario = Scenario(outcomes={"flaky": "FAILED"})
    (run,) = _run(text, scenario).taskruns
    assert (run.state, run.attempts) == ("WARNING", 3)


def test_simulate_cli_text_and_json(tmp_path):
    (tmp_path / "demo.yaml").write_text(STATE_DEMO)
    text = flowlint("simulate", "demo.yaml", cwd=tmp_path)
    assert text.code == 0
    assert text.stdout.splitlines()[-1] == "final state: FAILED"
    assert "report" in text.stdout.splitlines()[3] and "execution.state=FAILED" in text.stdout.splitlines()[3]
    data = json.loads(flowlint("simulate", "--format", "json", "demo.yaml", cwd=tmp_path).stdout)
    assert data["state"] == "FAILED"
    assert data["taskruns"][0] == {
        "taskId": "print",
        "phase": "tasks",
        "state": "SUCCESS",
        "executionState": "RUNNING",
        "parent": None,
        "value": None,
        "attempts": 1,
        "reason": None,
    }
    forced = json.loads(flowlint("simulate", "--format", "json", "--fail", "print", "demo.yaml", cwd=tmp_path).stdout)
    assert [r["taskId"] for r in forced["taskruns"]] == ["print", "cleanup", "report"]


def test_simulate_refuses_a_flow_with_errors(tmp_path):
    (tmp_path / "bad.yaml").write_text(STATE_DEMO.replace("message:", "mesage:", 1))
    run = flowlint("simulate", "bad.yaml", cwd=tmp_path)
    assert run.code == 2
    assert "fix these errors before simulating" in run.stderr


def test_exit_ends_the_execution_in_its_state():
    ended = _corpus("exit.yaml")  # the input defaults to END: the else branch exits
    assert ended.state == "WARNING"
    assert [(r.task_id, r.state) for r in ended.taskruns] == [("if", "WARNING"), ("exit", "WARNING")]
    going_on = _corpus("exit.yaml", Scenario(inputs={"state": "CONTINUE"}))
    assert going_on.state == "SUCCESS"
    assert [r.task_id for r in going_on.taskruns] == ["if", "hello", "end"]


def test_for_each_runs_its_tasks_value_by_value():
    simulation = _corpus("foreach-non-concurrent.yaml")
    assert [(r.task_id, r.value, r.parent) for r in simulation.taskruns][1:] == [
        ("log", "value 1", "for_each"),
        ("shell", "value 1", "for_each"),
        ("log", "value 2", "for_each"),
        ("shell", "value 2", "for_each"),
        ("log", "value 3", "for_each"),
        ("shell", "value 3", "for_each"),
    ]


def test_run_if_that_cannot_render_fails_the_task():
    simulation = _corpus("task-runif.yml")
    assert simulation.state == "FAILED"
    assert [(r.task_id, r.state) for r in simulation.taskruns] == [
        ("output", "SUCCESS"),
        ("executed", "SUCCESS"),
        ("notexecuted", "SKIPPED"),
        ("notexecutedflowable", "SKIPPED"),
        ("willfailedtheflow", "FAILED"),
    ]
    assert simulation.taskruns[-1].reason == (
        "runIf: Unable to find `notexists` used in the expression `{{ outputs.notexists == 2 }}` at line 1"
    )


def test_tasks_with_state_sees_the_failed_tasks():
    simulation = _run(
        """\
        id: report_failures
        namespace: company.team
        tasks:
          - id: extract
            type: io.kestra.plugin.core.log.Log
            message: go
          - id: load
            type: io.kestra.plugin.core.log.Log
            message: go
            allowFailure: true
        afterExecution:
          - id: alert
            type: io.kestra.plugin.core.log.Log
            message: failed
            runIf: "{{ tasksWithState('FAILED') | length > 0 }}"
          - id: warn
            type: io.kestra.plugin.core.log.Log
            message: "{{ tasksWithState('warning') | first }}"
            runIf: "{{ tasksWithState('warning') | length == 1 }}"
        """,
        Scenario(outcomes={"load": "FAILED"}),
    )
    assert simulation.state == "WARNING"
    assert [(r.task_id, r.state) for r in simulation.taskruns] == [
        ("extract", "SUCCESS"),
        ("load", "WARNING"),
        ("alert", "SKIPPED"),  # allowFailure turned the failure into WARNING
        ("warn", "SUCCESS"),
    ]


def test_scenario_file_gives_outcomes_outputs_and_inputs(tmp_path):
    (tmp_path / "flow.yaml").write_text(
        textwrap.dedent(
            """\
            id: scenario_demo
            namespace: company.team
            inputs:
              - id: mode
                type: STRING
            tasks:
              - id: fetch
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: "{{ inputs.mode }}"
                runIf: "{{ outputs.fetch.code == 200 }}"
            errors:
              - id: page
                type: io.kestra.plugin.core.log.Log
                message: down
            """
        )
    )

    def simulate_with(name: str, fetch_code: int) -> tuple[str, list[tuple[str, str]]]:
        (tmp_path / name).write_text(
            f"inputs: {{mode: fast}}\ntasks:\n  fetch: {{outputs: {{code: {fetch_code}}}}}\n  ok: {{outcome: failed}}\n"
        )
        run = flowlint("simulate", "--format", "json", "--scenario", name, "flow.yaml", cwd=tmp_path)
        data = json.loads(run.stdout)
        return data["state"], [(r["taskId"], r["state"]) for r in data["taskruns"]]

    assert simulate_with("down.yaml", 503) == ("SUCCESS", [("fetch", "SUCCESS"), ("ok", "SKIPPED")])
    assert simulate_with("up.yaml", 200) == ("FAILED", [("fetch", "SUCCESS"), ("ok", "FAILED"), ("page", "SUCCESS")])
    (tmp_path / "broken.yaml").write_text("tasks:\n  ok: {outcome: maybe}\n")
    run = flowlint("simulate", "--scenario", "broken.yaml", "flow.yaml", cwd=tmp_path)
    assert run.code == 2
    assert "outcome of 'ok' must be one of SUCCESS, WARNING, FAILED, KILLED, not 'maybe'" in run.stderr


def test_a_condition_on_what_cannot_be_known_is_taken_as_true_and_says_so():
    simulation = _run(
        """\
        id: unknowable
        namespace: company.team
        tasks:
          - id: query
            type: io.kestra.plugin.jdbc.postgresql.Query
            sql: select 1
          - id: report
            type: io.kestra.plugin.core.log.Log
            message: rows
            runIf: "{{ outputs.query.size > 0 }}"
          - id: yearly
            type: io.kestra.plugin.core.flow.If
            condition: "{{ now() | date('MM') == '01' }}"
            then:
              - id: archive
                type: io.kestra.plugin.core.log.Log
                message: archive
          - id: on_created
            type: io.kestra.plugin.core.log.Log
            message: "{{ trigger.body.action }}"
            runIf: "{{ trigger.body.action == 'created' }}"
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
        """
    )
    assert [(r.task_id, r.state, r.reason) for r in simulation.taskruns] == [
        ("query", "SUCCESS", None),
        (
            "report",
            "SUCCESS",
            "runIf taken as true: it depends on outputs of query (io.kestra.plugin.jdbc.postgresql.Query)",
        ),
        ("yearly", "SUCCESS", "condition taken as true: it depends on now()"),
        ("archive", "SUCCESS", None),
        (
            "on_created",
            "SUCCESS",
            "runIf taken as true: it depends on trigger variables (give them in a scenario's trigger)",
        ),
    ]


def test_every_corpus_flow_simulates_or_is_refused(validator):
    """The dry run never crashes on a real flow: it simulates it, or refuses it as Kestra would."""
    linter = Linter(validator)
    simulated = 0
    for path in sorted(CORPUS.rglob("*.y*ml")):
        analysis = linter.lint_bytes(path.read_bytes())
        for flow in analysis.flows:
            try:
                simulation = simulate_checked(analysis, flow, Scenario(), validator.index)
            except SimulationRefused as refused:
                assert refused.errors or refused.missing, path
                continue
            assert simulation.state in ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED"), path
            simulated += 1
    assert simulated > 300


def test_for_each_concurrency_limit_runs_value_groups_in_turns(tmp_path):
    concurrent = _corpus("foreach-concurrent.yaml")  # concurrencyLimit: 2
    assert [(r.task_id, r.value) for r in concurrent.taskruns][1:] == [
        ("log", "value 1"),
        ("log", "value 2"),
        ("shell", "value 1"),
        ("shell", "value 2"),
        ("log", "value 3"),  # starts when a group ends
        ("shell", "value 3"),
    ]
    (tmp_path / "flow.yaml").write_text((VALIDS / "foreach-concurrent.yaml").read_text())
    assert flowlint("simulate", "flow.yaml", cwd=tmp_path).stdout.splitlines()[:4] == [
        "tasks           for_each           SUCCESS   execution.state=RUNNING",
        "tasks             log [value 1]    SUCCESS   execution.state=RUNNING",
        "tasks             log [value 2]    SUCCESS   execution.state=RUNNING",
        "tasks             shell [value 1]  SUCCESS   execution.state=RUNNING",
    ]


def test_for_each_without_limit_starts_every_value_and_its_errors_run_once():
    simulation = _corpus("foreach-error.yaml")  # concurrencyLimit: 0, every value fails
    assert simulation.state == "FAILED"
    assert [(r.task_id, r.value, r.state) for r in simulation.taskruns] == [
        ("each", None, "FAILED"),
        ("ko", "1", "FAILED"),
        ("ko", "2", "FAILED"),
        ("ko", "3", "FAILED"),
        ("e1", None, "SUCCESS"),
        ("e2", None, "SUCCESS"),
    ]


def test_a_sequential_for_each_stops_at_the_first_failure():
    simulation = _run(
        """\
        id: stop
        namespace: company.team
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [a, b]
            tasks:
              - id: work
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
        """,
        Scenario(outcomes={"work": "FAILED"}),
    )
    assert [(r.task_id, r.value, r.state) for r in simulation.taskruns] == [
        ("each", None, "FAILED"),
        ("work", "a", "FAILED"),
    ]


def test_nested_loops_see_their_parents_and_nest_outputs_by_value():
    flow = build_flow(compose((VALIDS / "foreach-nested.yaml").read_text()).documents[0])
    simulator = Simulator(flow, Scenario())
    assert simulator.run().state == "SUCCESS"
    assert simulator.outputs["p2"]["l2"]["d3"] == {"value": "l2-d3"}  # read outputs.p1[parent value][value]
    nested = _simulator(
        """\
        id: parents
        namespace: company.team
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.ForEach
            values: [x]
            tasks:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: inner
                    type: io.kestra.plugin.core.flow.ForEach
                    values: [y]
                    tasks:
                      - id: show
                        type: io.kestra.plugin.core.debug.Return
                        format: "{{ parents | length }} {{ parents[0].task.id }} {{ parents[1].taskrun.value }}"
        """
    )
    assert nested.run().state == "SUCCESS"
    assert nested.outputs["show"] == {"x": {"y": {"value": "3 inner x"}}}  # innermost parent first


def test_declared_outputs_of_core_tasks_are_unknowable_and_undeclared_ones_fail(validator):
    analysis = Linter(validator).lint_text(
        textwrap.dedent(
            """\
            id: fetch_flow
            namespace: company.team
            tasks:
              - id: fetch
                type: io.kestra.plugin.core.http.Request
                uri: https://example.com
              - id: ok
                type: io.kestra.plugin.core.log.Log
                message: up
                runIf: "{{ outputs.fetch.code == 200 }}"
              - id: typo
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.fetch.status }}"
            """
        )
    )
    simulation = simulate_checked(analysis, analysis.flows[0], Scenario(), validator.index)
    assert [(r.task_id, r.state, r.reason) for r in simulation.taskruns] == [
        ("fetch", "SUCCESS", None),
        ("ok", "SUCCESS", "runIf taken as true: it depends on outputs.fetch.code"),
        ("typo", "FAILED", "Unable to find `status` used in the expression `{{ outputs.fetch.status }}` at line 1"),
    ]


@pytest.mark.parametrize(
    ("name", "state", "iterations", "reason"),
    [
        ("waitfor-no-success.yaml", "SUCCESS", 5, None),  # maxIterations: 5, no failOnMaxReached
        ("waitfor-max-iterations.yaml", "FAILED", 3, "the condition stayed false for 3 iterations (failOnMaxReached)"),
        (
            "waitfor-child-task-warning.yaml",
            "FAILED",
            3,
            "the condition stayed false for 3 iterations (failOnMaxReached)",
        ),
    ],
)
def test_loop_until_is_bounded_by_iterations_or_duration(name, state, iterations, reason):
    flow = build_flow(compose((VALIDS / name).read_text()).documents[0])
    simulator = Simulator(flow, Scenario())
    simulation = simulator.run()
    loop = simulation.taskruns[0]
    assert (simulation.state, loop.state, loop.reason) == (state, state, reason)
    assert simulator.outputs[loop.task_id] == {"iterationCount": iterations}
    assert len({r.task_id for r in simulation.taskruns[1:]}) * iterations == len(simulation.taskruns) - 1


def test_an_optional_input_without_a_value_is_null():
    simulator = _simulator(
        """\
        id: optional
        namespace: company.team
        inputs:
          - id: user
            type: STRING
            required: false
        tasks:
          - id: greet
            type: io.kestra.plugin.core.debug.Return
            format: "Hello {{ inputs.user ?? 'nobody' }}"
        """
    )
    assert simulator.run().state == "SUCCESS"
    assert simulator.outputs["greet"] == {"value": "Hello nobody"}


def test_flow_outputs_that_cannot_render_fail_the_execution(tmp_path):
    (tmp_path / "flow.yaml").write_text(
        textwrap.dedent(
            """\
            id: bad_outputs
            namespace: company.team
            tasks:
              - id: hello
                type: io.kestra.plugin.core.log.Log
                message: hi
            outputs:
              - id: total
                type: STRING
                value: "{{ outputs.hello.missing }}"
            afterExecution:
              - id: report
                type: io.kestra.plugin.core.log.Log
                message: "{{ execution.state }}"
            """
        )
    )
    data = json.loads(flowlint("simulate", "--format", "json", "flow.yaml", cwd=tmp_path).stdout)
    assert (data["state"], data["reason"]) == (
        "FAILED",
        "Failed to render output values: output 'total': "
        "Unable to find `hello` used in the expression `{{ outputs.hello.missing }}` at line 1",
    )
    assert [(r["taskId"], r["state"], r["executionState"]) for r in data["taskruns"]] == [
        ("hello", "SUCCESS", "RUNNING"),
        ("report", "SUCCESS", "FAILED"),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty document: a flow is a mapping with id, namespace and tasks [not-a-flow]"),
        (b"a: [\n", "did not find expected node content (while parsing a flow node) [yaml-syntax]"),
        (b"\x00\x01\x02binary", "[encoding]"),
    ],
)
def test_simulate_refuses_what_does_not_parse(tmp_path, content, message):
    (tmp_path / "flow.yaml").write_bytes(content)
    run = flowlint("simulate", "flow.yaml", cwd=tmp_path)
    assert run.code == 2
    assert message in run.stderr
    assert run.stderr.splitlines()[-1] == "flowlint: flow.yaml: fix these errors before simulating"


def test_parent_has_no_taskrun_without_a_value():
    # RunVariables.parents: `taskrun` only for a parent run with a value. The argocd blueprint's inner
    # ForEach reads `parent.taskrun.value`, but its parent is the top-level ForEach: Kestra fails it.
    path = CORPUS / "blueprints" / "flows" / "argocd-single-tenant-wave-rollout.yaml"
    simulation = Simulator(build_flow(compose(path.read_text()).documents[0]), Scenario()).run()
    inner = next(r for r in simulation.taskruns if r.task_id == "rollout_applications_in_wave")
    assert (inner.state, inner.reason) == (
        "FAILED",
        "Unable to find `taskrun` used in the expression `{{ parent.taskrun.value }}` at line 1",
    )
    simulator = _simulator(
        """
        id: f
        namespace: n
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a"]
            tasks:
              - id: inner
                type: io.kestra.plugin.core.flow.ForEach
                values: ["1"]
                tasks:
                  - id: log
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parent.taskrun.value }}/{{ taskrun.value }}/{{ parents[1] }}"
        """
    )
    assert simulator.run().state == "SUCCESS"
    assert simulator.outputs["log"] == {"a": {"1": {"value": 'a/1/{"task":{"id":"outer"}}'}}}
