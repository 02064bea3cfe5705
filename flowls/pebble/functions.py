"""Pebble and Kestra functions the evaluator simulates. A function Kestra knows but that needs a
Kestra server (secret, kv, read, http, encrypt...) is not here: the evaluator gives an ``Unknowable``,
or the value a caller supplies (``RenderOptions.functions``).

Each takes ``(renderer, node, args)`` with ``args`` keyed by the declared parameter names; the variadic
ones (``min``, ``max``) take ``(renderer, node, positional, named)``.
"""

from __future__ import annotations

import json
import secrets
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from flowls.pebble import dates, formats, kestra2
from flowls.pebble.values import RenderError, is_number, java_str, type_name

_RANGE_ARGUMENTS = "Arguments of range function must be of type Number or String with a length of 1"


def _range(renderer, node, args: dict) -> object:
    """Pebble's RangeFunction (``..`` too): longs, or the characters between two 1-character strings."""
    start, end, step = args.get("start"), args.get("end"), args.get("increment", 1)
    if step is None:
        step = 1
    elif not is_number(step):
        raise renderer.error(node, f"The increment of the range function must be a number {java_str(step)}")
    step = int(step)  # Number.longValue
    if is_number(start) and is_number(end):
        first, last, characters = int(start), int(end), False
    elif isinstance(start, str) and isinstance(end, str):
        if len(start.encode("utf-16-le")) != 2 or len(end.encode("utf-16-le")) != 2:
            raise renderer.error(node, _RANGE_ARGUMENTS)
        first, last, characters = ord(start), ord(end), True
    else:
        raise renderer.error(node, _RANGE_ARGUMENTS)
    if step == 0:
        raise renderer.error(node, "The increment of the range function must be different than 0")
    count = max(0, (last - first) // step + 1)
    if count > renderer.limits.max_range:
        raise renderer.limit(node, f"range too long: {count} items (the limit is {renderer.limits.max_range})")
    numbers = range(first, last + (1 if step > 0 else -1), step)
    return [chr(n) for n in numbers] if characters else list(numbers)


def _extreme(pick_greater: bool) -> Callable:
    def function(renderer, node, positional: list, named: dict) -> object:
        best: object = None
        for value in positional:
            if value is None:
                continue
            if not is_number(value):
                raise renderer.error(node, f"invalid operands for mathematical comparison: {type_name(value)}")
            if best is None or (value > best if pick_greater else value < best):  # type: ignore[operator]
                best = value
        return best

    return function


def _from_json(renderer, node, args: dict) -> object:
    text = args.get("json")
    if text is None:
        return None
    if not isinstance(text, str):
        raise renderer.error(node, f"fromJson() takes a string, not {type_name(text)}")
    try:
        return json.loads(text)
    except ValueError as error:
        raise renderer.error(node, f"Invalid json: {error}") from None


def _render(renderer, node, args: dict) -> object:
    value = args.get("toRender")
    if not isinstance(value, str):
        return value
    recursive = args.get("recursive", True)
    text = renderer.render_string(node, value)
    while recursive is not False and text != value and "{" in text:
        value, text = text, renderer.render_string(node, text)
    return text


def _render_once(renderer, node, args: dict) -> object:
    value = args.get("toRender")
    return renderer.render_string(node, value) if isinstance(value, str) else value


# --- random identifiers (Kestra draws them too: they differ on every rendering) -----------------

_BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NANO_ID_ALPHABET = _BASE62 + "-_"
_KSUID_EPOCH = 1_400_000_000


def _base62(number: int, width: int = 0) -> str:
    digits = ""
    while number:
        number, digit = divmod(number, 62)
        digits = _BASE62[digit] + digits
    return (digits or "0").rjust(width, "0")


def _uuid(renderer, node, args: dict) -> object:
    return str(uuid.uuid4())


def _id(renderer, node, args: dict) -> object:
    """``IdUtils.create``: FriendlyId, a random UUID in base 62 (up to 22 characters)."""
    return _base62(uuid.uuid4().int)


def _ksuid(renderer, node, args: dict) -> object:
    """A K-sortable id: 4 bytes of seconds since 2014-05-13 and 16 random bytes, 27 base-62 digits."""
    clock = renderer.budget.options.clock  # a dry run has none, yet still draws ids
    seconds = int((clock() if clock else datetime.now(UTC)).timestamp()) - _KSUID_EPOCH
    return _base62((seconds << 128) | secrets.randbits(128), 27)


def _nano_id(renderer, node, args: dict) -> object:
    length, alphabet = args.get("length"), args.get("alphabet")
    length = length if isinstance(length, int) and not isinstance(length, bool) else 21
    if length > 1000:
        raise renderer.error(node, "The 'nanoId()' function field 'length' must be lower than: 1000")
    alphabet = alphabet if isinstance(alphabet, str) and alphabet else _NANO_ID_ALPHABET
    mask = len(alphabet) - 1  # Kestra masks random bytes, so only the first 2^k characters are drawn
    return "".join(alphabet[byte & mask] for byte in secrets.token_bytes(max(0, length)))


def _random_int(renderer, node, args: dict) -> object:
    bounds = []
    for name in ("lower", "upper"):
        if name not in args:
            raise renderer.error(node, f"The 'randomIn()' function expects an argument {name}")
        value = args[name]
        if not isinstance(value, int) or isinstance(value, bool):
            raise renderer.error(node, f"The 'randomIn()' function expects an argument {name} of type Long.")
        bounds.append(value)
    lower, upper = bounds
    if upper < lower:
        raise renderer.error(node, "In 'randomIn()' upper is less than lower")
    return lower if upper == lower else lower + secrets.randbelow(upper - lower)


# --- the execution, read from the context ------------------------------------------------------


def _variable(renderer, name: str) -> object:
    return renderer.lookup(name)[1]


def _tasks_with_state(renderer, node, args: dict) -> object:
    """The task runs in a state, read from the ``tasks`` variable: ``{taskId: {state}}``, or
    ``{taskId: {value: {state}}}`` for tasks in loops. Keys are in the order of Kestra's HashMap."""
    if "state" not in args:
        raise renderer.error(node, "The 'tasksWithState' function expects an argument 'state'.")
    wanted = java_str(args["state"]).upper()
    tasks = _variable(renderer, "tasks")
    found: list[dict] = []
    for task_id, runs in tasks.items() if isinstance(tasks, dict) else ():
        if not isinstance(runs, dict):
            continue
        for key, run in runs.items():
            if key == "state" and isinstance(run, str):
                state, value = run, None
            elif isinstance(run, dict):
                state, value = run.get("state"), key  # a run under the key "state" gets value "state" too
            else:
                continue
            if isinstance(state, str) and state.upper() == wanted:
                found.append({"state": wanted, **({"value": value} if value is not None else {}), "taskId": task_id})
    return found


def _parents_outermost_first(renderer) -> list:
    parents = _variable(renderer, "parents")
    return list(reversed(parents)) if isinstance(parents, list) else []


def _current_each_output(renderer, node, args: dict) -> object:
    outputs = args.get("outputs")
    if "outputs" not in args:
        raise renderer.error(node, "The 'currentEachOutput' function expects an argument 'outputs'.")
    if not isinstance(outputs, dict):
        raise renderer.error(node, "The 'currentEachOutput' function expects an argument 'outputs' with type map.")
    for parent in _parents_outermost_first(renderer):
        taskrun = parent.get("taskrun") if isinstance(parent, dict) else None
        if isinstance(taskrun, dict):
            inner = outputs.get(taskrun.get("value"))
            if inner is None:
                raise renderer.error(node, "No execution outputs for the current task runs path")
            outputs = inner
    taskrun = _variable(renderer, "taskrun")
    value = taskrun.get("value") if isinstance(taskrun, dict) else None
    return outputs.get(value) if isinstance(outputs, dict) else None


def _iteration_output(renderer, node, args: dict) -> object:
    taskrun = _variable(renderer, "taskrun")
    if not isinstance(taskrun, dict) or "iteration" not in taskrun:
        raise renderer.error(node, " 'iterationOutputs()' function should be used inside iterative tasks only")
    task_id = args.get("taskId")
    if task_id is None:
        task = _variable(renderer, "task")
        task_id = task.get("id") if isinstance(task, dict) else None
    iteration = args.get("iteration")
    if iteration is None:
        iteration = (taskrun.get("iteration") or 0) - 1  # the previous iteration
    else:
        try:
            iteration = int(java_str(iteration))
        except ValueError:
            message = (
                f"The 'iteration' argument for 'iterationOutputs' must be an integer, but got: {java_str(iteration)}"
            )
            raise renderer.error(node, message) from None
    if iteration < 0:
        raise renderer.error(node, f"Cannot fetch iteration {iteration}: no previous iteration exists.")
    outputs = _variable(renderer, "outputs")
    target = outputs.get(task_id) if isinstance(outputs, dict) else None
    for parent in _parents_outermost_first(renderer):
        taskrun_of_parent = parent.get("taskrun") if isinstance(parent, dict) else None
        if isinstance(taskrun_of_parent, dict) and isinstance(target, dict):
            target = target.get(taskrun_of_parent.get("value"))
    if not isinstance(target, dict):
        return None
    if iteration >= len(target):
        raise renderer.error(
            node,
            f"The provided index ({iteration}) is out of range. It refers to an iteration whose outputs do not "
            f"exist yet. Maximum valid index is {len(target) - 1}.",
        )
    chosen = list(target.values())[iteration]
    return chosen.get("value") if isinstance(chosen, dict) else None


def _parent_output(renderer, node, args: dict) -> object:
    index = args.get("index")
    if index is None:
        parent = _variable(renderer, "parent")
    else:
        if not isinstance(index, int) or isinstance(index, bool):
            raise renderer.error(node, "The 'parentOutput' function expects an argument 'index' of type integer.")
        parents = _parents_outermost_first(renderer)
        if index + 1 > len(parents):
            raise renderer.error(node, f"Invalid index: {index} for parents size: {len(parents)}")
        parent = parents[index]
    if not isinstance(parent, dict):
        return None
    task, taskrun = parent.get("task"), parent.get("taskrun")
    task_id = task.get("id") if isinstance(task, dict) else None
    value = taskrun.get("value") if isinstance(taskrun, dict) else None
    outputs = _variable(renderer, "outputs")
    found = outputs.get(task_id) if isinstance(outputs, dict) else None
    if isinstance(found, dict) and value is not None:
        return found.get(value)
    return found


def _context(renderer, node, args: dict) -> object:
    """``printContext()``/``fetchContext()``: every global variable."""
    return dict(renderer.scopes[0])


FUNCTIONS: dict[str, Callable] = {
    "range": _range,
    "max": _extreme(True),
    "min": _extreme(False),
    "fromJson": _from_json,
    "render": _render,
    "renderOnce": _render_once,
    "uuid": _uuid,
    "id": _id,
    "ksuid": _ksuid,
    "nanoId": _nano_id,
    "randomInt": _random_int,
    "tasksWithState": _tasks_with_state,
    "currentEachOutput": _current_each_output,
    "iterationOutput": _iteration_output,
    "parentOutput": _parent_output,
    "printContext": _context,
    "fetchContext": _context,
    **dates.FUNCTIONS,
    **formats.FUNCTIONS,
    **kestra2.FUNCTIONS,
}

__all__ = ["FUNCTIONS", "RenderError"]
