"""Kestra's functions that read the execution from the context, and the random identifiers. Each
case cites the Kestra test (or, where Kestra has none, the class) it mirrors."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from flowls.pebble.evaluate import RenderError, RenderOptions, render

TASKS = {
    "tasks": {
        "hello": {"state": "SUCCESS"},
        "loop": {"item-1": {"state": "FAILED"}, "item-2": {"state": "SUCCESS"}},
    }
}

# A task `inner` in ForEach `outer` (its value "a"), itself in ForEach `top` (its value "x"): the
# outer task run carries top's value, and outputs nest by every enclosing value.
NESTED = {
    "task": {"id": "inner"},
    "taskrun": {"value": "a", "iteration": 1},
    "parent": {"task": {"id": "outer"}, "taskrun": {"value": "x"}},
    "parents": [{"task": {"id": "outer"}, "taskrun": {"value": "x"}}, {"task": {"id": "top"}}],
    "outputs": {
        "inner": {"x": {"a": {"value": "first"}, "b": {"value": "second"}}},
        "outer": {"x": {"n": 1}},
        "top": {"n": 2},
        "plain": {"n": 3},
    },
}


@pytest.mark.parametrize(
    ("template", "context", "expected"),
    [
        # kestra TasksWithStateFunctionTest.shouldMatchWhenStateIsString
        ("{{ tasksWithState(state='SUCCESS') is empty }}", TASKS, "false"),
        ("{{ tasksWithState(state='FAILED') is not empty }}", TASKS, "true"),
        ("{{ tasksWithState(state='KILLED') is empty }}", TASKS, "true"),
        # kestra TasksWithStateFunction: the state is upper-cased, keys in HashMap order (state, value, taskId)
        ("{{ tasksWithState('success') }}", TASKS, '[{"state":"SUCCESS","taskId":"hello"},'
                                                   '{"state":"SUCCESS","value":"item-2","taskId":"loop"}]'),
        # kestra TasksWithStateFunctionTest.shouldMatchNestedValueWhenStateIsEnum
        ("{{ tasksWithState('FAILED')[0].value }}", TASKS, "item-1"),
        ("{{ tasksWithState('FAILED') | length }}", {}, "0"),  # no `tasks` variable: no task runs
        # kestra CurrentEachOutputFunction: walks the parents' values, then the task run's own
        ("{{ currentEachOutput(outputs.inner).value }}", NESTED, "first"),
        ("{{ currentEachOutput(outputs.top) }}", {**NESTED, "parents": []}, ""),  # outputs.top has no key "a"
        # kestra ParentOutputFunction: the direct parent by default, else by index from the outermost
        ("{{ parentOutput() }}", NESTED, '{"n":1}'),
        ("{{ parentOutput(1) }}", NESTED, '{"n":1}'),
        ("{{ parentOutput(0) }}", NESTED, '{"n":2}'),
        # kestra IterationOutputFunction: the `value` output of an iteration, the previous one by default
        ("{{ iterationOutput() }}", NESTED, "first"),
        ("{{ iterationOutput('inner', 1) }}", NESTED, "second"),
        ("{{ iterationOutput('missing', 0) }}", NESTED, ""),
    ],
)  # fmt: skip
def test_execution_functions(template, context, expected):
    assert render(template, context) == expected


@pytest.mark.parametrize(
    ("template", "context", "message"),
    [
        # kestra CurrentEachOutputFunction
        ("{{ currentEachOutput('x') }}", NESTED, "The 'currentEachOutput' function expects an argument 'outputs' "
                                                  "with type map."),
        ("{{ currentEachOutput(outputs.plain) }}", NESTED, "No execution outputs for the current task runs path"),
        # kestra ParentOutputFunction
        ("{{ parentOutput(5) }}", NESTED, "Invalid index: 5 for parents size: 2"),
        ("{{ parentOutput('0') }}", NESTED, "The 'parentOutput' function expects an argument 'index' of type integer."),
        # kestra IterationOutputFunction
        ("{{ iterationOutput() }}", {"taskrun": {}}, " 'iterationOutputs()' function should be used inside "
                                                     "iterative tasks only"),
        ("{{ iterationOutput('inner', 'x') }}", NESTED, "The 'iteration' argument for 'iterationOutputs' must be an "
                                                        "integer, but got: x"),
        ("{{ iterationOutput('inner', -1) }}", NESTED, "Cannot fetch iteration -1: no previous iteration exists."),
        ("{{ iterationOutput('inner', 2) }}", NESTED, "The provided index (2) is out of range. It refers to an "
                                                      "iteration whose outputs do not exist yet. Maximum valid index "
                                                      "is 1."),
        # kestra TasksWithStateFunction
        ("{{ tasksWithState() }}", TASKS, "The 'tasksWithState' function expects an argument 'state'."),
        # kestra RandomIntFunctionTest.missingParameter / testGenerateNumberPositiveString / UpperLessThanLower
        ("{{ randomInt(lower=10) }}", {}, "The 'randomIn()' function expects an argument upper"),
        ("{{ randomInt('1', '10') }}", {}, "The 'randomIn()' function expects an argument lower of type Long."),
        ("{{ randomInt(10, 1) }}", {}, "In 'randomIn()' upper is less than lower"),
        # kestra NanoIDFunction.parseLength
        ("{{ nanoId(1001) }}", {}, "The 'nanoId()' function field 'length' must be lower than: 1000"),
    ],
)  # fmt: skip
def test_function_errors(template, context, message):
    with pytest.raises(RenderError) as error:
        render(template, context)
    assert (error.value.kind, error.value.message) == ("render", message)


def test_random_identifiers_have_kestra_s_shapes():
    # kestra UUIDFunctionTest: a random UUID, different on each call
    first, second = render("{{ uuid() }}", {}), render("{{ uuid() }}", {})
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", first)
    assert first != second
    # kestra IDFunctionTest: FriendlyId, a UUID in base 62
    assert re.fullmatch(r"[0-9A-Za-z]{1,22}", render("{{ id() }}", {}))
    # kestra KSUIDFunctionTest: 27 base-62 characters, sortable by time
    early = render("{{ ksuid() }}", {}, RenderOptions(clock=lambda: datetime(2020, 1, 1, tzinfo=UTC)))
    late = render("{{ ksuid() }}", {}, RenderOptions(clock=lambda: datetime(2030, 1, 1, tzinfo=UTC)))
    assert re.fullmatch(r"[0-9A-Za-z]{27}", early) and early < late
    # kestra NanoIDFuntionTest.checkStandardNanoId / checkDifferentLength / checkDifferentAlphabet
    assert len(render("{{ nanoId() }}", {})) == 21
    assert len(render("{{ nanoId(length) }}", {"length": 8})) == 8
    assert set(render("{{ nanoId(21, ':;<=>?@') }}", {})) <= set(":;<=>?@")
    # kestra RandomIntFunctionTest.testGenerateNumberPositive / Negative / Same
    assert 1 <= int(render("{{ randomInt(1, 10) }}", {})) < 10
    assert -10 <= int(render("{{ randomInt(-10, -1) }}", {})) < -1
    assert render("{{ randomInt(10, 10) }}", {}) == "10"


def test_print_context_gives_every_variable():
    # kestra PrintContextFunctionTest / FetchContextFunctionTest
    assert render("{{ printContext() | keys }}", {"flow": {"id": "f"}, "inputs": {}}) == '["flow","inputs"]'
    assert render("{% set x = 1 %}{{ fetchContext().flow.id }}", {"flow": {"id": "f"}}) == "f"
