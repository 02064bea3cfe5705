"""The editor's settings (section ``flowls``), merged over the project's flowlint config."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flowls.config import Config, ConfigError, find_config, load_config, rule_ids, severities, version_setting
from flowls.findings import Severity
from flowls.version import KestraVersion

DEFAULT_DEBOUNCE_MS = 300


@dataclass(frozen=True)
class Settings:
    schema: str | None = None
    kestra_version: KestraVersion | None = None
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    globs: tuple[str, ...] = ()  # paths always treated as flows, whatever their content
    debounce_ms: int = DEFAULT_DEBOUNCE_MS
    max_file_size: int | None = None

    def matches(self, path: str) -> bool:
        return any(fnmatch.fnmatch(path, glob) or fnmatch.fnmatch(Path(path).name, glob) for glob in self.globs)


CLIENT_ONLY = "server"  # how an editor extension starts flowls (command, interpreter): not the server's


def parse_settings(data: Any) -> tuple[Settings, list[str]]:
    """Settings from the client's JSON, and what was wrong in it (those keys are ignored)."""
    if not isinstance(data, dict):
        return Settings(), [] if data is None else ["flowls settings must be an object"]
    values: dict[str, Any] = {}
    problems: list[str] = []
    readers = {
        "schema": lambda v: ("schema", _string(v)),
        "kestraVersion": lambda v: ("kestra_version", version_setting("settings", "kestraVersion", v)),
        "select": lambda v: ("select", frozenset(rule_ids("settings", "select", v))),
        "ignore": lambda v: ("ignore", frozenset(rule_ids("settings", "ignore", v))),
        "severity": lambda v: ("severity", severities("settings", "severity", v)),
        "globs": lambda v: ("globs", tuple(_strings(v))),
        "debounceMs": lambda v: ("debounce_ms", _count(v, minimum=0)),
        "maxFileSize": lambda v: ("max_file_size", _count(v, minimum=1)),
    }
    for key, value in data.items():
        if key == CLIENT_ONLY:
            continue
        reader = readers.get(key)
        if reader is None:
            problems.append(f"unknown flowls setting '{key}'")
            continue
        if value is None:
            continue
        try:
            name, parsed = reader(value)
        except (ConfigError, ValueError) as error:
            problems.append(f"flowls.{key}: {error}")
            continue
        values[name] = parsed
    return Settings(**values), problems


def effective_config(settings: Settings, document_path: Path | None) -> Config:
    """The project's config found above the document, with the editor's settings on top."""
    config = load_config(find_config(document_path.parent)) if document_path else Config()
    if settings.schema:
        config.schema = settings.schema
    if settings.kestra_version is not None:
        config.kestra_version = settings.kestra_version
    if settings.select is not None:
        config.select = settings.select
    config.ignore = config.ignore | settings.ignore
    config.severity = {**config.severity, **settings.severity}
    if settings.max_file_size:
        config.max_file_size = settings.max_file_size
    return config


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of strings")
    return value


def _count(value: Any, *, minimum: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise ValueError(f"must be an integer of at least {minimum}")
    return value
