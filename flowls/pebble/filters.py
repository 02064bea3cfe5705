"""Pebble and Kestra filters and tests the evaluator simulates. A filter Kestra knows but that is
not here (dates, yaml, numberFormat, toIon...) gives an ``Unknowable``.

A filter takes ``(renderer, call, value, args)`` with ``args`` keyed by its declared parameter names;
a test takes ``(renderer, node, value)``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import re
from collections.abc import Callable
from urllib.parse import quote_plus, unquote_plus

from flowls.pebble.values import (
    Unknowable,
    is_empty,
    is_number,
    java_equals,
    java_str,
    java_trim,
    size_of,
    to_json,
    to_string,
    type_name,
)

FILTERS: dict[str, Callable] = {}
TESTS: dict[str, Callable] = {}


def _filter(name: str, strings: bool = False) -> Callable:
    """Register a filter; ``strings``: null gives null, and anything else must be a string."""

    def register(function: Callable) -> Callable:
        if strings:

            def checked(renderer, call, value, args):
                if value is None:
                    return None
                if not isinstance(value, str):
                    raise renderer.error(call, f"filter '{name}' expects a string, not {type_name(value)}")
                return function(renderer, call, value, args)

            FILTERS[name] = checked
        else:
            FILTERS[name] = function
        return function

    return register


def _expect(renderer, call, value, kinds, what: str):
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise renderer.error(call, f"filter '{call.name}' expects {what}, not {type_name(value)}")
    return value


# --- strings -----------------------------------------------------------------------------------


@_filter("upper", strings=True)
def _upper(renderer, call, value, args):
    return value.upper()


@_filter("lower", strings=True)
def _lower(renderer, call, value, args):
    return value.lower()


@_filter("trim", strings=True)
def _trim(renderer, call, value, args):
    return java_trim(value)


@_filter("capitalize", strings=True)
def _capitalize(renderer, call, value, args):
    for i, char in enumerate(value):
        if not char.isspace():
            return value[:i] + char.upper() + value[i + 1 :]
    return value


@_filter("title", strings=True)
def _title(renderer, call, value, args):
    result, capitalize = [], True
    for char in value:
        if char.isspace():
            capitalize = True
        elif capitalize:
            char, capitalize = char.upper(), False
        result.append(char)
    return "".join(result)


@_filter("abbreviate", strings=True)
def _abbreviate(renderer, call, value, args):
    width = _expect(renderer, call, args.get("length"), (int,), "a length")
    if width < 0:
        raise renderer.error(call, "Invalid argument to abbreviate filter; must be greater than zero")
    if len(value) < width or len(value) <= 3:
        return value
    if width <= 3:
        return value[:width]
    return value[: width - 3] + "..."


@_filter("replace")
def _replace(renderer, call, value, args):
    if value is None:
        return None
    pairs = args.get("replace_pairs")
    if not isinstance(pairs, dict):
        raise renderer.error(call, "filter 'replace' expects a map of replacements")
    text = java_str(value)
    regexp = args.get("regexp") is True
    for old, new in pairs.items():
        if regexp:
            pattern = _safe_regex(str(old))
            if pattern is None:
                return Unknowable(f"replace with the regular expression '{old}'")
            text = pattern.sub(java_str(new).replace("\\", "\\\\"), text)
        else:
            text = text.replace(str(old), java_str(new))
        renderer.check_size(call, text)
    return text


_NESTED_QUANTIFIER = re.compile(r"[*+}?]\)*[*+{?]|\)[*+{?]")
_REGEX_META = frozenset(".^$*+?{}[]\\|()")


def _safe_regex(pattern: str) -> re.Pattern[str] | None:
    """A Java regex compiled for Python, or None for one that could backtrack badly or differ."""
    if len(pattern) > 200 or _NESTED_QUANTIFIER.search(pattern) or "(?" in pattern:
        return None
    try:
        return re.compile(pattern)
    except re.error:
        return None


@_filter("split", strings=True)
def _split(renderer, call, value, args):
    delimiter = args.get("delimiter")
    if not isinstance(delimiter, str):
        raise renderer.error(call, "filter 'split' expects a string delimiter")
    limit = args.get("limit")
    limit = 0 if limit is None else limit
    if not is_number(limit):
        raise renderer.error(call, "filter 'split' expects a number as limit")
    limit = int(limit)
    if not _REGEX_META.intersection(delimiter) and delimiter:
        parts = value.split(delimiter, limit - 1) if limit > 0 else value.split(delimiter)
    else:
        pattern = _safe_regex(delimiter)
        if pattern is None or delimiter == "":
            return Unknowable(f"split on the regular expression '{delimiter}'")
        parts = pattern.split(value, maxsplit=max(0, limit - 1)) if limit > 0 else pattern.split(value)
        if pattern.groups:
            return Unknowable(f"split on the regular expression '{delimiter}'")
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
        if not parts:  # Java returns [""] for an empty input, [] when only delimiters
            return [""] if value == "" else []
    return parts


@_filter("startsWith")
def _starts_with(renderer, call, value, args):
    prefix = args.get("value")
    return value is not None and prefix is not None and java_str(value).startswith(java_str(prefix))


@_filter("endsWith")
def _ends_with(renderer, call, value, args):
    suffix = args.get("value")
    return value is not None and suffix is not None and java_str(value).endswith(java_str(suffix))


def _separator(renderer, call, args) -> str:
    separator = args.get("separator")
    if not isinstance(separator, str):
        raise renderer.error(call, f"filter '{call.name}' expects a string separator")
    return separator


@_filter("substringBefore", strings=True)
def _substring_before(renderer, call, value, args):
    separator = _separator(renderer, call, args)
    index = value.find(separator)
    return value if index < 0 else value[:index]


@_filter("substringAfter", strings=True)
def _substring_after(renderer, call, value, args):
    separator = _separator(renderer, call, args)
    index = value.find(separator)
    return "" if index < 0 else value[index + len(separator) :]


@_filter("substringBeforeLast", strings=True)
def _substring_before_last(renderer, call, value, args):
    separator = _separator(renderer, call, args)
    index = value.rfind(separator)
    return value if index < 0 or separator == "" else value[:index]


@_filter("substringAfterLast", strings=True)
def _substring_after_last(renderer, call, value, args):
    separator = _separator(renderer, call, args)
    index = value.rfind(separator)
    if index < 0 or separator == "":
        return ""
    return value[index + len(separator) :]


def _indent_text(renderer, call, value, args, first: bool) -> str:
    amount = _expect(renderer, call, args.get("amount"), (int,), "an amount")
    prefix = args.get("prefix", " ")
    prefix = " " if prefix is None else java_str(prefix)
    if amount < 0 or amount * len(prefix) > renderer.limits.max_output:
        raise renderer.error(call, "indentation too large")
    pad = prefix * amount
    text = java_str(value)
    lines = text.split("\n")
    body = "\n".join(lines[:1] + [pad + line if line else line for line in lines[1:]])
    return "\n" + pad + body if first else body


@_filter("indent")
def _indent(renderer, call, value, args):
    return None if value is None else _indent_text(renderer, call, value, args, False)


@_filter("nindent")
def _nindent(renderer, call, value, args):
    return None if value is None else _indent_text(renderer, call, value, args, True)


@_filter("escapeChar", strings=True)
def _escape_char(renderer, call, value, args):
    kind = args.get("type")
    if kind == "single":
        return value.replace("\\", "\\\\").replace("'", "\\'")
    if kind == "double":
        return value.replace("\\", "\\\\").replace('"', '\\"')
    if kind == "shell":
        return value.replace("'", "'\\''")
    raise renderer.error(call, f"escapeChar: unknown type {to_string(kind)!r} (single, double or shell)")


@_filter("slugify", strings=True)
def _slugify(renderer, call, value, args):
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


@_filter("urlencode", strings=True)
def _urlencode(renderer, call, value, args):
    return quote_plus(value, safe="*").replace("~", "%7E")


@_filter("urldecode", strings=True)
def _urldecode(renderer, call, value, args):
    return unquote_plus(value)


@_filter("base64encode")
def _base64encode(renderer, call, value, args):
    return None if value is None else base64.b64encode(java_str(value).encode()).decode("ascii")


@_filter("base64decode", strings=True)
def _base64decode(renderer, call, value, args):
    try:
        return base64.b64decode(value, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        raise renderer.error(call, "base64decode: the input is not valid Base64") from None


def _hash(algorithm: str) -> Callable:
    def digest(renderer, call, value, args):
        return None if value is None else hashlib.new(algorithm, java_str(value).encode()).hexdigest()

    return digest


for _name, _algorithm in (("sha256", "sha256"), ("sha1", "sha1"), ("sha512", "sha512"), ("md5", "md5")):
    FILTERS[_name] = _hash(_algorithm)


# --- conversions -------------------------------------------------------------------------------


@_filter("toJson")
def _to_json(renderer, call, value, args):
    return to_json(value)


@_filter("string")
def _string(renderer, call, value, args):
    return None if value is None else to_string(value)


@_filter("number")
def _number(renderer, call, value, args):
    if value is None:
        return None
    kind = args.get("type")
    kind = kind.upper() if isinstance(kind, str) else None
    if is_number(value):
        number = value
    else:
        text = java_trim(java_str(value))
        try:
            number = int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)
        except ValueError:
            raise renderer.error(call, f"number: cannot parse '{text}' as a number") from None
    if kind in ("INT", "INTEGER", "LONG"):
        return int(number)
    if kind in ("FLOAT", "DOUBLE", "BIGDECIMAL"):
        return float(number)
    return number


@_filter("abs")
def _abs(renderer, call, value, args):
    if not is_number(value):
        raise renderer.error(call, f"filter 'abs' expects a number, not {type_name(value)}")
    return abs(value)


@_filter("default")
def _default(renderer, call, value, args):
    return args.get("default") if is_empty(value) else value


# --- collections -------------------------------------------------------------------------------


@_filter("length")
def _length(renderer, call, value, args):
    return size_of(value)


@_filter("first")
def _first(renderer, call, value, args):
    if value is None:
        return None
    if isinstance(value, str):
        if not value:
            raise renderer.error(call, "first: empty string")
        return value[0]
    items = _collection(renderer, call, value)
    return items[0] if items else None


@_filter("last")
def _last(renderer, call, value, args):
    if value is None:
        return None
    if isinstance(value, str):
        if not value:
            raise renderer.error(call, "last: empty string")
        return value[-1]
    items = _collection(renderer, call, value)
    return items[-1] if items else None


def _collection(renderer, call, value) -> list:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return list(value.values())
    raise renderer.error(call, f"filter '{call.name}' expects a list, not {type_name(value)}")


@_filter("join")
def _join(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, list):
        raise renderer.error(call, "The 'join' filter expects that the input is either a collection or an array.")
    separator = args.get("separator")
    return ("" if separator is None else java_str(separator)).join(java_str(item) for item in value)


@_filter("slice")
def _slice(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, str | list):
        raise renderer.error(call, "Slice filter can only be applied to String, List and array inputs.")
    start = args.get("fromIndex")
    start = 0 if start is None else _expect(renderer, call, start, (int, float), "a number")
    stop = args.get("toIndex")
    stop = len(value) if stop is None else _expect(renderer, call, stop, (int, float), "a number")
    start, stop = int(start), int(stop)
    if start < 0:
        raise renderer.error(call, "fromIndex must be greater than 0")
    if stop > len(value):
        raise renderer.error(call, f"toIndex must be smaller than input size: {len(value)}")
    if start >= stop and args.get("toIndex") is not None:
        raise renderer.error(call, "toIndex must be greater than fromIndex")
    return value[start:stop]


def _sorted(renderer, call, value, reverse: bool) -> list | None:
    if value is None:
        return None
    items = _expect(renderer, call, value, (list,), "a list")
    if all(is_number(item) for item in items) or all(isinstance(item, str) for item in items):
        return sorted(items, reverse=reverse)
    raise renderer.error(call, f"filter '{call.name}' can only sort numbers or strings of the same kind")


@_filter("sort")
def _sort(renderer, call, value, args):
    return _sorted(renderer, call, value, False)


@_filter("rsort")
def _rsort(renderer, call, value, args):
    return _sorted(renderer, call, value, True)


@_filter("reverse")
def _reverse(renderer, call, value, args):
    if value is None:
        return None
    if isinstance(value, str):
        return value[::-1]
    return list(reversed(_expect(renderer, call, value, (list,), "a list")))


@_filter("keys")
def _keys(renderer, call, value, args):
    return None if value is None else list(_expect(renderer, call, value, (dict,), "a map"))


@_filter("values")
def _values(renderer, call, value, args):
    return None if value is None else list(_expect(renderer, call, value, (dict,), "a map").values())


@_filter("merge")
def _merge(renderer, call, value, args):
    other = args.get("items")
    if isinstance(value, dict) and isinstance(other, dict):
        return {**value, **other}
    if isinstance(value, list):
        return value + (other if isinstance(other, list) else list(other.items()) if isinstance(other, dict) else [])
    raise renderer.error(call, f"filter 'merge' cannot merge {type_name(value)} and {type_name(other)}")


@_filter("chunk")
def _chunk(renderer, call, value, args):
    size = _expect(renderer, call, args.get("size"), (int,), "a size")
    if size <= 0:
        raise renderer.error(call, "chunk: the size must be positive")
    items = _expect(renderer, call, value, (list,), "a list")
    return [items[i : i + size] for i in range(0, len(items), size)]


@_filter("distinct")
def _distinct(renderer, call, value, args):
    if value is None:
        return None
    result: list = []
    for item in _expect(renderer, call, value, (list,), "a list"):
        if not any(java_equals(item, seen) for seen in result):
            result.append(item)
    return result


@_filter("flatten")
def _flatten(renderer, call, value, args):
    if value is None:
        return None
    result: list = []
    for item in _expect(renderer, call, value, (list,), "a list"):
        if isinstance(item, list):
            result.extend(item)
        else:
            result.append(item)
    return result


_JQ_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\[(-?\d+)\]|\.\[(-?\d+)\]|\[\]|\.\[\]|\.\[\"([^\"]*)\"\]")


@_filter("jq")
def _jq(renderer, call, value, args):
    """A small jq subset (``.``, ``.a.b``, ``.[0]``, ``.a[]``); anything else is Unknowable. The
    result is a list of the outputs, as Kestra's filter gives."""
    expression = args.get("expression")
    if not isinstance(expression, str):
        raise renderer.error(call, "filter 'jq' expects an expression")
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            value = json.loads(value)
    expression = expression.strip()
    outputs = [value]
    position = 1 if expression.startswith(".") and not re.match(r"\.[A-Za-z_\[]", expression) else 0
    if expression == ".":
        return outputs
    while position < len(expression):
        match = _JQ_STEP.match(expression, position)
        if match is None:
            return Unknowable(f"jq('{expression}')")
        position = match.end()
        next_outputs: list = []
        key, index, index2, quoted = match.groups()
        for item in outputs:
            if key is not None or quoted is not None:
                name = key if key is not None else quoted
                next_outputs.append(item.get(name) if isinstance(item, dict) else None)
            elif index is not None or index2 is not None:
                i = int(index if index is not None else index2)
                next_outputs.append(item[i] if isinstance(item, list) and -len(item) <= i < len(item) else None)
            elif isinstance(item, list):
                next_outputs.extend(item)
            elif isinstance(item, dict):
                next_outputs.extend(item.values())
            else:
                raise renderer.error(call, f"jq: cannot iterate over {type_name(item)}")
        outputs = next_outputs
    return outputs


# --- tests -------------------------------------------------------------------------------------


def _number_test(parity: int) -> Callable:
    def test(renderer, node, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise renderer.error(node, f"Can not pass non-integer to '{node.name}' test.")
        return value % 2 == parity

    return test


def _json_test(renderer, node, value):
    if not isinstance(value, str):
        return False
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


TESTS.update(
    {
        "null": lambda renderer, node, value: value is None,
        "empty": lambda renderer, node, value: is_empty(value),
        "even": _number_test(0),
        "odd": _number_test(1),
        "iterable": lambda renderer, node, value: isinstance(value, list | dict),
        "map": lambda renderer, node, value: isinstance(value, dict),
        "json": _json_test,
    }
)
