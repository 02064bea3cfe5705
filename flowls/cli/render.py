"""``flowlint render``: a Pebble template rendered offline, as Kestra would, against a context
the user gives. Exit 0 rendered, 1 a render error, 2 a parse error or bad usage."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flowls.pebble.evaluate import RenderError, render
from flowls.text import LineIndex

EXIT_RENDERED, EXIT_RENDER_ERROR, EXIT_USAGE = 0, 1, 2


def render_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="flowlint render", description="Render a Pebble template as Kestra would.")
    parser.add_argument("template", help="the template ('-' reads it from stdin)")
    parser.add_argument("--context", type=Path, metavar="FILE.json", help="variables, as a JSON object")
    parser.add_argument("--context-json", metavar="JSON", help="variables, as a JSON object (over --context)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(list(argv))
    try:
        context = _context(args.context, args.context_json)
    except ValueError as error:
        print(f"flowlint render: {error}", file=sys.stderr)
        return EXIT_USAGE
    template = sys.stdin.read() if args.template == "-" else args.template
    try:
        output = render(template, context)
    except RenderError as error:
        return _failed(template, error, args.format)
    if args.format == "json":
        print(json.dumps({"output": output, "error": None}, ensure_ascii=False))
    else:
        sys.stdout.write(output)
    return EXIT_RENDERED


def _context(path: Path | None, inline: str | None) -> dict[str, Any]:
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
            raise ValueError(f"{source}: not JSON ({error})") from None
        if not isinstance(data, dict):
            raise ValueError(f"{source}: the context is a JSON object of variables")
        context.update(data)
    return context


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"{path}: {getattr(error, 'strerror', None) or error}") from None


def _failed(template: str, error: RenderError, form: str) -> int:
    at = LineIndex(template).position(max(0, min(error.start, len(template))))
    line, column = at.line + 1, at.column + 1
    if form == "json":
        detail = {"kind": error.kind, "message": error.message, "line": line, "column": column}
        print(json.dumps({"output": None, "error": detail}, ensure_ascii=False))
    else:
        print(f"{line}:{column}: {error.kind} error: {error.message}", file=sys.stderr)
    return EXIT_USAGE if error.kind == "parse" else EXIT_RENDER_ERROR
