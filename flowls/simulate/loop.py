"""Kestra 2.0's Loop, as data: the items its ``values`` give (``FlowableUtils.resolveValues``), the
``item`` variable of an iteration (``RunVariables.of(LoopRun)``) and the entry an iteration adds to
the Loop's ``outputs`` (``LoopExecutionEventMessageHandler.buildIterationOutput``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from flowls.pebble.evaluate import RenderError, Unknowable

# URIFetcher.SUPPORTED_SCHEMES: values that name a file are read from it, one item per line.
URI_SCHEMES = ("kestra://", "file://", "nsfile://")
# State.Type.isTerminatedInError: the iteration states transmitFailed ends the Loop on.
IN_ERROR = ("FAILED", "KILLED", "CANCELLED")


@dataclass(frozen=True)
class LoopItem:
    index: int
    value: str | Unknowable
    key: str | None = None

    def variables(self) -> dict[str, Any]:
        variables: dict[str, Any] = {"index": self.index, "value": self.value}
        if self.key is not None:  # only map values have keys
            variables["key"] = self.key
        return variables

    def output_entry(self, outputs: dict[str, Any] | Unknowable) -> dict[str, Any]:
        item: dict[str, Any] = {"value": self.value, "iteration": self.index}
        if self.key is not None:
            item["key"] = self.key
        return {"item": item, "outputs": outputs}

    def __str__(self) -> str:
        return str(self.value)


def item_variables(item: LoopItem, enclosing: list[LoopItem]) -> dict[str, Any]:
    """``item`` in an iteration of ``item``'s Loop, inside iterations of ``enclosing`` (outermost
    first, as ``LoopRun.parents``): ``item.parent`` is the nearest, ``item.parents[0]`` the outermost."""
    variables = item.variables()
    if enclosing:
        variables["parents"] = [parent.variables() for parent in enclosing]
        variables["parent"] = variables["parents"][-1]
    return variables


def reads_file(values: Any) -> bool:
    """Values rendered to a URI: Kestra reads the items from that file, one a line."""
    return isinstance(values, str) and values.startswith(URI_SCHEMES)


def unknown_items(values: Any) -> str | None:
    """What the items of ``values`` (rendered) depend on when a dry run cannot know them, else None."""
    if isinstance(values, Unknowable):
        return values.description
    return f"the lines of {values}" if reads_file(values) else None


def loop_items(values: Any) -> list[LoopItem]:
    """The items of ``values`` rendered (every string as text; an Unknowable where a string depends
    on what a dry run cannot know): a JSON string gives an array's or an object's items, a list its
    distinct elements, a map its entries. Raises RenderError with Kestra's message otherwise; see
    unknown_items first."""
    if isinstance(values, str):
        try:
            parsed = json.loads(values)
        except ValueError as error:
            raise RenderError("render", f"Loop values are not JSON: {error}") from None
        if isinstance(parsed, list):
            texts = [_json_element(element, values) for element in parsed]
            return _numbered(dict.fromkeys(texts))
        if isinstance(parsed, dict):
            return _entries(parsed, values)
        raise RenderError("render", f"Unknown value type: {_json_type(parsed)}")
    if isinstance(values, list):
        return _numbered(dict.fromkeys(_element(element, values) for element in values))
    if isinstance(values, dict):
        return _entries(values, values)
    raise RenderError("render", f"Unknown value type: {_java_class(values)}")


def _numbered(values: Any) -> list[LoopItem]:
    return [LoopItem(index, value) for index, value in enumerate(values)]


def _entries(values: dict, whole: Any) -> list[LoopItem]:
    return [LoopItem(index, _element(value, whole), str(key)) for index, (key, value) in enumerate(values.items())]


def _json_element(element: Any, whole: Any) -> str:
    """An element of a JSON array: strings as they are, anything else as JSON, never null."""
    if element is None:
        raise _null_value(whole)
    return element if isinstance(element, str) else _serialize(element)


def _element(element: Any, whole: Any) -> str | Unknowable:
    """FlowableUtils.valueAsString: strings and numbers as text, maps as JSON, nothing else."""
    if element is None:
        raise _null_value(whole)
    if isinstance(element, str | Unknowable):
        return element
    if isinstance(element, int | float) and not isinstance(element, bool):
        return str(element)
    if isinstance(element, dict):
        return _serialize(element)
    raise RenderError("render", f"Unknown value element type: {_java_class(element)}")


def _null_value(whole: Any) -> RenderError:
    return RenderError("render", f"Found a null value inside the iteration values={_serialize(whole)}")


def _serialize(value: Any) -> str:
    """As Jackson writes it: compact, non-ASCII kept."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def _json_type(value: Any) -> str:
    """Jackson's JsonNodeType of a JSON value that is neither an array nor an object."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "BOOLEAN"
    return "STRING" if isinstance(value, str) else "NUMBER"


def _java_class(value: Any) -> str:
    java = {bool: "java.lang.Boolean", int: "java.lang.Integer", float: "java.lang.Double", list: "java.util.ArrayList"}
    return f"class {java.get(type(value), type(value).__name__)}"
