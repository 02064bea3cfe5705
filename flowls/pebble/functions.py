"""Pebble and Kestra functions the evaluator simulates. A function Kestra knows but that needs the
outside world (secret, kv, read, http, now, uuid...) is not here: the evaluator gives an ``Unknowable``.

Each takes ``(renderer, node, args)`` with ``args`` keyed by the declared parameter names; the variadic
ones (``min``, ``max``) take ``(renderer, node, positional, named)``.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from flowls.pebble.values import RenderError, is_number, type_name


def _range(renderer, node, args: dict) -> object:
    start, end, step = args.get("start"), args.get("end"), args.get("increment", 1)
    if isinstance(start, str) and isinstance(end, str) and len(start) == 1 and len(end) == 1:
        numbers = _range(renderer, node, {"start": ord(start), "end": ord(end), "increment": step})
        return [chr(n) for n in numbers]  # type: ignore[union-attr]
    for value in (start, end, step):
        if not is_number(value):
            raise renderer.error(node, f"range() takes numbers, not {type_name(value)}")
    if step == 0:
        raise renderer.error(node, "The increment of the range function must be different than 0")
    if isinstance(start, float) or isinstance(end, float) or isinstance(step, float):
        start, end, step = int(start), int(end), int(step)  # Pebble truncates doubles to longs
        if step == 0:
            raise renderer.error(node, "The increment of the range function must be different than 0")
    count = max(0, (end - start) // step + 1)
    if count > renderer.limits.max_range:
        raise renderer.error(node, f"range too long: {count} items (the limit is {renderer.limits.max_range})")
    return list(range(start, end + (1 if step > 0 else -1), step))


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


FUNCTIONS: dict[str, Callable] = {
    "range": _range,
    "max": _extreme(True),
    "min": _extreme(False),
    "fromJson": _from_json,
    "render": _render,
    "renderOnce": _render_once,
}

__all__ = ["FUNCTIONS", "RenderError"]
