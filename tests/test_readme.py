"""The README's set-up commands and rule table stay true."""

import subprocess
import sys

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    command = "python -m pip install -e '.[test]' && python -m pytest"
    assert command in README
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_rule_docs_are_generated_from_the_registry():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_rule_docs.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "| `terminal-state-check` | warning | 1.x, 2.0 | execution.state is compared with a final state" in README
