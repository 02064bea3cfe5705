"""The progress counter: on a terminal for long runs, never when piped or in CI."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from tests.conftest import flowlint

FLOW = (
    "id: f{n}\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
)


def _flows(tmp_path, count: int):
    for n in range(count):
        (tmp_path / f"f{n}.yaml").write_text(FLOW.format(n=n))


def _on_a_terminal(tmp_path, env: dict) -> tuple[int, str]:
    """flowlint with its stderr on a pseudo-terminal; returns the exit status and what it drew."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "flowls.cli", "."], cwd=tmp_path, stdout=subprocess.PIPE, stderr=follower, env=env
    )
    os.close(follower)
    drawn = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        drawn += chunk
    process.wait(timeout=60)
    os.close(leader)
    return process.returncode, drawn.decode("utf-8", "replace")


def test_a_long_run_at_a_terminal_shows_a_counter_then_erases_it(tmp_path):
    _flows(tmp_path, 60)
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    code, drawn = _on_a_terminal(tmp_path, env)
    assert code == 0
    assert "60/60 files" in drawn
    assert drawn.rstrip("\r\n").endswith("flowlint: no problems in 60 files")
    assert "\r\x1b[K" in drawn  # erased before the summary


def test_no_counter_in_ci_or_when_piped(tmp_path):
    _flows(tmp_path, 60)
    code, drawn = _on_a_terminal(tmp_path, {**os.environ, "CI": "true"})
    assert code == 0
    assert drawn.replace("\r\n", "\n") == "flowlint: no problems in 60 files\n"
    piped = flowlint(".", cwd=tmp_path)
    assert (piped.code, piped.stderr) == (0, "flowlint: no problems in 60 files\n")
