"""The README's set-up commands and rule table stay true."""

from flowls.rules.registry import RULES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command():
    command = "python -m pip install -e '.[test]' && python -m pytest"
    assert command in README
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_rule_table_lists_every_rule_with_its_severity_and_summary():
    for rule in RULES.values():
        assert f"| `{rule.id}` | {rule.severity.value} | {rule.summary} |" in README
