"""The one way into the dry run for the CLI and the editor: refuse what Kestra would refuse."""

from __future__ import annotations

from flowls.analysis import Analysis
from flowls.findings import Finding, Severity
from flowls.model import Flow
from flowls.schema.index import SchemaIndex
from flowls.simulate.engine import Simulation, Simulator
from flowls.simulate.scenario import Scenario


class SimulationRefused(Exception):
    """Kestra would not start this execution: the flow has errors, or inputs lack a value."""

    def __init__(self, message: str, errors: list[Finding] | None = None, missing: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.missing = missing or []


def simulate_checked(
    analysis: Analysis,
    flow: Flow | None,
    scenario: Scenario,
    index: SchemaIndex | None = None,
    watch: str | None = None,
) -> Simulation:
    """Simulate ``flow`` of ``analysis``; raises SimulationRefused when the file has errors (Kestra
    would reject the flow) or a required input has neither a default nor a value. ``watch``: a task
    id whose context the simulation keeps (``Simulation.watched``)."""
    errors = [f for f in analysis.findings if f.severity is Severity.ERROR]
    if errors:
        raise SimulationRefused("fix these errors before simulating", errors=errors)
    if flow is None:
        raise SimulationRefused("no flow to simulate")
    simulator = Simulator(flow, scenario, index, watch)
    missing = simulator.missing_inputs()
    if missing:
        names = ", ".join(missing)
        raise SimulationRefused(f"required inputs without a default need a value: {names}", missing=missing)
    return simulator.run()
