"""Where each rule's documentation lives, for links from diagnostics: ``docs/rules.md``,
generated from the registry by ``scripts/gen_rule_docs.py`` and shipped in the package."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from flowls.rules.registry import RULES

_PACKAGE = Path(__file__).resolve().parent


def render_rule_docs() -> str:
    """The Markdown of every rule's documentation, one section per rule."""
    parts = ["# flowlint rules\n", "Generated from the rule registry (`scripts/gen_rule_docs.py`).\n"]
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        doc = rule.doc.replace("## ", "### ")
        parts.append(
            f"\n## {rule.id}\n\nDefault severity: **{rule.severity.value}**. Kestra {rule.versions_text}. "
            f"{rule.summary}\n\n{doc}"
        )
    return "".join(parts)


@cache
def _docs_file() -> Path | None:
    for candidate in (_PACKAGE / "docs" / "rules.md", _PACKAGE.parent / "docs" / "rules.md"):
        if candidate.is_file():
            return candidate
    return None


def rule_doc_uri(rule_id: str) -> str | None:
    """A link to the rule's section of the shipped documentation, when it is installed."""
    path = _docs_file()
    return f"{path.as_uri()}#{rule_id}" if path and rule_id in RULES else None
