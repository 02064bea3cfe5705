"""Values of the Pebble evaluator: the unknowable placeholder, errors, and Java-like conversions.

Context values are JSON-like Python data. Python ``int`` stands for Java's Integer/Long, ``float`` for
Double; ``bool`` is never a number (Java's Boolean is not a Number).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import Decimal

_LONG_MIN = -(1 << 63)
_LONG_MASK = (1 << 64) - 1


class Unknowable:
    """A value that cannot be known offline (a secret, a KV entry, a plugin output, the clock...).

    Every operation on it yields an Unknowable too; it prints as ``<unknown: description>``."""

    __slots__ = ("description",)

    def __init__(self, description: str) -> None:
        self.description = description

    def __str__(self) -> str:
        return f"<unknown: {self.description}>"

    def __repr__(self) -> str:
        return f"Unknowable({self.description!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unknowable) and other.description == self.description

    def __hash__(self) -> int:
        return hash(("Unknowable", self.description))


class RenderError(Exception):
    """A template that does not parse (``kind="parse"``) or fails while rendering (``kind="render"``);
    ``start``/``end`` are offsets into the template."""

    def __init__(self, kind: str, message: str, start: int = 0, end: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"RenderError({self.kind!r}, {self.message!r}, {self.start}, {self.end})"


class Undefined(RenderError):
    """Pebble's AttributeNotFoundException (strict variables): what ``??``, ``???``, ``is defined``
    and ``default`` catch."""


@dataclass(frozen=True)
class Limits:
    max_steps: int = 100_000
    max_output: int = 1_000_000  # characters of output, and size of any one string or collection
    max_range: int = 10_000
    max_depth: int = 200


class Entry:
    """A map entry, as ``for`` yields when it iterates over a map (``.key``, ``.value``)."""

    __slots__ = ("key", "value")

    def __init__(self, key: object, value: object) -> None:
        self.key = key
        self.value = value


def is_number(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, float)


def wrap_long(value: int) -> int:
    """Java's 64-bit overflow."""
    value &= _LONG_MASK
    return value - (1 << 64) if value > (1 << 63) - 1 else value


def java_double(value: float) -> str:
    """``Double.toString``."""
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    if value == 0:
        return "-0.0" if math.copysign(1.0, value) < 0 else "0.0"
    sign = "-" if value < 0 else ""
    _, digit_tuple, exponent = Decimal(repr(abs(value))).as_tuple()
    digits = "".join(map(str, digit_tuple)).rstrip("0")
    exponent += len("".join(map(str, digit_tuple))) - len(digits)  # value = int(digits) * 10**exponent
    sci = len(digits) - 1 + exponent  # value = d.ddd * 10**sci
    if 1e-3 <= abs(value) < 1e7:
        if sci >= 0:
            whole = digits[: sci + 1].ljust(sci + 1, "0")
            fraction = digits[sci + 1 :] or "0"
            return f"{sign}{whole}.{fraction}"
        return f"{sign}0.{'0' * (-sci - 1)}{digits}"
    return f"{sign}{digits[0]}.{digits[1:] or '0'}E{sci}"


def to_json(value: object) -> str:
    """Compact JSON as Kestra's Jackson writes it (doubles as Java prints them)."""
    if isinstance(value, float):
        return java_double(value) if math.isfinite(value) else json.dumps(java_double(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if value is None or isinstance(value, bool | int):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "[" + ",".join(to_json(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{json.dumps(_key(k), ensure_ascii=False)}:{to_json(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Entry):
        return to_json({_key(value.key): value.value})
    return json.dumps(str(value), ensure_ascii=False)


def _key(key: object) -> str:
    return key if isinstance(key, str) else to_string(key)


def to_string(value: object) -> str:
    """What ``{{ value }}`` prints."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return java_double(value)
    if isinstance(value, Unknowable):
        return str(value)
    return to_json(value)


def java_str(value: object) -> str:
    """Java's ``toString`` (``String.valueOf``): what ``+`` with a string, ``~``, ``join`` and ``isIn`` use."""
    if value is None:
        return "null"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(java_str(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{java_str(k)}={java_str(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Entry):
        return f"{java_str(value.key)}={java_str(value.value)}"
    return to_string(value)


def java_trim(text: str) -> str:
    """``String.trim``: strips characters up to U+0020."""
    start, end = 0, len(text)
    while start < end and text[start] <= " ":
        start += 1
    while end > start and text[end - 1] <= " ":
        end -= 1
    return text[start:end]


def java_equals(left: object, right: object) -> bool:
    """Pebble's ``==``: numbers compared as doubles, anything else with ``equals``."""
    if is_number(left) and is_number(right):
        return float(left) == float(right)  # type: ignore[arg-type]
    if isinstance(left, bool) != isinstance(right, bool):
        return False
    if is_number(left) != is_number(right):
        return False
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(java_equals(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(java_equals(v, right[k]) for k, v in left.items())
    if isinstance(left, Entry) and isinstance(right, Entry):
        return java_equals(left.key, right.key) and java_equals(left.value, right.value)
    return left == right


def is_empty(value: object) -> bool:
    """Pebble's ``empty`` test (and when ``default`` applies)."""
    if value is None:
        return True
    if isinstance(value, str):
        return java_trim(value) == ""
    if isinstance(value, list | dict | tuple):
        return len(value) == 0
    return False


def size_of(value: object) -> int:
    return len(value) if isinstance(value, str | list | dict | tuple) else 0


def type_name(value: object) -> str:
    """A Java-like class name, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "Boolean"
    if isinstance(value, int):
        return "Long"
    if isinstance(value, float):
        return "Double"
    if isinstance(value, str):
        return "String"
    if isinstance(value, list):
        return "ArrayList"
    if isinstance(value, dict):
        return "LinkedHashMap"
    if isinstance(value, Entry):
        return "Entry"
    return type(value).__name__


def is_truthy(rendered: str) -> bool:
    """Kestra's ``TruthUtils.isTruthy`` on a rendered string: false iff the trimmed text is
    ``false``, ``0``, ``-0`` or empty."""
    return java_trim(rendered) not in ("false", "0", "-0", "")
