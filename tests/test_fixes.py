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
