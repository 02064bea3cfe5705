"""Speed of the sandboxed evaluator (what `flowlint render` and the dry run use): the templates of
the render tables (tests/pebble/test_render_*.py) with their contexts, in Kestra 1.x's dialect and
2.0's, and the date filters alone. Prints µs per rendering (median of the runs). Run by hand:

    python bench/bench_render.py [--runs 7]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flowls.pebble import KESTRA_1, KESTRA_2  # noqa: E402
from flowls.pebble.evaluate import RenderError, RenderOptions, render  # noqa: E402
from tests.pebble import test_render_dates, test_render_formats, test_render_table  # noqa: E402

DATE_CONTEXT = {**test_render_dates.DATES, "day": 1, "tz": "Australia/Perth"}


def _cases() -> dict[str, list[tuple[str, dict]]]:
    table = [(row.values[0], row.values[1]) for row in test_render_table.ROWS]
    dates = [(row.values[0], DATE_CONTEXT) for row in test_render_dates.ROWS]
    formats = [(row.values[0], test_render_formats.CONTEXT) for row in test_render_formats.ROWS]
    return {"render table (operators, tags, filters)": table, "date filters": dates, "formats": formats}


def _time(cases: list[tuple[str, dict]], options: RenderOptions, runs: int) -> float:
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        for template, context in cases:
            with contextlib.suppress(RenderError):  # the error rows time their failure
                render(template, context, options)
        timings.append((time.perf_counter() - start) / len(cases))
    return statistics.median(timings) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for name, cases in _cases().items():
        for dialect in (KESTRA_1, KESTRA_2):
            per = _time(cases, RenderOptions(dialect=dialect), args.runs)
            print(f"{name:<42} {dialect.name:<9} {len(cases):>4} templates  {per:8.1f} µs each")


if __name__ == "__main__":
    main()
