"""Hover on real flows: the cursor is where ``<|>`` is written in the test text."""

from __future__ import annotations

import textwrap

import pytest

from flowls.analysis import Linter
from flowls.features.document import FlowFile
from flowls.features.hover import HoverInfo, hover
from flowls.schema.validate import FlowValidator

CURSOR = "<|>"


def hover_at(validator: FlowValidator, text: str) -> tuple[HoverInfo | None, str]:
    """The hover at the cursor, and the text without the marker."""
    text = textwrap.dedent(text)
    offset = text.index(CURSOR)
    clean = text.replace(CURSOR, "", 1)
    return hover(FlowFile.analyse(Linter(validator), "file:///f.yaml", clean), offset), clean


def hovered(validator: FlowValidator, text: str) -> tuple[str, str]:
    """The markdown, and the hovered text."""
    info, clean = hover_at(validator, text)
    assert info is not None
    return info.markdown, clean[info.start : info.end]


FLOW = """\
id: hello
namespace: company.team
inputs:
  - id: name
    type: STRING
    description: Who to greet
variables:
  greeting: hello
  nested:
    a: 1
    b: 2
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: x
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ outputs.first.value == 'x' }}"
    then:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: MESSAGE
        retry:
          type: constant
          interval: PT1M
          maxAttempt: 3
errors:
  - id: alert
    type: io.kestra.plugin.core.log.Log
    message: "{{ execution.state }}"
afterExecution:
  - id: notify
    type: io.kestra.plugin.core.log.Log
    message: "{{ execution.state }}"
"""


def with_message(message: str) -> str:
    return FLOW.replace("MESSAGE", message)


# --- property keys -----------------------------------------------------------------------------


def test_a_property_key(validator):
    markdown, word = hovered(validator, FLOW.replace("    condition:", "    cond<|>ition:"))
    assert word == "condition"
    assert markdown == (
        "**condition** · string · required\n\n"
        "Pebble expression; `then` runs when it renders to a truthy value, `else` otherwise.\n\n"
        "- Dynamic: Pebble expressions are rendered\n\n"
        "In `io.kestra.plugin.core.flow.If`"
    )


def test_a_key_with_a_default_that_is_not_dynamic(validator):
    text = FLOW.replace("        retry:", "        allowFailure<|>: true\n        retry:")
    markdown, word = hovered(validator, text)
    assert word == "allowFailure"
    assert markdown == (
        "**allowFailure** · boolean\n\n"
        "When `true`, a failure of the task leaves the execution in `WARNING` instead of failing it.\n\n"
        "- Default: `false`\n"
        "- Not dynamic: written as is, expressions are not rendered\n\n"
        "In `io.kestra.plugin.core.log.Log`"
    )


def test_a_deprecated_key(validator):
    markdown, word = hovered(validator, FLOW.replace("maxAttempt: 3", "max<|>Attempt: 3"))
    assert word == "maxAttempt"
    assert markdown == (
        "**maxAttempt** · integer\n\n"
        "Deprecated spelling of `maxAttempts`, still read by Kestra up to 1.3.\n\n"
        "- Not dynamic: written as is, expressions are not rendered\n"
        "- **Deprecated**\n\n"
        "In `io.kestra.core.models.tasks.retrys.Constant`"
    )


def test_a_key_of_a_list_or_a_union(validator):
    markdown, word = hovered(validator, FLOW.replace("    then:", "    th<|>en:"))
    assert (word, markdown.split("\n\n")[0]) == ("then", "**then** · list of tasks · required")
    markdown, _ = hovered(validator, FLOW.replace("        retry:", "        re<|>try:"))
    assert markdown.split("\n\n")[0] == "**retry** · retry"
    markdown, _ = hovered(validator, FLOW.replace("message: MESSAGE", "mess<|>age: MESSAGE"))
    assert markdown.split("\n\n")[0] == "**message** · string or list of strings · required"
    markdown, _ = hovered(validator, FLOW.replace("namespace:", "name<|>space:"))
    assert markdown.endswith("In `io.kestra.core.models.flows.Flow`")


def test_a_key_on_a_line_of_a_file_that_does_not_parse(validator):
    text = FLOW.replace("    then:", "    th<|>en:\n    broken") + "  - {unclosed\n"
    clean = textwrap.dedent(text).replace(CURSOR, "", 1)
    file = FlowFile.analyse(Linter(validator), "file:///f.yaml", clean)
    assert any(f.rule == "yaml-syntax" for f in file.analysis.findings)
    info, clean = hover_at(validator, text)
    assert info is not None and clean[info.start : info.end] == "then"
    assert info.markdown.startswith("**then** · list of tasks · required")


def test_keys_the_schema_does_not_know(validator):
    known = FLOW.replace("    format: x", "    form<|>at: x\n    colour: red")
    assert hovered(validator, known)[0].startswith("**format** · string")
    info, _ = hover_at(validator, FLOW.replace("    format: x", "    format: x\n    col<|>our: red"))
    assert info is None
    plugin = "id: a\nnamespace: b\ntasks:\n  - id: s\n    type: io.kestra.plugin.scripts.shell.Commands\n"
    info, _ = hover_at(validator, plugin + "    comm<|>ands: [ls]\n")
    assert info is None
    markdown, word = hovered(validator, plugin + "    run<|>If: 'true'\n")
    assert word == "runIf" and "In `every task`" in markdown


# --- type values -------------------------------------------------------------------------------


def test_a_type_value(validator):
    markdown, word = hovered(validator, FLOW.replace("flow.If", "flow.I<|>f"))
    assert word == "io.kestra.plugin.core.flow.If"
    assert markdown == (
        "**io.kestra.plugin.core.flow.If** · task (flowable)\n\n"
        "Run one branch of tasks or another depending on a condition.\n\n"
        "Flowable task: orchestrates its child tasks on the executor.\n\n"
        "Outputs: `evaluationResult`.\n\n"
        "Aliases: `io.kestra.core.tasks.flows.If`"
    )


def test_a_deprecated_alias(validator):
    text = FLOW.replace("io.kestra.plugin.core.flow.If", "io.kestra.core.tasks.flo<|>ws.If")
    markdown, word = hovered(validator, text)
    assert word == "io.kestra.core.tasks.flows.If"
    assert markdown.split("\n\n")[:3] == [
        "**io.kestra.core.tasks.flows.If** · task (flowable)",
        "Deprecated alias of `io.kestra.plugin.core.flow.If`.",
        "Run one branch of tasks or another depending on a condition.",
    ]
    assert "Aliases:" not in markdown


def test_an_unknown_quoted_and_non_plugin_type(validator):
    text = FLOW.replace("io.kestra.plugin.core.debug.Return", '"io.kestra.plugin.Unkn<|>own"')
    markdown, word = hovered(validator, text)
    assert word == "io.kestra.plugin.Unknown"
    assert markdown == (
        "**io.kestra.plugin.Unknown** · unknown task type\n\n"
        "Not in the loaded schema: only the properties every task shares are known."
    )
    markdown, word = hovered(validator, FLOW.replace("type: STRING", "type: STR<|>ING"))
    assert (word, markdown) == ("STRING", "**STRING** · input\n\nInput holding a string.")
    markdown, word = hovered(validator, FLOW.replace("type: constant", "type: con<|>stant"))
    assert word == "constant" and markdown.startswith("**constant** · retry\n\nRetry after the same delay every time.")


# --- expressions -------------------------------------------------------------------------------


def test_functions_filters_and_tests(validator):
    markdown, word = hovered(validator, with_message("\"{{ no<|>w() | date('yyyy') }}\""))
    assert word == "now"
    assert markdown == (
        "**now(format, timeZone, existingFormat, locale)** · function\n\nThe current date and time, formatted."
    )
    markdown, word = hovered(validator, with_message("\"{{ now() | da<|>te('yyyy') }}\""))
    assert word == "date"
    assert markdown == (
        "**date(format, timeZone, existingFormat, locale)** · filter\n\nFormats a date (ISO-8601 by default)."
    )
    markdown, word = hovered(validator, with_message('"{{ inputs.name is not emp<|>ty }}"'))
    assert (word, markdown) == (
        "empty",
        "**empty()** · test\n\nWhether the value is null, a blank string, an empty list or an empty map.",
    )


def test_a_task_read_through_outputs(validator):
    text = FLOW.replace("outputs.first.value", "outputs.fi<|>rst.value")
    markdown, word = hovered(validator, text)
    assert word == "first"
    assert markdown == (
        "**outputs.first**\n\n"
        "Task `first` · `io.kestra.plugin.core.debug.Return`\n\n"
        "Outputs:\n- `value` (string): The rendered text."
    )
    markdown, word = hovered(validator, FLOW.replace("outputs.first.value", "outputs.first.val<|>ue"))
    assert (word, markdown) == ("value", "**outputs.first.value** · string\n\nThe rendered text.")
    markdown, word = hovered(validator, with_message('"{{ tasks.chec<|>k.state }}"'))
    assert word == "check"
    assert markdown.startswith("**tasks.check**\n\nTask `check` · `io.kestra.plugin.core.flow.If`")


def test_inputs_and_variables(validator):
    markdown, word = hovered(validator, with_message('"{{ inputs.na<|>me }}"'))
    assert (word, markdown) == ("name", "**inputs.name** · STRING\n\nWho to greet")
    markdown, word = hovered(validator, with_message('"{{ vars.greet<|>ing }}"'))
    assert (word, markdown) == ("greeting", "**vars.greeting** · hello\n\nValue: `hello`")
    markdown, _ = hovered(validator, with_message('"{{ vars.nes<|>ted.a }}"'))
    assert markdown == "**vars.nested** · mapping: a, b\n\nValue: `mapping: a, b`"


def test_execution_state_depends_on_the_phase(validator):
    in_tasks, word = hovered(validator, with_message('"{{ execution.sta<|>te }}"'))
    assert word == "state"
    assert in_tasks == (
        "**execution.state** · the execution's state\n\n"
        "`RUNNING` here (in `tasks`): tasks, errors and finally run while the execution is running. "
        "The final state is only known in `afterExecution`."
    )
    in_errors, _ = hovered(validator, FLOW.replace('"{{ execution.state }}"', '"{{ execution.st<|>ate }}"', 1))
    assert "`RUNNING` here (in `errors`)" in in_errors
    head, _, tail = FLOW.rpartition("execution.state")
    in_after, _ = hovered(validator, head + "execution.st<|>ate" + tail)
    assert in_after == (
        "**execution.state** · the execution's state\n\n"
        "The final state in `afterExecution`: the execution has ended "
        "(`SUCCESS`, `WARNING`, `FAILED`, `KILLED`, `CANCELLED`)."
    )


def test_root_variables_and_bound_names(validator):
    markdown, word = hovered(validator, with_message('"{{ outp<|>uts }}"'))
    assert (word, markdown) == (
        "outputs",
        "**outputs** · variable\n\nOutputs of the tasks that ran: `outputs.<taskId>.<attribute>`.",
    )
    markdown, word = hovered(validator, with_message('"{% set total = 1 %}{{ tot<|>al }}"'))
    assert (word, markdown) == ("total", "**total** · variable set in this template")


def test_an_if_condition_without_braces(validator):
    text = FLOW.replace("\"{{ outputs.first.value == 'x' }}\"", "outputs.fir<|>st.value")
    markdown, word = hovered(validator, text)
    assert word == "first" and markdown.startswith("**outputs.first**")


def test_nothing_outside_expressions(validator):
    for text in (
        with_message('"hello <|>world {{ inputs.name }}"'),
        with_message('"{{ inputs.name }} wor<|>ld"'),
        with_message("plain outputs.fi<|>rst"),
        FLOW.replace("id: first", "id: fi<|>rst"),
        FLOW.replace("    - id: log", "    <|>- id: log"),
    ):
        assert hover_at(validator, text)[0] is None, text


@pytest.mark.parametrize("text", ["", "- a\n", "a: |\n  {{ x.\n", FLOW, FLOW.replace("  ", "\t"), "{{ a }}: {{ b"])
def test_never_raises(validator, text):
    file = FlowFile.analyse(Linter(validator), "file:///f.yaml", text)
    for offset in range(-1, len(text) + 2):
        info = hover(file, offset)
        assert info is None or 0 <= info.start <= info.end <= len(text)
