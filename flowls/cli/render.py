"""``flowlint render``: a Pebble template rendered offline, as Kestra would, against a context the
user gives or the one the dry run gives a task. Exit 0 rendered, 1 a render error, 2 a parse error
or bad usage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from flowls.cli.dry_run import DryRunRefused, add_scenario_arguments, dry_run, scenario_from
from flowls.cli.versions import apply_version_argument
from flowls.config import find_config, load_config
from flowls.pebble.builtins import Dialect
from flowls.pebble.evaluate import Clock, RenderError, RenderOptions, Unknowable, render, system_clock
from flowls.pebble.functions import FUNCTIONS as SIMULATED_FUNCTIONS
from flowls.pebble.java_time import JavaError, zone_of
from flowls.pebble.values import java_str, to_json
from flowls.text import LineIndex
from flowls.version import DEFAULT_VERSION, KestraVersion

EXIT_RENDERED, EXIT_RENDER_ERROR, EXIT_USAGE = 0, 1, 2
FUNCTIONS_KEY = "$functions"  # not a Pebble name, so no variable can clash with it

_EPILOG = f"""\
Values of functions that need a Kestra server go in the context under "{FUNCTIONS_KEY}", keyed by
their first argument: {{"{FUNCTIONS_KEY}": {{"secret": {{"API_KEY": "xyz"}}, "kv": {{"day": 3}}}}}}.
A function without arguments takes the value itself: {{"{FUNCTIONS_KEY}": {{"errorLogs": []}}}}."""


class ContextError(ValueError):
    pass


def render_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="flowlint render",
        description="Render a Pebble template as Kestra would.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("template", help="the template ('-' reads it from stdin)")
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="variables, as a JSON object")
    parser.add_argument("--context-json", metavar="JSON", help="variables, as a JSON object (over --context)")
    parser.add_argument("--flow", type=Path, help="start from the context the dry run of this flow gives --task")
    parser.add_argument("--task", metavar="ID", help="the task whose context --flow gives")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--time-zone",
        default="UTC",
        metavar="ZONE",
        help="the Kestra server's time zone (default UTC, as its Docker image)",
    )
    parser.add_argument("--now", metavar="DATE_TIME", help="what now() returns, ISO 8601 (default: the current time)")
    add_scenario_arguments(parser)
    args = parser.parse_args(list(argv))
    if (args.flow is None) != (args.task is None):
        parser.error("--flow and --task go together")
    try:
        given = _given_context(args.context, args.context_json)
        context = _merged(_task_context(args, given), given) if args.flow else given
        dialect = _version(args).dialect
        options = RenderOptions(
            functions=_supplied_functions(context.pop(FUNCTIONS_KEY, {}), dialect),
            clock=_clock(args.now),
            time_zone=_time_zone(args.time_zone),
            known_only=True,
            dialect=dialect,
        )
    except (ContextError, DryRunRefused) as error:
        print(f"flowlint render: {error}", file=sys.stderr)
        return EXIT_USAGE
    template = sys.stdin.read() if args.template == "-" else args.template
    try:
        output = render(template, context, options)
    except RenderError as error:
        return _failed(template, error, args.format)
    if args.format == "json":
        print(json.dumps({"output": output, "error": None}, ensure_ascii=False))
    else:
        sys.stdout.write(output)
    return EXIT_RENDERED


def _clock(now: str | None) -> Clock:
    if now is None:
        return system_clock
    try:
        fixed = datetime.fromisoformat(now)
    except ValueError:
        raise ContextError(f"--now: not an ISO 8601 date-time: {now}") from None
    if fixed.tzinfo is None:
        raise ContextError(f"--now: give the offset too (2024-05-01T08:00:00Z): {now}")
    return lambda: fixed


def _time_zone(name: str) -> str:
    try:
        zone_of(name)
    except JavaError as error:
        raise ContextError(f"--time-zone: {error.message}") from None
    return name


def _given_context(path: Path | None, inline: str | None) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for source, text in (
        (str(path), _read(path) if path else None),
        ("--context-json", inline),
    ):
        if text is None:
            continue
        try:
            data = json.loads(text)
        except ValueError as error:
            raise ContextError(f"{source}: not JSON ({error})") from None
        if not isinstance(data, dict):
            raise ContextError(f"{source}: the context is a JSON object of variables")
        context = _merged(context, data)
    return context


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContextError(f"{path}: {getattr(error, 'strerror', None) or error}") from None


def _task_context(args: argparse.Namespace, given: dict[str, Any]) -> dict[str, Any]:
    """The context the dry run gives the task's first run; inputs in the given context feed the
    dry run too, so that required inputs have values and conditions on them are followed."""
    scenario = scenario_from(args)
    inputs = given.get("inputs")
    if isinstance(inputs, dict):
        scenario.inputs.update(inputs)
    simulation = dry_run(args, scenario, watch=args.task)
    if simulation.watched is None:
        raise DryRunRefused(
            f"{args.flow}: the dry run never runs a task '{args.task}' (no such task, or the scenario takes "
            "another branch: see flowlint simulate)"
        )
    return simulation.watched


def _merged(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on ``base``, maps merged key by key (so ``{"inputs": {"a": 1}}`` changes one input)."""
    merged = dict(base)
    for key, value in over.items():
        below = merged.get(key)
        merged[key] = _merged(below, value) if isinstance(below, dict) and isinstance(value, dict) else value
    return merged


def _version(args: argparse.Namespace) -> KestraVersion:
    """The option, else the config's, found above the flow (or the working directory)."""
    config = load_config(find_config(args.flow.resolve().parent if args.flow else Path.cwd()))
    apply_version_argument(config, args)
    return config.kestra_version or DEFAULT_VERSION


def _supplied_functions(table: Any, dialect: Dialect) -> dict[str, Callable]:
    """Every function that needs a Kestra server: its value from the table when given, else an
    unknowable value whose error says how to give it."""
    if not isinstance(table, dict):
        raise ContextError(f'"{FUNCTIONS_KEY}" maps function names to their values')
    for name in table:
        if name not in dialect.functions:
            raise ContextError(f"\"{FUNCTIONS_KEY}\": Kestra has no function '{name}'")
    return {
        name: _supplied(name, builtin.params[0] if builtin.params else None, table.get(name, _NOT_GIVEN))
        for name, builtin in dialect.functions.items()
        if name not in SIMULATED_FUNCTIONS or name in table
    }


_NOT_GIVEN = object()


def _supplied(name: str, key_param: str | None, values: Any) -> Callable:
    def call(*positional: Any, **named: Any) -> Any:
        key = java_str(positional[0] if positional else named.get(key_param)) if key_param else None
        if values is not _NOT_GIVEN:
            if key is None or not isinstance(values, dict):
                return values
            if key in values:
                return values[key]
        value = "…" if key is None else f"{{{to_json(key)}: …}}"
        remedy = (
            f'it needs a Kestra server; give its value in the context: {{"{FUNCTIONS_KEY}": {{"{name}": {value}}}}}'
        )
        return Unknowable(f"{name}({', '.join(_literal(v) for v in positional)})", remedy)

    return call


def _literal(value: Any) -> str:
    return "'" + value.replace("'", "\\'") + "'" if isinstance(value, str) else to_json(value)


def _failed(template: str, error: RenderError, form: str) -> int:
    at = LineIndex(template).position(max(0, min(error.start, len(template))))
    line, column = at.line + 1, at.column + 1
    if form == "json":
        detail = {"kind": error.kind, "message": error.message, "line": line, "column": column}
        print(json.dumps({"output": None, "error": detail}, ensure_ascii=False))
    else:
        print(f"{line}:{column}: {error.kind} error: {error.message}", file=sys.stderr)
    return EXIT_USAGE if error.kind == "parse" else EXIT_RENDER_ERROR
