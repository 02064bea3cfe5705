"""Speed of the dry run: every flow of the corpus's Kestra test flows (valids) that lints without
errors and needs no input, simulated as written; and the editor's hover on a late task, which
runs one dry run per task of ``tasks`` made to fail. Run by hand:

    python bench/bench_simulate.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flowls.analysis import Linter  # noqa: E402
from flowls.features.document import FlowFile  # noqa: E402
from flowls.features.hover import hover  # noqa: E402
from flowls.model import Phase  # noqa: E402
from flowls.schema.load import load_index  # noqa: E402
from flowls.schema.validate import FlowValidator  # noqa: E402
from flowls.simulate.checked import SimulationRefused, simulate_checked  # noqa: E402
from flowls.simulate.scenario import Scenario  # noqa: E402

VALIDS = REPO.parent / "shared" / "corpus" / "kestra-tests" / "valids"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    linter = Linter(FlowValidator(load_index()))
    cases = []
    for path in sorted(VALIDS.glob("*.y*ml")):
        file = FlowFile.analyse(linter, path.as_uri(), path.read_text(encoding="utf-8"))
        flows = file.analysis.flows
        if len(flows) != 1:
            continue
        try:
            simulate_checked(file.analysis, flows[0], Scenario(), file.schema)
        except SimulationRefused:
            continue
        cases.append(file)
    print(f"{len(cases)} corpus flows simulate without a scenario")
    per_flow = []
    for _ in range(runs):
        started = time.perf_counter()
        for file in cases:
            simulate_checked(file.analysis, file.analysis.flows[0], Scenario(), file.schema)
        per_flow.append((time.perf_counter() - started) / len(cases) * 1000)
    print(f"simulate, per flow: median {statistics.median(per_flow):.2f} ms (best {min(per_flow):.2f})")
    hovers = []
    for file in cases:
        flow = file.analysis.flows[0]
        late = [t for t in flow.all_tasks() if t.phase is not Phase.TASKS and t.mapping.get("id") is not None]
        for task in late:
            offset = task.mapping.get("id").start
            started = time.perf_counter()
            hover(file, offset)
            hovers.append((time.perf_counter() - started) * 1000)
    if hovers:
        hovers.sort()
        p95 = hovers[int(len(hovers) * 0.95)]
        print(f"hover on {len(hovers)} errors/finally/afterExecution tasks: median {statistics.median(hovers):.2f} ms, "
              f"p95 {p95:.2f} ms, max {hovers[-1]:.2f} ms")  # fmt: skip


if __name__ == "__main__":
    main()
