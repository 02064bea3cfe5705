"""flowlint's settings: ``[tool.flowlint]`` in pyproject.toml, or a flowlint.toml file.

The nearest file up from each linted file wins (from the working directory for stdin);
command-line options override it.
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flowls.findings import Severity
from flowls.parse.source import DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_SIZE
from flowls.rules.registry import RULES
from flowls.schema.load import is_url
from flowls.version import KestraVersion, VersionError, parse_version

CONFIG_FILES = ("flowlint.toml", ".flowlint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A setting that cannot be used; the message names the file and the key."""


@dataclass
class Config:
    schema: str | None = None
    kestra_version: KestraVersion | None = None  # None: the instance schema's, else the default
    target_version: KestraVersion | None = None  # a version to migrate to (migrate-to-2)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_depth: int = DEFAULT_MAX_DEPTH
    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    per_path_ignores: PathIgnores = field(default_factory=lambda: PathIgnores(None, ()))
    source: Path | None = None  # the file these came from


@dataclass(frozen=True)
class PathIgnores:
    """``per-path-ignores``: glob (relative to the config file) -> rules silenced there."""

    root: Path | None
    patterns: tuple[tuple[str, frozenset[str]], ...]

    def rules_for(self, path: Path) -> frozenset[str]:
        if not self.patterns:
            return frozenset()
        absolute = path.resolve()
        relative = (
            absolute.relative_to(self.root).as_posix() if self.root and absolute.is_relative_to(self.root) else ""
        )
        rules: set[str] = set()
        for pattern, ignored in self.patterns:
            if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(absolute.name, pattern):
                rules |= ignored
        return frozenset(rules)


def find_config(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_section(candidate)):
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML ({error})") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("flowlint", {})
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path | None) -> Config:
    where = str(path) if path else "settings"
    config = Config(source=path)
    for key, value in data.items():
        name = key.replace("_", "-")
        if name == "schema":
            config.schema = _schema_source(_string(where, key, value), path)
        elif name in ("kestra-version", "target-version"):
            setattr(config, name.replace("-", "_"), version_setting(where, key, value))
        elif name == "max-file-size":
            config.max_file_size = _positive(where, key, value)
        elif name == "max-depth":
            config.max_depth = _positive(where, key, value)
        elif name == "select":
            config.select = frozenset(rule_ids(where, key, value))
        elif name == "ignore":
            config.ignore = frozenset(rule_ids(where, key, value))
        elif name == "severity":
            config.severity = severities(where, key, value)
        elif name == "exclude":
            config.exclude = tuple(_strings(where, key, value))
        elif name == "per-path-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: '{key}' must be a table of glob = [rule ids]")
            patterns = tuple((glob, frozenset(rule_ids(where, key, rules))) for glob, rules in value.items())
            config.per_path_ignores = PathIgnores(path.parent.resolve() if path else None, patterns)
        else:
            raise ConfigError(f"{where}: unknown setting '{key}'")
    return config


def version_setting(where: str, key: str, value: Any) -> KestraVersion:
    try:
        return parse_version(value)
    except VersionError as error:
        raise ConfigError(f"{where}: '{key}': {error}") from None


def rule_ids(where: str, key: str, value: Any) -> list[str]:
    ids = _strings(where, key, value)
    for rule in ids:
        if rule not in RULES:
            raise ConfigError(f"{where}: '{key}' names unknown rule '{rule}'")
    return ids


def severities(where: str, key: str, value: Any) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: '{key}' must be a table of rule = severity")
    result = {}
    for rule, level in value.items():
        rule_ids(where, key, [rule])
        try:
            result[rule] = Severity(level)
        except ValueError:
            raise ConfigError(f"{where}: severity of '{rule}' must be error, warning or info") from None
    return result


def _schema_source(value: str, path: Path | None) -> str:
    if is_url(value) or path is None:
        return value
    return str((path.parent / value).resolve())


def _has_section(pyproject: Path) -> bool:
    try:
        return "flowlint" in tomllib.loads(pyproject.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def _string(where: str, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: '{key}' must be a string")
    return value


def _strings(where: str, key: str, value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of strings")
    return value


def _positive(where: str, key: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{where}: '{key}' must be a positive integer")
    return value
