"""The whole check pipeline on one ~1,700-line flow, in process: parse, model, schema and every
rule, with the time each stage takes. Run by hand:

    python bench/bench_pipeline.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_lint import flow

from flowls.analysis import Linter
from flowls.findings import Reporter
from flowls.model import build_flow
from flowls.parse.compose import compose
from flowls.parse.nodes import to_plain
from flowls.rules.context import RuleContext
from flowls.rules.registry import CHECKS
from flowls.schema.load import load_index
from flowls.schema.validate import FlowValidator
from flowls.text import LineIndex


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    text = flow()
    validator = FlowValidator(load_index())
    linter = Linter(validator)
    root = compose(text).documents[0]
    model = build_flow(root)
    plain = to_plain(root)

    def rules() -> None:
        context = RuleContext(model, Reporter(LineIndex(text)), validator.index)
        for check in CHECKS.values():
            check(context)

    findings = linter.lint_text(text).findings
    print(f"flow: {len(text.splitlines())} lines; {len(findings)} findings; {len(CHECKS)} rule checks")
    print(f"compose (ruamel C + our nodes)  {median_ms(lambda: compose(text), runs):7.2f} ms")
    print(f"flow model                      {median_ms(lambda: build_flow(root), runs):7.2f} ms")
    print(f"schema validation               {median_ms(lambda: validator.validate(plain), runs):7.2f} ms")
    print(f"rules (expressions included)    {median_ms(rules, runs):7.2f} ms")
    print(f"whole pipeline (lint_text)      {median_ms(lambda: linter.lint_text(text), runs):7.2f} ms")


if __name__ == "__main__":
    main()
