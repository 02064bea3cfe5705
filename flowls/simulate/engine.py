"""Kestra's execution algorithm (kestra-semantics.md §3) run over the flow model: phases in
order, each flowable's own branch selection and state, runIf, allowFailure, retries. Tasks do
nothing; their outcome comes from the scenario (SUCCESS by default), and expressions are
rendered by our sandboxed Pebble evaluator against the simulated context."""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Any

from flowls.durations import parse_duration
from flowls.model import Flow, Phase, Task
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, scalar_text, to_plain
from flowls.pebble.evaluate import RenderError, Unknowable, is_truthy, render, render_typed
from flowls.schema.index import SchemaIndex
from flowls.simulate.scenario import Scenario

CORE = "io.kestra.plugin.core."
COMPUTED_OUTPUTS = {CORE + "debug.Return", CORE + "output.OutputValues"}  # the dry run renders them
FINAL_STATES = ("KILLED", "FAILED", "WARNING", "PAUSED")  # what guessFinalState looks for, in order
MAX_LOOPS = 100


@dataclass
class TaskRun:
    task_id: str
    phase: str
    state: str
    execution_state: str  # what `execution.state` rendered to for this task
    parent: str | None
    value: str | None = None
    attempts: int = 1
    reason: str | None = None
    depth: int = 0
    parent_run: TaskRun | None = field(default=None, repr=False, compare=False)

    def as_json(self) -> dict[str, Any]:
        return {
            "taskId": self.task_id,
            "phase": self.phase,
            "state": self.state,
            "executionState": self.execution_state,
            "parent": self.parent,
            "value": self.value,
            "attempts": self.attempts,
            "reason": self.reason,
        }


@dataclass
class Simulation:
    state: str
    taskruns: list[TaskRun] = field(default_factory=list)
    reason: str | None = None  # why the execution failed when no task run says so
    watched: dict[str, Any] | None = None  # the context the watched task's first run got

    def as_json(self) -> dict[str, Any]:
        return {"state": self.state, "reason": self.reason, "taskruns": [run.as_json() for run in self.taskruns]}


class _Exit(Exception):
    """An execution.Exit task ended the execution."""

    def __init__(self, state: str) -> None:
        self.state = state


@dataclass
class _Frame:
    """Where a task runs: its phase, its flowable parent's run, the loop value it has."""

    phase: Phase
    parent: TaskRun | None
    depth: int
    value: str | None = None
    iteration: int | None = None
    values: tuple[str, ...] = ()  # enclosing loop values, outermost first


class Simulator:
    def __init__(
        self, flow: Flow, scenario: Scenario, index: SchemaIndex | None = None, watch: str | None = None
    ) -> None:
        self.flow = flow
        self.watch = watch  # a task id whose rendering context to keep
        self.watched: dict[str, Any] | None = None
        self.scenario = scenario
        self.index = index  # types' aliases and declared outputs
        self.aliases = index.aliases if index is not None else {}
        self.runs: list[TaskRun] = []
        self.outputs: dict[str, Any] = {}
        self.task_states: dict[str, Any] = {}
        self.execution_state = "RUNNING"
        self.flow_outputs: dict[str, Any] | None = None

    def missing_inputs(self) -> list[str]:
        """Required inputs with no default and no value: Kestra would not start the execution."""
        missing = []
        for element in self.flow.inputs:
            node = element.node
            if not element.id or not isinstance(node, Mapping) or element.id in self.scenario.inputs:
                continue
            required = node.get("required")
            if node.get("defaults") is None and not (isinstance(required, Scalar) and required.value is False):
                missing.append(element.id)
        return missing

    # --- the execution ----------------------------------------------------------------------------

    def run(self) -> Simulation:
        phases = self.flow.phases
        try:
            self._block(phases[Phase.TASKS], phases[Phase.ERRORS], phases[Phase.FINALLY], _Frame(Phase.TASKS, None, 0))
            top = [r for r in self.runs if r.parent is None and r.phase == Phase.TASKS.value]
            final = _final_state(top)
        except _Exit as exit_:
            final = exit_.state
            for run in self.runs:  # the Exit task's parents end with its state
                if run.state == "RUNNING":
                    run.state = exit_.state
        reason = self._render_flow_outputs()
        if reason is not None:
            final = "FAILED"  # as in Kestra, flow outputs that cannot render fail the execution
        self.execution_state = final
        frame = _Frame(Phase.AFTER_EXECUTION, None, 0)
        for task in phases[Phase.AFTER_EXECUTION]:
            try:
                self._task(task, frame)
            except _Exit:
                break
        return Simulation(final, self.runs, reason, self.watched)

    def _render_flow_outputs(self) -> str | None:
        """The flow's `outputs`, rendered once tasks are done (exposed as execution.outputs); why
        they could not be, or None."""
        if not self.flow.outputs:
            return None
        rendered: dict[str, Any] = {}
        context = self._context(None, _Frame(Phase.TASKS, None, 0))
        for element in self.flow.outputs:
            node = element.node
            if not element.id or not isinstance(node, Mapping):
                continue
            required = node.get("required")
            try:
                rendered[element.id] = self._value(node.get("value"), context)
            except RenderError as error:
                if not (isinstance(required, Scalar) and required.value is False):
                    return f"Failed to render output values: output '{element.id}': {error.message}"
        self.flow_outputs = rendered
        return None

    def _block(self, tasks: list[Task], errors: list[Task], finally_: list[Task], frame: _Frame, mode: str = "seq",
               concurrent: int = 0) -> str:  # fmt: skip
        """A list with its own errors and finally (the flow's, or a flowable's): Kestra's
        branch selection (§3.3) and state (§3.4)."""
        main = self._main(tasks, frame, mode, concurrent)
        failed = any(run.state == "FAILED" for run in main)
        if failed:
            for task in errors:
                self._task(task, _Frame(frame.phase if frame.parent else Phase.ERRORS, *_rest(frame)))
        for task in finally_:
            self._task(task, _Frame(frame.phase if frame.parent else Phase.FINALLY, *_rest(frame)))
        return _final_state(main)

    def _main(self, tasks: list[Task], frame: _Frame, mode: str, concurrent: int) -> list[TaskRun]:
        runs: list[TaskRun] = []
        enabled = [t for t in tasks if not _disabled(t)]
        if mode == "dag":
            enabled = _topological(enabled)
        batch = concurrent if mode == "parallel" and concurrent > 0 else (len(enabled) if mode == "parallel" else 1)
        for start in range(0, len(enabled), max(batch, 1)):
            started = [self._task(task, frame) for task in enabled[start : start + max(batch, 1)]]
            runs.extend(run for run in started if run is not None)
            if any(run is not None and run.state == "FAILED" for run in started):
                break  # no new task starts after a failure; the errors branch takes over
        return runs

    # --- one task ---------------------------------------------------------------------------------

    def _task(self, task: Task, frame: _Frame) -> TaskRun | None:
        if _disabled(task):
            return None
        kind = self.aliases.get(task.type or "", task.type or "")
        run = TaskRun(task.id or "?", frame.phase.value, "RUNNING", self.execution_state,
                      frame.parent.task_id if frame.parent else None, frame.value, depth=frame.depth,
                      parent_run=frame.parent)  # fmt: skip
        self.runs.append(run)
        context = self._context(task, frame)
        if task.id == self.watch and self.watched is None:
            self.watched = copy.deepcopy(context)  # later tasks add outputs to the same maps
        run_if = scalar_text(task.mapping.get("runIf"))
        if run_if is not None:
            try:
                if not _truthy(render(run_if, context), run, "runIf"):
                    return self._end(run, task, frame, "SKIPPED")
            except RenderError as error:
                run.reason = f"runIf: {error.message}"
                return self._end(run, task, frame, "FAILED")
        try:
            state = self._execute(task, kind, run, frame, context)
        except RenderError as error:
            run.reason = error.message
            state = "FAILED"
        return self._end(run, task, frame, self._apply_allowances(task, state, run))

    def _execute(self, task: Task, kind: str, run: TaskRun, frame: _Frame, context: dict) -> str:
        node = task.mapping
        inner = _Frame(frame.phase, run, frame.depth + 1, frame.value, frame.iteration, frame.values)
        lists = {slot: [c for c in task.children if c.slot == slot] for slot in ("tasks", "errors", "finally")}
        if kind in (CORE + "flow.Sequential", CORE + "flow.WorkingDirectory"):
            return self._block(lists["tasks"], lists["errors"], lists["finally"], inner)
        if kind == CORE + "flow.AllowFailure":
            state = self._block(lists["tasks"], lists["errors"], lists["finally"], inner)
            return "WARNING" if state == "FAILED" else state
        if kind == CORE + "flow.Parallel":
            concurrent = _integer(self._value(node.get("concurrent"), context), 0)
            return self._block(lists["tasks"], lists["errors"], lists["finally"], inner, "parallel", concurrent)
        if kind == CORE + "flow.Dag":
            return self._block(lists["tasks"], lists["errors"], lists["finally"], inner, "dag")
        if kind == CORE + "flow.If":
            result = _truthy(self._render_text(node.get("condition"), context), run, "condition")
            self._output(task, frame, {"evaluationResult": result})
            branch = [c for c in task.children if c.slot == ("then" if result else "else")]
            if not any(not _disabled(c) for c in branch):
                return "SUCCESS"
            return self._block(branch, lists["errors"], lists["finally"], inner)
        if kind == CORE + "flow.Switch":
            value = self._render_text(node.get("value"), context)
            branch = [c for c in task.children if c.slot == f"cases.{value}"]
            self._output(task, frame, {"value": value, "defaults": not branch})
            if not branch:
                branch = [c for c in task.children if c.slot == "defaults"]
            if not branch:
                run.reason = f"no case for '{value}' and no defaults"
                return "FAILED"
            return self._block(branch, lists["errors"], lists["finally"], inner)
        if kind == CORE + "flow.ForEach":
            return self._for_each(task, run, frame, context, lists)
        if kind in (CORE + "flow.LoopUntil", CORE + "flow.WaitFor"):
            return self._loop_until(task, run, frame, context, lists)
        if kind == CORE + "flow.Pause":
            pause_children = [c for c in task.children if c.slot == "onPause"]
            for child in pause_children:
                self._task(child, inner)
            behavior = (scalar_text(node.get("behavior")) or "RESUME").upper()
            return {"WARN": "WARNING", "CANCEL": "CANCELLED", "FAIL": "FAILED"}.get(behavior, "SUCCESS")
        if kind == CORE + "execution.Fail":
            condition = node.get("condition")
            if condition is None or _truthy(self._render_text(condition, context), run, "condition"):
                run.reason = self._render_text(node.get("errorMessage"), context) or "Task failure"
                return "FAILED"
            return "SUCCESS"
        if kind == CORE + "execution.Exit":
            state = (self._render_text(node.get("state"), context) or "SUCCESS").upper()
            run.state = state
            raise _Exit(state)
        return self._leaf(task, kind, run, frame, context)

    def _leaf(self, task: Task, kind: str, run: TaskRun, frame: _Frame, context: dict) -> str:
        node = task.mapping
        if kind == CORE + "debug.Return":
            self._output(task, frame, {"value": self._render_text(node.get("format"), context)})
        elif kind == CORE + "output.OutputValues":
            values = node.get("values")
            rendered = {}
            if isinstance(values, Mapping):
                for key, value in values.pairs:
                    rendered[scalar_text(key) or "?"] = self._value(value, context)
            self._output(task, frame, {"values": rendered})
        elif kind == CORE + "log.Log":
            self._value(node.get("message"), context)  # a message that cannot render fails the task
        outcome = self.scenario.outcomes.get(task.id or "", "SUCCESS")
        if task.id in self.scenario.outputs:
            self._output(task, frame, self.scenario.outputs[task.id or ""])
        elif kind not in COMPUTED_OUTPUTS and (unknown := self._unknowable_outputs(task, kind)) is not None:
            self._output(task, frame, unknown)
        retry = task.mapping.get("retry")
        if outcome == "FAILED" and isinstance(retry, Mapping):
            attempts = _integer(
                to_plain(retry.get("maxAttempts") or retry.get("maxAttempt") or Scalar("", 0, 0, "1", 1, None)), 1
            )
            run.attempts = max(1, attempts)
        if outcome == "FAILED" and not run.reason:
            run.reason = "failed (scenario)"
        return outcome

    def _unknowable_outputs(self, task: Task, kind: str) -> Any:
        """Outputs a real run would have: each declared attribute unknowable (an undeclared one
        fails, as in Kestra); none for a core task that declares none; a plugin the schema does
        not describe, wholly unknowable."""
        declared = self.index.outputs_of(kind) if self.index is not None else {}
        if declared:
            return {name: Unknowable(f"outputs.{task.id}.{name}") for name in declared}
        if kind.startswith(CORE) and self.index is not None:
            return None
        return Unknowable(f"outputs of {task.id} ({kind})")

    def _for_each(self, task: Task, run: TaskRun, frame: _Frame, context: dict, lists: dict) -> str:
        """Values by tasks. ``concurrencyLimit`` value groups run at once (1, the default: one
        after the other; 0: all), each group sequential; the runs start in turns, group by group.
        After a failure no new task run starts and the ForEach's own errors take over."""
        values = self._loop_values(task.mapping.get("values"), context)
        limit = _integer(self._value(task.mapping.get("concurrencyLimit"), context), 1)
        enabled = [child for child in lists["tasks"] if not _disabled(child)]
        pending = [
            _Frame(frame.phase, run, frame.depth + 1, value, iteration, (*frame.values, value))
            for iteration, value in enumerate(values)
        ]
        active: list[tuple[_Frame, list[int]]] = []  # a started value group and its next task
        runs: list[TaskRun] = []
        failed = False
        while (pending or active) and not failed:
            while pending and (limit <= 0 or len(active) < limit):
                active.append((pending.pop(0), [0]))
            for group in list(active):
                value_frame, position = group
                if position[0] < len(enabled):
                    started = self._task(enabled[position[0]], value_frame)
                    position[0] += 1
                    if started is not None:
                        runs.append(started)
                        failed = failed or started.state == "FAILED"
                if position[0] >= len(enabled) or failed:
                    active.remove(group)
        inner = _Frame(frame.phase, run, frame.depth + 1, frame.value, frame.iteration, frame.values)
        if failed:
            for child in lists["errors"]:
                self._task(child, inner)
        for child in lists["finally"]:
            self._task(child, inner)
        return _final_state(runs)

    def _loop_until(self, task: Task, run: TaskRun, frame: _Frame, context: dict, lists: dict) -> str:
        limit = _iteration_limit(task.mapping.get("checkFrequency"))
        state = "SUCCESS"
        self._output(task, frame, {"iterationCount": 0})
        for iteration in range(limit):
            inner = _Frame(frame.phase, run, frame.depth + 1, frame.value, iteration, frame.values)
            state = self._block(lists["tasks"], lists["errors"], lists["finally"], inner)
            self._output(task, frame, {"iterationCount": iteration + 1})
            if state == "FAILED":
                return state
            condition = self._render_text(task.mapping.get("condition"), self._context(task, frame))
            if _truthy(condition, run, "condition"):
                return state
        if _flag(task, "failOnMaxReached"):
            run.reason = f"the condition stayed false for {limit} iterations (failOnMaxReached)"
            return "FAILED"
        return state

    # --- states, outputs and the render context ---------------------------------------------------

    def _apply_allowances(self, task: Task, state: str, run: TaskRun) -> str:
        allow_failure = _flag(task, "allowFailure")
        allow_warning = _flag(task, "allowWarning")
        if state == "FAILED" and allow_failure:
            state = "SUCCESS" if allow_warning else "WARNING"
        if state == "WARNING" and allow_warning:
            state = "SUCCESS"
        return state

    def _end(self, run: TaskRun, task: Task, frame: _Frame, state: str) -> TaskRun:
        run.state = state
        entry = {"state": state}
        if frame.value is not None:
            self.task_states.setdefault(task.id or "?", {})[frame.value] = entry
        else:
            self.task_states[task.id or "?"] = entry
        return run

    def _output(self, task: Task, frame: _Frame, outputs: Any) -> None:
        if frame.values:  # outputs of tasks in loops are nested by the loop values (§3.8)
            holder = self.outputs.setdefault(task.id or "?", {})
            for value in frame.values[:-1]:
                holder = holder.setdefault(value, {})
            holder[frame.values[-1]] = outputs
        else:
            self.outputs[task.id or "?"] = outputs

    def _context(self, task: Task | None, frame: _Frame) -> dict[str, Any]:
        flow = self.flow
        execution: dict[str, Any] = {"id": "simulated-execution", "state": self.execution_state}
        execution["startDate"] = Unknowable("execution.startDate")
        if self.flow_outputs is not None:
            execution["outputs"] = self.flow_outputs
        context: dict[str, Any] = {
            "flow": {"id": flow.id, "namespace": flow.namespace},
            "execution": execution,
            "task": {"id": task.id, "type": task.type} if task else {},
            "taskrun": {"id": "simulated-taskrun", "startDate": Unknowable("taskrun.startDate"), "attemptsCount": 0},
            "outputs": self.outputs,
            "tasks": self.task_states,
            "vars": to_plain(flow.variables) if flow.variables is not None else {},
            "labels": {
                label.key: to_plain(label.value_node) for label in flow.labels if label.key and label.value_node
            },
            "trigger": self._trigger(),
            "envs": Unknowable("envs"),
            "globals": Unknowable("globals"),
        }
        if frame.value is not None:
            context["taskrun"].update({"value": frame.value, "iteration": frame.iteration})
        elif frame.iteration is not None:
            context["taskrun"]["iteration"] = frame.iteration
        if self.flow.inputs:
            context["inputs"] = self._inputs()
        parents = []
        ancestor = frame.parent
        while ancestor is not None:  # innermost first, as Kestra's `parents`
            parent: dict[str, Any] = {"task": {"id": ancestor.task_id}}
            if ancestor.value is not None:  # RunVariables.parents: no taskrun key without a value
                parent["taskrun"] = {"value": ancestor.value}
            parents.append(parent)
            ancestor = ancestor.parent_run
        if parents:
            context["parent"], context["parents"] = parents[0], parents
        return context

    def _trigger(self) -> Any:
        """The scenario's trigger variables; when it gives none, a flow with triggers was started
        by one of them, whose variables a dry run cannot know."""
        if self.scenario.trigger or not self.flow.triggers:
            return self.scenario.trigger
        return Unknowable("trigger variables (give them in a scenario's trigger)")

    def _inputs(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for element in self.flow.inputs:
            node = element.node
            if not element.id or not isinstance(node, Mapping):
                continue
            if element.id in self.scenario.inputs:
                value = self.scenario.inputs[element.id]
            elif node.get("defaults") is not None:
                value = to_plain(node.get("defaults"))
            else:
                value = None  # an optional input nobody gave is null
            holder = values
            *parents, last = element.id.split(".")  # dots in ids nest (inputs.a.b)
            for part in parents:
                holder = holder.setdefault(part, {})
            holder[last] = value
        return values

    def _render_text(self, node: Node | None, context: dict) -> str:
        text = scalar_text(node)
        if text is None:
            return ""
        return render(text, context)

    def _value(self, node: Node | None, context: dict) -> Any:
        """A property's value with every string rendered (lists and maps too)."""
        if node is None:
            return None
        if isinstance(node, Scalar):
            if isinstance(node.value, str):
                return render_typed(node.value, context)
            return node.value
        if isinstance(node, Sequence):
            return [self._value(item, context) for item in node.items]
        if isinstance(node, Mapping):
            return {scalar_text(k) or "?": self._value(v, context) for k, v in node.pairs}
        return None

    def _loop_values(self, node: Node | None, context: dict) -> list[str]:
        value = self._value(node, context)
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError as error:
                raise RenderError("render", f"ForEach values are not a JSON array: {error}", 0, 0) from None
        if isinstance(value, Unknowable):
            return [str(value)]
        if not isinstance(value, list):
            raise RenderError("render", f"Unknown value type: {type(value).__name__}", 0, 0)
        distinct: list[str] = []
        for item in value:
            text = item if isinstance(item, str) else json.dumps(item, separators=(",", ":"))
            if text not in distinct:
                distinct.append(text)
        return distinct


_UNKNOWN = re.compile(r"<unknown: ([^>]*)>")


def _truthy(rendered: str, run: TaskRun, what: str) -> bool:
    """Kestra's truthiness; a condition resting on what a dry run cannot know is taken as true,
    and the run says so."""
    unknown = _UNKNOWN.search(rendered)
    if unknown is None:
        return is_truthy(rendered)
    run.reason = f"{what} taken as true: it depends on {unknown.group(1)}"
    return True


def _iteration_limit(check: Node | None) -> int:
    """LoopUntil's bound: ``maxIterations``, or as many ``interval``s (default PT1M) as fit in
    ``maxDuration``; never more than MAX_LOOPS."""
    if not isinstance(check, Mapping):
        return MAX_LOOPS
    limit = _integer(to_plain(check.get("maxIterations")) if check.get("maxIterations") else None, MAX_LOOPS)
    duration = parse_duration(scalar_text(check.get("maxDuration")) or "")
    interval = parse_duration(scalar_text(check.get("interval")) or "PT1M")
    if duration is not None and interval:
        limit = min(limit, max(1, duration // interval))
    return max(1, min(limit, MAX_LOOPS))


def _final_state(runs: list[TaskRun]) -> str:
    states = {run.state for run in runs}
    return next((state for state in FINAL_STATES if state in states), "SUCCESS")


def _rest(frame: _Frame) -> tuple:
    return frame.parent, frame.depth, frame.value, frame.iteration, frame.values


def _disabled(task: Task) -> bool:
    return _flag(task, "disabled")


def _flag(task: Task, key: str) -> bool:
    node = task.mapping.get(key)
    return isinstance(node, Scalar) and node.value is True


def _integer(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _topological(tasks: list[Task]) -> list[Task]:
    """Dag children in an order where each comes after what it depends on (ties: file order)."""
    by_id = {t.id: t for t in tasks}
    needs: dict[str | None, set[str]] = {}
    for task in tasks:
        needs[task.id] = set()
        dag = task.parent
        items = dag.mapping.get("tasks") if isinstance(dag, Task) else None
        if isinstance(items, Sequence):
            for item in items.items:
                if isinstance(item, Mapping) and item.get("task") is task.node:
                    depends = item.get("dependsOn")
                    if isinstance(depends, Sequence):
                        needs[task.id] = {d for node in depends.items if (d := scalar_text(node)) in by_id}
    ordered: list[Task] = []
    done: set[str | None] = set()
    while len(ordered) < len(tasks):
        ready = [t for t in tasks if t.id not in done and needs[t.id] <= done]
        if not ready:  # a cycle (reported by dag-dependency): run the rest in file order
            ready = [t for t in tasks if t.id not in done]
        ordered.append(ready[0])
        done.add(ready[0].id)
    return ordered
