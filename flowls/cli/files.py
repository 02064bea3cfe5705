"""Which files to lint: explicit files always, directories' YAML only when it looks like a flow."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterator
from pathlib import Path

YAML_SUFFIXES = (".yml", ".yaml")
_SKIPPED_DIRS = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}
_TOP_KEY = r"^[\"']?{}[\"']?[ \t]*:"
_FLOW_MARKERS = (
    re.compile(_TOP_KEY.format("id"), re.M),
    re.compile(_TOP_KEY.format("namespace"), re.M),
    re.compile(_TOP_KEY.format("(?:tasks|triggers)"), re.M),
)


def looks_like_flow(text: str) -> bool:
    """Top-level ``id`` and ``namespace`` and ``tasks`` or ``triggers``, read from the text
    itself so that a flow with a syntax error is still recognised."""
    return all(marker.search(text) for marker in _FLOW_MARKERS)


def discover(paths: list[Path]) -> Iterator[tuple[Path, bool]]:
    """Files to lint, each with whether it was named explicitly (else found in a directory)."""
    for path in paths:
        if path.is_dir():
            for found in sorted(_walk(path)):
                yield found, False
        else:
            yield path, True


def _walk(root: Path) -> Iterator[Path]:
    for directory, subdirs, names in os.walk(root):
        subdirs[:] = [d for d in subdirs if d not in _SKIPPED_DIRS]
        for name in names:
            if name.endswith(YAML_SUFFIXES):
                yield Path(directory) / name


def excluded(path: Path, patterns: tuple[str, ...]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) for p in patterns)
