from flowls.fixes import apply_fixes
from flowls.text import LineIndex

FLOW = """\
id: hello   # the flow's id
namespace: company.team
tasks:
  - id: a
    type: io.kestra.core.tasks.log.Log   # old name
    message: {{ flow.id }}
  - id: b
    type: "io.kestra.core.tasks.debugs.Return"
    format: x
"""


def test_fixes_are_minimal_edits(lint):
    findings = lint(FLOW)
    assert sorted(f.rule for f in findings) == ["deprecated-type", "deprecated-type", "unquoted-expression"]
    fixed, applied = apply_fixes(LineIndex(FLOW), findings)
    assert applied == 3
    assert fixed == FLOW.replace("io.kestra.core.tasks.log.Log", "io.kestra.plugin.core.log.Log").replace(
        "{{ flow.id }}", '"{{ flow.id }}"'
    ).replace('"io.kestra.core.tasks.debugs.Return"', "io.kestra.plugin.core.debug.Return")
    assert lint(fixed) == []


def test_unsafe_fixes_wait_for_an_explicit_request(lint):
    findings = [f for f in lint(FLOW) if f.fix is not None]
    findings = [f.__class__(f.rule, f.severity, f.message, f.range, f.fix.__class__(f.fix.title, f.fix.edits, False))
                for f in findings]  # fmt: skip
    assert apply_fixes(LineIndex(FLOW), findings) == (FLOW, 0)
    assert apply_fixes(LineIndex(FLOW), findings, safe_only=False)[1] == 3


def test_terminal_state_check_offers_moving_the_task_to_after_execution(lint):
    import textwrap

    from flowls.rules.registry import RULES

    rule = RULES["terminal-state-check"]
    text = textwrap.dedent(rule.bad_example)
    findings = lint(text)
    assert findings[0].fix.title == "Move 'alert' to afterExecution"
    assert not findings[0].fix.safe  # it changes when the task runs: offered, never applied by --fix
    assert apply_fixes(LineIndex(text), findings) == (text, 0)
    assert apply_fixes(LineIndex(text), findings, safe_only=False) == (textwrap.dedent(rule.good_example), 1)


def test_moving_next_to_existing_after_execution_tasks(lint):
    text = (
        "id: hello\nnamespace: company.team\ntasks:\n  - id: work\n    type: io.kestra.plugin.core.log.Log\n"
        "    message: working\nfinally:\n    - id: keep\n      type: io.kestra.plugin.core.log.Log\n      message: k\n"
        "    - id: alert  # notify\n      type: io.kestra.plugin.core.log.Log\n      message: failed\n"
        "      runIf: \"{{ execution.state == 'FAILED' }}\"\nafterExecution:\n  - id: other\n"
        "    type: io.kestra.plugin.core.log.Log\n    message: x\n"
    )
    fixed, applied = apply_fixes(LineIndex(text), lint(text), safe_only=False)
    assert applied == 1
    assert fixed.endswith(
        "afterExecution:\n  - id: other\n    type: io.kestra.plugin.core.log.Log\n    message: x\n"
        "  - id: alert  # notify\n    type: io.kestra.plugin.core.log.Log\n    message: failed\n"
        "    runIf: \"{{ execution.state == 'FAILED' }}\"\n"
    )
    assert "    - id: keep\n      type: io.kestra.plugin.core.log.Log\n      message: k\nafterExecution:" in fixed
    assert lint(fixed) == []
