"""ForEach → Loop for migrate-to-2: which ForEach tasks translate exactly, and the edits that do it.

Kestra 2.0 removed ForEach; Loop replaces it but runs each iteration as its own execution
(``Execution.loopExecution``), so a translation is exact only when nothing the flow does tells the two
apart. What was checked against Kestra's source (1.x ``FlowableUtils.resolveEachTasks``,
``TaskOutputService.outputs``, ``RunVariables``; 2.0 ``Loop``, ``FlowableUtils.resolveValues``,
``LoopExecutionEventMessageHandler``):

- the same values in the same order: both render the list (or the string, parsed as a JSON array),
  turn every value into a string and drop duplicates, ForEach before turning maps and numbers of a
  JSON array into strings, Loop after (a literal list is checked for values that would differ);
- the same concurrency: ``concurrencyLimit`` has the same default (1) and meaning;
- the same value: ``taskrun.value`` exists on the direct children of a ForEach only (``parent`` and
  ``parents[i]`` reach it from deeper tasks); Loop gives ``item.value`` to every task of the iteration,
  and the enclosing loops' as ``item.parent`` and ``item.parents[i]`` (outermost first);
- outputs: ForEach nests a child's outputs under the values of its ForEach ancestors
  (``outputs.t[v1][v2]``); an iteration of a Loop sees its own tasks' outputs directly and nothing of
  them survives it but declared ``outputs``. So a read of the current iteration drops the subscripts
  (``currentEachOutput`` becomes the plain read), and a read from elsewhere has no translation;
- the same states and effects: Loop runs ``errors``/``finally`` in every iteration, ends SUCCESS when an
  iteration ends in WARNING, and applies ``Labels``/``SetVariables``/``Exit`` to the iteration's own
  execution, so ForEach tasks with those, or holding a task set to warn (``allowFailure``,
  ``warningOnRetry``), are left to the user; a task that ends in WARNING of its own accord cannot be
  foreseen;
- the same context: an iteration's ``execution``, ``inputs`` and ``trigger`` are the flow's, except in
  a Loop inside a Loop, whose iterations read them from the enclosing iteration's execution.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from flowls.expressions import Expression
from flowls.findings import Edit
from flowls.model import Task
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, to_plain
from flowls.pebble import ast as p
from flowls.pebble import children, walk
from flowls.rules.context import RuleContext
from flowls.rules.versioned import resolve_type

FOR_EACH = "io.kestra.plugin.core.flow.ForEach"
LOOP = "io.kestra.plugin.core.flow.Loop"
ALLOW_FAILURE = "io.kestra.plugin.core.flow.AllowFailure"
WORKING_DIRECTORY = "io.kestra.plugin.core.flow.WorkingDirectory"
_MARKERS = ("{{", "{%", "{#")  # what makes a string a Pebble template
_JAVA_INT = range(-(2**31), 2**31)  # ForEach takes Integer list items only; Loop takes any Number
# Functions whose result depends on which execution a task runs in: a Loop iteration is another one.
_EXECUTION_WIDE = ("errorLogs", "tasksWithState")
_ITERATION_HELPERS = ("iterationOutput", "parentOutput")
# Roots a doubly nested Loop iteration reads from the enclosing iteration's execution, not the flow's
# (RunVariables takes inputs, trigger and execution from ``loopRun.parent()``, one level up only).
_OUTER_EXECUTION_ROOTS = ("inputs", "trigger", "execution")


@dataclass
class LoopPlan:
    """One nest of ForEach tasks (a ForEach and those inside it), migrated together because a value
    reference can reach any of them: the edits, or why the translation would not be exact."""

    tasks: list[Task]  # outermost first
    edits: list[Edit] = field(default_factory=list)
    blocker: str | None = None  # why the nest is left to the user

    def block(self, reason: str) -> None:
        if self.blocker is None:
            self.blocker = reason


def plan_loops(ctx: RuleContext) -> list[LoopPlan]:
    """A plan for every nest of ForEach tasks, in document order."""
    roots: dict[int, LoopPlan] = {}
    for task in ctx.tasks:
        if _is_for_each(ctx, task):
            outermost = next((a for a in reversed(list(task.ancestors())) if _is_for_each(ctx, a)), task)
            roots.setdefault(id(outermost), LoopPlan([])).tasks.append(task)
    plans = list(roots.values())
    for_each = {id(task) for plan in plans for task in plan.tasks}
    for plan in plans:
        _Planner(ctx, plan, for_each).run()
    return plans


def _is_for_each(ctx: RuleContext, task: Task) -> bool:
    return _canonical(ctx, task) == FOR_EACH


def _canonical(ctx: RuleContext, task: Task) -> str | None:
    return resolve_type(ctx.schema, task.type)


@dataclass(frozen=True)
class _Step:
    """One accessor after a variable: ``.name``, ``['key']``, ``[0]``, or ``[expression]`` (key None)."""

    key: str | int | None
    node: p.Node  # the chain up to and including this accessor
    index: p.Node | None


@dataclass(frozen=True)
class _Reference:
    root: p.Name
    steps: list[_Step]

    def key(self, position: int) -> str | int | None:
        return self.steps[position].key if position < len(self.steps) else None

    @property
    def node(self) -> p.Node:
        return self.steps[-1].node if self.steps else self.root


class _Planner:
    def __init__(self, ctx: RuleContext, plan: LoopPlan, for_each: set[int]) -> None:
        self.ctx = ctx
        self.plan = plan
        self.for_each = for_each
        self.root = plan.tasks[0]
        self.members = {id(task) for task in plan.tasks}
        self.inside = {id(task) for task in self.root.walk()}
        self.by_id: dict[str, Task] = {}
        for task in ctx.tasks:
            if task.id is not None:
                self.by_id.setdefault(task.id, task)

    def valued_by(self, task: Task) -> Task | None:
        return _valued_by(task, self.for_each)

    def loops(self, task: Task) -> list[Task]:
        return _loops(task, self.for_each)

    def context_task(self, task: Task) -> Task:
        """The task whose ``taskrun.value`` and ``parent``/``parents`` a task reads: a WorkingDirectory's
        tasks run inside its own task run, with its value and its parents (1.x RunContextInitializer)."""
        parent = task.parent
        if isinstance(parent, Task) and _canonical(self.ctx, parent) == WORKING_DIRECTORY:
            return parent
        return task

    def run(self) -> None:
        for task in self.plan.tasks:
            self._check_task(task)
        self._check_children()
        for expression in self.ctx.expressions:
            if not expression.in_trigger:
                self._check_expression(expression)
        if self.plan.blocker is None:
            self.plan.edits.extend(_retype(task) for task in self.plan.tasks)

    # --- the ForEach tasks and what they hold --------------------------------------------------

    def _check_task(self, task: Task) -> None:
        node = task.mapping
        for key in ("errors", "finally"):
            branch = node.get(key)
            if isinstance(branch, Sequence) and branch.items:
                self.plan.block(f"Loop runs '{key}' in every iteration, ForEach once after them all")
        if any(a.mapping.get("retry") is not None for a in (task, *task.ancestors())):
            self.plan.block("a 'retry' on it or on a task holding it would not reach the iterations")
        problem = values_problem(node.get("values"))
        if problem is not None:
            self.plan.block(f"'{task.id}' {problem}")

    def _check_children(self) -> None:
        for task in self.root.walk():
            if task is self.root:
                continue
            canonical = _canonical(self.ctx, task)
            if _kind(self.ctx, task.type) == "task-execution-updating":
                self.plan.block(f"'{task.id}' would update the iteration's own execution, not the flow's")
            elif canonical == ALLOW_FAILURE or _flag(task.mapping, "allowFailure") or _warns_on_retry(task):
                self.plan.block(f"'{task.id}' can end in WARNING, which no longer makes a Loop end in WARNING")

    # --- expressions ---------------------------------------------------------------------------

    def _check_expression(self, expression: Expression) -> None:
        task = expression.task
        inside = task is not None and id(task) in self.inside
        if inside and expression.template.errors:
            self.plan.block(f"an expression of '{task.id}' does not parse, so what it reads is unknown")
        up = {id(child): node for node in walk(expression.template) for child in children(node)}
        consumed: list[tuple[int, int]] = []  # rewritten spans, whose own references are gone with them
        for node in walk(expression.template):
            if isinstance(node, p.Call) and isinstance(node.callee, p.Name):
                self._check_call(expression, node, inside, consumed)
        for reference in _references(expression.template, up):  # outer references come first
            if any(start <= reference.root.start < end for start, end in consumed):
                continue
            root = reference.root.name
            if root in ("outputs", "tasks"):
                self._check_task_read(expression, reference, consumed)
            elif inside and task is not None:
                self._check_iteration_read(expression, task, reference)
            elif task is None and root in ("taskrun", "parent", "parents"):
                self.plan.block(f"'{root}' is read outside the tasks, where a Loop iteration cannot set it")

    def _check_call(self, expression: Expression, call: p.Call, inside: bool, consumed: list) -> None:
        name = call.callee.name
        if name in _EXECUTION_WIDE:
            self.plan.block(f"{name}() would not see the iterations, which run as their own executions")
        elif name in _ITERATION_HELPERS and inside:
            self.plan.block(f"{name}() has no Loop equivalent")
        elif name == "currentEachOutput" and call.args:
            reference = _whole_reference(call.args[0])
            target = self._nest_task(reference.key(0)) if reference and reference.root.name == "outputs" else None
            if reference is None or target is None:
                return
            task = expression.task
            # it indexes the outputs by the values of the task's own ForEach ancestors
            if (
                task is None
                or len(reference.steps) != 1
                or len(call.args) != 1
                or call.kwargs
                or self.valued_by(self.context_task(task)) is None
                or self.loops(task) != self.loops(target)
            ):
                self.plan.block(f"currentEachOutput() of '{target.id}' does not read the current iteration")
                return
            argument = expression.template.text[call.args[0].start : call.args[0].end]
            self._edit(expression, call.start, call.end, argument)
            consumed.append((call.start, call.end))

    def _nest_task(self, key: str | int | None) -> Task | None:
        task = self.by_id.get(key) if isinstance(key, str) else None
        return task if task is not None and task is not self.root and id(task) in self.inside else None

    def _check_task_read(self, expression: Expression, reference: _Reference, consumed: list) -> None:
        """``outputs.x[v1]...`` and ``tasks.x[v]`` of a task in the nest: only the current iteration's."""
        root = reference.root.name
        if not isinstance(reference.key(0), str):
            self.plan.block(f"'{root}' is read whole or by a computed key, and holds no Loop iteration's tasks")
            return
        target = self._nest_task(reference.key(0))
        if target is None:
            return
        keyed_by = self.loops(target)
        if root == "tasks":
            # the tasks map keys a task run by its own value only, so values of outer loops collide
            keyed_by = keyed_by if len(keyed_by) == 1 and self.valued_by(target) is keyed_by[0] else []
        task = expression.task
        where = f"{root}.{target.id}"
        if task is None or not keyed_by or any(loop not in self.loops(task) for loop in keyed_by):
            self.plan.block(f"'{where}' is read outside its loop, where a Loop iteration's tasks are not seen")
            return
        subscripts = reference.steps[1 : 1 + len(keyed_by)]
        reads = [self._whole_value_read(task, step.index) for step in subscripts]
        if len(subscripts) < len(keyed_by) or [read.loop if read else None for read in reads] != keyed_by:
            unset = any(_names_a_value(step.index) for step in subscripts)
            unset = unset and self.valued_by(self.context_task(task)) is None
            self.plan.block(
                f"'{where}' is read with taskrun.value in '{task.id}', which has none (only a ForEach's direct "
                "children do)"
                if unset
                else f"'{where}' is not read with the current iteration's values"
            )
            return
        start, end = reference.steps[0].node.end, subscripts[-1].node.end
        self._edit(expression, start, end, "")
        consumed.append((start, end))

    def _check_iteration_read(self, expression: Expression, task: Task, reference: _Reference) -> None:
        """``taskrun.value``, ``parent.taskrun.value``, ``parents[i]…`` and the roots a nested Loop
        iteration reads elsewhere, in a task of the nest."""
        root = reference.root.name
        if root in _OUTER_EXECUTION_ROOTS:
            if len(self.loops(task)) >= 2:
                self.plan.block(f"a Loop inside a Loop reads '{root}' from the enclosing iteration's execution")
            return
        if root not in ("taskrun", "parent", "parents"):
            return
        # a ForEach's own properties render where its task run is, in the enclosing iteration: the
        # same context as a task in its place, so they need no case of their own
        found = self._value_read(task, reference)
        if found is not None:
            read, last = found
            self._edit(expression, reference.root.start, last.node.end, read.loop_path(self.loops(task)))
            return
        if root == "taskrun":
            if not reference.steps and self.valued_by(self.context_task(task)) is not None:
                self.plan.block("'taskrun' is read whole, and a Loop iteration has no taskrun.value")
            return
        ancestor = _ancestor_at(self.context_task(task), reference)
        loops = self.loops(task)
        if ancestor is None or not loops or id(ancestor) not in _strictly_inside(loops[-1]):
            self.plan.block(f"'{root}' reaches past the ForEach, which a Loop iteration does not see")

    def _value_read(self, task: Task, reference: _Reference) -> tuple[_ValueRead, _Step] | None:
        """The value (or iteration) of a ForEach of the nest that ``reference`` starts with, and its
        last accessor: ``taskrun.value``, ``parent.taskrun.value``, ``parents[i].taskrun.value``."""
        root = reference.root.name
        at = {"taskrun": 0, "parent": 1, "parents": 2}.get(root)
        if at is None or (at > 0 and reference.key(at - 1) != "taskrun"):
            return None
        attribute = reference.key(at)
        if attribute == "iteration":  # a task run's own only: parents carry the value alone
            holder: Task | None = task if at == 0 else None
        else:
            context = self.context_task(task)
            holder = context if at == 0 else _ancestor_at(context, reference)
        loop = self.valued_by(holder) if holder is not None else None
        if loop is None or id(loop) not in self.members or attribute not in ("value", "iteration"):
            return None
        return _ValueRead(loop, "index" if attribute == "iteration" else "value"), reference.steps[at]

    def _whole_value_read(self, task: Task, node: p.Node | None) -> _ValueRead | None:
        """The value ``node`` reads when it is nothing but a value reference (a subscript)."""
        reference = _whole_reference(node) if node is not None else None
        if reference is None:
            return None
        found = self._value_read(task, reference)
        return found[0] if found is not None and found[1] is reference.steps[-1] else None

    def _edit(self, expression: Expression, start: int, end: int, text: str) -> None:
        edit = document_edit(self.ctx, expression, start, end, text)
        if edit is None:
            self.plan.block("an expression to rewrite has escapes or folded lines, which cannot be edited in place")
        else:
            self.plan.edits.append(edit)


@dataclass(frozen=True)
class _ValueRead:
    loop: Task  # the ForEach whose current value (or index) is read
    attribute: str  # "value" or "index", as Loop names them

    def loop_path(self, loops: list[Task]) -> str:
        """How a task inside ``loops`` (outermost first) reads it once they are Loops."""
        depth = loops.index(self.loop)
        if depth == len(loops) - 1:
            return f"item.{self.attribute}"
        if depth == len(loops) - 2:
            return f"item.parent.{self.attribute}"
        return f"item.parents[{depth}].{self.attribute}"


def document_edit(ctx: RuleContext, expression: Expression, start: int, end: int, text: str) -> Edit | None:
    """The edit replacing template offsets ``[start, end)``, when the document holds them verbatim."""
    doc_start, doc_end = expression.span(start, end)
    if ctx.text[doc_start:doc_end] != expression.template.text[start:end]:
        return None
    return Edit(doc_start, doc_end, text)


# --- the flow's structure --------------------------------------------------------------------


def _valued_by(task: Task, for_each: set[int]) -> Task | None:
    """The ForEach whose value this task's runs carry: only its direct children get one."""
    parent = task.parent
    if isinstance(parent, Task) and task.slot == "tasks" and id(parent) in for_each:
        return parent
    return None


def _loops(task: Task, for_each: set[int]) -> list[Task]:
    """The ForEach tasks whose iterations run ``task``, outermost first (not ``task`` itself)."""
    found = []
    child = task
    for ancestor in task.ancestors():
        if _valued_by(child, for_each) is ancestor:
            found.append(ancestor)
        child = ancestor
    return found[::-1]


def _names_a_value(node: p.Node | None) -> bool:
    reference = _whole_reference(node) if node is not None else None
    return reference is not None and reference.root.name == "taskrun" and reference.key(0) == "value"


def _strictly_inside(task: Task) -> set[int]:
    return {id(t) for t in task.walk() if t is not task}


def _ancestor_at(task: Task, reference: _Reference) -> Task | None:
    """The task run ``parent`` (``parents[i]``) names: the i-th flowable around ``task``."""
    ancestors = list(task.ancestors())
    index = 0 if reference.root.name == "parent" else reference.key(0)
    if not isinstance(index, int) or isinstance(index, bool) or not 0 <= index < len(ancestors):
        return None
    return ancestors[index]


def _flag(node: Mapping, key: str) -> bool:
    value = node.get(key)
    return isinstance(value, Scalar) and value.value is True


def _warns_on_retry(task: Task) -> bool:
    retry = task.mapping.get("retry")
    return isinstance(retry, Mapping) and _flag(retry, "warningOnRetry")


def _kind(ctx: RuleContext, type_value: str | None) -> str | None:
    name = ctx.schema.plugin_types.get(type_value or "")
    kind = ctx.schema.definitions.get(name, {}).get("$kind") if name else None
    return kind if isinstance(kind, str) else None


def _retype(task: Task) -> Edit:
    node = task.mapping.get("type")
    assert isinstance(node, Scalar)
    quoted = node.style in ("'", '"')
    return Edit(node.start + quoted, node.end - quoted, LOOP)


# --- Pebble references -----------------------------------------------------------------------


def _references(template: p.Template, up: dict[int, p.Node]) -> Iterator[_Reference]:
    """Every variable with the accessors after it (names a template binds itself included: flows
    do not shadow Kestra's variables)."""
    callees = {id(node.callee) for node in walk(template) if isinstance(node, p.Call)}
    for node in walk(template):
        if isinstance(node, p.Name) and id(node) not in callees:
            yield _Reference(node, _steps(node, up))


def _steps(name: p.Name, up: dict[int, p.Node]) -> list[_Step]:
    steps: list[_Step] = []
    current: p.Node = name
    while True:
        parent = up.get(id(current))
        if isinstance(parent, p.GetAttr) and parent.obj is current and parent.args is None:
            steps.append(_Step(parent.name, parent, None))
        elif isinstance(parent, p.GetItem) and parent.obj is current:
            steps.append(_Step(_literal_key(parent.index), parent, parent.index))
        else:
            return steps
        current = parent


def _whole_reference(node: p.Node) -> _Reference | None:
    """``node`` read as a variable with literal accessors, when that is all it is."""
    steps: list[_Step] = []
    current = node
    while isinstance(current, (p.GetAttr, p.GetItem)):
        if isinstance(current, p.GetAttr):
            if current.args is not None:
                return None
            steps.append(_Step(current.name, current, None))
        else:
            key = _literal_key(current.index)
            if key is None:
                return None
            steps.append(_Step(key, current, current.index))
        current = current.obj
    return _Reference(current, steps[::-1]) if isinstance(current, p.Name) else None


def _literal_key(node: p.Node) -> str | int | None:
    """The key a subscript names when it is a string or integer literal."""
    value = node.value if isinstance(node, p.Literal) else None
    return value if isinstance(value, str | int) and not isinstance(value, bool) else None


def has_template(text: str) -> bool:
    return any(marker in text for marker in _MARKERS)


# --- values ----------------------------------------------------------------------------------


def values_problem(node: Node | None) -> str | None:
    """Why ForEach and Loop could iterate differently over these ``values``; None when they cannot.

    A template is rendered and parsed as a JSON array by both; ForEach then drops equal values, Loop
    equal strings. They differ only for an array holding a value and its JSON text (``[1, "1"]``)
    or equal maps written in another key order, which a rendered template cannot be checked for."""
    if isinstance(node, Scalar) and isinstance(node.value, str):
        if has_template(node.value):
            return None
        try:
            parsed = json.loads(node.value, parse_constant=_reject)
        except ValueError:
            return "has values that are not a JSON array"
        if not isinstance(parsed, list):
            return "has values that are not a JSON array"
        return _json_items_problem(parsed)
    if isinstance(node, Sequence):
        return _yaml_items_problem(node.items)
    return "has values that are neither a list nor a JSON array"


def _reject(constant: str) -> object:
    raise ValueError(constant)


def _json_items_problem(items: list[object]) -> str | None:
    if any(item is None for item in items):
        return "has a null value, which both tasks refuse"
    for i, first in enumerate(items):
        for second in items[i + 1 :]:
            if _java_equal(first, second) != (_as_loop_string(first) == _as_loop_string(second)):
                return "has values ForEach and Loop would deduplicate differently"
    return None


def _yaml_items_problem(items: list[Node]) -> str | None:
    strings: list[str] = []
    maps: list[tuple[object, bool]] = []  # the plain map and whether it holds a template
    for item in items:
        if isinstance(item, Mapping):
            maps.append((to_plain(item), has_template(json.dumps(to_plain(item)))))
        elif isinstance(item, Scalar) and isinstance(item.value, str):
            strings.append(item.value)
        elif isinstance(item, Scalar) and type(item.value) is int:
            if item.value not in _JAVA_INT:
                return "has an integer ForEach refuses (out of Java's int range)"
        else:
            return f"has a value ForEach refuses ({item.text if isinstance(item, Scalar) else 'a list'})"
    if maps and any(text.startswith("{") for text in strings):
        return "has values ForEach and Loop could deduplicate differently"
    if len(maps) > 1 and any(templated for _, templated in maps):
        return "has maps with templates, which ForEach and Loop could deduplicate differently"
    plain = [value for value, _ in maps]
    if _json_items_problem(plain) is not None:
        return "has values ForEach and Loop would deduplicate differently"
    return None


def _java_equal(first: object, second: object) -> bool:
    """``Object.equals`` of what Jackson reads: types matter (1 is not 1.0 nor true), maps ignore order."""
    if type(first) is not type(second):
        return False
    if isinstance(first, dict):
        assert isinstance(second, dict)
        return first.keys() == second.keys() and all(_java_equal(first[k], second[k]) for k in first)
    if isinstance(first, list):
        assert isinstance(second, list)
        return len(first) == len(second) and all(_java_equal(a, b) for a, b in zip(first, second, strict=True))
    return first == second


def _as_loop_string(value: object) -> str:
    """The string Loop keeps for a value: itself for a string, else its JSON (Jackson's compact form)."""
    return value if isinstance(value, str) else json.dumps(value, separators=(",", ":"), ensure_ascii=False)
