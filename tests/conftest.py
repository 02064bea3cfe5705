"""Shared helpers: the bundled linter, the real CLI as a subprocess, and the corpus."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

from flowls.analysis import Linter, Options
from flowls.findings import Finding, Severity
from flowls.schema.load import load_index
from flowls.schema.validate import FlowValidator
from flowls.version import KESTRA_2_0

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def validator() -> FlowValidator:
    return FlowValidator(load_index())


@pytest.fixture(scope="session")
def validator_2() -> FlowValidator:
    """The bundled Kestra 2.0 schema's."""
    return FlowValidator(load_index(version=KESTRA_2_0))


# Example options that are flowlint settings of the versions (`kestra-version`, `target-version`).
VERSION_OPTIONS = ("kestra-version", "target-version")


def version_settings(options: dict) -> dict:
    return {key: options[key] for key in VERSION_OPTIONS if key in options}


@pytest.fixture(scope="session")
def lint(validator: FlowValidator):
    """Lint YAML text (dedented) with the bundled schema; returns the findings."""

    def run(text: str, options: Options | None = None) -> list[Finding]:
        return Linter(validator, options).lint_text(textwrap.dedent(text)).findings

    return run


def error_lines(linter: Linter, path: Path) -> list[tuple[int, str]]:
    """The (line, rule) of each error a file gets."""
    findings = linter.lint_bytes(path.read_bytes()).findings
    return [(f.range.start.line + 1, f.rule) for f in findings if f.severity is Severity.ERROR]


def brief(findings: list[Finding]) -> list[tuple[str, int, int, int, int, str]]:
    """Findings as (rule, line, column, end line, end column, message), 1-based like the CLI."""
    return [
        (
            f.rule,
            f.range.start.line + 1,
            f.range.start.column + 1,
            f.range.end.line + 1,
            f.range.end.column + 1,
            f.message,
        )
        for f in findings
    ]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def flowlint(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict | None = None) -> Run:
    """Run the real CLI in a subprocess."""
    done = subprocess.run(
        [sys.executable, "-m", "flowls.cli", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
    )
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))
