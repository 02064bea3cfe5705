"""The shape of a rule: a stable id, a default severity and a doc with examples."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field

from flowls.findings import Severity
from flowls.version import VERSIONS

_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
_YAML_BLOCK = re.compile(r"```yaml\n(.*?)```", re.S)


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation.

    ``doc`` is Markdown with the sections ``## What it does``, ``## Why is this bad?`` and
    ``## Example``: the first YAML block is a flow the rule flags, the block after
    ``Use instead:`` one it accepts. Tests lint both.
    """

    id: str
    severity: Severity
    summary: str
    doc: str
    # Options the examples need (e.g. a small size limit), as ``flowlint`` config keys.
    example_options: dict[str, object] = field(default_factory=dict)
    versions: frozenset[int] = frozenset({1, 2})  # the Kestra major versions the rule checks

    def __post_init__(self) -> None:
        if not _ID.match(self.id):
            raise ValueError(f"rule id {self.id!r} is not kebab-case")
        object.__setattr__(self, "doc", textwrap.dedent(self.doc).strip() + "\n")

    @property
    def versions_text(self) -> str:
        """The Kestra versions the rule checks, as docs say them: "1.x, 2.0" or "2.0 only"."""
        names = [VERSIONS[major].name for major in sorted(self.versions)]
        return ", ".join(names) if len(names) == len(VERSIONS) else f"{names[0]} only"

    @property
    def bad_example(self) -> str:
        return self._examples()[0]

    @property
    def good_example(self) -> str:
        return self._examples()[1]

    def _examples(self) -> tuple[str, str]:
        example = self.doc.split("## Example", 1)[-1]
        bad, _, good = example.partition("Use instead:")
        bad_blocks, good_blocks = _YAML_BLOCK.findall(bad), _YAML_BLOCK.findall(good)
        if not bad_blocks or not good_blocks:
            raise ValueError(f"rule {self.id} has no bad/good YAML example")
        return bad_blocks[0], good_blocks[0]
