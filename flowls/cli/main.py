"""``flowlint``: lint flows (exit 0 clean, 1 findings, 2 usage or configuration errors);
``flowlint rules`` / ``flowlint rule ID`` document the rules; ``flowlint schema pull URL``
caches an instance's schema."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from flowls import __version__
from flowls.analysis import Linter, Options
from flowls.cli import output
from flowls.cli.batch import STDIN, FileResult, Job, default_jobs, lint_files, workspace_of
from flowls.cli.files import discover, excluded
from flowls.cli.progress import Progress
from flowls.cli.versions import add_version_argument, apply_version_argument
from flowls.config import Config, ConfigError, find_config, load_config, rule_ids, version_setting
from flowls.findings import Severity
from flowls.rules.registry import RULES
from flowls.schema.load import SchemaLoadError, load_index, pull_schema
from flowls.schema.validate import FlowValidator

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("rules", "rule", "schema")


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["schema"]:
            return _schema_command(args[1:])
        if args[:1] == ["simulate"]:
            return _simulate_command(args[1:])
        if args[:1] == ["render"]:
            from flowls.cli.render import render_command  # only rendering needs the evaluator

            return render_command(args[1:])
        if args[:1] == ["rules"] and len(args) == 1:
            return _list_rules()
        if args[:1] == ["rule"] and len(args) == 2:
            return _explain_rule(args[1])
        return _lint_command(args)
    except (UsageError, ConfigError, SchemaLoadError) as error:
        print(f"flowlint: {error}", file=sys.stderr)
        return EXIT_USAGE


def _lint_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flowlint",
        description="Lint Kestra flow YAML files. Also: `flowlint rules`, `flowlint rule ID`, "
        "`flowlint schema pull URL` (to lint a folder named like these, write ./rules).",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' reads stdin; default: .)")
    parser.add_argument("--format", choices=sorted(output.FORMATS), default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    parser.add_argument("--fix", action="store_true", help="apply the safe fixes in place")
    parser.add_argument("--diff", action="store_true", help="print the safe fixes as a diff; change nothing")
    parser.add_argument("--schema", metavar="PATH_OR_URL", help="a Kestra flow schema (file or instance URL)")
    parser.add_argument("--token", help="API token for a schema URL (or FLOWLS_KESTRA_TOKEN)")
    add_version_argument(parser)
    parser.add_argument("--target", metavar="VERSION", help="report what to change for this Kestra version (2)")
    parser.add_argument("--config", type=Path, help="config file (default: the nearest one above each file)")
    parser.add_argument("--select", help="comma-separated rule ids: report only these")
    parser.add_argument("--ignore", help="comma-separated rule ids: never report these")
    parser.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip larger files (default 5 MB)")
    parser.add_argument("--flows-only", action="store_true", help="skip named files that are not flows, too")
    parser.add_argument("--stdin-filename", default=STDIN, help="path to show for '-'")
    parser.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument("--version", action="version", version=f"flowlint {__version__}")
    return parser


def _lint_command(argv: list[str]) -> int:
    args = _lint_parser().parse_args(argv)
    if args.fix and args.diff:
        raise UsageError("--fix and --diff do not go together")
    if args.jobs is not None and args.jobs <= 0:
        raise UsageError("--jobs must be a positive number")
    files = list(discover([Path(p) for p in args.paths or ["."]]))
    for path, _ in files:
        if str(path) == STDIN and args.fix:
            raise UsageError("--fix cannot write to stdin; use --diff")
        if str(path) != STDIN and not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    groups = _group_by_config(files, args.config)
    workspace = workspace_of(files) if len(files) > 1 else None  # one file: its callees are unknown
    token = args.token or os.environ.get("FLOWLS_KESTRA_TOKEN") or None
    validators: dict[tuple[str | None, object], FlowValidator] = {}
    results: dict[int, FileResult] = {}
    progress = Progress(len(files))
    for config_path, members in groups.items():
        config = load_config(config_path)
        _apply_arguments(config, args)
        key = (config.schema, config.kestra_version)
        if key not in validators:
            validators[key] = FlowValidator(load_index(config.schema, version=config.kestra_version, token=token))
        linter = Linter(validators[key], Options.of(config))
        kept = [(i, item) for i, item in members if item[1] or not excluded(item[0], config.exclude)]
        for _ in range(len(members) - len(kept)):
            progress.advance()  # excluded by the config: done already
        fix = "write" if args.fix else "diff" if args.diff else None
        migrated = None
        if fix == "write" and config.target_version is not None:
            target = FlowValidator(load_index(version=config.target_version))
            migrated = Linter(target, replace(Options.of(config), target_version=None))
        job = Job(args.flows_only, config.per_path_ignores, fix, workspace, migrated)
        done = lint_files(linter, [item for _, item in kept], job, args.jobs or default_jobs(), progress)
        results.update(zip((i for i, _ in kept), done, strict=True))
    progress.close()
    return _report([results[i] for i in sorted(results)], args)


def _group_by_config(files: list[tuple[Path, bool]], explicit: Path | None) -> dict[Path | None, list]:
    """Files by the config that governs them, each with its position in the run."""
    groups: dict[Path | None, list] = {}
    nearest: dict[Path, Path | None] = {}
    for position, (path, named) in enumerate(files):
        if explicit is not None:
            config = explicit
        else:
            directory = Path.cwd() if str(path) == STDIN else path.resolve().parent
            if directory not in nearest:
                nearest[directory] = find_config(directory)
            config = nearest[directory]
        groups.setdefault(config, []).append((position, (path, named)))
    return groups


def _report(file_results: list[FileResult], args: argparse.Namespace) -> int:
    results: list[output.Located] = []
    checked = fixed = 0
    failures = []
    for result in file_results:
        if result.error:
            failures.append(result.error)
        elif result.findings is not None:
            checked += 1
            fixed += result.fixed
            shown = args.stdin_filename if result.path == STDIN else result.path
            results.extend(output.Located(shown, f) for f in result.findings)
    if args.diff:
        sys.stdout.write("".join(r.diff for r in file_results))
    else:
        sys.stdout.write(output.FORMATS[args.format](results))
    for message in failures:
        print(f"flowlint: {message}", file=sys.stderr)
    if args.format == "text" or args.fix or args.diff:
        print(f"flowlint: {_summary(results, checked, fixed, args)}", file=sys.stderr)
    if failures:
        return EXIT_USAGE
    if args.diff:
        return EXIT_FINDINGS if fixed else EXIT_CLEAN
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(r.finding.severity in failing for r in results) else EXIT_CLEAN


def _list_rules() -> int:
    width = max(len(rule) for rule in RULES)
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")
    return EXIT_CLEAN


def _explain_rule(rule_id: str) -> int:
    if rule_id not in RULES:
        raise UsageError(f"unknown rule '{rule_id}' (see `flowlint rules`)")
    rule = RULES[rule_id]
    print(f"# {rule.id} ({rule.severity.value}, Kestra {rule.versions_text})\n\n{rule.summary}\n\n{rule.doc}", end="")
    return EXIT_CLEAN


def _apply_arguments(config: Config, args: argparse.Namespace) -> None:
    if args.schema:
        config.schema = args.schema
    apply_version_argument(config, args)
    if args.target is not None:
        config.target_version = version_setting("--target", "target", args.target)
    if args.max_file_size is not None:
        if args.max_file_size <= 0:
            raise UsageError("--max-file-size must be a positive number of bytes")
        config.max_file_size = args.max_file_size
    if args.select:
        config.select = frozenset(rule_ids("--select", "select", _split(args.select)))
    if args.ignore:
        config.ignore = config.ignore | frozenset(rule_ids("--ignore", "ignore", _split(args.ignore)))


def _summary(results: list[output.Located], checked: int, fixed: int, args: argparse.Namespace) -> str:
    counts = {s: sum(1 for r in results if r.finding.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    files = f"{checked} file{'s' if checked != 1 else ''}"
    summary = f"{', '.join(parts)} in {files}" if parts else f"no problems in {files}"
    if args.diff:
        return f"{fixed} fix{'es' if fixed != 1 else ''} available in {files}"
    if args.fix:
        summary = f"fixed {fixed}; {'remaining: ' + summary if parts else summary}"
    return summary


def _schema_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="flowlint schema", description="Manage Kestra flow schemas.")
    commands = parser.add_subparsers(dest="command", required=True)
    pull = commands.add_parser("pull", help="download an instance's flow schema into the cache")
    pull.add_argument("url", help="the instance's base URL, or its /api/v1/plugins/schemas/flow URL")
    pull.add_argument("--token", help="API token (or FLOWLS_KESTRA_TOKEN)")
    pull.add_argument("--cache-dir", type=Path, help="where to cache schemas (default: ~/.cache/flowls)")
    args = parser.parse_args(argv)
    token = args.token or os.environ.get("FLOWLS_KESTRA_TOKEN") or None
    print(pull_schema(args.url, token=token, cache_dir=args.cache_dir))
    return EXIT_CLEAN


def _simulate_command(argv: list[str]) -> int:
    from flowls.cli.dry_run import DryRunRefused, add_scenario_arguments, dry_run, scenario_from
    from flowls.simulate import report  # only the dry run needs the evaluator

    parser = argparse.ArgumentParser(prog="flowlint simulate", description="Dry-run a flow: phases, states, runIf.")
    parser.add_argument("flow", type=Path, help="the flow file")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_scenario_arguments(parser)
    args = parser.parse_args(argv)
    try:
        simulation = dry_run(args, scenario_from(args))
    except DryRunRefused as refused:
        raise UsageError(str(refused)) from None
    sys.stdout.write(report.as_json(simulation) if args.format == "json" else report.timeline(simulation))
    return EXIT_CLEAN


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
