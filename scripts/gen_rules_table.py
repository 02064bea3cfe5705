"""Write the README's rule table from the rule registry: `python scripts/gen_rules_table.py`
(`--check` exits 1 when the README is stale)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flowls.rules.registry import RULES

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    rows = ["| rule | default | what it reports |", "| --- | --- | --- |"]
    rows += [f"| `{r.id}` | {r.severity.value} | {r.summary} |" for r in sorted(RULES.values(), key=lambda r: r.id)]
    return "\n".join(rows)


def render(readme: str) -> str:
    before, _, rest = readme.partition(START)
    _, _, after = rest.partition(END)
    return f"{before}{START}\n{table()}\n{END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    current = README.read_text(encoding="utf-8")
    if START not in current or END not in current:
        print(f"{README}: no {START} ... {END} markers", file=sys.stderr)
        return 1
    wanted = render(current)
    if args.check:
        if wanted != current:
            print(f"{README}: the rule table is stale; run scripts/gen_rules_table.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
