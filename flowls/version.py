"""The Kestra versions flowls checks flows against: 1.x (1.3/1.4, the released line) and 2.0.

A version names its flow language in one place: the bundled schema, the Pebble dialect, and the
version-specific behaviours rules and the dry run ask about. The setting is ``kestra-version``
(``1`` or ``2``); without it, an instance's schema tells which version it is, and the bundled
schema is 1.x's.
"""

from __future__ import annotations

from dataclasses import dataclass

from flowls.pebble.builtins import KESTRA_1, KESTRA_2, Dialect


@dataclass(frozen=True)
class KestraVersion:
    major: int
    name: str  # as users read it: "1.x", "2.0"
    dialect: Dialect
    schema_file: str  # the bundled schema, in schemas/

    def __str__(self) -> str:
        return f"Kestra {self.name}"


KESTRA_1X = KestraVersion(1, "1.x", KESTRA_1, "flow.schema.json")
KESTRA_2_0 = KestraVersion(2, "2.0", KESTRA_2, "flow-2.0.schema.json")
VERSIONS = {version.major: version for version in (KESTRA_1X, KESTRA_2_0)}
DEFAULT_VERSION = KESTRA_1X  # 2.0 is not released yet; README says why


class VersionError(ValueError):
    """A ``kestra-version`` that flowls does not know."""


def parse_version(value: object) -> KestraVersion:
    """``1``, ``2`` (numbers or strings), ``1.x`` or ``2.0``."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    for version in VERSIONS.values():
        if text in (str(version.major), version.name):
            return version
    raise VersionError(f"unknown Kestra version {value!r}: use 1 or 2")


# Classes only one version has: 2.0 removed ForEach (and ForEachItem) and added Loop.
_ONLY_IN = {1: "io.kestra.plugin.core.flow.ForEach", 2: "io.kestra.plugin.core.flow.Loop"}


def detect_version(plugin_types: object) -> KestraVersion | None:
    """The version whose core plugins a schema's ``type`` values show; None when they show neither."""
    has = {major: name in plugin_types for major, name in _ONLY_IN.items()}  # type: ignore[operator]
    if has[2] and not has[1]:
        return KESTRA_2_0
    if has[1] and not has[2]:
        return KESTRA_1X
    return None
