"""Ion 1.0 text, written the way ion-java 1.11's ``IonWriterSystemText`` and
``_Private_IonTextAppender`` write it with the options Kestra's mapper and ``IonValue.toString``
use: no pretty-printing, no long strings, typed nulls, floats in ion-java's Schubfach form
(``1.5e0``), symbols quoted only when they must be, and non-ASCII text either kept (UTF-8, Kestra's
``toIon``) or escaped (ASCII, ``IonValue.toString``).

Values are our JSON-like data (None, bool, int, float, str as an Ion string, list, dict as a struct)
or ``Node``s, for the Ion types JSON has no word for.
"""

from __future__ import annotations

import base64
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flowls.pebble.values import Entry, java_double, to_string

MAX_DEPTH = 1000  # Jackson's StreamWriteConstraints.DEFAULT_MAX_DEPTH

_NAMED = {0: "\\0", 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 92: "\\\\"}
_KEYWORDS = frozenset(("null", "true", "false", "nan"))
_IDENTIFIER_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
_IDENTIFIER_PART = _IDENTIFIER_START | frozenset("0123456789")
_OPERATOR = frozenset("<>=+-*&^%~/?.;!|@`#")
# Schubfach gives the two smallest subnormals two digits (its C_TINY case), where the shortest
# round-tripping digits that ``java_double`` uses have one.
_TINY = {5e-324: "4.9e-324", 1e-323: "9.9e-324"}


@dataclass(frozen=True)
class Node:
    """An Ion value JSON-like data cannot stand for. ``value`` is None for a typed null (``null.int``;
    type ``null`` is plain ``null``); a symbol's value is its text, or its SID (an int) when no text is
    known; a struct's is a list of (field name or SID, value) pairs; a sexp's a list; a timestamp's a
    ``Timestamp``; a lob's bytes. ``annotations`` are texts or SIDs."""

    type: str
    value: Any
    annotations: tuple[str | int, ...] = ()


class WriteError(ValueError):
    """What Jackson or ion-java refuse to write, with their message."""


def write(value: object, ascii_only: bool = False) -> str:
    """One top-level value as Ion text. Iterative, so nesting is bounded by ``MAX_DEPTH`` (Jackson's
    limit) rather than by Python's stack."""
    out: list[str] = []
    stack = [_Frame("", "", iter(((None, value),)))]
    while stack:
        frame = stack[-1]
        item = next(frame.items, None)
        if item is None:
            out.append(frame.closer)
            stack.pop()
            continue
        if frame.started:
            out.append(frame.separator)
        frame.started = True
        name, child = item
        if frame.names:
            out.append(_field_name(name, ascii_only, frame.names == "sids") + ":")
        opened = _open_or_write(child, out, ascii_only, frame.separator == " ")
        if opened is not None:
            if len(stack) > MAX_DEPTH:
                raise WriteError(f"Document nesting depth ({len(stack)}) exceeds the maximum allowed "
                                 f"({MAX_DEPTH}, from `StreamWriteConstraints.getMaxNestingDepth()`)")  # fmt: skip
            stack.append(opened)
    return "".join(out)


class _Frame:
    """A container being written: what closes it, what separates its items, how its field names
    read (``""`` for none, ``"keys"`` for map keys, ``"sids"`` where an int is a symbol ID)."""

    __slots__ = ("closer", "items", "names", "separator", "started")

    def __init__(self, closer: str, separator: str, items: Any, names: str = "") -> None:
        self.closer, self.separator, self.items, self.names = closer, separator, items, names
        self.started = False


def _open_or_write(value: object, out: list[str], ascii_only: bool, in_sexp: bool) -> _Frame | None:
    """Writes a scalar, or the opening of a container (returning its frame)."""
    if isinstance(value, Node):
        out.extend(_symbol(a, ascii_only, quote_operators=True) + "::" for a in value.annotations)
        if value.value is None and value.type != "null":
            out.append("null." + value.type)
            return None
        if value.type == "struct":
            out.append("{")
            return _Frame("}", ",", iter(value.value), "sids")
        if value.type in ("list", "sexp"):
            sexp = value.type == "sexp"
            out.append("(" if sexp else "[")
            return _Frame(")" if sexp else "]", " " if sexp else ",", ((None, v) for v in value.value))
        out.append(_node_scalar(value, ascii_only, in_sexp))
        return None
    if isinstance(value, dict | Entry):
        out.append("{")
        return _Frame("}", ",", iter(value.items() if isinstance(value, dict) else ((value.key, value.value),)), "keys")
    if isinstance(value, list | tuple):
        out.append("[")
        return _Frame("]", ",", ((None, v) for v in value))
    out.append(_json_scalar(value, ascii_only))
    return None


def _json_scalar(value: object, ascii_only: bool) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return ion_float(value)
    return '"' + _escaped(value if isinstance(value, str) else str(value), '"', ascii_only) + '"'


def _node_scalar(node: Node, ascii_only: bool, in_sexp: bool) -> str:
    if node.type == "null":
        return "null"
    if node.type == "symbol":
        return _symbol(node.value, ascii_only, quote_operators=not in_sexp)
    if node.type == "decimal":
        return ion_decimal(node.value)
    if node.type == "timestamp":
        return ion_timestamp(node.value)
    if node.type == "blob":
        return "{{" + base64.b64encode(node.value).decode() + "}}"
    if node.type == "clob":
        return '{{"' + "".join(_escape_unit(b, '"', True) for b in node.value) + '"}}'
    return _json_scalar(node.value, ascii_only)


def ion_float(value: float) -> str:
    """``printFloat``: ion-java's Schubfach digits, which are Java's ``Double.toString`` with ``e``
    for ``E`` and ``e0`` where Java has no exponent (``1.0`` is ``1e0``, ``1.5`` is ``1.5e0``)."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "+inf" if value > 0 else "-inf"
    if value == 0:
        return "-0e0" if math.copysign(1.0, value) < 0 else "0e0"
    if abs(value) in _TINY:
        return ("-" if value < 0 else "") + _TINY[abs(value)]
    text = java_double(value).replace("E", "e")
    if "e" in text:
        return text
    return text[:-2] + "e0" if text.endswith(".0") else text + "e0"


def ion_decimal(value: Decimal) -> str:
    """``printDecimal``: the digits and exponent as they are (``1.50``, ``1d3``, ``123d-10``)."""
    sign, digit_tuple, exponent = value.as_tuple()
    digits = "".join(map(str, digit_tuple)).lstrip("0") or "0"
    out = "-" if sign else ""
    assert isinstance(exponent, int)
    if exponent == 0:
        return f"{out}{digits}."
    if exponent > 0:
        return f"{out}{digits}d{exponent}"
    scale = -exponent
    adjusted = len(digits) - 1 - scale
    if adjusted >= 0:
        whole = len(digits) - scale
        return f"{out}{digits[:whole]}.{digits[whole:]}"
    if adjusted >= -6:
        return f"{out}0.{'0' * (scale - len(digits))}{digits}"
    return f"{out}{digits}d-{scale}"


def ion_timestamp(ts: Any) -> str:
    """``Timestamp.print``: the precision and local time as written, ``Z`` for +00:00 and ``-00:00``
    for an unknown offset."""
    text = f"{ts.year:04d}"
    if ts.precision == "year":
        return text + "T"
    text += f"-{ts.month:02d}"
    if ts.precision == "month":
        return text + "T"
    text += f"-{ts.day:02d}"
    if ts.precision == "day":
        return text
    text += f"T{ts.hour:02d}:{ts.minute:02d}"
    if ts.precision == "second":
        text += f":{ts.second:02d}" + (f".{ts.fraction}" if ts.fraction is not None else "")
    if ts.offset is None:
        return text + "-00:00"
    if ts.offset == 0:
        return text + "Z"
    sign = "-" if ts.offset < 0 else "+"
    return f"{text}{sign}{abs(ts.offset) // 60:02d}:{abs(ts.offset) % 60:02d}"


def _field_name(name: object, ascii_only: bool, sids: bool) -> str:
    if name is None:
        raise WriteError("Null key for a Map not allowed in JSON (use a converting NullKeySerializer?)")
    if sids and isinstance(name, str | int):
        return _symbol(name, ascii_only, quote_operators=True)
    return _symbol(name if isinstance(name, str) else to_string(name), ascii_only, quote_operators=True)


def _symbol(text: str | int, ascii_only: bool, quote_operators: bool) -> str:
    """``IonTextUtils.symbolVariant``: identifiers bare, operators bare inside a sexp, anything else
    (keywords, ``$1``-like SIDs, the empty symbol) in single quotes."""
    if isinstance(text, int):
        return f"${text}"
    is_sid = len(text) > 1 and text[0] == "$" and text[1:].isascii() and text[1:].isdigit()
    if text and text not in _KEYWORDS and not is_sid:
        if text[0] in _IDENTIFIER_START and all(c in _IDENTIFIER_PART for c in text):
            return text
        if not quote_operators and all(c in _OPERATOR for c in text):
            return text
    return "'" + _escaped(text, "'", ascii_only) + "'"


def _escaped(text: str, quote: str, ascii_only: bool) -> str:
    """``printCodePoints`` over the UTF-16 units of ``text``; unpaired surrogates are refused."""
    units = text.encode("utf-16-le", "surrogatepass")
    out: list[str] = []
    i, count = 0, len(units) // 2
    while i < count:
        c = units[2 * i] | units[2 * i + 1] << 8
        if 0xD800 <= c <= 0xDFFF:
            low = units[2 * i + 2] | units[2 * i + 3] << 8 if i + 1 < count else 0
            if c > 0xDBFF or not 0xDC00 <= low <= 0xDFFF:
                kind, where = ("trailing", i) if c > 0xDBFF else ("leading", i)
                raise WriteError(f"text is invalid UTF-16. It contains an unmatched {kind} surrogate 0x{c:x} at "
                                 f"index {where}")  # fmt: skip
            code = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00)
            out.append(f"\\U{code:08x}" if ascii_only else chr(code))
            i += 2
            continue
        out.append(_escape_unit(c, quote, ascii_only))
        i += 1
    return "".join(out)


def _escape_unit(c: int, quote: str, ascii_only: bool) -> str:
    if c in _NAMED:
        return _NAMED[c]
    if c == ord(quote):
        return "\\" + quote
    if c < 0x20 or 0x7F <= c <= 0x9F or (ascii_only and c <= 0xFF and c >= 0x80):
        return f"\\x{c:02x}"
    if c >= 0x100 and ascii_only:
        return f"\\u{c:04x}"
    return chr(c)


def print_code_point(c: int) -> str:
    """``IonTextUtils.printCodePointAsString``: a character (or ion-java's negative pseudo-characters,
    shown as Java's ``Integer.toHexString`` shows them) as a quoted Ion string."""
    return '"' + _message_escape(c) + '"'


def print_string(text: str) -> str:
    """``IonTextUtils.printString``: an ASCII Ion string, as ion-java's messages quote texts."""
    return '"' + "".join(_message_escape(ord(ch)) for ch in text) + '"'


def _message_escape(c: int) -> str:
    if c in _NAMED or c == 34:
        return _NAMED.get(c, '\\"')
    hexa = f"{c & 0xFFFFFFFF:x}"
    if c < 32 or 0x7F <= c <= 0xFF:
        return "\\x" + hexa.rjust(2, "0")
    if c < 0x7F:
        return chr(c)
    return "\\u" + hexa.rjust(4, "0") if c <= 0xFFFF else "\\U" + hexa.rjust(8, "0")
