"""Words for values and schemas in validation messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

_TYPE_NAMES = {
    "string": "string",
    "integer": "integer",
    "number": "number",
    "boolean": "boolean",
    "object": "mapping",
    "array": "list",
    "null": "null",
}


def value(instance: Any) -> str:
    """A value as the user wrote it, short."""
    if instance is None:
        return "null"
    if isinstance(instance, bool):
        return "true" if instance else "false"
    if isinstance(instance, str):
        text = instance if len(instance) <= 40 else instance[:37] + "..."
        return repr(text)
    if isinstance(instance, dict):
        return "a mapping"
    if isinstance(instance, list):
        return "a list"
    return repr(instance)


def type_names(types: Iterable[str]) -> str:
    return " or ".join(_TYPE_NAMES.get(t, t) for t in types)


def schema(sub: Any) -> str:
    """What a schema accepts, in a few words ("list of strings", "one of A, B")."""
    if not isinstance(sub, dict):
        return "anything"
    if "x-dynamic" in sub:
        return schema(sub["x-dynamic"])
    if isinstance(sub.get("enum"), list):
        return "one of " + ", ".join(str(v) for v in sub["enum"])
    ref = sub.get("$ref") or sub.get("x-ref")
    if isinstance(ref, str):
        return ref.rsplit("/", 1)[-1].rsplit(".", 1)[-1]
    kind = sub.get("type")
    if kind == "array":
        items = sub.get("items")
        return f"list of {plural(schema(items))}" if isinstance(items, dict) and items else "list"
    if isinstance(kind, str):
        return _TYPE_NAMES.get(kind, kind)
    if isinstance(kind, list):
        return type_names(kind)
    if isinstance(sub.get("anyOf"), list):
        return " or ".join(schema(branch) for branch in sub["anyOf"])
    return "a value"


def plural(noun: str) -> str:
    return noun if noun.endswith("s") or " " in noun else noun + "s"


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    """`` — did you mean 'x'?`` for the closest candidate, or an empty string.

    Class names share long package prefixes, so callers comparing them raise ``cutoff``."""
    options = list(candidates)
    by_case = [c for c in options if c.lower() == word.lower()]
    match = by_case or difflib.get_close_matches(word, options, n=1, cutoff=cutoff)
    return f" — did you mean '{match[0]}'?" if match else ""
