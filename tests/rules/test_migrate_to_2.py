"""migrate-to-2: what a Kestra 1.x flow must change to run on Kestra 2.0, the fixes that migrate it
(the fixed flows lint clean in 2.0 mode), and the 1.x corpus migrated."""

from __future__ import annotations

import textwrap

import pytest

from flowls.analysis import Linter, Options
from flowls.findings import Severity
from flowls.fixes import apply_fixes
from flowls.parse.compose import compose
from flowls.rules.migrate_to_2 import RULE
from flowls.rules.migrate_to_2_loop import values_problem
from flowls.version import KESTRA_2_0
from tests.conftest import CORPUS, brief, flowlint

ONLY = Options(target_version=KESTRA_2_0, select=frozenset({RULE.id}))
BY_HAND = "ForEach was removed in Kestra 2.0: rewrite 'each' as a Loop by hand, as "
BECOMES_LOOP = (
    "ForEach was removed in Kestra 2.0: '{}' becomes a Loop, whose iterations run as their own executions "
    "and read the value as item.value"
)
PRECEDENCE = (
    "Kestra 2.0 gives '{}' the precedence of '==', below '|', '~' and arithmetic: this expression would be "
    "read another way; add parentheses"
)


@pytest.fixture(scope="module")
def migrating(validator) -> Linter:
    return Linter(validator, ONLY)


@pytest.fixture(scope="module")
def linter_2(validator_2) -> Linter:
    return Linter(validator_2)


def _migrate(linter: Linter, text: str) -> tuple[list[tuple], str]:
    """The rule's findings (as the CLI shows them) and the text with its fixes applied."""
    analysis = linter.lint_text(text)
    fixed, _ = apply_fixes(analysis.index, analysis.findings)
    return brief(analysis.findings), fixed


def _errors(linter: Linter, text: str) -> list[tuple[str, int, str]]:
    findings = linter.lint_text(text).findings
    return [(f.rule, f.range.start.line + 1, f.message) for f in findings if f.severity is Severity.ERROR]


HELLO = "  - id: hello\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"


def _fixable(linter: Linter, text: str) -> list[bool]:
    return [finding.fix is not None for finding in linter.lint_text(text).findings]


def _renamed(text: str, replacements: dict[str, str]) -> str:
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text


# --- mechanical changes ----------------------------------------------------------------------

ALIASES = """\
id: old-names
namespace: company.team
pluginDefaults:
  - type: io.kestra.core.tasks.debugs.Return
    values:
      format: hi
tasks:
  - id: hello
    type: io.kestra.core.tasks.log.Log  # the 0.x name
    message: hi
  - id: echo
    type: 'io.kestra.core.tasks.debugs.Return'
triggers:
  - id: hook
    type: "io.kestra.core.models.triggers.types.Webhook"
    key: abc
"""


def test_removed_aliases_become_the_current_class_names(migrating, linter_2):
    found, fixed = _migrate(migrating, ALIASES)
    assert found == [
        ("migrate-to-2", 4, 11, 4, 45, "'io.kestra.core.tasks.debugs.Return' was removed in Kestra 2.0; use "
         "'io.kestra.plugin.core.debug.Return'"),
        ("migrate-to-2", 9, 11, 9, 39, "'io.kestra.core.tasks.log.Log' was removed in Kestra 2.0; use "
         "'io.kestra.plugin.core.log.Log'"),
        ("migrate-to-2", 12, 11, 12, 47, "'io.kestra.core.tasks.debugs.Return' was removed in Kestra 2.0; use "
         "'io.kestra.plugin.core.debug.Return'"),
        ("migrate-to-2", 15, 11, 15, 57, "'io.kestra.core.models.triggers.types.Webhook' was removed in Kestra 2.0; "
         "use 'io.kestra.plugin.core.trigger.Webhook'"),
    ]  # fmt: skip
    assert fixed == _renamed(
        ALIASES,
        {
            "io.kestra.core.tasks.debugs.Return": "io.kestra.plugin.core.debug.Return",
            "io.kestra.core.tasks.log.Log": "io.kestra.plugin.core.log.Log",
            "io.kestra.core.models.triggers.types.Webhook": "io.kestra.plugin.core.trigger.Webhook",
        },
    )
    assert _errors(linter_2, fixed) == []


WORKER_GROUPS = """\
id: workers
namespace: company.team
# the flow runs on the GPU workers
workerGroup:
  key: gpu  # created by the admins
pluginDefaults:
  - type: io.kestra.plugin.core.log.Log
    values:
      workerGroup: {key: small, fallback: FAIL}
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
    workerGroup:
      fallback: CANCEL
      key: "eu-west-1"
triggers:
  - id: poll
    type: io.kestra.plugin.core.http.Trigger
    uri: https://example.com
    workerGroup: {key: edge}
"""
SELECTOR = "workerGroup was replaced by workerSelector in Kestra 2.0: the group key becomes its tag"


def test_worker_group_becomes_a_worker_selector_that_waits_when_no_fallback_was_set(migrating, linter_2):
    found, fixed = _migrate(migrating, WORKER_GROUPS)
    assert found == [
        ("migrate-to-2", 4, 1, 4, 12, SELECTOR),
        ("migrate-to-2", 9, 7, 9, 18, SELECTOR),
        ("migrate-to-2", 14, 5, 14, 16, SELECTOR),
        ("migrate-to-2", 21, 5, 21, 16, SELECTOR),
    ]
    assert fixed == textwrap.dedent("""\
        id: workers
        namespace: company.team
        # the flow runs on the GPU workers
        workerSelector:
          tags: [gpu]  # created by the admins
          fallback: WAIT
        pluginDefaults:
          - type: io.kestra.plugin.core.log.Log
            values:
              workerSelector: {tags: [small], fallback: FAIL}
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: hi
            workerSelector:
              fallback: CANCEL
              tags: ["eu-west-1"]
        triggers:
          - id: poll
            type: io.kestra.plugin.core.http.Trigger
            uri: https://example.com
            workerSelector: {tags: [edge], fallback: WAIT}
        """)
    assert _errors(linter_2, fixed) == []


@pytest.mark.parametrize(
    ("group", "why"),
    [
        ("{key: GPU}", "'GPU' is not a valid worker tag (lowercase letters, digits and '-')"),
        ("{key: big_ones}", "'big_ones' is not a valid worker tag (lowercase letters, digits and '-')"),
        ('{key: "{{ inputs.group }}"}', "its key is an expression, and worker tags are not rendered"),
        ("{fallback: WAIT}", "it names no worker group"),
        ("{key: gpu, queue: eu}", "it sets 'queue'"),
        ("{key: gpu, fallback: IGNORE}", "its fallback is not FAIL, WAIT or CANCEL"),
    ],
)
def test_worker_group_without_an_exact_selector_is_left_to_the_user(migrating, group, why):
    flow = f"id: f\nnamespace: n\nworkerGroup: {group}\ntasks:\n{HELLO}"
    message = (
        f"workerGroup was replaced by workerSelector in Kestra 2.0, and {why}: "
        "write workerSelector: {tags: [...], fallback: ...} by hand"
    )
    assert _migrate(migrating, flow)[0] == [("migrate-to-2", 3, 1, 3, 12, message)]
    assert _fixable(migrating, flow) == [False]


PLUGIN_DEFAULTS = """\
id: defaults
namespace: company.team
pluginDefaults:
  - type: io.kestra.plugin.core.log.Log
    forced: false  # the default anyway
    values:
      level: INFO
  - forced: false
    type: io.kestra.plugin.core.debug.Return
    values: {format: hi}
  - type: io.kestra.plugin.scripts.shell.Commands
    forced: true
    values:
      containerImage: ubuntu
  - type: io.kestra.plugin.core.flow.ForEach
    values: {concurrencyLimit: 0}
  - type: io.kestra.core.tasks
    values: {description: old}
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
"""


def test_plugin_defaults_lose_forced_false_and_the_rest_is_left_to_the_user(migrating, linter_2):
    found, fixed = _migrate(migrating, PLUGIN_DEFAULTS)
    default_anyway = "forced was removed from flow pluginDefaults in Kestra 2.0 (false is the default)"
    assert found == [
        ("migrate-to-2", 5, 5, 5, 11, default_anyway),
        ("migrate-to-2", 8, 5, 8, 11, default_anyway),
        ("migrate-to-2", 12, 5, 12, 11, "forced was removed from flow pluginDefaults in Kestra 2.0: set these "
         "values on the tasks, or as a namespace or instance default, by hand"),
        ("migrate-to-2", 15, 11, 15, 45, "'io.kestra.plugin.core.flow.ForEach' was removed in Kestra 2.0: these "
         "defaults no longer apply"),
        ("migrate-to-2", 17, 11, 17, 31, "'io.kestra.core.tasks' only matched types Kestra 2.0 removed or "
         "renamed: name the current classes or their package by hand"),
    ]  # fmt: skip
    removed = {
        "forced: false  # the default anyway\n": "# the default anyway\n",  # the comment stays
        "- forced: false\n    type": "- type",  # the next key takes the dash
    }
    assert fixed == _renamed(PLUGIN_DEFAULTS, removed)
    assert ("schema", 11, "unknown property 'forced' in io.kestra.core.models.flows.FlowPluginDefault") in _errors(
        linter_2, fixed
    )


# --- ForEach → Loop ----------------------------------------------------------------------------

LOOPS = """\
id: loops
namespace: company.team
tasks:
  - id: each
    type: "io.kestra.plugin.core.flow.ForEach"
    values: ["a", "b"]
    concurrencyLimit: 0
    tasks:
      - id: fetch
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}-{{ taskrun.iteration }}"
      - id: show
        type: io.kestra.plugin.core.log.Log
        message: "{{ currentEachOutput(outputs.fetch).value }}"
      - id: workdir  # its tasks run in its task run, with its value
        type: io.kestra.plugin.core.flow.WorkingDirectory
        tasks:
          - id: script
            type: io.kestra.plugin.core.debug.Return
            format: "{{ taskrun.value }}"
      - id: check
        type: io.kestra.plugin.core.flow.If
        condition: "{{ outputs.fetch[taskrun.value].value == 'a' }}"
        then:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ parent.taskrun.value }} {{ outputs.fetch[parent.taskrun.value].value }}"
          - id: inner
            type: io.kestra.plugin.core.flow.ForEach
            values: '["x", "{{ parent.taskrun.value }}"]'
            tasks:
              - id: deep
                type: io.kestra.plugin.core.log.Log
                message: "{{ parents[1].taskrun.value }}/{{ taskrun.value }}"
              - id: deepest
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.fetch[parents[1].taskrun.value].value }}"
              - id: deeper
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.deep[parents[1].taskrun.value][taskrun.value] }}"
"""
LOOPS_IN_2 = """\
id: loops
namespace: company.team
tasks:
  - id: each
    type: "io.kestra.plugin.core.flow.Loop"
    values: ["a", "b"]
    concurrencyLimit: 0
    tasks:
      - id: fetch
        type: io.kestra.plugin.core.debug.Return
        format: "{{ item.value }}-{{ item.index }}"
      - id: show
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.fetch.value }}"
      - id: workdir  # its tasks run in its task run, with its value
        type: io.kestra.plugin.core.flow.WorkingDirectory
        tasks:
          - id: script
            type: io.kestra.plugin.core.debug.Return
            format: "{{ item.value }}"
      - id: check
        type: io.kestra.plugin.core.flow.If
        condition: "{{ outputs.fetch.value == 'a' }}"
        then:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ item.value }} {{ outputs.fetch.value }}"
          - id: inner
            type: io.kestra.plugin.core.flow.Loop
            values: '["x", "{{ item.value }}"]'
            tasks:
              - id: deep
                type: io.kestra.plugin.core.log.Log
                message: "{{ item.parent.value }}/{{ item.value }}"
              - id: deepest
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.fetch.value }}"
              - id: deeper
                type: io.kestra.plugin.core.log.Log
                message: "{{ outputs.deep }}"
"""


def test_for_each_becomes_a_loop_reading_item_and_the_iteration_s_own_outputs(migrating, linter_2):
    found, fixed = _migrate(migrating, LOOPS)
    assert found == [
        ("migrate-to-2", 5, 11, 5, 47, BECOMES_LOOP.format("each")),
        ("migrate-to-2", 14, 22, 14, 39, "currentEachOutput() was removed in Kestra 2.0: inside a Loop, "
         "outputs.<task> is the current iteration's (the ForEach fix rewrites this one)"),
        ("migrate-to-2", 29, 19, 29, 53, BECOMES_LOOP.format("inner")),
    ]  # fmt: skip
    assert fixed == LOOPS_IN_2
    assert _errors(linter_2, fixed) == []
    assert linter_2.lint_text(fixed).findings == []


# Kestra's own 1.x test flows whose 2.0 counterparts it wrote by hand: the fix writes the same flow.
SAME_AS_KESTRA = {
    "disable-flowable.yaml": "disable-flowable.yaml",
    "each-empty.yaml": "loop-empty.yaml",
    "each-object-in-list.yaml": "loop-object-in-list.yaml",
    "each-object.yaml": "loop-object.yaml",
    "each-pause.yaml": "loop-pause.yaml",
    "each-switch.yaml": "loop-switch.yaml",
    "if-in-flowable.yaml": "if-in-flowable.yaml",
    "restart-parent-for-each.yaml": "restart-parent-loop.yaml",
    "switch-in-concurrent-loop.yaml": "switch-in-concurrent-loop.yaml",
    "working-directory-taskrun.yml": "working-directory-taskrun.yml",
}


@pytest.mark.parametrize(("name", "counterpart"), sorted(SAME_AS_KESTRA.items()))
def test_kestra_migrated_its_own_test_flows_as_the_fix_does(migrating, name, counterpart):
    _, fixed = _migrate(migrating, (CORPUS / "kestra-tests" / "valids" / name).read_text())
    theirs = (CORPUS / "kestra-tests-2.0-develop" / "valids" / counterpart).read_text()
    assert fixed.split("\n", 1)[1] == theirs.split("\n", 1)[1]  # all but the flow id


def _each(tasks: str, *, extra: str = "", after: str = "", values: str = "[a, b]") -> str:
    """A flow with ForEach 'each' (line 5) over ``values`` holding ``tasks``, with ``extra`` properties
    and ``after`` tasks."""
    head = "id: f\nnamespace: n\ntasks:\n  - id: each\n    type: io.kestra.plugin.core.flow.ForEach\n"
    return f"{head}    values: {values}\n{extra}    tasks:\n{textwrap.indent(tasks, '      ')}{after}"


LOG = """\
- id: log
  type: io.kestra.plugin.core.log.Log
  message: "{{ taskrun.value }}"
"""
ALERT = """\
    {}:
      - id: alert
        type: io.kestra.plugin.core.log.Log
        message: x
"""
AFTER = """\
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.log }}"
"""
NESTED_READ = """\
- id: if
  type: io.kestra.plugin.core.flow.If
  condition: "true"
  then:
    - id: log
      type: io.kestra.plugin.core.log.Log
      message: hi
    - id: next
      type: io.kestra.plugin.core.log.Log
      message: "{{ outputs.log[taskrun.value] }}"
"""
INNER = """\
- id: inner
  type: io.kestra.plugin.core.flow.ForEach
  values: [c]
  tasks:
    - id: log
      type: io.kestra.plugin.core.log.Log
      message: "{{ inputs.x }}"
"""
SET_VARIABLES = "- id: vars\n  type: io.kestra.plugin.core.execution.SetVariables\n  variables: {x: 1}\n"
OTHER_ITERATION = "- id: other\n  type: io.kestra.plugin.core.log.Log\n  message: \"{{ outputs.log['a'] }}\"\n"
NOT_EXACT = {
    "errors": (
        _each(LOG, extra=ALERT.format("errors")),
        "Loop runs 'errors' in every iteration, ForEach once after them all",
    ),
    "finally": (
        _each(LOG, extra=ALERT.format("finally")),
        "Loop runs 'finally' in every iteration, ForEach once after them all",
    ),
    "outputs after": (
        _each(LOG, after=AFTER),
        "'outputs.log' is read outside its loop, where a Loop iteration's tasks are not seen",
    ),
    "all outputs": (
        _each(LOG, after=AFTER.replace("outputs.log", "outputs | keys")),
        "'outputs' is read whole or by a computed key, and holds no Loop iteration's tasks",
    ),
    "outputs of another iteration": (
        _each(LOG + OTHER_ITERATION),
        "'outputs.log' is not read with the current iteration's values",
    ),
    "taskrun.value where none": (
        _each(NESTED_READ),
        "'outputs.log' is read with taskrun.value in 'next', which has none (only a ForEach's direct children do)",
    ),
    "SetVariables": (_each(SET_VARIABLES), "'vars' would update the iteration's own execution, not the flow's"),
    "allowFailure": (
        _each(LOG + "  allowFailure: true\n"),
        "'log' can end in WARNING, which no longer makes a Loop end in WARNING",
    ),
    "retry": (
        _each(LOG, extra="    retry: {type: constant, interval: PT1M, maxAttempts: 2}\n"),
        "a 'retry' on it or on a task holding it would not reach the iterations",
    ),
    "errorLogs": (
        _each(LOG.replace("taskrun.value", "errorLogs()")),
        "errorLogs() would not see the iterations, which run as their own executions",
    ),
    "iterationOutput": (
        _each(LOG.replace("taskrun.value", "iterationOutput('log')")),
        "iterationOutput() has no Loop equivalent",
    ),
    "parents": (
        _each(LOG.replace("taskrun.value", "parents[0].task.id")),
        "'parents' reaches past the ForEach, which a Loop iteration does not see",
    ),
    "taskrun whole": (
        _each(LOG.replace("taskrun.value", "taskrun")),
        "'taskrun' is read whole, and a Loop iteration has no taskrun.value",
    ),
    "nested inputs": (_each(INNER), "a Loop inside a Loop reads 'inputs' from the enclosing iteration's execution"),
    "values": (_each(LOG, values="'[1, \"1\"]'"), "'each' has values ForEach and Loop would deduplicate differently"),
    "escapes": (
        _each(LOG.replace("taskrun.value", 'taskrun[\\"value\\"]')),
        "an expression to rewrite has escapes or folded lines, which cannot be edited in place",
    ),
}


@pytest.mark.parametrize(("flow", "why"), NOT_EXACT.values(), ids=NOT_EXACT)
def test_for_each_without_an_exact_loop_is_left_to_the_user(migrating, flow, why):
    findings = migrating.lint_text(flow).findings
    assert (findings[0].range.start.line, findings[0].message) == (4, BY_HAND + why)
    assert findings[0].fix is None


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ('["a", "b"]', None),
        ('[a, 1, {k: v}, "x{{ inputs.x }}"]', None),
        ('[{k: v}, "{{ inputs.x }}"]', "has values ForEach and Loop could deduplicate differently"),
        ("[1, '1']", None),  # ForEach too turns a list's integers into strings before dropping duplicates
        ("'{{ outputs.list.values }}'", None),  # both render and parse a JSON array
        ("""|\n  ["value 1", {"key": "k", "value": {"sub": 1}}]""", None),
        ("'[1, \"1\"]'", "has values ForEach and Loop would deduplicate differently"),
        ('\'[{"a": 1, "b": 2}, {"b": 2, "a": 1}]\'', "has values ForEach and Loop would deduplicate differently"),
        ("[{a: 1, b: 2}, {b: 2, a: 1}]", "has values ForEach and Loop would deduplicate differently"),
        ("[{a: 1}, '{\"a\":1}']", "has values ForEach and Loop could deduplicate differently"),
        ("[1.5]", "has a value ForEach refuses (1.5)"),
        ("[true]", "has a value ForEach refuses (true)"),
        ("[4294967296]", "has an integer ForEach refuses (out of Java's int range)"),
        ("'[1, null]'", "has a null value, which both tasks refuse"),
        ("'{\"a\": 1}'", "has values that are not a JSON array"),
        ("{a: 1}", "has values that are neither a list nor a JSON array"),
    ],
)
def test_values_translate_when_both_tasks_iterate_over_the_same_strings(values, problem):
    root = compose(f"values: {values}\n").documents[0]
    assert values_problem(root.get("values")) == problem


# --- what is left to the user ----------------------------------------------------------------

TRIGGERS = """\
id: triggers
namespace: company.team
inputs:
  - id: day
    type: STRING
  - id: who
    type: STRING
    required: false
  - id: level
    type: STRING
    defaults: INFO
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.day }}"
  - id: chunks
    type: io.kestra.plugin.core.flow.ForEachItem
    items: "{{ inputs.day }}"
    namespace: company.team
    flowId: child
triggers:
  - id: weekdays
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 8 * * *"
    inputs:
      day: monday
    conditions:
      - type: io.kestra.plugin.core.condition.Not
        conditions:
          - type: io.kestra.plugin.core.condition.Weekend
  - id: upstream
    type: io.kestra.plugin.core.trigger.Flow
    conditions:
      - type: io.kestra.plugin.core.condition.ExecutionStatusCondition
        in: [SUCCESS]
    preconditions:
      id: done
      flows:
        - namespace: company.team
          flowId: other
"""


def test_what_has_no_exact_translation_says_what_to_do(migrating):
    found, fixed = _migrate(migrating, TRIGGERS)
    assert found == [
        ("migrate-to-2", 17, 11, 17, 49, "ForEachItem was removed in Kestra 2.0: rewrite it by hand as a Loop over the "
         "file (its URI as `values` gives one iteration per line) running a Subflow, or a Subflow per batch"),
        ("migrate-to-2", 25, 5, 25, 11, "Kestra 2.0 refuses a Schedule that leaves inputs without defaults unset, even "
         "optional ones: give 'who' a value in the trigger's inputs, or defaults"),
        ("migrate-to-2", 27, 5, 27, 15, "trigger conditions (Not) were removed in Kestra 2.0: rewrite them by hand "
         "as a when expression (Kestra 2.0 has isWeekend(), isPublicHoliday(), isDayWeekInMonth(), dayOfWeek(), "
         "hourOfDay(), ...)"),
        ("migrate-to-2", 33, 5, 33, 15, "trigger conditions (ExecutionStatus) were removed in Kestra 2.0: rewrite them "
         "by hand as dependsOn entries (namespace, flowId, states) and a when expression"),
        ("migrate-to-2", 36, 5, 36, 18, "Flow trigger preconditions were removed in Kestra 2.0: rewrite them as "
         "dependsOn and window"),
    ]  # fmt: skip
    assert fixed == TRIGGERS


# --- Pebble ----------------------------------------------------------------------------------

PEBBLE = """\
id: pebble
namespace: company.team
inputs:
  - {id: x, type: STRING}
  - {id: y, type: INT}
  - {id: z, type: STRING}
tasks:
  - id: dates
    type: io.kestra.plugin.core.log.Log
    message: "{{ trigger.date ?? execution.startDate | date('yyyy-MM-dd') }}"
  - id: words
    type: io.kestra.plugin.core.log.Log
    message: >-
      {{ 'a' ~ inputs.x ?? 'b' }} {{ inputs.y ?? 1 == 1 }} {{ inputs.z isIn ['a'] | length }}
  - id: file
    type: io.kestra.plugin.core.log.Log
    message: "{{ read('notes.txt', version=3) }} {{ fileURI('notes.txt', 'n', 2) }}"
  - id: old
    type: io.kestra.plugin.core.log.Log
    message: "{{ parentOutput() }} {{ iterationOutput('x', 0) }}"
"""


def test_pebble_changes(migrating, linter_2):
    found, fixed = _migrate(migrating, PEBBLE)
    assert found == [
        ("migrate-to-2", 10, 31, 10, 33, PRECEDENCE.format("??")),
        ("migrate-to-2", 14, 25, 14, 27, PRECEDENCE.format("??")),
        ("migrate-to-2", 17, 36, 17, 43, "read()'s argument 'version' is named 'revision' in Kestra 2.0"),
        ("migrate-to-2", 20, 18, 20, 30, "parentOutput() was removed in Kestra 2.0: inside a Loop, read the outputs "
         "of the enclosing tasks as outputs.<task>"),
        ("migrate-to-2", 20, 39, 20, 54, "iterationOutput() was removed in Kestra 2.0: a Loop iteration cannot read "
         "another's: declare Loop outputs and read them after it"),
    ]  # fmt: skip
    regrouped = {
        "trigger.date ?? execution.startDate |": "(trigger.date ?? execution.startDate) |",
        "'a' ~ inputs.x ?? 'b'": "'a' ~ (inputs.x ?? 'b')",  # 1.x: ?? before ~; 2.0: ~ first
        "inputs.z isIn ['a'] |": "(inputs.z isIn ['a']) |",  # `inputs.y ?? 1 == 1` groups alike in both
        "version=3": "revision=3",
    }
    assert fixed == _renamed(PEBBLE, regrouped)
    assert [error for error in _errors(linter_2, fixed) if error[1] != 20] == []  # line 20: the removed functions


# --- where the rule runs ---------------------------------------------------------------------


def test_silent_without_the_2_0_target_and_in_2_0_mode(validator, validator_2):
    flows = [ALIASES, WORKER_GROUPS, PLUGIN_DEFAULTS, LOOPS, TRIGGERS, PEBBLE]
    for linter in (Linter(validator), Linter(validator_2, Options(target_version=KESTRA_2_0))):
        assert [f for text in flows for f in linter.lint_text(text).findings if f.rule == RULE.id] == []


COMMENTED = """\
# nightly report, one run per region
id: report
namespace: company.team
tasks:
  - id: regions  # keep in sync with the CRM
    type: io.kestra.plugin.core.flow.ForEach
    values:
      - eu   # Europe
      - us
    tasks:
      # one log per region
      - id: log
        type: io.kestra.core.tasks.log.Log
        message: "Region {{ taskrun.value }}"  # the value
"""


def test_the_cli_migrates_a_flow_and_keeps_its_comments(tmp_path):
    path = tmp_path / "report.yaml"
    path.write_text(COMMENTED)
    diff = flowlint("--target", "2", "--diff", "report.yaml", cwd=tmp_path)
    assert diff.code == 1
    assert diff.stdout.splitlines()[2:] == [
        "@@ -3,12 +3,12 @@",
        " namespace: company.team",
        " tasks:",
        "   - id: regions  # keep in sync with the CRM",
        "-    type: io.kestra.plugin.core.flow.ForEach",
        "+    type: io.kestra.plugin.core.flow.Loop",
        "     values:",
        "       - eu   # Europe",
        "       - us",
        "     tasks:",
        "       # one log per region",
        "       - id: log",
        "-        type: io.kestra.core.tasks.log.Log",
        '-        message: "Region {{ taskrun.value }}"  # the value',
        "+        type: io.kestra.plugin.core.log.Log",
        '+        message: "Region {{ item.value }}"  # the value',
    ]
    assert path.read_text() == COMMENTED
    fix = flowlint("--target", "2", "--fix", "report.yaml", cwd=tmp_path)
    # the migrated file is checked as the 2.0 flow it now is: nothing left
    assert (fix.code, fix.stdout, fix.stderr) == (0, "", "flowlint: fixed 2; no problems in 1 file\n")
    migrated = COMMENTED.replace("flow.ForEach", "flow.Loop").replace(
        "io.kestra.core.tasks.log.Log", "io.kestra.plugin.core.log.Log"
    )
    assert path.read_text() == migrated.replace("taskrun.value", "item.value")
    assert flowlint("--kestra-version", "2", "report.yaml", cwd=tmp_path).code == 0


# --- the 1.x corpora -------------------------------------------------------------------------

# Flows that need migrating, and how many of those the fixes migrate entirely (nothing left for the
# rule to report, and the migrated flow has no error in 2.0 mode but those it had in 1.x mode).
CORPORA = {"kestra-tests/valids": (66, 25), "blueprints/flows": (69, 14)}


@pytest.mark.parametrize(("folder", "expected"), sorted(CORPORA.items()))
def test_the_1x_corpus_migrates(validator, linter_2, folder, expected):
    linter = Linter(validator, Options(target_version=KESTRA_2_0))
    plain = Linter(validator)
    need = full = 0
    for path in sorted((CORPUS / folder).glob("*.y*ml")):
        text = path.read_text(encoding="utf-8")
        analysis = linter.lint_text(text)
        if not any(f.rule == RULE.id for f in analysis.findings):
            continue
        need += 1
        fixed, _ = apply_fixes(analysis.index, analysis.findings)
        if any(f.rule == RULE.id for f in linter.lint_text(fixed).findings):
            continue
        full += 1
        had = {(rule, line) for rule, line, _ in _errors(plain, text)}
        assert {(rule, line) for rule, line, _ in _errors(linter_2, fixed)} <= had, path.name
    assert (need, full) == expected
