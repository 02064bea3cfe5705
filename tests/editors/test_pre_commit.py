"""The pre-commit hook, installed by pre-commit itself from this checkout (`pre-commit try-repo`):
a bad flow fails the commit with its finding, a good flow and YAML that is not a flow pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

GOOD = """\
id: good
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(project: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO), "flowlint", "--all-files"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_try_repo_fails_on_a_bad_flow_only(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "good.yaml").write_text(GOOD)
    (project / "bad.yaml").write_text(GOOD.replace("id: good", "id: bad").replace("message:", "mesage:"))
    (project / "ci.yml").write_text("name: ci\non: push\njobs: {}\n")  # YAML, not a flow
    _git(project, "init", "-q")
    _git(project, "add", ".")
    home = tmp_path / "pre-commit-home"
    failing = _try_repo(project, home)
    assert failing.returncode == 1, failing.stdout + failing.stderr
    findings = [line for line in failing.stdout.splitlines() if line.startswith(("bad.yaml", "good.yaml", "ci.yml"))]
    assert findings == [
        "bad.yaml:5:11: error: missing required property 'message' [schema]",
        "bad.yaml:6:5: error: unknown property 'mesage' in io.kestra.plugin.core.log.Log"
        " — did you mean 'message'? [schema]",
    ]
    (project / "bad.yaml").unlink()
    _git(project, "add", "-A")
    passing = _try_repo(project, home)  # the hook's environment is reused
    assert passing.returncode == 0, passing.stdout + passing.stderr
