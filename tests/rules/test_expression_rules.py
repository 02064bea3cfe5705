"""Edge cases of the expression rules, in process (the CLI table has the basic cases)."""

from __future__ import annotations

import pytest

from flowls.analysis import Options
from tests.conftest import brief

HEAD = "id: hello\nnamespace: company.team\n"


def _rules(lint, text: str, *rules: str) -> list[tuple]:
    return [
        (rule, line, col, message)
        for rule, line, col, _, _, message in brief(lint(text, Options(select=frozenset(rules))))
    ]


def _log(message: str, extra: str = "") -> str:
    return f"  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: {message}\n{extra}"


@pytest.mark.parametrize(
    "message",
    [
        "\"{{ missing ?? 'x' }}\"",
        "\"{{ missing ??? 'x' }}\"",
        '"{{ missing is defined ? missing : 1 }}"',
        "\"{{ missing | default('x') }}\"",
        '"{% set total = 3 %}{{ total }}"',
        '"{% for item in [1, 2] %}{{ item }} {{ loop.index }}{% endfor %}"',
        "\"{% macro hi(name) %}{{ name }}{% endmacro %}{{ hi('a') }}\"",
        "\"{{ secret('KEY') }} {{ kv('k', namespace='n') }} {{ envs.home }} {{ globals.x }} {{ trigger.date }}\"",
    ],
)
def test_guards_and_bound_names_are_not_unknown(lint, message):
    assert _rules(lint, HEAD + "tasks:\n" + _log(message), "unknown-variable", "unknown-function") == []


def test_a_guard_does_not_reach_under_arithmetic_or_equality(lint):
    # pebble AddExpression/EqualsExpression wrap the AttributeNotFoundException, which `??` no longer catches
    text = HEAD + "tasks:\n" + _log('"{{ (missing + 1) ?? 0 }} {{ (other == 1) | default(true) }}"')
    assert _rules(lint, text, "unknown-variable") == [
        ("unknown-variable", 6, 19, "unknown variable 'missing'"),
        ("unknown-variable", 6, 44, "unknown variable 'other'"),
    ]


def test_inputs_nest_with_dots_and_accept_brackets(lint):
    inputs = "inputs:\n  - id: db.host\n    type: STRING\n  - id: my-input\n    type: STRING\n"
    ok = "\"{{ inputs.db.host }} {{ inputs.db }} {{ inputs['my-input'] }}\""
    assert _rules(lint, HEAD + inputs + "tasks:\n" + _log(ok), "unknown-input", "dash-reference") == []
    bad = "\"{{ inputs.db.port }} {{ inputs['nope'] }}\""
    assert _rules(lint, HEAD + inputs + "tasks:\n" + _log(bad), "unknown-input") == [
        ("unknown-input", 11, 25, "no input 'db.port' in this flow — did you mean 'db.host'?"),
        ("unknown-input", 11, 46, "no input 'nope' in this flow"),
    ]


def test_dash_reference_fix_respects_the_scalar_quoting(lint):
    inputs = "inputs:\n  - id: my-input\n    type: STRING\n"
    (finding,) = lint(HEAD + inputs + "tasks:\n" + _log("'{{ inputs.my-input }}'"))
    assert finding.rule == "dash-reference"
    assert finding.fix.edits[0].new_text == "inputs[''my-input'']"  # inside a single-quoted YAML string
    (plain,) = lint(HEAD + inputs + "tasks:\n" + _log("x {{ inputs.my-input }}"))
    assert plain.fix.edits[0].new_text == "inputs['my-input']"


def test_dashed_name_that_is_no_input(lint):
    text = HEAD + "tasks:\n" + _log('"{{ inputs.my-input }}"')
    assert _rules(lint, text, "unknown-input", "unknown-variable", "dash-reference") == [
        ("unknown-input", 6, 25, "no input 'my-input' in this flow")
    ]


def test_set_variables_declares_vars(lint):
    tasks = (
        "tasks:\n  - id: set\n    type: io.kestra.plugin.core.execution.SetVariables\n"
        "    variables:\n      greeting: hi\n" + _log('"{{ vars.greeting }}"')
    )
    assert _rules(lint, HEAD + tasks, "unknown-variable") == []


def test_for_each_item_creates_tasks_whose_outputs_are_read(lint):
    tasks = (
        "tasks:\n  - id: each\n    type: io.kestra.plugin.core.flow.ForEachItem\n    items: kestra:///file\n"
        "    namespace: company.team\n    flowId: child\n" + _log('"{{ outputs.each_merge.subflowOutputs }}"')
    )
    assert _rules(lint, HEAD + tasks, "unknown-task-reference") == []


def test_triggers_render_in_the_triggering_context(lint):
    triggers = (
        "triggers:\n  - id: upstream\n    type: io.kestra.plugin.core.trigger.Flow\n    inputs:\n"
        '      value: "{{ outputs.only.value }} {{ response }}"\n    preconditions:\n      id: p\n'
        "      flows:\n        - namespace: company.team\n          flowId: other\n"
    )
    text = HEAD + "tasks:\n" + _log("hi") + triggers
    assert _rules(lint, text, "unknown-task-reference", "unknown-variable", "unknown-input") == []


def test_unknown_plugins_may_bring_their_own_variables(lint):
    text = HEAD + 'tasks:\n  - id: q\n    type: io.kestra.plugin.jdbc.Query\n    sql: "{{ row.id }}"\n'
    assert _rules(lint, text, "unknown-variable") == []


def test_output_before_run_in_branches_and_phases(lint):
    text = (
        HEAD
        + 'tasks:\n  - id: check\n    type: io.kestra.plugin.core.flow.If\n    condition: "{{ true }}"\n'
        + "    then:\n      - id: a\n        type: io.kestra.plugin.core.debug.Return\n"
        + '        format: "{{ outputs.b.value }}"\n'
        + "    else:\n      - id: b\n        type: io.kestra.plugin.core.debug.Return\n        format: x\n"
        + "finally:\n  - id: f\n    type: io.kestra.plugin.core.log.Log\n"
        + '    message: "{{ outputs.a.value }} {{ outputs.z.value }}"\n'
        + "afterExecution:\n  - id: z\n    type: io.kestra.plugin.core.log.Log\n    message: z\n"
    )
    assert _rules(lint, text, "output-before-run") == [
        (
            "output-before-run",
            10,
            29,
            "'b' cannot have run when 'a' reads its outputs: it is in another branch of 'check' (else),"
            " which never runs with this one (then)",
        ),
        (
            "output-before-run",
            18,
            48,
            "'z' cannot have run when 'f' reads its outputs: it is in 'afterExecution', which runs after 'finally'",
        ),
    ]


def test_state_checks_in_every_phase(lint):
    tail = "    runIf: \"{{ execution.state isIn ['FAILED', 'RUNNING'] }}\"\n"
    for phase, expected in (
        ("errors", {"terminal-state-check"}),
        ("finally", {"terminal-state-check"}),
        ("afterExecution", {"impossible-state-check"}),
    ):
        text = HEAD + "tasks:\n" + _log("hi") + f"{phase}:\n" + _log("x", tail).replace("id: log", "id: other")
        found = {rule for rule, *_ in _rules(lint, text, "terminal-state-check", "impossible-state-check")}
        assert found == expected, phase


def test_printing_the_state_is_not_a_check(lint):
    text = HEAD + "tasks:\n" + _log("hi") + "finally:\n" + _log('"ended {{ execution.state }}"').replace("log", "f", 1)
    assert _rules(lint, text, "terminal-state-check") == []


def test_tasks_with_state_is_case_insensitive(lint):
    ok = HEAD + "tasks:\n" + _log("\"{{ tasksWithState('failed') }}\"")
    assert _rules(lint, ok, "unknown-state") == []
    bad = HEAD + "tasks:\n" + _log("\"{{ tasksWithState('failure') }}\"")
    assert _rules(lint, bad, "unknown-state") == [
        ("unknown-state", 6, 33, "unknown state 'failure' — did you mean 'FAILED'?")
    ]


def test_every_scalar_style_is_scanned_with_exact_positions(lint):
    text = (
        HEAD
        + "tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n"
        + "    message: |\n      line one\n      {{ nope() }}\n"
        + "  - id: b\n    type: io.kestra.plugin.core.log.Log\n"
        + "    message: >-\n      folded\n      text {{ nope2() }}\n"
        + "  - id: c\n    type: io.kestra.plugin.core.log.Log\n"
        + '    message: "esc\\taped {{ nope3() }}"\n'
    )
    assert _rules(lint, text, "unknown-function") == [
        ("unknown-function", 8, 10, "unknown function 'nope'"),
        ("unknown-function", 13, 15, "unknown function 'nope2'"),
        ("unknown-function", 16, 28, "unknown function 'nope3'"),
    ]
