"""Inline suppression comments.

``# flowlint: disable=ID[,ID]`` at the end of a line silences those rules on that line; alone
on a line it silences them on the next line. ``# flowlint: disable-file=ID[,ID]`` anywhere
silences them in the whole file. ``all`` stands for every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flowls.findings import Finding
from flowls.text import LineIndex

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*flowlint:\s*disable(-file)?\s*=\s*([a-z0-9, -]+)")


@dataclass
class Suppressions:
    file: set[str] = field(default_factory=set)
    by_line: dict[int, set[str]] = field(default_factory=dict)

    def silences(self, finding: Finding) -> bool:
        line = self.by_line.get(finding.range.start.line, set())
        return bool({finding.rule, "all"} & (self.file | line))


def find_suppressions(index: LineIndex) -> Suppressions:
    found = Suppressions()
    if "flowlint:" not in index.text:
        return found
    for line in range(index.line_count):
        text = index.line_text(line)
        match = _DIRECTIVE.search(text)
        if match is None:
            continue
        rules = {part.strip() for part in match.group(2).split(",") if part.strip()}
        if match.group(1):
            found.file |= rules
        else:
            alone = not text[: match.start()].strip()
            found.by_line.setdefault(line + 1 if alone else line, set()).update(rules)
    return found
