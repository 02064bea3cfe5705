"""Write the rule documentation from the rule registry: the README's rule table and
`docs/rules.md` (`python scripts/gen_rule_docs.py`; `--check` exits 1 when either is stale)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flowls.rule_docs import render_rule_docs
from flowls.rules.registry import RULES

README = Path(__file__).resolve().parents[1] / "README.md"
RULE_DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    rows = ["| rule | default | Kestra | what it reports |", "| --- | --- | --- | --- |"]
    rows += [
        f"| `{r.id}` | {r.severity.value} | {r.versions_text} | {r.summary} |"
        for r in sorted(RULES.values(), key=lambda r: r.id)
    ]
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
    outputs = {README: render(current), RULE_DOCS: render_rule_docs()}
    if args.check:
        stale = [path for path, text in outputs.items() if not path.is_file() or path.read_text("utf-8") != text]
        for path in stale:
            print(f"{path} is stale; run scripts/gen_rule_docs.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
