"""The dry run of Kestra 2.0 flows: the Loop (each iteration an execution of its own), the CANCELLED
state, the 2.0 Pebble dialect; checked against Kestra 2.0's own test flows and the tests that run them
(kestra-io/kestra c94e774, core/src/test/java/...)."""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from pathlib import Path

import pytest

from flowls.analysis import Linter
from flowls.model import build_flow
from flowls.parse.compose import compose
from flowls.pebble.evaluate import RenderError, Unknowable, render
from flowls.schema.index import SchemaIndex
from flowls.schema.load import load_index
from flowls.simulate.checked import SimulationRefused, simulate_checked
from flowls.simulate.engine import Simulation, Simulator
from flowls.simulate.loop import LoopItem, item_variables, loop_items
from flowls.simulate.scenario import Scenario
from tests.conftest import CORPUS, flowlint

CORPUS_2 = CORPUS / "kestra-tests-2.0-develop"
VALIDS_2 = CORPUS_2 / "valids"
LOOP = "io.kestra.plugin.core.flow.Loop"


@pytest.fixture(scope="module")
def index_1() -> SchemaIndex:
    return load_index()


@pytest.fixture(scope="module")
def index_2(validator_2) -> SchemaIndex:
    return validator_2.index


def _flow(source: str | Path):
    text = source.read_text() if isinstance(source, Path) else textwrap.dedent(source)
    return build_flow(compose(text).documents[0])


def _simulator(source: str | Path, index: SchemaIndex, scenario: Scenario | None = None, watch: str | None = None):
    return Simulator(_flow(source), scenario or Scenario(), index, watch)


def _runs(simulation: Simulation) -> list[tuple]:
    return [(r.task_id, r.shown_value, r.state) for r in simulation.taskruns]


def _each(task_id: str, values: list[str], state: str = "SUCCESS") -> list[tuple]:
    return [(task_id, value, state) for value in values]


THREE = ["value 1", "value 2", "value 3"]


# fmt: off
# (flow file, inputs, final state, task runs as (task id, value, state) in start order): each row is
# what the Kestra 2.0 test named in its comment asserts of that flow.
CORPUS_RUNS = [
    # LoopCaseTest.loopSerial: SUCCESS, one sub-execution per value, each SUCCESS
    ("loop-serial.yaml", {}, "SUCCESS", [("loop", None, "SUCCESS"), *_each("item", THREE)]),
    # LoopCaseTest.loopSerialMultipleTasks: 2 sub-executions running 2 tasks each
    (
        "loop-serial-multiple-tasks.yaml",
        {},
        "SUCCESS",
        [("loop", None, "SUCCESS"), ("first", "value 1", "SUCCESS"), ("second", "value 1", "SUCCESS"),
         ("first", "value 2", "SUCCESS"), ("second", "value 2", "SUCCESS")],
    ),
    # LoopCaseTest.loopFailed: the first failing iteration ends the loop; only one sub-execution ran
    ("loop-failed.yaml", {}, "FAILED", [("loop", None, "FAILED"), ("fail", "value 1", "FAILED")]),
    # LoopCaseTest.loopTransmitFailedFalse: every iteration runs and fails, the loop succeeds
    ("loop-failed-no-transmit.yaml", {}, "SUCCESS", [("loop", None, "SUCCESS"), *_each("fail", THREE, "FAILED")]),
    # LoopCaseTest.loopFlowable: an If in each iteration, its then branch for "value 2" only
    (
        "loop-flowable.yaml",
        {},
        "SUCCESS",
        [("loop", None, "SUCCESS"),
         ("before_if", "value 1", "SUCCESS"), ("if", "value 1", "SUCCESS"),
         ("before_if", "value 2", "SUCCESS"), ("if", "value 2", "SUCCESS"), ("after_if", "value 2", "SUCCESS"),
         ("before_if", "value 3", "SUCCESS"), ("if", "value 3", "SUCCESS")],
    ),
    # LoopCaseTest.loopMultiple: two loops of 3 iterations, one after the other
    (
        "loop-multiple.yaml",
        {},
        "SUCCESS",
        [("loop1", None, "SUCCESS"), *_each("return1", THREE), ("loop2", None, "SUCCESS"), *_each("return2", THREE)],
    ),
    # LoopCaseTest.loopMap: one iteration per map entry
    ("loop-map.yaml", {}, "SUCCESS", [("loop", None, "SUCCESS"), *_each("item", THREE)]),
    # LoopCaseTest.loopEmpty: no iteration, and the flow goes on (2 task runs)
    ("loop-empty.yaml", {}, "SUCCESS", [("1_each", None, "SUCCESS"), ("2_end", None, "SUCCESS")]),
    # LoopCaseTest.loopWithNull: a null value fails the loop, nothing after it runs (1 task run)
    ("loop-null.yaml", {}, "FAILED", [("1_each", None, "FAILED")]),
    # LoopCaseTest.loopSwitch: 2 sub-executions; the "b" one has 2 sub-executions of the inner loop
    (
        "loop-switch.yaml",
        {},
        "SUCCESS",
        [("t1", None, "SUCCESS"), ("2_each", None, "SUCCESS"),
         ("2-1_switch", "a", "SUCCESS"), ("2-1_switch-letter-a", "a", "SUCCESS"),
         ("2-1_switch", "b", "SUCCESS"), ("2-1_switch-letter-b", "b", "SUCCESS"), ("2-1_each", "b", "SUCCESS"),
         ("2-1-1_switch", "1", "SUCCESS"), ("2-1-1_switch-number-1", "1", "SUCCESS"),
         ("2-1-1_switch", "2", "SUCCESS"), ("2-1-1_switch-number-2", "2", "SUCCESS"),
         ("2_end", None, "SUCCESS")],
    ),
    # LoopCaseTest.loopWithSubflow: one task run in the execution, 2 sub-executions
    ("loop-with-subflow.yaml", {}, "SUCCESS", [("loop", None, "SUCCESS"), *_each("subflow", ["1", "2"])]),
    # LoopCaseTest.loopOutputsFailedRender: the outputs cannot render: the sub-execution fails though its
    # tasks succeed, and the loop with it, after one iteration
    ("loop-outputs-failed-render.yaml", {}, "FAILED", [("loop", None, "FAILED"), ("doWork", "value 1", "SUCCESS")]),
    # FinallyTest.loopWithoutErrors: each sub-execution runs the Loop's finally
    (
        "finally-loop.yaml",
        {"failed": False},
        "SUCCESS",
        [("each", None, "SUCCESS"),
         ("if", "1", "SUCCESS"), ("ok", "1", "SUCCESS"), ("if", "2", "SUCCESS"), ("ok", "2", "SUCCESS"),
         ("if", "3", "SUCCESS"), ("ok", "3", "SUCCESS"),
         *_each("a1", ["1", "2", "3"]), *_each("a2", ["1", "2", "3"])],
    ),
    # FinallyTest.loopWithErrors: the loop fails with its first failing iteration; each sub-execution,
    # started at once (concurrencyLimit: 0), still runs the Loop's errors then finally
    (
        "finally-loop.yaml",
        {"failed": True},
        "FAILED",
        [("each", None, "FAILED"),
         ("if", "1", "FAILED"), ("ko", "1", "FAILED"), ("if", "2", "FAILED"), ("ko", "2", "FAILED"),
         ("if", "3", "FAILED"), ("ko", "3", "FAILED"),
         *_each("e1", ["1", "2", "3"]), *_each("e2", ["1", "2", "3"]),
         *_each("a1", ["1", "2", "3"]), *_each("a2", ["1", "2", "3"])],
    ),
    # SwitchTest.switchInConcurrentLoop: each case's task runs once across the sub-executions
    (
        "switch-in-concurrent-loop.yaml",
        {},
        "SUCCESS",
        [("iterate_and_check_name", None, "SUCCESS"), ("switch", "Alice", "SUCCESS"),
         ("OOMCRM_EB_DD_000", "Alice", "SUCCESS"),
         ("switch", "Bob", "SUCCESS"), ("OOMCRM_EB_DD_001", "Bob", "SUCCESS")],
    ),
    # IfTest.ifInFlowable: 3 sub-executions, after_if in the second
    (
        "if-in-flowable.yaml",
        {"param": True},
        "SUCCESS",
        [("for_each", None, "SUCCESS"),
         ("before_if", "value 1", "SUCCESS"), ("if", "value 1", "SUCCESS"),
         ("before_if", "value 2", "SUCCESS"), ("if", "value 2", "SUCCESS"), ("after_if", "value 2", "SUCCESS"),
         ("before_if", "value 3", "SUCCESS"), ("if", "value 3", "SUCCESS")],
    ),
    # RetryCaseTest.retryFlowableParallel: FAILED, one task run in the execution, 2 sub-executions
    (
        "retry-flowable-parallel.yaml",
        {},
        "FAILED",
        [("flowable", None, "FAILED"), *_each("child", ["0", "1"], "FAILED")],
    ),
    # ExitTest.shouldExitWithCancelled: the Exit and its If end CANCELLED, so does the execution
    ("exit-cancelled.yaml", {}, "CANCELLED", [("if", None, "CANCELLED"), ("exit", None, "CANCELLED")]),
]
# fmt: on


@pytest.mark.parametrize(("name", "inputs", "state", "runs"), CORPUS_RUNS, ids=[row[0] for row in CORPUS_RUNS])
def test_kestra_2_test_flows_run_as_their_tests_assert(index_2, name, inputs, state, runs):
    simulation = _simulator(VALIDS_2 / name, index_2, Scenario(inputs=inputs)).run()
    assert (simulation.state, _runs(simulation)) == (state, runs)


@pytest.mark.parametrize(
    ("name", "limit"),
    [
        ("loop-parallel-unlimited.yaml", 0),  # LoopCaseTest.loopParallelUnlimited
        ("loop-parallel-equal.yaml", 3),  # LoopCaseTest.loopParallelEqual
        ("loop-parallel-more.yaml", 5),  # LoopCaseTest.loopParallelMore
        ("loop-parallel-less.yaml", 2),  # LoopCaseTest.loopParallelLess
    ],
)
def test_concurrent_loops_end_with_every_iteration_terminated(index_2, name, limit):
    simulator = _simulator(VALIDS_2 / name, index_2)
    simulation = simulator.run()
    count = 4 if name == "loop-parallel-less.yaml" else 3
    values = [f"value {n}" for n in range(1, count + 1)]
    assert (simulation.state, _runs(simulation)) == ("SUCCESS", [("loop", None, "SUCCESS"), *_each("item", values)])
    assert simulator.outputs["loop"] == {"iterationCount": count, "runningIterations": 0, "terminatedIterations": count}


def test_iterations_run_in_turns_within_the_concurrency_limit(index_2):
    simulator = _simulator(
        """\
        id: turns
        namespace: company.team
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.Loop
            values: [a, b, c]
            concurrencyLimit: 2
            tasks:
              - id: first
                type: io.kestra.plugin.core.log.Log
                message: "{{ item.value }}"
              - id: second
                type: io.kestra.plugin.core.log.Log
                message: "{{ item.value }}"
        """,
        index_2,
    )
    assert [(r.task_id, r.shown_value) for r in simulator.run().taskruns][1:] == [
        ("first", "a"),
        ("first", "b"),
        ("second", "a"),
        ("second", "b"),
        ("first", "c"),  # starts once an iteration has ended
        ("second", "c"),
    ]


def test_item_index_value_and_key_and_the_loop_counts(index_2):
    # LoopCaseTest.loopSerial: each iteration's Return renders "{{item.index}} - {{item.value}}"
    serial = _simulator(VALIDS_2 / "loop-serial.yaml", index_2, watch="item")
    assert serial.run().watched["item"] == {"index": 0, "value": "value 1"}
    assert serial.outputs["loop"] == {"iterationCount": 3, "runningIterations": 0, "terminatedIterations": 3}
    # LoopCaseTest.loopMap: "{{item.key}} - {{item.value}}"
    mapped = _simulator(VALIDS_2 / "loop-map.yaml", index_2, watch="item").run().watched
    assert render("{{item.key}} - {{item.value}}", mapped) == "key1 - value 1"
    # LoopCaseTest.loopFailed: terminated at once, so the counts stay as the first iteration found them
    failed = _simulator(VALIDS_2 / "loop-failed.yaml", index_2)
    failed.run()
    assert failed.outputs["loop"] == {"iterationCount": 3, "runningIterations": 1, "terminatedIterations": 0}


def test_nested_loops_see_their_parents_items_outermost_first(index_2):
    # LoopCaseTest.loopNested: parents[0] is loop1's item, parents[1] and parent loop2's
    simulation = _simulator(VALIDS_2 / "loop-nested.yaml", index_2, watch="parents").run()
    assert simulation.state == "SUCCESS"
    assert len(simulation.taskruns) == 1 + 3 + 9 + 27 * 3
    assert simulation.watched["item"] == {
        "index": 0,
        "value": "1",
        "parents": [{"index": 0, "value": "1"}, {"index": 0, "value": "1"}],
        "parent": {"index": 0, "value": "1"},
    }
    # LoopCaseTest.loopSwitch: the inner loop's "{{item.value}} {{item.parent.value}}" renders "2 b"
    inner = _simulator(VALIDS_2 / "loop-switch.yaml", index_2, watch="2-1-1_switch-number-2").run().watched
    assert render("{{item.value}} {{item.parent.value}}", inner) == "2 b"
    distinct = _simulator(
        """\
        id: nested
        namespace: company.team
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.Loop
            values: [x, y]
            outputs:
              - id: inner
                type: JSON
                value: "{{ outputs.inner.outputs }}"
            tasks:
              - id: inner
                type: io.kestra.plugin.core.flow.Loop
                values: ["1", "2"]
                outputs:
                  - id: path
                    type: STRING
                    value: "{{ item.parents[0].value }}/{{ item.parent.index }}/{{ item.index }}-{{ item.value }}"
                tasks:
                  - id: work
                    type: io.kestra.plugin.core.log.Log
                    message: "{{ item.value }}"
        """,
        index_2,
    )
    distinct.run()
    outer = distinct.outputs["outer"]["outputs"]
    paths = [[entry["outputs"]["path"] for entry in iteration["outputs"]["inner"]] for iteration in outer]
    assert paths == [["x/0/0-1", "x/0/1-2"], ["y/1/0-1", "y/1/1-2"]]


def test_an_iteration_sees_its_own_outputs_and_the_executions_around_it_only(index_2):
    # LoopCaseTest.loopExpressionContext: an iteration reads the outputs of a task before the loop
    context = _simulator(VALIDS_2 / "loop-expression-context.yaml", index_2, watch="canAccessBefore").run().watched
    assert render("{{outputs.before.value}}", context) == "I'm before the loop"
    simulation = _simulator(
        """\
        id: visibility
        namespace: company.team
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.Loop
            values: [a, b]
            tasks:
              - id: inner
                type: io.kestra.plugin.core.debug.Return
                format: "{{ item.value }}"
              - id: own
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.inner.value }} {{ tasks.inner.state }}"
              - id: no_value
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
                allowFailure: true
          - id: after
            type: io.kestra.plugin.core.log.Log
            message: "{{ outputs.inner.value }}"
        """,
        index_2,
        watch="own",
    ).run()
    assert simulation.watched["outputs"]["inner"] == {"value": "a"}
    assert render("{{ outputs.inner.value }} {{ tasks.inner.state }}", simulation.watched) == "a SUCCESS"
    assert "parent" not in simulation.watched  # the Loop's run is not in the iteration's execution
    reasons = {(r.task_id, r.shown_value): (r.state, r.reason) for r in simulation.taskruns}
    assert reasons[("no_value", "a")] == (
        "WARNING",  # iteration task runs have no value: item.value replaces taskrun.value
        "Unable to find `value` used in the expression `{{ taskrun.value }}` at line 1",
    )
    assert reasons[("after", None)] == (
        "FAILED",
        "Unable to find `inner` used in the expression `{{ outputs.inner.value }}` at line 1",
    )


def test_loop_outputs_list_what_each_iteration_declared(index_2):
    # LoopCaseTest.loopOutputs: the task after the loop reads one output per iteration
    simulator = _simulator(VALIDS_2 / "loop-outputs.yaml", index_2)
    assert simulator.run().state == "SUCCESS"
    entries = json.loads(simulator.outputs["end"]["value"])
    assert entries == [
        {"item": {"value": value, "iteration": index}, "outputs": {"value": "some output"}}
        for index, value in enumerate(THREE)
    ]
    # LoopCaseTest.loopOutputsStore: with fetchType STORE each iteration's outputs are a file's URI
    stored = _simulator(VALIDS_2 / "loop-outputs-store.yaml", index_2)
    stored.run()
    outputs = stored.outputs["loop"]
    assert {key: outputs[key] for key in ("iterationCount", "runningIterations", "terminatedIterations")} == {
        "iterationCount": 3,
        "runningIterations": 0,
        "terminatedIterations": 3,
    }
    assert [entry["item"]["value"] for entry in outputs["outputs"]] == THREE
    assert all(isinstance(entry["outputs"]["uri"], Unknowable) for entry in outputs["outputs"])
    # IfTest.ifOnParallelBranch: the Assert after the loop checks these iteration outputs
    branches = _simulator(VALIDS_2 / "if-in-parallel.yaml", index_2)
    assert branches.run().state == "SUCCESS"
    assert [entry["outputs"] for entry in branches.outputs["for_each"]["outputs"]] == [
        {"return1": "1", "return2": "none"},
        {"return1": "2", "return2": "After if 2"},
        {"return1": "3", "return2": "none"},
    ]
    # LoopCaseTest.loopOutputsFailedRender: the loop says which iteration's outputs failed, and why
    failed = _simulator(VALIDS_2 / "loop-outputs-failed-render.yaml", index_2).run()
    assert failed.taskruns[0].reason == (
        "iteration 0 (value 1): Failed to render output values: output 'value': "
        "Unable to find `nonExistentTask` used in the expression `{{outputs.nonExistentTask.value}}` at line 1"
    )


def test_object_values_are_json_items(index_2):
    # LoopCaseTest.loopObject / loopObjectInList: a JSON string's objects and a YAML list's maps are
    # serialized; the Switch takes the JSON branch for them and jq reads their keys
    for name in ("loop-object.yaml", "loop-object-in-list.yaml"):
        simulation = _simulator(VALIDS_2 / name, index_2, watch="json").run()
        assert simulation.state == "SUCCESS"
        assert [r.task_id for r in simulation.taskruns if r.parent == "is-json"] == ["not-json", "json", "json"]
        format_ = "{{task.id}} > JSON > {{ item.value | jq('.key') }} > {{ item.value | jq('.value') }}"
        assert render(format_, simulation.watched) == 'json > JSON > ["my-key"] > ["my-value"]'
    assert str(simulation.taskruns[-2].shown_value) == '{"key":"my-complex","value":{"sub":1,"bool":true}}'


def test_values_a_dry_run_cannot_know_give_one_iteration(index_2):
    # LoopCaseTest.loopValuesFromUri reads 3 items from the file `write` created: a dry run cannot
    simulation = _simulator(VALIDS_2 / "loop-values-from-uri.yaml", index_2).run()
    loop = simulation.taskruns[1]
    assert (loop.state, loop.reason) == ("SUCCESS", "one iteration simulated: the items depend on outputs.write.uri")
    assert [(r.task_id, r.shown_value) for r in simulation.taskruns[2:]] == [
        ("item", "<unknown: an item of outputs.write.uri>")
    ]


@pytest.mark.parametrize(
    ("values", "items"),
    [
        (
            ["a", 1, 2.5, "a", {"k": "é"}],
            [LoopItem(0, "a"), LoopItem(1, "1"), LoopItem(2, "2.5"), LoopItem(3, '{"k":"é"}')],
        ),
        ('["a", 1, true, "a"]', [LoopItem(0, "a"), LoopItem(1, "1"), LoopItem(2, "true")]),
        ('{"k1": "v", "k2": 3}', [LoopItem(0, "v", "k1"), LoopItem(1, "3", "k2")]),
        ({"k1": "v", "k2": "v"}, [LoopItem(0, "v", "k1"), LoopItem(1, "v", "k2")]),  # entries are not made distinct
        ("[]", []),
    ],
)
def test_loop_items_follow_flowable_utils_resolve_values(values, items):
    assert loop_items(values) == items


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["a", True], "Unknown value element type: class java.lang.Boolean"),
        (["a", ["b"]], "Unknown value element type: class java.util.ArrayList"),
        ('{"k": [1]}', "Unknown value element type: class java.util.ArrayList"),
        ("3", "Unknown value type: NUMBER"),
        (["a", None], 'Found a null value inside the iteration values=["a",null]'),
        ("[1, null]", 'Found a null value inside the iteration values="[1, null]"'),
    ],
)
def test_values_kestra_refuses_fail_the_loop(values, message):
    with pytest.raises(RenderError) as raised:
        loop_items(values)
    assert raised.value.message == message


def test_item_variables_without_enclosing_loops_have_no_parents():
    assert item_variables(LoopItem(2, "v", "k"), []) == {"index": 2, "value": "v", "key": "k"}


EXITING = """\
id: exits
namespace: company.team
tasks:
  - id: loop
    type: io.kestra.plugin.core.flow.Loop
    values: [a, b, c]
    tasks:
      - id: seq
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: stop
            type: io.kestra.plugin.core.execution.Exit
            state: "{{ item.value == 'b' ? 'STATE' : 'WARNING' }}"
          - id: never
            type: io.kestra.plugin.core.log.Log
            message: never
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.loop.terminatedIterations }}"
"""


@pytest.mark.parametrize(
    ("state", "loop", "final", "after"),
    [
        ("FAILED", "FAILED", "FAILED", False),
        # LoopExecutionEventMessageHandler.terminateLoop: an iteration ending in error but FAILED ends
        # the loop SUCCESS
        ("CANCELLED", "SUCCESS", "SUCCESS", True),
        ("KILLED", "SUCCESS", "SUCCESS", True),
    ],
)
def test_an_exit_ends_its_iteration_only(index_2, state, loop, final, after):
    simulation = _simulator(EXITING.replace("STATE", state), index_2).run()
    assert simulation.state == final
    assert _runs(simulation)[:5] == [
        ("loop", None, loop),
        ("seq", "a", "WARNING"),  # a WARNING iteration does not end the loop, nor make it WARNING
        ("stop", "a", "WARNING"),
        ("seq", "b", state),
        ("stop", "b", state),
    ]
    assert simulation.taskruns[0].reason == f"iteration 1 (b): ended {state}, the Loop stops"
    assert [r.task_id for r in simulation.taskruns[5:]] == (["after"] if after else [])


CANCELLING = """\
id: cancelling
namespace: company.team
tasks:
  - id: group
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: wait
        type: io.kestra.plugin.core.flow.Pause
        pauseDuration: PT1M
        behavior: CANCEL
      - id: work
        type: io.kestra.plugin.core.log.Log
        message: go on
"""


@pytest.mark.parametrize(
    ("version", "failing", "group", "final"),
    [
        (1, None, "SUCCESS", "SUCCESS"),  # 1.x's guessFinalState does not look for CANCELLED
        (2, None, "CANCELLED", "CANCELLED"),  # ExecutionTest.shouldGuessCancelledWhenTaskRunCancelled
        (1, "work", "FAILED", "FAILED"),
        (2, "work", "FAILED", "FAILED"),  # ExecutionTest.shouldGuessFailedWhenTaskRunFailedTakesPrecedenceOverCancelled
    ],
)
def test_a_cancelled_task_run_cancels_the_execution_in_2_0_only(index_1, index_2, version, failing, group, final):
    index = index_1 if version == 1 else index_2
    scenario = Scenario(outcomes={failing: "FAILED"} if failing else {})
    simulation = _simulator(CANCELLING, index, scenario).run()
    assert (simulation.state, _runs(simulation)) == (
        final,
        [("group", None, group), ("wait", None, "CANCELLED"), ("work", None, "FAILED" if failing else "SUCCESS")],
    )


def test_expressions_render_in_the_versions_dialect(index_1, index_2):
    # 2.0 evaluates `??` at the comparisons' precedence: 'b' == (null ?? 'b') in 1.x, ('b' == null) ?? 'b' in 2.0
    text = """\
    id: dialect
    namespace: company.team
    tasks:
      - id: check
        type: io.kestra.plugin.core.log.Log
        message: checked
        runIf: "{{ 'b' == inputs.missing ?? 'b' }}"
    inputs:
      - id: missing
        type: STRING
        required: false
    """
    assert [r.state for r in _simulator(text, index_1).run().taskruns] == ["SUCCESS"]
    assert [r.state for r in _simulator(text, index_2).run().taskruns] == ["SKIPPED"]


def test_each_version_knows_its_own_loop(index_1, index_2):
    """ForEach is 1.x's, Loop 2.0's: the other version runs neither's children."""
    for_each = (CORPUS / "kestra-tests" / "valids" / "foreach-non-concurrent.yaml").read_text()
    assert len(_simulator(for_each, index_1).run().taskruns) == 7
    assert len(_simulator(for_each, index_2).run().taskruns) == 1
    assert len(_simulator(VALIDS_2 / "loop-serial.yaml", index_1).run().taskruns) == 1


def test_simulate_cli_in_kestra_2(tmp_path):
    (tmp_path / "loop-failed.yaml").write_text((VALIDS_2 / "loop-failed.yaml").read_text())
    text = flowlint("simulate", "--kestra-version", "2", "loop-failed.yaml", cwd=tmp_path)
    assert (text.code, text.stdout.splitlines()) == (
        0,
        [
            "tasks           loop              FAILED    execution.state=RUNNING"
            " — iteration 0 (value 1): ended FAILED, the Loop stops",
            "tasks             fail [value 1]  FAILED    execution.state=RUNNING — Task failure",
            "final state: FAILED",
        ],
    )
    (tmp_path / "cancel.yaml").write_text(CANCELLING)
    run = flowlint("simulate", "--kestra-version", "2", "--format", "json", "cancel.yaml", cwd=tmp_path)
    data = json.loads(run.stdout)
    assert (data["state"], [(r["taskId"], r["state"]) for r in data["taskruns"]]) == (
        "CANCELLED",
        [("group", "CANCELLED"), ("wait", "CANCELLED"), ("work", "SUCCESS")],
    )
    loop = json.loads(
        flowlint("simulate", "--kestra-version", "2", "--format", "json", "loop-failed.yaml", cwd=tmp_path).stdout
    )
    assert loop["taskruns"][1] == {
        "taskId": "fail",
        "phase": "tasks",
        "state": "FAILED",
        "executionState": "RUNNING",
        "parent": "loop",
        "value": "value 1",  # the iteration's item
        "attempts": 1,
        "reason": "Task failure",
    }


def test_every_2_0_corpus_flow_simulates_or_is_refused(validator_2):
    """The dry run never crashes on a Kestra 2.0 flow: it simulates it, or refuses it as Kestra would."""
    linter = Linter(validator_2)
    outcomes: Counter[str] = Counter()
    for path in sorted(CORPUS_2.rglob("*.y*ml")):
        analysis = linter.lint_bytes(path.read_bytes())
        for flow in analysis.flows or [None]:
            try:
                simulation = simulate_checked(analysis, flow, Scenario(), validator_2.index)
            except SimulationRefused as refused:
                outcomes["refused"] += 1
                assert refused.errors or refused.missing or flow is None, path
                continue
            assert simulation.state in ("SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED"), path
            outcomes[simulation.state] += 1
    assert outcomes["SUCCESS"] > 180 and outcomes["CANCELLED"] >= 1 and sum(outcomes.values()) == 330
