"""Kestra's execution algorithm (kestra-semantics.md §3) run over the flow model: phases in
order, each flowable's own branch selection and state, runIf, allowFailure, retries. Tasks do
nothing; their outcome comes from the scenario (SUCCESS by default), and expressions are
rendered by our sandboxed Pebble evaluator against the simulated context. The schema index's
Kestra version decides the Pebble dialect, the state priority, and which loop the flow has: 1.x's
ForEach, or 2.0's Loop, whose iterations are executions of their own (loop.py)."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from flowls.durations import parse_duration
from flowls.model import Flow, Phase, Task
from flowls.model.flow import LOOP
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence, scalar_text, to_plain
from flowls.pebble.evaluate import RenderError, RenderOptions, Unknowable, is_truthy, render, render_typed
from flowls.schema.index import SchemaIndex
from flowls.simulate.loop import IN_ERROR, LoopItem, item_variables, loop_items, reads_file, unknown_items
from flowls.simulate.scenario import Scenario
from flowls.version import DEFAULT_VERSION

CORE = "io.kestra.plugin.core."
COMPUTED_OUTPUTS = {CORE + "debug.Return", CORE + "output.OutputValues"}  # the dry run renders them
FOR_EACH = CORE + "flow.ForEach"  # Kestra 1.x; 2.0 has LOOP instead
# What guessFinalState looks for, in order; 2.0 ranks CANCELLED, which 1.x took for SUCCESS.
FINAL_STATES = {1: ("KILLED", "FAILED", "WARNING", "PAUSED"), 2: ("KILLED", "FAILED", "CANCELLED", "WARNING", "PAUSED")}
MAX_LOOPS = 100

T = TypeVar("T")


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
    item: str | None = None  # the item of the Loop iteration it runs in (Kestra 2.0)
    depth: int = 0
    parent_run: TaskRun | None = field(default=None, repr=False, compare=False)

    @property
    def shown_value(self) -> str | None:
        """What the report calls its value: the ForEach value (``taskrun.value``) or the Loop item."""
        return self.value if self.value is not None else self.item

    def as_json(self) -> dict[str, Any]:
        return {
            "taskId": self.task_id,
            "phase": self.phase,
            "state": self.state,
            "executionState": self.execution_state,
            "parent": self.parent,
            "value": self.shown_value,
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
    """An execution.Exit task (``run``) ended the execution."""

    def __init__(self, state: str, run: TaskRun) -> None:
        self.state = state
        self.run = run


@dataclass
class _Iteration:
    """An iteration of a Kestra 2.0 Loop: an execution of its own, whose task runs and outputs only
    it sees; it sees those of the executions around it too."""

    loop_run: TaskRun  # the Loop's, in the enclosing execution
    item: LoopItem
    enclosing: _Iteration | None
    outputs: dict[str, Any] = field(default_factory=dict)
    task_states: dict[str, Any] = field(default_factory=dict)

    def enclosing_items(self) -> list[LoopItem]:
        """The items of the iterations around this one, outermost first."""
        items = []
        iteration = self.enclosing
        while iteration is not None:
            items.insert(0, iteration.item)
            iteration = iteration.enclosing
        return items


@dataclass(frozen=True)
class _IterationEnd:
    item: LoopItem
    state: str
    outputs: dict[str, Any] | Unknowable | None  # what the Loop's declared outputs rendered to in it
    reason: str | None  # why it failed when no task run says so


@dataclass(frozen=True)
class _Frame:
    """Where a task runs: its phase, its flowable parent's run, the loop value it has."""

    phase: Phase
    parent: TaskRun | None
    depth: int
    value: str | None = None
    iteration: int | None = None
    values: tuple[str, ...] = ()  # enclosing loop values, outermost first
    loop: _Iteration | None = None

    def inside(self, run: TaskRun, **changes: Any) -> _Frame:
        """Where the children of ``run`` (a flowable running here) run."""
        return replace(self, parent=run, depth=self.depth + 1, **changes)


class Simulator:
    def __init__(
        self, flow: Flow, scenario: Scenario, index: SchemaIndex | None = None, watch: str | None = None
    ) -> None:
        self.flow = flow
        self.watch = watch  # a task id whose rendering context to keep
        self.watched: dict[str, Any] | None = None
        self.scenario = scenario
        self.index = index  # types' aliases and declared outputs, the Kestra version
        self.aliases = index.aliases if index is not None else {}
        self.version = index.version if index is not None else DEFAULT_VERSION
        self.options = RenderOptions(dialect=self.version.dialect)
        self.final_states = FINAL_STATES[self.version.major]
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
            if node.get("defaults") is None and not _optional(node):
                missing.append(element.id)
        return missing

    # --- the execution ----------------------------------------------------------------------------

    def run(self) -> Simulation:
        phases = self.flow.phases
        try:
            self._block(phases[Phase.TASKS], phases[Phase.ERRORS], phases[Phase.FINALLY], _Frame(Phase.TASKS, None, 0))
            top = [r for r in self.runs if r.parent is None and r.phase == Phase.TASKS.value]
            final = self._final_state(top)
        except _Exit as exit_:
            final = exit_.state
            for run in self.runs:  # the Exit task's parents end with its state
                if run.state == "RUNNING":
                    run.state = exit_.state
        outputs, reason = self._flow_outputs(_Frame(Phase.TASKS, None, 0))
        if reason is not None:
            final = "FAILED"  # as in Kestra, flow outputs that cannot render fail the execution
        self.flow_outputs = outputs  # exposed as execution.outputs
        self.execution_state = final
        frame = _Frame(Phase.AFTER_EXECUTION, None, 0)
        for task in phases[Phase.AFTER_EXECUTION]:
            try:
                self._task(task, frame)
            except _Exit:
                break
        return Simulation(final, self.runs, reason, self.watched)

    def _flow_outputs(self, frame: _Frame) -> tuple[dict[str, Any] | None, str | None]:
        """The flow's ``outputs`` rendered where ``frame`` is, as when an execution ends (in 2.0, a
        Loop iteration's too): None for a flow without; and why they could not render, or None."""
        if not self.flow.outputs:
            return None, None
        declared = [(o.id, o.node) for o in self.flow.outputs if o.id and isinstance(o.node, Mapping)]
        rendered, reason = self._render_outputs(declared, self._context(None, frame))
        return (None, reason) if reason is not None else (rendered, None)

    def _render_outputs(self, declared: list[tuple[str, Mapping]], context: dict) -> tuple[dict[str, Any], str | None]:
        """Declared outputs (``id``, ``value``, ``required``: the flow's, a Loop's) rendered; why a
        required one could not be, or None."""
        rendered: dict[str, Any] = {}
        for output_id, node in declared:
            try:
                rendered[output_id] = self._value(node.get("value"), context)
            except RenderError as error:
                if not _optional(node):
                    return rendered, f"Failed to render output values: output '{output_id}': {error.message}"
        return rendered, None

    def _block(self, tasks: list[Task], errors: list[Task], finally_: list[Task], frame: _Frame, mode: str = "seq",
               concurrent: int = 0) -> str:  # fmt: skip
        """A list with its own errors and finally (the flow's, or a flowable's): Kestra's
        branch selection (§3.3) and state (§3.4)."""
        return self._final_state(_finish(self._block_steps(tasks, errors, finally_, frame, mode, concurrent)))

    def _block_steps(self, tasks: list[Task], errors: list[Task], finally_: list[Task], frame: _Frame,
                     mode: str = "seq", concurrent: int = 0,
                     main: list[TaskRun] | None = None) -> Generator[None, None, list[TaskRun]]:  # fmt: skip
        """A block in turns (see _in_turns): it pauses before starting each task run, or each batch
        of a Parallel's. Returns the runs of ``tasks``, which it adds to ``main`` when given."""
        main = [] if main is None else main
        enabled = [t for t in tasks if not _disabled(t)]
        if mode == "dag":
            enabled = _topological(enabled)
        batch = concurrent if mode == "parallel" and concurrent > 0 else (len(enabled) if mode == "parallel" else 1)
        for start in range(0, len(enabled), max(batch, 1)):
            yield
            started = [self._task(task, frame) for task in enabled[start : start + max(batch, 1)]]
            main.extend(run for run in started if run is not None)
            if _failed(run for run in started if run is not None):
                break  # no new task starts after a failure; the errors branch takes over
        yield from self._closing_steps(main, errors, finally_, frame)
        return main

    def _closing_steps(self, main: list[TaskRun], errors: list[Task], finally_: list[Task],
                       frame: _Frame) -> Generator[None, None, None]:  # fmt: skip
        """A block's errors, when a run of ``main`` failed, then its finally: one task a turn."""
        for tasks, phase in ((errors if _failed(main) else [], Phase.ERRORS), (finally_, Phase.FINALLY)):
            where = frame if frame.parent else replace(frame, phase=phase)
            for task in tasks:
                if not _disabled(task):
                    yield
                    self._task(task, where)

    # --- one task ---------------------------------------------------------------------------------

    def _task(self, task: Task, frame: _Frame) -> TaskRun | None:
        if _disabled(task):
            return None
        kind = self.aliases.get(task.type or "", task.type or "")
        run = TaskRun(task.id or "?", frame.phase.value, "RUNNING", self.execution_state,
                      frame.parent.task_id if frame.parent else None, frame.value,
                      item=str(frame.loop.item) if frame.loop else None, depth=frame.depth,
                      parent_run=frame.parent)  # fmt: skip
        self.runs.append(run)
        context = self._context(task, frame)
        if task.id == self.watch and self.watched is None:
            self.watched = copy.deepcopy(context)  # later tasks add outputs to the same maps
        run_if = scalar_text(task.mapping.get("runIf"))
        if run_if is not None:
            try:
                if not _truthy(self._render(run_if, context), run, "runIf"):
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
        inner = frame.inside(run)
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
        if kind == FOR_EACH and self.version.major == 1:
            return self._for_each(task, run, frame, context, lists)
        if kind == LOOP and self.version.major == 2:
            return self._loop(task, run, frame, context, lists)
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
            raise _Exit(state, run)
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
        values = self._each_values(task.mapping.get("values"), context)
        limit = _integer(self._value(task.mapping.get("concurrencyLimit"), context), 1)
        runs: list[TaskRun] = []
        groups = (
            self._block_steps(lists["tasks"], [], [], frame.inside(run, value=value, iteration=iteration,
                              values=(*frame.values, value)), main=runs)
            for iteration, value in enumerate(values)
        )  # fmt: skip
        _in_turns(groups, limit, _failed, halt=True)  # each group returns ``runs``, which all share
        _finish(self._closing_steps(runs, lists["errors"], lists["finally"], frame.inside(run)))
        return self._final_state(runs)

    def _loop(self, task: Task, run: TaskRun, frame: _Frame, context: dict, lists: dict) -> str:
        """Kestra 2.0's Loop: an iteration per item, each an execution of its own that runs the
        Loop's tasks, errors and finally; ``concurrencyLimit`` of them at once (1, the default; 0:
        all), in turns as ForEach's value groups. With ``transmitFailed`` (the default) an iteration
        ending FAILED, KILLED or CANCELLED ends the Loop, FAILED or else SUCCESS: no iteration starts
        any more, the started ones run to their end. Iterations ending otherwise do not change its
        state (LoopExecutionEventMessageHandler). Its outputs count the iterations and list each
        one's declared ``outputs``."""
        node = task.mapping
        values = self._value(node.get("values"), context, typed=False)
        depends = unknown_items(values)
        if depends is None:
            items = loop_items(values)
        else:
            run.reason = f"one iteration simulated: the items depend on {depends}"
            items = [LoopItem(0, Unknowable(f"an item of {depends}"))]
        limit = _integer(self._value(node.get("concurrencyLimit"), context), 1)
        transmit = not _false(node.get("transmitFailed"))
        fetch = (scalar_text(node.get("fetchType")) or "AUTO").upper()
        stored: bool | None = fetch == "STORE"  # each iteration's outputs go to a file, or None: unknown
        if fetch == "AUTO":  # to a file when the values are a URI
            stored = None if isinstance(values, Unknowable) else reads_file(values)
        declared = _declared_outputs(node.get("outputs"))
        running = len(items) if limit <= 0 else min(limit, len(items))
        counts = {"iterationCount": len(items), "runningIterations": running, "terminatedIterations": 0}
        entries: list[dict[str, Any]] = []
        self._output(task, frame, dict(counts))
        outcome: str | None = None

        def ended(end: _IterationEnd) -> bool:
            nonlocal outcome
            if transmit and end.state in IN_ERROR:
                if outcome is None:
                    outcome = "FAILED" if end.state == "FAILED" else "SUCCESS"
                    why = end.reason or f"ended {end.state}, the Loop stops"
                    run.reason = f"iteration {end.item.index} ({end.item}): {why}"
                return True
            counts["runningIterations"] -= 1
            counts["terminatedIterations"] += 1
            if end.outputs is not None:
                entries.append(end.item.output_entry(end.outputs))
            if outcome is None and counts["runningIterations"] + counts["terminatedIterations"] < len(items):
                counts["runningIterations"] += 1  # the next iteration starts
            self._output(task, frame, {**counts, "outputs": entries} if entries else dict(counts))
            return False

        iterations = (self._iteration(lists, declared, stored, frame, _Iteration(run, it, frame.loop)) for it in items)
        _in_turns(iterations, limit, ended, halt=False)
        return outcome or "SUCCESS"

    def _iteration(self, lists: dict, declared: list[tuple[str, Mapping]], stored: bool | None, frame: _Frame,
                   iteration: _Iteration) -> Generator[None, None, _IterationEnd]:  # fmt: skip
        """A Loop iteration in turns: its tasks, errors and finally; then, as its execution ends,
        the flow's outputs render in it (onEnd), and the Loop's declared ones; either failing fails
        it. An Exit ends this iteration only, in its state. ``frame``: where the Loop runs."""
        # no taskrun value nor iteration: the iteration's task runs are its execution's own
        frame = frame.inside(iteration.loop_run, value=None, iteration=None, values=(), loop=iteration)
        reason = None
        try:
            main = yield from self._block_steps(lists["tasks"], lists["errors"], lists["finally"], frame)
            state = self._final_state(main)
            reason = self._flow_outputs(frame)[1]
        except _Exit as exit_:
            state = exit_.state  # the execution ends there: no onEnd, no flow outputs
            ancestor = exit_.run.parent_run
            while ancestor is not iteration.loop_run:
                ancestor.state = exit_.state
                ancestor = ancestor.parent_run
        outputs: dict[str, Any] | Unknowable | None = None
        if declared:
            rendered, failure = self._render_outputs(declared, self._context(None, frame))
            index = iteration.item.index
            if failure is not None:
                reason = reason or failure
            elif stored is None:
                outputs = Unknowable(f"the outputs of iteration {index} (in a file if the values are a URI)")
            else:
                outputs = {"uri": Unknowable(f"the file of the outputs of iteration {index}")} if stored else rendered
        return _IterationEnd(iteration.item, "FAILED" if reason else state, outputs, reason)

    def _loop_until(self, task: Task, run: TaskRun, frame: _Frame, context: dict, lists: dict) -> str:
        limit = _iteration_limit(task.mapping.get("checkFrequency"))
        state = "SUCCESS"
        self._output(task, frame, {"iterationCount": 0})
        for iteration in range(limit):
            inner = frame.inside(run, iteration=iteration)
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

    def _final_state(self, runs: list[TaskRun]) -> str:
        states = {run.state for run in runs}
        return next((state for state in self.final_states if state in states), "SUCCESS")

    def _end(self, run: TaskRun, task: Task, frame: _Frame, state: str) -> TaskRun:
        run.state = state
        entry = {"state": state}
        states = frame.loop.task_states if frame.loop else self.task_states
        if frame.value is not None:
            states.setdefault(task.id or "?", {})[frame.value] = entry
        else:
            states[task.id or "?"] = entry
        return run

    def _output(self, task: Task, frame: _Frame, outputs: Any) -> None:
        root = frame.loop.outputs if frame.loop else self.outputs
        if frame.values:  # outputs of tasks in loops are nested by the loop values (§3.8)
            holder = root.setdefault(task.id or "?", {})
            for value in frame.values[:-1]:
                holder = holder.setdefault(value, {})
            holder[frame.values[-1]] = outputs
        else:
            root[task.id or "?"] = outputs

    def _visible_outputs(self, iteration: _Iteration | None) -> dict[str, Any]:
        """TaskOutputService.computeOutputs: a Loop iteration's own outputs, then those of the
        executions around it, which win; outside iterations, the execution's."""
        if iteration is None:
            return self.outputs
        return {**iteration.outputs, **self._visible_outputs(iteration.enclosing)}

    def _context(self, task: Task | None, frame: _Frame) -> dict[str, Any]:
        flow = self.flow
        in_loop = frame.loop
        tasks = self.task_states
        if in_loop is not None:  # RunVariables: the iteration's task runs, then its enclosing execution's
            tasks = {**in_loop.task_states, **(in_loop.enclosing.task_states if in_loop.enclosing else tasks)}
        execution: dict[str, Any] = {"id": "simulated-execution", "state": self.execution_state}
        execution["startDate"] = Unknowable("execution.startDate")
        if self.flow_outputs is not None:
            execution["outputs"] = self.flow_outputs
        context: dict[str, Any] = {
            "flow": {"id": flow.id, "namespace": flow.namespace},
            "execution": execution,
            "task": {"id": task.id, "type": task.type} if task else {},
            "taskrun": {"id": "simulated-taskrun", "startDate": Unknowable("taskrun.startDate"), "attemptsCount": 0},
            "outputs": self._visible_outputs(in_loop),
            "tasks": tasks,
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
        if in_loop is not None:
            context["item"] = item_variables(in_loop.item, in_loop.enclosing_items())
        parents = []
        ancestor = frame.parent
        outermost = in_loop.loop_run if in_loop else None  # an iteration's execution does not hold its Loop's run
        while ancestor is not outermost:  # innermost first, as Kestra's `parents`
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

    def _render(self, text: str, context: dict) -> str:
        return render(text, context, self.options)

    def _render_text(self, node: Node | None, context: dict) -> str:
        text = scalar_text(node)
        if text is None:
            return ""
        return self._render(text, context)

    def _value(self, node: Node | None, context: dict, typed: bool = True) -> Any:
        """A property's value with every string rendered (lists and maps too): typed as Kestra's
        renderTyped, or as text (an Unknowable where it depends on what cannot be known)."""
        if node is None:
            return None
        if isinstance(node, Scalar):
            if not isinstance(node.value, str):
                return node.value
            if typed:
                return render_typed(node.value, context, self.options)
            text = self._render(node.value, context)
            unknown = _UNKNOWN.search(text)
            return Unknowable(unknown.group(1)) if unknown else text
        if isinstance(node, Sequence):
            return [self._value(item, context, typed) for item in node.items]
        if isinstance(node, Mapping):
            return {scalar_text(k) or "?": self._value(v, context, typed) for k, v in node.pairs}
        return None

    def _each_values(self, node: Node | None, context: dict) -> list[str]:
        """ForEach's values (Kestra 1.x's FlowableUtils.resolveEachTasks)."""
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


def _finish(steps: Generator[None, None, T]) -> T:
    """What turns (see _in_turns) come to, taken one after the other."""
    while True:
        try:
            next(steps)
        except StopIteration as end:
            return end.value


def _in_turns(groups: Iterable[Generator[None, None, T]], limit: int, stops: Callable[[T], bool], halt: bool) -> None:
    """Groups of task runs run as Kestra runs a loop's: at most ``limit`` at once (0: all); each
    turn starts the next task run of every active group, in order; a group that ends (its last run
    started) makes room for the next. Once ``stops`` says so of what a group ended with, no group
    starts any more, and with ``halt`` the active ones stop after this turn too (a ForEach's task
    runs are its own: none starts after a failure); else they run to their end (Loop iterations
    are executions of their own)."""
    pending = iter(groups)
    active: list[Generator[None, None, T]] = []
    closed = False

    def step(group: Generator[None, None, T]) -> bool:
        """One turn of ``group``; whether it goes on."""
        nonlocal closed
        try:
            next(group)
        except StopIteration as end:
            closed = stops(end.value) or closed
            return False
        return True

    while True:
        while not closed and (limit <= 0 or len(active) < limit):
            group = next(pending, None)
            if group is None:
                break
            if step(group):  # up to its first task run: a group with none ends here
                active.append(group)
        if not active:
            return
        active = [group for group in active if step(group)]
        if closed and halt:
            return


def _failed(runs: Iterable[TaskRun]) -> bool:
    return any(run.state == "FAILED" for run in runs)


def _disabled(task: Task) -> bool:
    return _flag(task, "disabled")


def _flag(task: Task, key: str) -> bool:
    node = task.mapping.get(key)
    return isinstance(node, Scalar) and node.value is True


def _false(node: Node | None) -> bool:
    return isinstance(node, Scalar) and node.value is False


def _optional(node: Mapping) -> bool:
    """An input or output with ``required: false``."""
    return _false(node.get("required"))


def _declared_outputs(node: Node | None) -> list[tuple[str, Mapping]]:
    """A Loop's ``outputs``: flow-style declarations, by id."""
    items = node.items if isinstance(node, Sequence) else []
    return [(key, item) for item in items if isinstance(item, Mapping) and (key := scalar_text(item.get("id")))]


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
