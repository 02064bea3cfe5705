"""What ``flowlint simulate`` and ``flowlint render --flow`` share: the scenario options, and a
checked dry run of a flow file (refused, with the reasons, when Kestra would not run it)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flowls.analysis import Linter, Options
from flowls.cli import output
from flowls.cli.versions import add_version_argument, apply_version_argument
from flowls.config import find_config, load_config
from flowls.schema.load import load_index
from flowls.schema.validate import FlowValidator
from flowls.simulate.checked import SimulationRefused, simulate_checked
from flowls.simulate.engine import Simulation
from flowls.simulate.scenario import Scenario, ScenarioError


class DryRunRefused(Exception):
    """The dry run cannot start; the message says why. Errors in the flow are printed already."""


def add_scenario_arguments(parser: argparse.ArgumentParser) -> None:
    add_version_argument(parser)
    parser.add_argument("--fail", action="append", default=[], metavar="TASK_ID", help="this task fails")
    parser.add_argument("--warn", action="append", default=[], metavar="TASK_ID", help="this task ends WARNING")
    parser.add_argument("--input", action="append", default=[], metavar="KEY=VALUE", help="an input (JSON accepted)")
    parser.add_argument("--scenario", type=Path, help="YAML: tasks (outcome, outputs), inputs, trigger")


def scenario_from(args: argparse.Namespace) -> Scenario:
    """The scenario the options describe; raises DryRunRefused for a bad one."""
    try:
        scenario = Scenario.load(args.scenario) if args.scenario else Scenario()
        for task_id in args.fail:
            scenario.set_outcome(task_id, "FAILED")
        for task_id in args.warn:
            scenario.set_outcome(task_id, "WARNING")
        for assignment in args.input:
            scenario.set_input(assignment)
    except ScenarioError as error:
        raise DryRunRefused(str(error)) from None
    return scenario


def dry_run(args: argparse.Namespace, scenario: Scenario, watch: str | None = None) -> Simulation:
    """Lint and simulate the first flow of the file ``args.flow``, in ``args.kestra_version``;
    raises DryRunRefused (after printing the flow's errors, if that is the reason) when Kestra
    would not run it."""
    path: Path = args.flow
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DryRunRefused(f"{path}: {error.strerror or error}") from None
    config = load_config(find_config(path.resolve().parent))
    apply_version_argument(config, args)
    validator = FlowValidator(load_index(config.schema, version=config.kestra_version))
    analysis = Linter(validator, Options.of(config)).lint_bytes(data)
    try:
        flow = analysis.flows[0] if analysis.flows else None
        return simulate_checked(analysis, flow, scenario, validator.index, watch)
    except SimulationRefused as refused:
        if refused.missing:
            raise DryRunRefused(f"{path}: {refused.message} (--input NAME=VALUE)") from None
        if refused.errors:
            sys.stderr.write(output.text([output.Located(str(path), f) for f in refused.errors]))
        raise DryRunRefused(f"{path}: {refused.message}") from None
