"""Completion on real flows: the cursor is where ``<|>`` is written in the test text (a plain
``|`` would be ambiguous with Pebble filters and block scalars)."""

from __future__ import annotations

import textwrap

import pytest

from flowls.analysis import Linter
from flowls.features.completion import Completion, complete
from flowls.features.document import FlowFile
from flowls.schema.validate import FlowValidator

CURSOR = "<|>"


def open_at(validator: FlowValidator, text: str, previous: FlowFile | None = None) -> tuple[FlowFile, int]:
    text = textwrap.dedent(text)
    offset = text.index(CURSOR)
    file = FlowFile.analyse(Linter(validator), "file:///f.yaml", text.replace(CURSOR, "", 1), previous)
    return file, offset


def items(validator: FlowValidator, text: str, previous: FlowFile | None = None) -> list[Completion]:
    file, offset = open_at(validator, text, previous)
    return complete(file, offset)


def labels(validator: FlowValidator, text: str, previous: FlowFile | None = None) -> list[str]:
    return [item.label for item in items(validator, text, previous)]


def by_label(found: list[Completion], label: str) -> Completion:
    return next(item for item in found if item.label == label)


def span(text: str, word: str) -> tuple[int, int]:
    """The offsets of the ``word`` the cursor is in or at, once the cursor marker is removed."""
    dedented = textwrap.dedent(text)
    cursor = dedented.index(CURSOR)
    clean = dedented.replace(CURSOR, "", 1)
    start = clean.rindex(word, 0, cursor + len(word))
    assert start <= cursor <= start + len(word)
    return start, start + len(word)


def syntax_error(file: FlowFile) -> bool:
    return any(f.rule == "yaml-syntax" for f in file.analysis.findings)


TASK_CORE = [
    "allowFailure", "allowWarning", "assets", "description", "disabled", "logLevel", "logToFile", "retry", "runIf",
    "taskCache", "timeout", "version", "workerGroup",
]  # fmt: skip


# --- property keys ---------------------------------------------------------------------------------


IF_TASK = """\
id: hello
namespace: company.team
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    <|>
"""


def test_keys_of_an_if_task_required_first(validator):
    found = items(validator, IF_TASK)
    assert [i.label for i in found] == ["condition", "then", "else", "errors", "finally", *TASK_CORE]
    assert "message" not in [i.label for i in found]
    offset = textwrap.dedent(IF_TASK).index(CURSOR)
    assert found[0] == Completion(
        label="condition",
        kind="property",
        detail="Pebble expression; `then` runs when it renders to a truthy value, `else` otherwise.",
        documentation=None,
        insert_text="condition: $0",
        snippet=True,
        sort_text="0condition",
        replace=(offset, offset),
    )
    assert by_label(found, "then").insert_text == "then:\n  - $0"
    assert by_label(found, "then").sort_text == "0then"
    assert by_label(found, "else").sort_text == "1else"
    assert by_label(found, "allowFailure").sort_text == "2allowFailure"


def test_key_snippets_follow_the_property_shape(validator):
    found = items(validator, IF_TASK)
    assert by_label(found, "retry").insert_text == "retry:\n  type: $0"
    assert by_label(found, "logLevel").insert_text == "logLevel: ${1|ERROR,WARN,INFO,DEBUG,TRACE|}"
    assert by_label(found, "disabled").insert_text == "disabled: ${1|true,false|}"
    assert by_label(found, "taskCache").insert_text == "taskCache:\n  $0"
    assert by_label(found, "runIf").insert_text == "runIf: $0"
    disabled = by_label(found, "disabled")
    assert disabled.detail == "When `true`, the task is skipped entirely and no task run is created."
    assert disabled.documentation == "Default: `false`"
    assert by_label(found, "runIf").documentation == 'Default: `"true"`'


def test_keys_of_a_log_task_never_those_of_if(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        <|>
    """
    assert labels(validator, text) == ["message", "level", *TASK_CORE]


def test_keys_already_present_are_left_out(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: check
        type: io.kestra.plugin.core.flow.If
        condition: "{{ true }}"
        <|>
        then:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
        allowFailure: true
    """
    found = labels(validator, text)
    assert found[:3] == ["else", "errors", "finally"]
    assert not {"id", "type", "condition", "then", "allowFailure"} & set(found)


def test_deprecated_and_hidden_properties_are_not_offered(validator):
    retry = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
        retry:
          type: constant
          <|>
    """
    assert labels(validator, retry) == ["interval", "behavior", "maxAttempts", "maxDuration", "warningOnRetry"]
    root = labels(validator, "id: hello\nnamespace: company.team\n<|>\n")
    assert "tenantId" not in root  # $hidden
    assert root[0] == "tasks"


def test_top_level_keys_at_column_zero(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    <|>
    """
    assert labels(validator, text) == [
        "afterExecution", "checks", "concurrency", "deleted", "description", "disabled", "errors", "finally",
        "inputs", "labels", "outputs", "pluginDefaults", "retry", "revision", "sla", "triggers", "updated",
        "variables", "workerGroup",
    ]  # fmt: skip
    assert labels(validator, "<|>")[:3] == ["id", "namespace", "tasks"]
    found = items(validator, text)
    assert by_label(found, "labels").insert_text == "labels:\n  $0"
    assert by_label(found, "triggers").insert_text == "triggers:\n  - $0"


def test_a_half_typed_key_on_a_line_that_breaks_the_yaml(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: check
        type: io.kestra.plugin.core.flow.If
        cond<|>
        then:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: hi
    """
    file, offset = open_at(validator, text)
    assert syntax_error(file) and file.last_good is None
    found = complete(file, offset)
    assert [i.label for i in found][:4] == ["condition", "else", "errors", "finally"]
    assert found[0].replace == span(text, "cond")
    assert found[0].insert_text == "condition: $0"


def test_an_empty_line_in_a_file_that_does_not_parse(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        <|>
      - id: broken
        type: io.kestra.plugin.core.log.Log
        message: "{{ unterminated
    """
    file, offset = open_at(validator, text)
    assert syntax_error(file)
    assert [i.label for i in complete(file, offset)] == ["message", "level", *TASK_CORE]


def test_the_key_under_the_cursor_is_replaced_as_a_plain_word(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        mess<|>age: hi
    """
    found = items(validator, text)
    message = by_label(found, "message")  # the key being edited is not "present"
    assert message.insert_text is None and not message.snippet
    assert message.replace == span(text, "message")


def test_an_unknown_plugin_type_offers_the_properties_every_task_has(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: script
        type: io.kestra.plugin.scripts.shell.Commands
        <|>
    """
    assert labels(validator, text) == TASK_CORE


def test_a_task_without_type_offers_type_first(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: new
        <|>
    """
    found = labels(validator, text)
    assert found[:2] == ["type", "allowFailure"]


def test_keys_of_a_nested_mapping_and_of_a_dag_item(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: dag
        type: io.kestra.plugin.core.flow.Dag
        tasks:
          - <|>
    """
    assert labels(validator, text) == ["task", "dependsOn"]
    defaults = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    pluginDefaults:
      - type: io.kestra.plugin.core.log.Log
        values:
          <|>
    """
    assert labels(validator, defaults)[:3] == ["id", "message", "type"]


# --- values ------------------------------------------------------------------------------------


def test_task_types_after_type(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: check
        type: io.kestra.plugin.core.flow.I<|>
    """
    found = items(validator, text)
    names = [i.label for i in found]
    assert len(names) == 48
    assert "io.kestra.plugin.core.flow.If" in names and "io.kestra.plugin.core.log.Log" in names
    assert not [n for n in names if n.startswith("io.kestra.core.tasks.")]  # deprecated aliases
    assert not [n for n in names if ".trigger." in n or ".condition." in n]
    if_type = by_label(found, "io.kestra.plugin.core.flow.If")
    assert if_type.kind == "type"
    assert if_type.detail == "Run one branch of tasks or another depending on a condition."
    assert if_type.replace == span(text, "io.kestra.plugin.core.flow.I")


def test_trigger_condition_and_input_types(validator):
    triggers = """\
    id: hello
    namespace: company.team
    triggers:
      - id: t
        type: <|>
    """
    assert labels(validator, triggers) == [
        "io.kestra.plugin.core.http.Trigger",
        "io.kestra.plugin.core.trigger.Flow",
        "io.kestra.plugin.core.trigger.Schedule",
        "io.kestra.plugin.core.trigger.ScheduleOnDates",
        "io.kestra.plugin.core.trigger.Webhook",
    ]
    conditions = """\
    id: hello
    namespace: company.team
    triggers:
      - id: t
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "@daily"
        conditions:
          - type: "<|>"
    """
    found = labels(validator, conditions)
    assert found[:3] == [
        "io.kestra.plugin.core.condition.DateTimeBetween",
        "io.kestra.plugin.core.condition.DayWeek",
        "io.kestra.plugin.core.condition.DayWeekInMonth",
    ]
    assert len(found) == 15
    inputs = "id: hello\nnamespace: company.team\ninputs:\n  - id: x\n    type: <|>\n"
    assert labels(validator, inputs) == [
        "ARRAY", "BOOL", "DATE", "DATETIME", "DURATION", "EMAIL", "FILE", "FLOAT", "INT", "JSON", "MULTISELECT",
        "SECRET", "SELECT", "STRING", "TIME", "URI", "YAML",
    ]  # fmt: skip


def test_enum_and_boolean_values(validator):
    level = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        level: <|>
    """
    found = items(validator, level)
    assert [(i.label, i.kind, i.detail) for i in found] == [
        ("ERROR", "value", None),
        ("WARN", "value", None),
        ("INFO", "value", "default"),
        ("DEBUG", "value", None),
        ("TRACE", "value", None),
    ]
    flag = level.replace("level: <|>", "allowFailure: tr<|>")
    found = items(validator, flag)
    assert [i.label for i in found] == ["true", "false"]
    assert found[0].replace == span(flag, "tr")


def test_enum_items_of_a_list(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: hi
    triggers:
      - id: upstream
        type: io.kestra.plugin.core.trigger.Flow
        states:
          - SUCCESS
          - <|>
    """
    found = labels(validator, text)
    assert found[:3] == ["CREATED", "SUBMITTED", "RUNNING"]
    assert len(found) == 17


# --- new items ---------------------------------------------------------------------------------

NEW_TASK = """\
id: hello
namespace: company.team
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: hi
  - <|>
"""


def test_new_task_snippets_on_a_new_dash(validator):
    found = items(validator, NEW_TASK)
    assert [i.label for i in found][:13] == [
        "new task", "Log", "Return", "If", "Switch", "Parallel", "Sequential", "ForEach", "Subflow", "Request",
        "Sleep", "SetVariables", "Pause",
    ]  # fmt: skip
    log = by_label(found, "Log")
    assert (log.kind, log.detail, log.snippet) == ("task", "io.kestra.plugin.core.log.Log", True)
    assert log.insert_text == "id: ${1:log}\n  type: io.kestra.plugin.core.log.Log\n  message: ${2:Hello}"
    assert log.documentation == "Write a message to the execution logs."
    generic = found[0]
    assert generic.kind == "snippet"
    assert generic.insert_text.startswith("id: ${1:task_id}\n  type: ${2|io.kestra.plugin.core.debug.Return,")
    assert "io.kestra.core.tasks" not in generic.insert_text
    assert by_label(found, "If").insert_text == (
        'id: ${1:if}\n  type: io.kestra.plugin.core.flow.If\n  condition: "{{ ${2:true} }}"\n  then:\n    - $0'
    )
    # and, after the snippets, the keys every task has
    assert [i.label for i in found][13:15] == ["id", "type"]


def test_each_task_snippet_sets_the_required_properties(validator):
    index = FlowFile.analyse(Linter(validator), "file:///f.yaml", "").schema
    found = [i for i in items(validator, NEW_TASK) if i.kind == "task"]
    assert len(found) == 12
    for item in found:
        definition = index.definitions[index.plugin_types[item.detail]]
        for name in definition["required"]:
            assert f"{name}:" in item.insert_text, (item.label, name)


def test_new_task_snippets_bring_their_dash_at_the_list_column(validator):
    text = NEW_TASK.replace("  - <|>", "  <|>")
    found = items(validator, text)
    assert by_label(found, "Log").insert_text.startswith("- id: ${1:log}\n  type: io.kestra.plugin.core.log.Log")
    assert "id" not in [i.label for i in found]  # no mapping there yet
    first = "id: hello\nnamespace: company.team\ntasks:\n  <|>\n"
    assert labels(validator, first)[:2] == ["new task", "Log"]
    branch = """\
    id: hello
    namespace: company.team
    tasks:
      - id: check
        type: io.kestra.plugin.core.flow.If
        condition: "{{ true }}"
        then:
          - lo<|>
    """
    found = items(validator, branch)
    assert by_label(found, "Log").replace == span(branch, "lo")


def test_a_new_trigger_or_input_item(validator):
    trigger = "id: hello\nnamespace: company.team\ntriggers:\n  - <|>\n"
    found = items(validator, trigger)
    assert found[0].label == "new trigger"
    assert found[0].insert_text == (
        "id: ${1:trigger_id}\n  type: ${2|io.kestra.plugin.core.http.Trigger,io.kestra.plugin.core.trigger.Flow,"
        "io.kestra.plugin.core.trigger.Schedule,io.kestra.plugin.core.trigger.ScheduleOnDates,"
        "io.kestra.plugin.core.trigger.Webhook|}"
    )
    inputs = "id: hello\nnamespace: company.team\ninputs:\n  - <|>\n"
    assert items(validator, inputs)[0].insert_text.startswith("id: ${1:input_id}\n  type: ${2|ARRAY,BOOL,")


# --- expressions -------------------------------------------------------------------------------

FLOW = """\
id: hello
namespace: company.team
inputs:
  - id: name
    type: STRING
    description: Who to greet
  - id: db.host
    type: STRING
variables:
  greeting: hello
  nested:
    a: 1
labels:
  team: data
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: x
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ outputs.first.value == 'x' }}"
    then:
      - id: yes
        type: io.kestra.plugin.core.log.Log
        message: "{{ inputs.name }}"
    else:
      - id: no
        type: io.kestra.plugin.core.log.Log
        message: MESSAGE
  - id: set
    type: io.kestra.plugin.core.execution.SetVariables
    variables:
      count: 3
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: MESSAGE
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
"""


def at(message: str, where: str = "last") -> str:
    """FLOW with the message of task ``where`` (last or no) replaced."""
    if where == "no":
        return FLOW.replace("        message: MESSAGE", f"        message: {message}", 1)
    return FLOW.replace("    message: MESSAGE\ntriggers", f"    message: {message}\ntriggers")


def test_outputs_lists_the_tasks_that_can_have_run(validator):
    found = items(validator, at('"{{ outputs.<|> }}"'))
    assert [i.label for i in found] == ["first", "check", "yes", "no", "set"]
    first = found[0]
    assert (first.kind, first.detail) == ("task", "io.kestra.plugin.core.debug.Return")
    assert first.documentation == (
        "Task `first` · `io.kestra.plugin.core.debug.Return`\n\nOutputs:\n- `value` (string): The rendered text."
    )
    offset = textwrap.dedent(at('"{{ outputs.<|> }}"')).index(CURSOR)
    assert first.replace == (offset, offset)
    # in the else branch: not the other branch, nor later tasks; the If itself may have outputs
    assert labels(validator, at('"{{ outputs.<|> }}"', "no")) == ["first", "check"]


def test_outputs_in_the_if_condition_leave_out_its_own_children(validator):
    text = FLOW.replace("{{ outputs.first.value == 'x' }}", "{{ outputs.<|> }}")
    assert labels(validator, text) == ["first"]


def test_output_attributes_from_the_schema(validator):
    found = items(validator, at('"{{ outputs.first.<|> }}"'))
    assert [(i.label, i.kind, i.detail, i.documentation) for i in found] == [
        ("value", "property", "string", "The rendered text.")
    ]
    assert items(validator, at('"{{ outputs.check.<|> }}"'))[0].label == "evaluationResult"
    assert items(validator, at('"{{ outputs.first.value.<|> }}"')) == []


def test_a_partial_name_is_replaced(validator):
    text = at('"{{ outputs.fi<|>rst.value }}"')
    found = items(validator, text)
    assert found[0].replace == span(text, "first")


def test_tasks_inputs_vars_labels(validator):
    assert labels(validator, at('"{{ tasks.<|>')) == ["first", "check", "yes", "no", "set"]
    assert labels(validator, at('"{{ tasks.first.<|>')) == ["state"]
    found = items(validator, at('"{{ inputs.<|>'))
    assert [(i.label, i.detail, i.documentation) for i in found] == [
        ("name", "STRING", "Who to greet"),
        ("db", "group", None),
    ]
    assert labels(validator, at('"{{ inputs.db.<|>')) == ["host"]
    found = items(validator, at('"{{ vars.<|>'))
    assert [(i.label, i.detail) for i in found] == [("greeting", "hello"), ("nested", "mapping: a"), ("count", "3")]
    assert by_label(found, "count").documentation == "Value: `3`\n\nSet by task `set`."
    assert labels(validator, at('"{{ vars.nested.<|>')) == ["a"]
    assert labels(validator, at('"{{ labels.<|>')) == ["team"]


def test_trigger_variables_follow_the_declared_triggers(validator):
    found = items(validator, at('"{{ trigger.<|>'))
    assert [(i.label, i.detail) for i in found] == [
        ("date", "string · Schedule trigger"),
        ("next", "string · Schedule trigger"),
        ("previous", "string · Schedule trigger"),
    ]
    flow_trigger = at('"{{ trigger.<|>').replace(
        'type: io.kestra.plugin.core.trigger.Schedule\n    cron: "0 9 * * *"',
        "type: io.kestra.plugin.core.trigger.Flow",
    )
    assert labels(validator, flow_trigger) == [
        "executionId", "executionLabels", "flowId", "flowRevision", "namespace", "outputs", "state",
    ]  # fmt: skip
    webhook = at('"{{ trigger.<|>').replace(
        'type: io.kestra.plugin.core.trigger.Schedule\n    cron: "0 9 * * *"',
        "type: io.kestra.plugin.core.trigger.Webhook\n    key: abc",
    )
    assert labels(validator, webhook) == ["body", "headers", "parameters"]
    untriggered = "id: a\nnamespace: b\ntasks:\n  - id: l\n    type: io.kestra.plugin.core.log.Log\n"
    assert labels(validator, untriggered + '    message: "{{ trigger.<|>"\n') == []


def test_render_context_attributes(validator):
    assert labels(validator, at('"{{ taskrun.<|>')) == [
        "id", "startDate", "attemptsCount", "parentId", "value", "iteration",
    ]  # fmt: skip
    assert labels(validator, at('"{{ flow.<|>')) == ["id", "namespace", "revision", "tenantId"]
    assert labels(validator, at('"{{ execution.<|>')) == ["id", "state", "startDate", "originalId", "outputs"]
    assert labels(validator, at('"{{ task.<|>')) == ["id", "type"]


def test_root_names_and_functions(validator):
    found = items(validator, at('"{{ <|>'))
    names = [i.label for i in found]
    assert names[:17] == [
        "envs", "execution", "files", "flow", "globals", "inputs", "kestra", "labels", "outputs", "parent",
        "parents", "task", "taskrun", "tasks", "trigger", "vars", "workerTaskrun",
    ]  # fmt: skip
    now = by_label(found, "now")
    assert (now.kind, now.detail, now.insert_text, now.snippet) == (
        "function",
        "now(format, timeZone, existingFormat, locale)",
        "now(${1})",
        True,
    )
    assert now.documentation == "The current date and time, formatted."
    uuid = by_label(found, "uuid")
    assert (uuid.insert_text, uuid.snippet) == ("uuid()", False)
    assert by_label(found, "max").detail == "max(...)"
    assert by_label(found, "outputs").documentation == "Outputs of the tasks that ran: `outputs.<taskId>.<attribute>`."
    bound = labels(validator, at('"{% set total = 1 %}{% for item in [1] %}{{ <|>'))
    assert {"total", "item", "loop"} <= set(bound)


def test_filters_tests_and_operators(validator):
    found = items(validator, at('"{{ inputs.name | up<|>'))
    assert len(found) == 57 and all(i.kind == "filter" for i in found)
    upper = by_label(found, "upper")
    assert (upper.detail, upper.documentation, upper.insert_text) == ("upper()", "Upper-cases a string.", None)
    offset = textwrap.dedent(at('"{{ inputs.name | up<|>')).index(CURSOR)
    assert upper.replace == (offset - 2, offset)
    assert labels(validator, at('"{{ inputs.name is <|>')) == [
        "defined", "empty", "even", "iterable", "json", "map", "null", "odd", "not",
    ]  # fmt: skip
    assert labels(validator, at('"{{ inputs.name is not <|>'))[-1] == "odd"
    assert labels(validator, at('"{{ inputs.name <|>')) == ["and", "or", "is", "is not", "contains", "isIn"]


def test_states_after_a_state_comparison(validator):
    found = items(validator, at('"{{ execution.state == <|>'))
    assert [i.label for i in found][:3] == ["CREATED", "SUBMITTED", "RUNNING"]
    assert len(found) == 17
    running = by_label(found, "RUNNING")
    assert (running.kind, running.detail, running.insert_text) == ("state", "state", "'RUNNING'")
    assert by_label(found, "FAILED").detail == "terminal state"
    quoted = at("\"{{ execution.state != 'FA<|>' }}\"")
    failed = by_label(items(validator, quoted), "FAILED")
    assert failed.insert_text is None and failed.replace == span(quoted, "FA")
    assert labels(validator, at('"{{ tasksWithState(<|>'))[:1] == ["CREATED"]
    assert labels(validator, at("\"{{ 'FA<|>")) == []  # any other string


def test_tags(validator):
    found = items(validator, at('"{% <|>'))
    assert [i.label for i in found][:4] == ["if", "elseif", "else", "endif"]
    assert labels(validator, at('"{% if <|>'))[0] == "envs"
    assert labels(validator, at('"{% for <|>')) == []


def test_run_if_and_if_condition_are_expressions_without_braces(validator):
    run_if = FLOW.replace("  - id: last\n", "  - id: last\n    runIf: outputs.<|>\n")
    assert labels(validator, run_if) == ["first", "check", "yes", "no", "set"]
    empty = FLOW.replace("  - id: last\n", "  - id: last\n    runIf: <|>\n")
    found = items(validator, empty)
    assert (found[0].label, found[0].kind, found[0].insert_text) == ("{{ }}", "snippet", '"{{ $1 }}"')
    assert found[1].label == "envs"
    condition = FLOW.replace("\"{{ outputs.first.value == 'x' }}\"", "inputs.<|>")
    assert labels(validator, condition) == ["name", "db"]
    assert labels(validator, at("plain outputs.<|>")) == []  # a message is not an expression


def test_an_unfinished_expression_in_a_file_that_does_not_parse(validator):
    text = FLOW.replace("  - id: last\n    type: io.kestra.plugin.core.log.Log\n    message: MESSAGE\n", "")
    text = text.replace(
        "  - id: set\n",
        '  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ outputs.<|>\n  - id: set\n',
    )
    file, offset = open_at(validator, text)
    assert syntax_error(file) and file.last_good is None
    assert [i.label for i in complete(file, offset)] == ["first", "check", "yes", "no"]
    unquoted = text.replace('message: "{{ outputs.<|>', "message: {{ outputs.f<|>")
    file, offset = open_at(validator, unquoted)
    assert syntax_error(file)
    found = complete(file, offset)
    assert [i.label for i in found] == ["first", "check", "yes", "no"]
    assert found[0].replace == (offset - 1, offset)


def test_the_last_good_analysis_when_the_text_cannot_be_repaired(validator):
    good = FlowFile.analyse(Linter(validator), "file:///f.yaml", textwrap.dedent(FLOW))
    broken = at('"{{ outputs.<|>').replace("labels:\n  team: data", "labels: [unclosed")
    file, offset = open_at(validator, broken, previous=good)
    assert syntax_error(file) and file.last_good is good.analysis
    assert [i.label for i in complete(file, offset)] == ["first", "check", "yes", "no", "set"]


def test_dashed_ids_are_inserted_as_subscripts(validator):
    text = """\
    id: hello
    namespace: company.team
    tasks:
      - id: my-task
        type: io.kestra.plugin.core.debug.Return
        format: x
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.<|> }}"
    """
    found = items(validator, text)
    assert [(i.label, i.insert_text) for i in found] == [("my-task", "['my-task']")]
    dot = textwrap.dedent(text).index(CURSOR) - 1
    assert found[0].replace == (dot, dot + 1)


def test_flow_style_tasks_and_multiple_documents(validator):
    text = textwrap.dedent("""\
    id: one
    namespace: company.team
    tasks:
      - {id: a, type: io.kestra.plugin.core.log.Log, message: hi}
    ---
    id: two
    namespace: company.team
    tasks:
      - {id: b, type: io.kestra.plugin.core.debug.Return, format: x}
      - id: c
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.<|> }}"
      - {id: d, type: io.kestra.plugin.core.log.Log, message: hi}
    """)
    assert labels(validator, text) == ["b"]
    keys = text.replace('    message: "{{ outputs.<|> }}"\n', "    <|>\n")
    assert labels(validator, keys) == ["message", "level", *TASK_CORE]
    top = text.replace('"{{ outputs.<|> }}"', "hi").replace("id: two\n", "id: two\n<|>\n")
    assert "id" not in labels(validator, top) and "namespace" not in labels(validator, top)


def test_flow_outputs_and_after_execution(validator):
    text = (
        FLOW
        + 'afterExecution:\n  - id: notify\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ outputs.<|>"\n'
    )
    assert labels(validator, text) == ["first", "check", "yes", "no", "set", "last"]
    outputs = FLOW + 'outputs:\n  - id: result\n    type: STRING\n    value: "{{ outputs.<|>"\n'
    assert labels(validator, outputs) == ["first", "check", "yes", "no", "set", "last"]
    in_trigger = FLOW + '    inputs:\n      x: "{{ outputs.<|>"\n'
    assert labels(validator, in_trigger) == []


# --- robustness --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n",
        "- a\n- b\n",
        "just a scalar",
        "id: [\n",
        "tasks:\n  - {id: x, type: io.kestra.plugin.core.log.Log, message: '{{ outputs.'}\n",
        FLOW,
        FLOW.replace("    ", "\t"),
        "a: |\n  {{ x }}\n  - b\n\"c\": 'd\n  e'\n---\n...\n%YAML 1.2\n",
    ],
)
def test_never_raises(validator, text):
    file = FlowFile.analyse(Linter(validator), "file:///f.yaml", text)
    for offset in range(-1, len(text) + 2):
        assert isinstance(complete(file, offset), list)
