"""The dry run in the editor: a "Simulate" lens on each flow's id, the run behind it, and, on a
task of errors, finally or afterExecution, which outcomes make it run and what
``execution.state`` it sees then."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flowls.features.document import FlowFile
from flowls.model import Flow, Phase, Task
from flowls.simulate.checked import SimulationRefused, simulate_checked
from flowls.simulate.engine import Simulation
from flowls.simulate.scenario import Scenario, ScenarioError

COMMAND = "flowls.simulate"
MAX_FAILURE_SCENARIOS = 30  # one simulation each, on every hover: keep it well under 100 ms


@dataclass(frozen=True)
class Lens:
    title: str
    start: int
    end: int
    arguments: list[Any]


def simulate_lenses(file: FlowFile) -> list[Lens]:
    lenses = []
    for position, flow in enumerate(file.analysis.flows):
        anchor = flow.mapping.get("id") or flow.node
        lenses.append(Lens("▶ Simulate (dry run)", anchor.start, anchor.end, [file.uri, position]))
    return lenses


def run_simulation(file: FlowFile, position: int = 0, options: Any = None) -> Simulation:
    """The flow at ``position`` simulated; ``options`` as the command takes them: ``{"fail":
    [task ids], "warn": [task ids], "inputs": {name: value}}``. Raises SimulationRefused."""
    flows = file.analysis.flows
    if not isinstance(position, int) or not 0 <= position < len(flows):
        raise SimulationRefused(f"no flow number {position} in this document")
    return simulate_checked(file.analysis, flows[position], _scenario(options), file.schema)


def _scenario(options: Any) -> Scenario:
    scenario = Scenario()
    if options is None:
        return scenario
    if not isinstance(options, dict):
        raise SimulationRefused("options must be an object with fail, warn and inputs")
    try:
        for key, outcome in (("fail", "FAILED"), ("warn", "WARNING")):
            ids = options.get(key) or []
            if not isinstance(ids, list):
                raise SimulationRefused(f"options.{key} must be a list of task ids")
            for task_id in ids:
                scenario.set_outcome(str(task_id), outcome)
    except ScenarioError as error:
        raise SimulationRefused(str(error)) from None
    inputs = options.get("inputs") or {}
    if not isinstance(inputs, dict):
        raise SimulationRefused("options.inputs must be an object")
    scenario.inputs.update(inputs)
    return scenario


def phase_task_markdown(file: FlowFile, flow: Flow, task: Task) -> str:
    """What a task of errors, finally or afterExecution sees, with the dry run's evidence."""
    phase = task.phase
    if phase is Phase.AFTER_EXECUTION:
        head = (
            f"**{task.id}** runs in `afterExecution`, once the execution has ended: "
            "`execution.state` here is the final state."
        )
    elif phase is Phase.FINALLY:
        head = (
            f"**{task.id}** runs in `finally`, after `tasks` (and `errors`) whether they succeed or fail, "
            "while the execution is still running: `execution.state` here is `RUNNING`. "
            "Check the final state in `afterExecution`."
        )
    else:
        head = (
            f"**{task.id}** runs in `errors`, when a task fails; the execution is still running: "
            "`execution.state` here is `RUNNING`."
        )
    rows = _outcome_rows(file, flow, task)
    if not rows:
        return head
    table = ["| outcome | final state | execution.state here | this task |", "|---|---|---|---|"]
    for outcome, final, seen, state in rows:
        table.append(f"| {outcome} | `{final}` | `{seen}` | {state} |")
    return f"{head}\n\nDry run (`flowlint simulate`):\n\n" + "\n".join(table)


def _outcome_rows(file: FlowFile, flow: Flow, task: Task) -> list[tuple[str, str, str, str]]:
    """One row per distinct result: the flow as written (no scenario), then each task of ``tasks``
    that ran made to fail."""
    index = file.schema
    try:
        baseline = simulate_checked(file.analysis, flow, Scenario(), index)
    except (SimulationRefused, RecursionError):
        return []
    parents = {run.parent for run in baseline.taskruns}
    ran = [run.task_id for run in baseline.taskruns if run.phase == Phase.TASKS.value and run.task_id not in parents]
    leaves = list(dict.fromkeys(ran))
    grouped: dict[tuple[str, str, str], list[str]] = {}
    grouped[_result(baseline, task)] = ["as written"]
    for leaf in leaves[:MAX_FAILURE_SCENARIOS]:
        failing = simulate_checked(file.analysis, flow, Scenario(outcomes={leaf: "FAILED"}), index)
        grouped.setdefault(_result(failing, task), []).append(f"`{leaf}` fails")
    return [(_join(labels), *result) for result, labels in grouped.items()]


def _result(simulation: Simulation, task: Task) -> tuple[str, str, str]:
    runs = [run for run in simulation.taskruns if run.task_id == task.id and run.phase == task.phase.value]
    if not runs:
        return simulation.state, "-", "does not run"
    states = ", ".join(dict.fromkeys(f"`{run.state}`" for run in runs))
    return simulation.state, runs[0].execution_state, states


def _join(labels: list[str]) -> str:
    if len(labels) > 4:
        return ", ".join(labels[:3]) + f" (and {len(labels) - 3} more)"
    return ", ".join(labels)
