"""Speed of the Pebble parser on a realistic mix of templates: the valid snippets and long templates of
tests/pebble/test_parser.py, plain strings (the no-``{`` fast path), and every string holding Pebble in
the shared corpus of real flows when it is there. Prints templates per second and µs per template.
Run by hand:

    python bench/bench_pebble.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ruamel.yaml import YAML  # noqa: E402

from flowls.pebble import KESTRA_2, parse_template  # noqa: E402
from tests.pebble.test_parser import LONG_TEMPLATES, VALID_SNIPPETS  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
PLAIN = ("io.kestra.plugin.core.log.Log", "company.team", "PT5M", "SELECT * FROM orders WHERE id = 1")


def corpus_templates(limit: int = 5000) -> list[str]:
    """Strings holding Pebble in the corpus flows."""
    found: list[str] = []
    if not CORPUS.is_dir():
        return found
    yaml = YAML(typ="safe", pure=True)
    for path in sorted(CORPUS.rglob("*.y*ml")):
        try:
            documents = list(yaml.load_all(path.read_text(encoding="utf-8")))
        except Exception:  # the corpus holds deliberately invalid flows
            continue
        stack: list[object] = documents
        while stack:
            value = stack.pop()
            if isinstance(value, dict):
                stack.extend(value.values())
            elif isinstance(value, list):
                stack.extend(value)
            elif isinstance(value, str) and ("{{" in value or "{%" in value):
                found.append(value)
    return found[:limit]


def measure(name: str, templates: list[str], runs: int, dialect=None) -> None:
    if not templates:
        print(f"{name:<28} (none)")
        return
    rounds = max(1, 6000 // len(templates))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(rounds):
            for text in templates:
                parse_template(text) if dialect is None else parse_template(text, dialect)
        times.append(time.perf_counter() - start)
    per = statistics.median(times) / (rounds * len(templates))
    chars = sum(map(len, templates)) / len(templates)
    rate = f"{1 / per:>9,.0f} templates/s  {per * 1e6:>6.1f} µs/template"
    print(f"{name:<28} {len(templates):>5} templates, {chars:>4.0f} chars on average: {rate}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    snippets, long, corpus = list(VALID_SNIPPETS), list(LONG_TEMPLATES), corpus_templates()
    measure("valid snippets (stack §5)", snippets, args.runs)
    measure("long templates", long, args.runs)
    measure("plain strings (no '{')", list(PLAIN), args.runs)
    measure("corpus flows", corpus, args.runs)
    measure("mix", snippets + long + list(PLAIN) + corpus, args.runs)
    measure("mix, Kestra 2.0", snippets + long + list(PLAIN) + corpus, args.runs, KESTRA_2)
    errors = sum(bool(parse_template(text).errors) for text in corpus)
    print(f"corpus templates with a syntax error: {errors} of {len(corpus)}")


if __name__ == "__main__":
    main()
