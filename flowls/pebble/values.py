"""Values of the Pebble evaluator: the unknowable placeholder, errors, and Java-like conversions.

Context values are JSON-like Python data. Python ``int`` stands for Java's Integer/Long, ``float`` for
Double; ``bool`` is never a number (Java's Boolean is not a Number).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

_LONG_MIN = -(1 << 63)
_LONG_MASK = (1 << 64) - 1


class Unknowable:
    """A value that cannot be known offline (a secret, a KV entry, a plugin output, the clock...).

    Every operation on it yields an Unknowable too; it prints as ``<unknown: description>``."""

    __slots__ = ("description", "remedy")

    def __init__(self, description: str, remedy: str = "give its value in the context") -> None:
        self.description = description
        self.remedy = remedy  # what would make it known, for the error when it must be

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


class LimitExceeded(RenderError):
    """A template that goes past ``Limits``: flowls' own error, never wrapped as a Pebble one."""


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
    shortest = Decimal(repr(abs(value)))
    if len(shortest.as_tuple().digits) == 1:
        # Java always prints two digits (d.d) and picks the second closest to the exact value, which
        # only shows for the smallest subnormals: 4.9E-324 where the shortest digit is 5.
        exact = Decimal(abs(value))
        shortest = exact.quantize(Decimal(1).scaleb(exact.adjusted() - 1), rounding=ROUND_HALF_EVEN)
    _, digit_tuple, exponent = shortest.as_tuple()
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
        # Kestra's mapper is set to NON_NULL inclusion, which also drops the null entries of a map.
        pairs = (f"{json.dumps(_key(k), ensure_ascii=False)}:{to_json(v)}" for k, v in value.items() if v is not None)
        return "{" + ",".join(pairs) + "}"
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
    if isinstance(value, Entry):  # Kestra's writer serialises only maps, collections and arrays
        return java_str(value)
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
    """Pebble's ``==``: numbers compared as doubles, anything else with Java's ``equals``."""
    if is_number(left) and is_number(right):
        return float(left) == float(right)  # type: ignore[arg-type]
    return object_equals(left, right)


def object_equals(left: object, right: object) -> bool:
    """Java's ``equals``, which ``contains``, ``distinct`` and the items of collections use: a Long
    never equals a Double (``[1] == [1.0]`` is false)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, list):
        return len(left) == len(right) and all(map(object_equals, left, right))  # type: ignore[arg-type]
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(object_equals(v, right[k]) for k, v in left.items())  # type: ignore[attr-defined,index]
    if isinstance(left, Entry):
        return object_equals(left.key, right.key) and object_equals(left.value, right.value)  # type: ignore[attr-defined]
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


def java_class(value: object) -> str:
    """The Java class name of a value, as Pebble's and Kestra's messages give it."""
    if isinstance(value, Entry):
        return "java.util.HashMap$Node"
    package = "java.util" if isinstance(value, list | dict) else "java.lang"
    return f"{package}.{type_name(value)}"


def class_cast(value: object, target: str) -> str:
    """The message of the ClassCastException a Java cast of ``value`` to ``target`` (a java.lang or
    java.util class) raises."""
    source = java_class(value)
    return (
        f"class {source} cannot be cast to class {target} ({source} and {target} are in module java.base "
        "of loader 'bootstrap')"
    )


def java_string_hash(text: str) -> int:
    """``String.hashCode``, over UTF-16 code units, as an unsigned 32-bit int."""
    data = text.encode("utf-16-be")
    h = 0
    for i in range(0, len(data), 2):
        h = (31 * h + (data[i] << 8 | data[i + 1])) & 0xFFFFFFFF
    return h


def _java_hash(key: object) -> int:
    """``hashCode`` of a map key, as an unsigned 32-bit int."""
    if isinstance(key, bool):
        return 1231 if key else 1237
    if isinstance(key, int):
        bits = key & _LONG_MASK
        return (bits ^ (bits >> 32)) & 0xFFFFFFFF
    return java_string_hash(key if isinstance(key, str) else to_string(key))


def hash_map_order(keys: list, capacity: int) -> list[int]:
    """The positions of ``keys`` (in insertion order) in the iteration order of a ``java.util.HashMap``
    created with ``capacity`` and filled with them: Pebble's map literals, ``merge`` of maps.

    A HashMap iterates its table bucket by bucket (``hash ^ hash >>> 16``, masked by the table size,
    a power of two that doubles when the map is more than 3/4 full), each bucket in insertion order."""
    size = 1
    while size < capacity:
        size <<= 1
    while len(keys) > size * 3 // 4:
        size <<= 1
    buckets = []
    for key in keys:
        h = _java_hash(key)
        buckets.append((h ^ (h >> 16)) & (size - 1))
    return sorted(range(len(keys)), key=buckets.__getitem__)


def is_truthy(rendered: str) -> bool:
    """Kestra's ``TruthUtils.isTruthy`` on a rendered string: false iff the trimmed text is
    ``false``, ``0``, ``-0`` or empty."""
    return java_trim(rendered) not in ("false", "0", "-0", "")
