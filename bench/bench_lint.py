"""flowlint over 20 copies of a ~1,700-line flow of core tasks, against a bare libyaml compose
of the same files; whole processes, median of several runs. Run by hand:

    python bench/bench_lint.py [--runs 7]

Prints the figures; asserts nothing (speed is measured here, not in the test suite).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COPIES = 20
RUAMEL_COMPOSE = (
    "import sys\nfrom ruamel.yaml import YAML\n"
    "for p in sys.argv[1:]:\n    list(YAML(typ='safe', pure=False).compose_all(open(p, encoding='utf-8').read()))\n"
)
PYYAML_COMPOSE = (
    "import sys, yaml\n"
    "for p in sys.argv[1:]:\n    list(yaml.compose_all(open(p, encoding='utf-8').read(), Loader=yaml.CSafeLoader))\n"
)


def group(i: int) -> str:
    """One block of core tasks (about 42 lines): flowables, expressions, retries, a Dag."""
    return f"""\
  - id: group_{i}
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: 2
    tasks:
      - id: fetch_{i}
        type: io.kestra.plugin.core.http.Request
        uri: "https://example.com/api/{{{{ inputs.region }}}}/{i}"
        method: GET
        retry:
          type: exponential
          interval: PT1S
          maxInterval: PT1M
          maxAttempts: 3
      - id: check_{i}
        type: io.kestra.plugin.core.flow.If
        condition: "{{{{ inputs.size > {i} }}}}"
        then:
          - id: log_{i}
            type: io.kestra.plugin.core.log.Log
            message: "group {i} at {{{{ taskrun.startDate }}}}"
            level: INFO
        else:
          - id: skip_{i}
            type: io.kestra.plugin.core.debug.Return
            format: "skipped {i}"
      - id: dag_{i}
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - task:
              id: a_{i}
              type: io.kestra.plugin.core.output.OutputValues
              values:
                n: {i}
          - task:
              id: b_{i}
              type: io.kestra.plugin.core.flow.Sleep
              duration: PT1S
            dependsOn:
              - a_{i}
      - id: kv_{i}
        type: io.kestra.plugin.core.kv.Set
        key: "k{i}"
        value: "{{{{ outputs.fetch_{i}.code }}}}"
"""


def flow() -> str:
    head = (
        "id: bench\nnamespace: company.bench\ninputs:\n  - id: region\n    type: STRING\n    defaults: eu\n"
        "  - id: size\n    type: INT\n    defaults: 10\ntasks:\n"
    )
    tail = (
        "errors:\n  - id: alert\n    type: io.kestra.plugin.core.log.Log\n    message: failed\n"
        "triggers:\n  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: '0 9 * * *'\n"
    )
    return head + "".join(group(i) for i in range(40)) + tail


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{command[:3]} failed:\n{done.stderr.decode()}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    text = flow()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for n in range(COPIES):
            path = Path(tmp) / f"flow_{n:02d}.yaml"
            path.write_text(text, encoding="utf-8")
            files.append(str(path))
        check = subprocess.run([sys.executable, "-m", "flowls.cli", files[0]], capture_output=True, text=True)
        print(f"flow: {len(text.splitlines())} lines, {len(text) // 1024} KB, x{COPIES} files")
        print(f"flowlint on one copy: exit {check.returncode}; {check.stderr.strip()}")
        lint = timed([sys.executable, "-m", "flowls.cli", *files], args.runs)
        serial = timed([sys.executable, "-m", "flowls.cli", "--jobs", "1", *files], args.runs)
        ruamel = timed([sys.executable, "-c", RUAMEL_COMPOSE, *files], args.runs)
        print(f"flowlint (20 files, all cores)      {lint * 1000:8.1f} ms")
        print(f"flowlint --jobs 1 (one process)     {serial * 1000:8.1f} ms")
        print(
            f"ruamel C compose (libyaml)          {ruamel * 1000:8.1f} ms   ratio {lint / ruamel:5.2f}x"
            f" (one process: {serial / ruamel:.2f}x)"
        )
        try:
            import yaml  # noqa: F401  (optional baseline: PyYAML's CSafeLoader)

            pyyaml = timed([sys.executable, "-c", PYYAML_COMPOSE, *files], args.runs)
            print(
                f"PyYAML CSafeLoader compose (libyaml) {pyyaml * 1000:7.1f} ms   ratio {lint / pyyaml:5.2f}x"
                f" (one process: {serial / pyyaml:.2f}x)"
            )
        except ImportError:
            print("PyYAML not installed: its baseline is skipped")


if __name__ == "__main__":
    main()
