"""Pebble and Kestra filters and tests the evaluator simulates, each following its Java class
(``io.pebbletemplates.pebble.extension.core.*Filter``, ``io.kestra.core.runners.pebble.filters.*``),
messages included. Date filters are in ``dates``, serialisations (``yaml``, ``toIon``...) in
``formats``, Kestra 2.0's own in ``kestra2``; the functions are in ``functions``.

A filter takes ``(renderer, call, value, args)`` with ``args`` keyed by its declared parameter names
(only the arguments given); a test takes ``(renderer, node, value)``.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote_plus, unquote_plus

from flowls.pebble import dates, formats, kestra2
from flowls.pebble.values import (
    Entry,
    Unknowable,
    class_cast,
    hash_map_order,
    is_empty,
    is_number,
    java_class,
    java_str,
    java_trim,
    object_equals,
    size_of,
    to_json,
    type_name,
    wrap_long,
)

FILTERS: dict[str, Callable] = {}
TESTS: dict[str, Callable] = {}


def _filter(name: str, strings: bool = False) -> Callable:
    """Register a filter; ``strings``: null gives null, and anything else must be a string (the
    filter casts its input with ``(String) input``)."""

    def register(function: Callable) -> Callable:
        if strings:

            def checked(renderer, call, value, args):
                if value is None:
                    return None
                return function(renderer, call, _cast(renderer, call, value, str), args)

            FILTERS[name] = checked
        else:
            FILTERS[name] = function
        return function

    return register


_JAVA_CLASSES = {str: "java.lang.String", int: "java.lang.Long", list: "java.util.List", dict: "java.util.Map"}


def _cast(renderer, call, value, kind: type):
    """A Java cast of ``value`` to the class standing for ``kind``: the value, or the ClassCastException."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        if value is None:  # a null reaches a method call on it
            raise renderer.error(call, f"Cannot invoke a method of {_JAVA_CLASSES[kind]} because the value is null")
        raise renderer.error(call, class_cast(value, _JAVA_CLASSES[kind]))
    return value


def _required(renderer, call, args, name: str, message: str):
    if name not in args:
        raise renderer.error(call, message)
    return args[name]


def _as_hash_map(items: dict, capacity: int) -> dict:
    """``items`` in the order a ``java.util.HashMap`` of that capacity iterates them."""
    keys = list(items)
    return {keys[i]: items[keys[i]] for i in hash_map_order(keys, capacity)}


# --- strings -----------------------------------------------------------------------------------


@_filter("upper")
def _upper(renderer, call, value, args):
    return None if value is None else java_str(value).upper()


@_filter("lower")
def _lower(renderer, call, value, args):
    return None if value is None else java_str(value).lower()


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
    width = _cast(renderer, call, args.get("length"), int)
    if width < 0:
        raise renderer.error(call, "Invalid argument to abbreviate filter; must be greater than zero")
    if len(value) < width or len(value) <= 3:
        return value
    if width <= 3:
        return value[:width]
    return value[: width - 3] + "..."


@_filter("replace")
def _replace(renderer, call, value, args):
    """Kestra's ReplaceFilter: into maps and lists, every other value as its toString()."""
    if value is None:
        return None
    pairs = args.get("replace_pairs")
    if pairs is None:
        raise renderer.error(call, "The argument 'replace_pairs' is required.")
    pairs = _cast(renderer, call, pairs, dict)
    regexp = "regexp" in args and _cast(renderer, call, args["regexp"], bool)
    replacements = []
    for old, new in ((java_str(k), java_str(v)) for k, v in pairs.items()):
        if not regexp:
            replacements.append(lambda text, old=old, new=new: text.replace(old, new))
            continue
        pattern = _safe_regex(old)
        if pattern is None:
            return Unknowable(f"replace with the regular expression '{old}'")
        substitute = _java_replacement(renderer, call, new, pattern.groups)
        replacements.append(lambda text, pattern=pattern, substitute=substitute: pattern.sub(substitute, text))

    def replace_all(text: str) -> str:
        for replacement in replacements:
            text = renderer.check_size(call, replacement(text))
        return text

    return _each_string(value, replace_all)


def _each_string(value: object, function: Callable[[str], str]) -> object:
    """Kestra's processMap/processList: ``function`` applied to every leaf, as its toString(); a map
    comes out as a new HashMap."""
    if isinstance(value, dict):
        return _as_hash_map({k: _each_string(v, function) for k, v in value.items()}, 16)
    if isinstance(value, list):
        return [_each_string(item, function) for item in value]
    return function(java_str(value))


_GROUP_REFERENCE = re.compile(r"\\(.)|\$(\d)|\$\{([A-Za-z][A-Za-z0-9]*)\}|\$|\\$", re.S)


def _java_replacement(renderer, call, replacement: str, groups: int) -> Callable[[re.Match[str]], str]:
    """A ``Matcher.replaceAll`` replacement: ``$n`` and ``${name}`` insert groups, a backslash quotes
    the next character."""
    parts: list[str | int] = []
    position = 0
    for match in _GROUP_REFERENCE.finditer(replacement):
        parts.append(replacement[position : match.start()])
        position = match.end()
        quoted, number, name = match.groups()
        if quoted is not None:
            parts.append(quoted)
        elif number is not None:
            group = int(number)
            # Java reads further digits while the number is still a group of the pattern.
            while position < len(replacement) and replacement[position].isdigit():
                longer = group * 10 + int(replacement[position])
                if longer > groups:
                    break
                group, position = longer, position + 1
            if group > groups:
                raise renderer.error(call, f"No group {group}")
            parts.append(group)
        elif name is not None:
            raise renderer.error(call, f"No group with name {{{name}}}")
        elif match.group(0) == "\\":
            raise renderer.error(call, "character to be escaped is missing")
        else:
            raise renderer.error(call, "Illegal group reference: group index is missing")
    parts.append(replacement[position:])
    return lambda match: "".join(part if isinstance(part, str) else match.group(part) or "" for part in parts)


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


@_filter("split")
def _split(renderer, call, value, args):
    if value is None:
        return None
    delimiter = args.get("delimiter")
    if delimiter is None:
        raise renderer.error(call, "missing delimiter parameter in split filter")
    delimiter = _cast(renderer, call, delimiter, str)
    value = _cast(renderer, call, value, str)
    limit = args.get("limit")
    limit = 0 if limit is None else limit
    if not is_number(limit):
        raise renderer.error(call, class_cast(limit, "java.lang.Number"))
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


def _substring(part: Callable[[str, str | None], str]) -> Callable:
    """Kestra's substring filters: the input as its toString(), commons-lang's StringUtils semantics."""

    def apply(renderer, call, value, args):
        if value is None:
            return None
        message = f"The '{call.name}' filter expects an argument 'separator'."
        separator = _required(renderer, call, args, "separator", message)
        if separator is not None:
            separator = _cast(renderer, call, separator, str)
        return part(java_str(value), separator)

    return apply


def _before(text: str, separator: str | None) -> str:
    if not text or separator is None:
        return text
    index = text.find(separator)
    return text if index < 0 else text[:index]


def _after(text: str, separator: str | None) -> str:
    if not text:
        return text
    index = -1 if separator is None else text.find(separator)
    return "" if index < 0 else text[index + len(separator) :]  # type: ignore[arg-type]


def _before_last(text: str, separator: str | None) -> str:
    if not text or not separator:
        return text
    index = text.rfind(separator)
    return text if index < 0 else text[:index]


def _after_last(text: str, separator: str | None) -> str:
    if not text or not separator:
        return "" if text else text
    index = text.rfind(separator)
    return "" if index < 0 else text[index + len(separator) :]


FILTERS.update(
    {
        "substringBefore": _substring(_before),
        "substringAfter": _substring(_after),
        "substringBeforeLast": _substring(_before_last),
        "substringAfterLast": _substring(_after_last),
    }
)


def _line_separator(text: str) -> str:
    """Kestra's AbstractIndent.getLineSeparator (the server's own, a Linux one, when there is none)."""
    for separator in ("\r\n", "\n\r", "\n", "\r"):
        if separator in text:
            return separator
    return "\n"


def _indent_filter(first_line: bool) -> Callable:
    """Kestra's indent (every line but the first) and nindent (a line break first, then every line)."""

    def apply(renderer, call, value, args):
        if value is None:
            return None
        text = java_str(value)
        if not text:
            return text
        amount = _required(
            renderer, call, args, "amount", f"The '{call.name}' filter expects an integer as argument 'amount'."
        )
        amount = _cast(renderer, call, amount, int)
        if amount < 0:
            message = f"The '{call.name}' filter expects a positive integer >=0 as argument 'amount'."
            raise renderer.error(call, message)
        prefix = _cast(renderer, call, args.get("prefix", " "), str)
        if amount * len(prefix) > renderer.limits.max_output:
            raise renderer.limit(call, "indentation too large")
        newline = _line_separator(text)
        return renderer.check_size(
            call, ((newline if first_line else "") + text).replace(newline, newline + prefix * amount)
        )

    return apply


FILTERS.update({"indent": _indent_filter(False), "nindent": _indent_filter(True)})

_ESCAPES = {"single": ("'", "\\'"), "double": ('"', '\\"'), "shell": ("'", "'\\''")}


@_filter("escapeChar")
def _escape_char(renderer, call, value, args):
    if value is None:
        return None

    def escape(text: str) -> str:
        kind = _required(renderer, call, args, "type", "The 'escapeChar' filter expects an argument 'type'.")
        escaping = _ESCAPES.get(kind.lower()) if isinstance(kind, str) else None
        if escaping is None:
            message = "The 'escapeChar' filter expects the value of 'type' to be either 'single', 'double', or 'shell'."
            raise renderer.error(call, message)
        return text.replace(*escaping)

    return _each_string(value, escape)


_SLUG_SPACE = re.compile("[ \t\n\x0b\f\r]")
_SLUG_DROPPED = re.compile("[^A-Za-z0-9_-]")


@_filter("slugify")
def _slugify(renderer, call, value, args):
    """Kestra's ``Slugify.of``: whitespace to dashes, accents stripped, anything else not a word
    character dropped, runs of dashes collapsed, one dash trimmed at each end."""
    if value is None:
        return None
    slug = _SLUG_DROPPED.sub("", unicodedata.normalize("NFD", _SLUG_SPACE.sub("-", java_str(value))))
    slug = slug.replace("_", "-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    slug = slug.removeprefix("-").removesuffix("-")
    return slug.lower()


@_filter("urlencode", strings=True)
def _urlencode(renderer, call, value, args):
    return quote_plus(value, safe="*").replace("~", "%7E")


@_filter("urldecode", strings=True)
def _urldecode(renderer, call, value, args):
    return unquote_plus(value)


@_filter("nl2br")
def _nl2br(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, str):  # an IllegalArgumentException, not the (String) cast of other filters
        raise renderer.error(call, "nl2br filters only supports String input.")
    return _LINE_BREAK.sub("<br />", value)


_LINE_BREAK = re.compile(r"\r\n?|\n")


@_filter("base64encode")
def _base64encode(renderer, call, value, args):
    return None if value is None else base64.b64encode(java_str(value).encode()).decode("ascii")


@_filter("base64decode")
def _base64decode(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, str):
        raise renderer.error(call, "This filter applies to String\n")
    # Java's basic decoder takes the padding as optional.
    padded = value + "=" * (-len(value) % 4) if len(value) % 4 != 1 else value
    try:
        return base64.b64decode(padded, validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        message = "Please provide a correctly Base64 encoded string containing an UTF-8 string\n"
        raise renderer.error(call, message) from None


def _hash(algorithm: str) -> Callable:
    def digest(renderer, call, value, args):
        if value is None:
            return None
        if not isinstance(value, str):
            raise renderer.error(call, "Need a string to hash\n")
        return hashlib.new(algorithm, value.encode()).hexdigest()

    return digest


for _name, _algorithm in (("sha256", "sha256"), ("sha1", "sha1"), ("sha512", "sha512"), ("md5", "md5")):
    FILTERS[_name] = _hash(_algorithm)


# --- conversions -------------------------------------------------------------------------------


@_filter("toJson")
def _to_json(renderer, call, value, args):
    return to_json(value)


@_filter("string")
def _string(renderer, call, value, args):
    return None if value is None else java_str(value)


_HEX_NUMBER = re.compile(r"([-+]?)(?:0[xX]|#)([0-9A-Fa-f]+)")
_INTEGER = re.compile(r"[-+]?\d+")
_TYPE_SUFFIX = re.compile(r"(.*\d\.?)([lLfFdD])")


@_filter("number")
def _number(renderer, call, value, args):
    """Kestra's NumberFilter: a string through commons-lang's NumberUtils (createNumber by default,
    createInteger, createLong, createDouble... for a ``type``)."""
    if value is None:
        return None
    if not isinstance(value, str):
        message = f"'number' filter can only be applied to String. Actual type was: {java_class(value)}"
        raise renderer.error(call, message)
    kind = args.get("type", "")
    text = value.strip() if kind in ("INT", "LONG", "BIGINTEGER", "") else value
    hexadecimal = _HEX_NUMBER.fullmatch(text)
    suffixed = _TYPE_SUFFIX.fullmatch(text)
    if hexadecimal is not None and kind in ("INT", "LONG", "BIGINTEGER", ""):
        number: int | float = int(hexadecimal.group(1) + hexadecimal.group(2), 16)
    elif _INTEGER.fullmatch(text):
        number = int(text)
    else:
        try:
            number = float(suffixed.group(1) if suffixed and kind == "" else text)
        except ValueError:
            raise renderer.error(call, f"{value} is not a valid number.") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise renderer.error(call, f"{value} is not a valid number.")
    if kind in ("FLOAT", "DOUBLE", "BIGDECIMAL") or (suffixed and suffixed.group(2) in "fFdD"):
        return float(number)
    if kind in ("INT", "LONG", "BIGINTEGER") and isinstance(number, float):
        raise renderer.error(call, f'For input string: "{value}"')
    return number


@_filter("abs")
def _abs(renderer, call, value, args):
    if value is None:
        raise renderer.error(call, 'Can not pass null value to "abs" filter.')
    if not is_number(value):
        raise renderer.error(call, "The 'abs' filter does require as input a number.")
    return abs(value) if isinstance(value, float) else wrap_long(abs(value))


@_filter("default")
def _default(renderer, call, value, args):
    return args.get("default") if is_empty(value) else value


# --- collections -------------------------------------------------------------------------------


@_filter("length")
def _length(renderer, call, value, args):
    return size_of(value)


def _end(index: int) -> Callable:
    """first (``index`` 0) and last (-1): a character of a string, an item of a collection."""

    def apply(renderer, call, value, args):
        if value is None:
            return None
        if isinstance(value, str):
            if not value:
                raise renderer.error(call, f"Index {index} out of bounds for length 0")
            return value[index]
        items = _cast(renderer, call, value, list) if not isinstance(value, dict) else None
        if items is None:
            raise renderer.error(call, class_cast(value, "java.util.Collection"))
        return items[index] if items else None

    return apply


FILTERS.update({"first": _end(0), "last": _end(-1)})


@_filter("join")
def _join(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, list):
        raise renderer.error(call, "The 'join' filter expects that the input is either a collection or an array.")
    separator = args.get("separator")
    separator = "" if separator is None else _cast(renderer, call, separator, str)
    return separator.join(java_str(item) for item in value)


def _slice_bound(renderer, call, args, name: str):
    bound = args.get(name)
    if bound is not None and not is_number(bound):
        raise renderer.error(call, f"Argument {name} must be a number. Actual type: {java_class(bound)}")
    return bound


@_filter("slice")
def _slice(renderer, call, value, args):
    if value is None:
        return None
    start = int(_slice_bound(renderer, call, args, "fromIndex") or 0)
    if start < 0:
        raise renderer.error(call, "fromIndex must be greater than 0")
    stop = _slice_bound(renderer, call, args, "toIndex")
    if not isinstance(value, str | list):
        message = (
            f"Slice filter can only be applied to String, List and array inputs. Actual type was: {java_class(value)}"
        )
        raise renderer.error(call, message)
    length = len(value)
    if stop is None:
        stop = length
    else:
        stop = int(stop)
        if stop > length:
            raise renderer.error(call, f"toIndex must be smaller than input size: {length}")
        if start >= stop:
            raise renderer.error(call, "toIndex must be greater than fromIndex")
    if start > stop:  # past the end without a toIndex: String.substring's or List.subList's own error
        message = (
            f"begin {start}, end {stop}, length {length}"
            if isinstance(value, str)
            else f"fromIndex({start}) > toIndex({stop})"
        )
        raise renderer.error(call, message)
    return value[start:stop]


def _sort_key(renderer, call, items: list, reverse: bool) -> Callable | None:
    """How Java's natural order compares the items, which must all be of one Comparable class (a Long
    and a Double do not compare), or the ClassCastException of the first mismatch: the sort casts an
    earlier item to the class of a later one (the reverse order, the other way round)."""
    if not items:
        return None
    first = items[0]
    for item in items:
        if isinstance(item, list | dict | Entry) or item is None:
            raise renderer.error(call, class_cast(item, "java.lang.Comparable"))
        if type(item) is not type(first):
            earlier, later = (item, first) if reverse else (first, item)
            raise renderer.error(call, class_cast(earlier, java_class(later)))
    return (lambda text: text.encode("utf-16-be")) if isinstance(first, str) else None


@_filter("sort")
def _sort(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, list):
        raise renderer.error(call, "Unsupported input type for sort filter")
    return sorted(value, key=_sort_key(renderer, call, value, False))


@_filter("rsort")
def _rsort(renderer, call, value, args):
    if value is None:
        return None
    items = _cast(renderer, call, value, list)
    return sorted(items, key=_sort_key(renderer, call, items, True), reverse=True)


@_filter("reverse")
def _reverse(renderer, call, value, args):
    return None if value is None else list(reversed(_cast(renderer, call, value, list)))


@_filter("keys")
def _keys(renderer, call, value, args):
    if value is None:
        return None
    if isinstance(value, dict):
        return list(value)
    if isinstance(value, list):
        return list(range(len(value)))
    message = f"'keys' filter can only be applied to List, Map, Array. Actual type was: {java_class(value)}"
    raise renderer.error(call, message)


@_filter("values")
def _values(renderer, call, value, args):
    if value is None:
        return None
    if isinstance(value, dict):
        return list(value.values())
    raise renderer.error(call, f"'values' filter can only be applied to Map. Actual type was: {java_class(value)}")


@_filter("merge")
def _merge(renderer, call, value, args):
    """Pebble's MergeFilter; two maps (or a map and a list's items, as keys and values) give a new HashMap."""
    other = args.get("items")
    if value is None:
        if other is None:
            raise renderer.error(call, "The two arguments to be merged are null")
        return other
    if other is None:
        return value
    if isinstance(value, dict):
        if isinstance(other, dict):
            merged = {**value, **other}
        elif isinstance(other, list):
            merged = {**value, **{java_str(item): item for item in other}}
        else:
            message = f"Currently, only Maps and Lists can be merged with a Map. Arg2: {java_class(other)}"
            raise renderer.error(call, message)
        return _as_hash_map(merged, len(value) + len(other) + 16)
    if isinstance(value, list):
        if isinstance(other, dict):
            return value + [Entry(k, v) for k, v in other.items()]
        if isinstance(other, list):
            return value + other
        message = f"Currently, only Maps and Lists can be merged with a List. Arg2: {java_class(other)}"
        raise renderer.error(call, message)
    raise renderer.error(call, "The object being filtered is not a Map/List/Array")


@_filter("chunk")
def _chunk(renderer, call, value, args):
    if value is None:
        return None
    size = _required(renderer, call, args, "size", "'chunk' filter expects an argument 'size'.")
    if not isinstance(value, list):
        message = f"'chunk' filter can only be applied to List. Actual type was: {java_class(value)}"
        raise renderer.error(call, message)
    size = _cast(renderer, call, size, int)
    if size <= 0:
        raise renderer.error(call, "chunk: the size must be positive")
    return [value[i : i + size] for i in range(0, len(value), size)]


@_filter("distinct")
def _distinct(renderer, call, value, args):
    if value is None:
        return "null"  # sic: Kestra's DistinctFilter returns the string
    if not isinstance(value, list):
        raise renderer.error(call, f"Input must be a list, but received : {java_class(value)}")
    result: list = []
    for item in value:
        if not any(object_equals(item, seen) for seen in result):
            result.append(item)
    return result


@_filter("flatten")
def _flatten(renderer, call, value, args):
    if value is None:
        return None
    if not isinstance(value, list):
        raise renderer.error(call, "The 'flatten' filter can only be applied to lists.")
    result: list = []
    for item in value:
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
    if value is None:
        return None
    expression = _required(renderer, call, args, "expression", "The 'jq' filter expects an argument 'expression'.")
    expression = _cast(renderer, call, expression, str)
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


def _even(renderer, node, value) -> bool:
    if value is None:
        raise renderer.error(node, f'Can not pass null value to "{node.name}" test.')
    if not isinstance(value, int) or isinstance(value, bool):
        raise renderer.error(node, class_cast(value, "java.lang.Long"))
    return value % 2 == 0


_JSON = json.JSONDecoder(parse_constant=lambda name: float("nan"))
_JSON_CONSTANTS = frozenset(("NaN", "Infinity", "-Infinity"))


def _json_test(renderer, node, value) -> bool:
    """Kestra's JsonTest: Jackson's readTree, which reads the first value (blank text is a missing
    node) and rejects NaN."""
    text = _cast(renderer, node, value, str).strip(" \t\r\n")
    if not text:
        return True
    try:
        parsed, _ = _JSON.raw_decode(text)
    except ValueError:
        return False
    return not (isinstance(parsed, float) and parsed != parsed) and not any(text.startswith(c) for c in _JSON_CONSTANTS)


TESTS.update(
    {
        "null": lambda renderer, node, value: value is None,
        "empty": lambda renderer, node, value: is_empty(value),
        "even": _even,
        "odd": lambda renderer, node, value: not _even(renderer, node, value),
        "iterable": lambda renderer, node, value: isinstance(value, list),
        "map": lambda renderer, node, value: isinstance(value, dict),
        "json": _json_test,
    }
)

FILTERS.update(dates.FILTERS)
FILTERS.update(formats.FILTERS)
FILTERS.update(kestra2.FILTERS)
