"""A simulation as a readable timeline, or as JSON."""

from __future__ import annotations

import json

from flowls.simulate.engine import Simulation


def timeline(simulation: Simulation) -> str:
    width = max((len(run.task_id) + 2 * run.depth for run in simulation.taskruns), default=10)
    lines = []
    for run in simulation.taskruns:
        name = "  " * run.depth + run.task_id
        value = f" [{run.value}]" if run.value is not None else ""
        attempts = f" after {run.attempts} attempts" if run.attempts > 1 else ""
        reason = f" — {run.reason}" if run.reason else ""
        lines.append(
            f"{run.phase:<15} {name + value:<{width + 8}} {run.state:<9} "
            f"execution.state={run.execution_state}{attempts}{reason}"
        )
    lines.append(f"final state: {simulation.state}")
    return "\n".join(lines) + "\n"


def as_json(simulation: Simulation) -> str:
    return json.dumps(simulation.as_json(), indent=2, ensure_ascii=False, default=str) + "\n"
