"""``flowlint``: lint flows (exit 0 clean, 1 findings, 2 usage or configuration errors),
and ``flowlint schema pull URL`` to cache an instance's schema."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from flowls import __version__
from flowls.analysis import Linter, Options
from flowls.cli import output
from flowls.cli.batch import STDIN, default_jobs, lint_files
from flowls.cli.files import discover
from flowls.config import Config, ConfigError, find_config, load_config, rule_ids
from flowls.findings import Severity
from flowls.parse.source import Limits
from flowls.rules.registry import RULES
from flowls.schema.load import SchemaLoadError, load_index, pull_schema
from flowls.schema.validate import FlowValidator

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["schema"]:
            return _schema_command(args[1:])
        return _lint_command(args)
    except (UsageError, ConfigError, SchemaLoadError) as error:
        print(f"flowlint: {error}", file=sys.stderr)
        return EXIT_USAGE


def _lint_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flowlint",
        description="Lint Kestra flow YAML files. `flowlint schema pull URL` caches an instance's schema.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories ('-' reads stdin; default: .)")
    parser.add_argument("--format", choices=sorted(output.FORMATS), default="text", help="output format")
    parser.add_argument("--strict", action="store_true", help="warnings fail too (exit 1)")
    parser.add_argument("--schema", metavar="PATH_OR_URL", help="a Kestra flow schema (file or instance URL)")
    parser.add_argument("--token", help="API token for a schema URL (or FLOWLS_KESTRA_TOKEN)")
    parser.add_argument("--config", type=Path, help="config file (default: nearest flowlint.toml or pyproject.toml)")
    parser.add_argument("--select", help="comma-separated rule ids: report only these")
    parser.add_argument("--ignore", help="comma-separated rule ids: never report these")
    parser.add_argument("--max-file-size", type=int, metavar="BYTES", help="skip larger files (default 5 MB)")
    parser.add_argument("--flows-only", action="store_true", help="skip named files that are not flows, too")
    parser.add_argument("--stdin-filename", default="-", help="path to show for '-'")
    parser.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument("--list-rules", action="store_true", help="print every rule with its default severity")
    parser.add_argument("--explain", metavar="RULE", help="print a rule's documentation")
    parser.add_argument("--version", action="version", version=f"flowlint {__version__}")
    return parser


def _lint_command(argv: list[str]) -> int:
    args = _lint_parser().parse_args(argv)
    if args.list_rules or args.explain:
        return _print_rules(args.explain)
    config = load_config(args.config if args.config else find_config(Path.cwd()))
    _apply_arguments(config, args)
    token = args.token or _env_token()
    linter = Linter(FlowValidator(load_index(config.schema, token=token)), _options(config))
    files = list(discover([Path(p) for p in args.paths or ["."]], config.exclude))
    for path, _ in files:
        if str(path) != STDIN and not path.exists():
            raise UsageError(f"{path}: no such file or directory")
    results: list[output.Located] = []
    checked = 0
    failures = []
    for result in lint_files(linter, files, flows_only=args.flows_only, jobs=args.jobs or default_jobs()):
        if result.error:
            failures.append(result.error)
        elif result.findings is not None:
            checked += 1
            shown = args.stdin_filename if result.path == STDIN else result.path
            results.extend(output.Located(shown, f) for f in result.findings)
    sys.stdout.write(output.FORMATS[args.format](results))
    for message in failures:
        print(f"flowlint: {message}", file=sys.stderr)
    if args.format == "text":
        print(f"flowlint: {_summary(results, checked)}", file=sys.stderr)
    if failures:
        return EXIT_USAGE
    failing = {Severity.ERROR, Severity.WARNING} if args.strict else {Severity.ERROR}
    return EXIT_FINDINGS if any(r.finding.severity in failing for r in results) else EXIT_CLEAN


def _print_rules(rule_id: str | None) -> int:
    if rule_id is None:
        width = max(len(rule) for rule in RULES)
        for rule in RULES.values():
            print(f"{rule.id:<{width}}  {rule.severity.value:<7}  {rule.summary}")
        return EXIT_CLEAN
    if rule_id not in RULES:
        raise UsageError(f"unknown rule '{rule_id}' (see --list-rules)")
    rule = RULES[rule_id]
    print(f"# {rule.id} ({rule.severity.value})\n\n{rule.summary}\n\n{rule.doc}", end="")
    return EXIT_CLEAN


def _apply_arguments(config: Config, args: argparse.Namespace) -> None:
    if args.schema:
        config.schema = args.schema
    if args.max_file_size is not None:
        if args.max_file_size <= 0:
            raise UsageError("--max-file-size must be a positive number of bytes")
        config.max_file_size = args.max_file_size
    if args.jobs is not None and args.jobs <= 0:
        raise UsageError("--jobs must be a positive number")
    if args.select:
        config.select = frozenset(rule_ids("--select", "select", _split(args.select)))
    if args.ignore:
        config.ignore = config.ignore | frozenset(rule_ids("--ignore", "ignore", _split(args.ignore)))


def _options(config: Config) -> Options:
    limits = Limits(max_file_size=config.max_file_size, max_depth=config.max_depth)
    return Options(limits=limits, select=config.select, ignore=config.ignore, severity=config.severity)


def _summary(results: list[output.Located], checked: int) -> str:
    counts = {s: sum(1 for r in results if r.finding.severity is s) for s in Severity}
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n]
    files = f"{checked} file{'s' if checked != 1 else ''}"
    return f"{', '.join(parts)} in {files}" if parts else f"no problems in {files}"


def _schema_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="flowlint schema", description="Manage Kestra flow schemas.")
    commands = parser.add_subparsers(dest="command", required=True)
    pull = commands.add_parser("pull", help="download an instance's flow schema into the cache")
    pull.add_argument("url", help="the instance's base URL, or its /api/v1/plugins/schemas/flow URL")
    pull.add_argument("--token", help="API token (or FLOWLS_KESTRA_TOKEN)")
    pull.add_argument("--cache-dir", type=Path, help="where to cache schemas (default: ~/.cache/flowls)")
    args = parser.parse_args(argv)
    path = pull_schema(args.url, token=args.token or _env_token(), cache_dir=args.cache_dir)
    print(path)
    return EXIT_CLEAN


def _env_token() -> str | None:
    return os.environ.get("FLOWLS_KESTRA_TOKEN") or None


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]
