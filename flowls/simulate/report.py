"""A simulation as a readable timeline, or as JSON."""

from __future__ import annotations

import json

from flowls.simulate.engine import Simulation


def timeline(simulation: Simulation) -> str:
    names = ["  " * run.depth + run.task_id + (f" [{run.shown_value}]" if run.shown_value is not None else "")
             for run in simulation.taskruns]  # fmt: skip
    width = max((len(name) for name in names), default=10)
    lines = []
    for run, name in zip(simulation.taskruns, names, strict=True):
        attempts = f" after {run.attempts} attempts" if run.attempts > 1 else ""
        reason = f" — {run.reason}" if run.reason else ""
        lines.append(
            f"{run.phase:<15} {name:<{width}}  {run.state:<9} execution.state={run.execution_state}{attempts}{reason}"
        )
    reason = f" — {simulation.reason}" if simulation.reason else ""
    lines.append(f"final state: {simulation.state}{reason}")
    return "\n".join(lines) + "\n"


def as_json(simulation: Simulation) -> str:
    return json.dumps(simulation.as_json(), indent=2, ensure_ascii=False, default=str) + "\n"
