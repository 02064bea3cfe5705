"""What Kestra's Pebble knows by name: functions, filters, tests, operators and state names, for
Kestra 1.x (Pebble 4.1.1 + Kestra's ``Extension``/``ExtensionCustomizer``) and for 2.0 (``develop``).

Parameter names are the argument names the Java classes declare (``getArgumentNames``); the one-line
descriptions are ours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class Builtin:
    name: str
    params: tuple[str, ...]
    doc: str
    variadic: bool = False  # takes any number of positional arguments (max, min, format)


def _table(*entries: tuple) -> dict[str, Builtin]:
    return {entry[0]: Builtin(*entry) for entry in entries}


_DATE = ("format", "timeZone", "existingFormat", "locale")
_FILE = ("path", "namespace")

# --- functions ---------------------------------------------------------------------------------

_PEBBLE_FUNCTIONS = _table(
    ("max", (), "The largest of its arguments.", True),
    ("min", (), "The smallest of its arguments.", True),
    ("range", ("start", "end", "increment"), "A list of numbers (or characters) from start to end inclusive."),
    ("i18n", ("bundle", "key", "params"), "A message looked up in a resource bundle."),
    ("block", ("name",), "Renders a block defined in this template again."),
    ("parent", (), "The parent template's block (meaningless without 'extends', which Kestra disables)."),
)

_KESTRA_FUNCTIONS = _table(
    ("now", _DATE, "The current date and time, formatted."),
    ("fromJson", ("json",), "Parses a JSON string into a value."),
    ("secret", ("key", "namespace", "subkey"), "The value of a secret (looked up by upper-cased key)."),
    ("kv", ("key", "namespace", "errorOnMissing"), "A value from the key-value store."),
    ("render", ("toRender", "recursive"), "Renders a string that itself holds Pebble, recursively by default."),
    ("renderOnce", ("toRender",), "Renders a string that itself holds Pebble, one level only."),
    ("encrypt", ("key", "plaintext"), "Encrypts a string with a key (AES)."),
    ("decrypt", ("key", "encrypted"), "Decrypts a string encrypted with encrypt()."),
    ("yaml", ("yaml",), "Parses a YAML string into a value."),
    ("printContext", (), "Every variable of the rendering context (for debugging)."),
    ("fetchContext", (), "Every variable of the rendering context (for debugging)."),
    ("uuid", (), "A random UUID."),
    ("id", (), "A random short unique id."),
    ("ksuid", (), "A random K-sortable unique id."),
    ("nanoId", ("length", "alphabet"), "A random Nano ID."),
    ("fromIon", ("ion", "allRows"), "Parses an Amazon Ion string (first row, or all rows)."),
    ("fileSize", _FILE, "The size in bytes of an internal-storage or namespace file."),
    ("fileExists", _FILE, "Whether an internal-storage or namespace file exists."),
    ("isFileEmpty", _FILE, "Whether an internal-storage or namespace file is empty."),
    ("errorLogs", (), "The ERROR logs of the current execution (worker tasks only)."),
    ("randomInt", ("lower", "upper"), "A random integer from lower (inclusive) to upper (exclusive)."),
    ("randomPort", (), "A free TCP port."),
    ("tasksWithState", ("state",), "The task runs of the execution in a given state, as {taskId, state}."),
    ("http", ("uri", "method", "query", "body", "contentType", "headers", "options", "accept"), "Calls a URL."),
)

_READ = "The content of a namespace file or an internal-storage (kestra://) file."
_FILE_URI = "The internal-storage URI of a namespace file."

_KESTRA_1_ONLY_FUNCTIONS = _table(
    ("read", (*_FILE, "version"), _READ),
    ("fileURI", (*_FILE, "version"), _FILE_URI),
    ("currentEachOutput", ("outputs",), "The outputs of the current iteration of an EachSequential/EachParallel."),
    ("iterationOutput", ("taskId", "iteration"), "The outputs of a task in another iteration of a loop."),
    ("parentOutput", ("index",), "The outputs of an enclosing iterative task."),
)

_KESTRA_2_ONLY_FUNCTIONS = _table(
    # 2.0 renamed the namespace file's `version` argument `revision` (ReadFileFunction.REVISION)
    ("read", (*_FILE, "revision"), _READ),
    ("fileURI", (*_FILE, "revision"), _FILE_URI),
    ("env", ("name", "default"), "An environment variable, or a default."),
    ("subflow", ("namespace", "id", "inputs", "revision", "labels", "timeout"), "Runs a subflow, returns its outputs."),
    ("loopOutputs", ("outputs", "name"), "The outputs of the iterations of a Loop task."),
    ("isPublicHoliday", ("date", "countryCode", "subDivision"), "Whether a date is a public holiday."),
    ("isDayWeekInMonth", ("date", "dayOfWeek", "position"), "Whether a date is e.g. the first Monday of its month."),
    ("isWeekend", ("date",), "Whether a date falls on a Saturday or Sunday."),
    ("isLastWorkingDay", ("date", "workingDays"), "Whether a date is the last working day of its month."),
    ("dayOfWeek", ("date",), "The day of the week of a date."),
    ("hourOfDay", ("date",), "The hour (0-23) of a date."),
    ("dayOfMonth", ("date",), "The day of the month of a date."),
    ("monthOfYear", ("date",), "The month (1-12) of a date."),
)

# --- filters -----------------------------------------------------------------------------------

_PEBBLE_FILTERS = _table(
    ("abbreviate", ("length",), "Cuts a string to a length, ending it with an ellipsis."),
    ("abs", (), "The absolute value of a number."),
    ("base64decode", (), "Decodes a Base64 string."),
    ("base64encode", (), "Encodes a string in Base64."),
    ("capitalize", (), "Upper-cases the first letter."),
    ("default", ("default",), "The argument when the value is null, undefined, blank, or an empty list or map."),
    ("first", (), "The first item of a list, or first character of a string."),
    ("join", ("separator",), "Joins the items of a list into a string."),
    ("last", (), "The last item of a list, or last character of a string."),
    ("length", (), "The number of items of a list or map, or characters of a string."),
    ("lower", (), "Lower-cases a string."),
    ("merge", ("items",), "Merges two lists or two maps."),
    ("nl2br", (), "Replaces line breaks with <br /> tags."),
    ("reverse", (), "Reverses a list."),
    ("rsort", (), "Sorts a list in descending order."),
    ("sha256", (), "The SHA-256 hash of a string, in hex."),
    ("slice", ("fromIndex", "toIndex"), "A part of a list or string."),
    ("sort", (), "Sorts a list in ascending order."),
    ("split", ("delimiter", "limit"), "Splits a string into a list (the delimiter is a regular expression)."),
    ("title", (), "Upper-cases the first letter of each word."),
    ("trim", (), "Removes leading and trailing whitespace."),
    ("upper", (), "Upper-cases a string."),
    ("urlencode", (), "Percent-encodes a string for a URL."),
    ("numberFormat", ("format",), "Formats a number with a decimal pattern (Pebble's numberformat, renamed)."),
)

_KESTRA_FILTERS = _table(
    ("chunk", ("size",), "Splits a list into lists of a given size."),
    ("className", (), "The Java class name of the value."),
    ("date", _DATE, "Formats a date (ISO-8601 by default)."),
    ("dateAdd", ("amount", "unit", *_DATE), "Adds an amount of a time unit (DAYS, HOURS...) to a date."),
    ("timestamp", ("timeZone", "existingFormat"), "A date as seconds since the epoch."),
    ("timestampMicro", ("timeZone", "existingFormat"), "A date as microseconds since the epoch."),
    ("timestampMilli", ("timeZone", "existingFormat"), "A date as milliseconds since the epoch."),
    ("timestampNano", ("timeZone", "existingFormat"), "A date as nanoseconds since the epoch."),
    ("jq", ("expression",), "Applies a jq expression; the result is always a list."),
    ("escapeChar", ("type",), "Escapes special characters for a target (single, double, shell)."),
    ("toJson", (), "Serialises a value as JSON."),
    ("toIon", (), "Serialises a value as Amazon Ion."),
    ("distinct", (), "Removes duplicate items from a list."),
    ("keys", (), "The keys of a map."),
    ("values", (), "The values of a map."),
    ("number", ("type",), "Parses a string as a number (INT, LONG, FLOAT, DOUBLE, BIGDECIMAL...)."),
    ("urldecode", (), "Decodes a percent-encoded string."),
    ("slugify", (), "Turns a string into a lower-case, dash-separated slug."),
    ("substringBefore", ("separator",), "The part before the first occurrence of a separator."),
    ("substringAfter", ("separator",), "The part after the first occurrence of a separator."),
    ("substringBeforeLast", ("separator",), "The part before the last occurrence of a separator."),
    ("substringAfterLast", ("separator",), "The part after the last occurrence of a separator."),
    ("flatten", (), "Flattens a list of lists by one level."),
    ("indent", ("amount", "prefix"), "Indents every line but the first."),
    ("nindent", ("amount", "prefix"), "Starts with a line break, then indents every line."),
    ("yaml", (), "Serialises a value as YAML."),
    ("startsWith", ("value",), "Whether a string starts with a prefix."),
    ("endsWith", ("value",), "Whether a string ends with a suffix."),
    ("sha1", (), "The SHA-1 hash of a string, in hex."),
    ("sha512", (), "The SHA-512 hash of a string, in hex."),
    ("md5", (), "The MD5 hash of a string, in hex."),
    ("string", (), "The value as a string."),
    ("replace", ("replace_pairs", "regexp"), "Replaces each key of a map by its value (as regexes if regexp=true)."),
)

_KESTRA_2_ONLY_FILTERS = _table(
    ("regexMatch", ("regex",), "Whether a string matches a regular expression."),
    ("regexReplace", ("regex", "replacement"), "Replaces every match of a regular expression."),
    ("regexExtract", ("regex", "group"), "The first match of a regular expression (or one of its groups)."),
    ("format", (), "Formats the value as a printf-style pattern with the arguments (Pebble 4.1.2).", True),
)

# --- tests -------------------------------------------------------------------------------------

_TESTS = _table(
    ("defined", (), "Whether the variable or attribute exists."),
    ("empty", (), "Whether the value is null, a blank string, an empty list or an empty map."),
    ("even", (), "Whether an integer is even."),
    ("odd", (), "Whether an integer is odd."),
    ("iterable", (), "Whether the value can be looped over."),
    ("map", (), "Whether the value is a map."),
    ("null", (), "Whether the value is null."),
    ("json", (), "Whether a string parses as JSON."),
)


def _freeze(*tables: dict[str, Builtin]) -> Mapping[str, Builtin]:
    merged: dict[str, Builtin] = {}
    for table in tables:
        merged.update(table)
    return MappingProxyType(dict(sorted(merged.items())))


FUNCTIONS_1 = _freeze(_PEBBLE_FUNCTIONS, _KESTRA_FUNCTIONS, _KESTRA_1_ONLY_FUNCTIONS)
FUNCTIONS_2 = _freeze(_PEBBLE_FUNCTIONS, _KESTRA_FUNCTIONS, _KESTRA_2_ONLY_FUNCTIONS)
FILTERS_1 = _freeze(_PEBBLE_FILTERS, _KESTRA_FILTERS)
FILTERS_2 = _freeze(_PEBBLE_FILTERS, _KESTRA_FILTERS, _KESTRA_2_ONLY_FILTERS)
TESTS_1 = _freeze(_TESTS)
TESTS_2 = TESTS_1
# The 1.x tables under short names (the default dialect's).
FUNCTIONS, FILTERS, TESTS = FUNCTIONS_1, FILTERS_1, TESTS_1

# --- states ------------------------------------------------------------------------------------

# Kestra's State.Type, in declaration order.
STATES = (
    "CREATED", "SUBMITTED", "RUNNING", "PAUSED", "RESTARTED", "KILLING", "SUCCESS", "WARNING", "FAILED",
    "KILLED", "CANCELLED", "QUEUED", "RETRYING", "RETRIED", "SKIPPED", "BREAKPOINT", "RESUBMITTED",
)  # fmt: skip
# State.Type.isTerminated().
TERMINAL_STATES = ("FAILED", "WARNING", "SUCCESS", "KILLED", "CANCELLED", "RETRIED", "SKIPPED", "RESUBMITTED")

# --- tags and operators ------------------------------------------------------------------------

# Pebble core tags Kestra's ExtensionCustomizer removes.
REMOVED_TAGS = frozenset(("autoescape", "extends", "embed", "flush", "import", "include", "parallel", "cache", "from"))

UNARY_OPERATORS = MappingProxyType({"not": 500, "+": 500, "-": 500})

_ARITHMETIC_AND_EQUALITY = frozenset(("+", "-", "*", "/", "%", "==", "equals", "!="))
_ORDERINGS = frozenset(("<", ">", "<=", ">="))

_PEBBLE_BINARY = {
    "or": 10, "and": 15, "is": 20, "is not": 20, "contains": 20,
    "==": 30, "equals": 30, "!=": 30, "<": 30, ">": 30, "<=": 30, ">=": 30,
    "+": 40, "-": 40, "*": 60, "/": 60, "%": 60, "|": 100, "~": 110, "..": 120,
}  # fmt: skip


@dataclass(frozen=True, eq=False)
class Dialect:
    """One Kestra version's Pebble: operator precedences (all binary operators are left-associative)
    and the functions, filters and tests it knows."""

    name: str
    binary: Mapping[str, int]
    unary: Mapping[str, int]
    functions: Mapping[str, Builtin]
    filters: Mapping[str, Builtin]
    tests: Mapping[str, Builtin]
    # Pebble 4.1.2 (Kestra 2.0) reads string operands of arithmetic as numbers (OperatorUtils.toNumber)
    string_arithmetic: bool = False
    # Operators whose Pebble expression wraps any failure of its operands (an undefined variable
    # included) in a PebbleException, so that `??`, `???` and `default` above them do not catch it.
    wrapping: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        return f"Dialect({self.name!r})"


KESTRA_1 = Dialect(
    "kestra-1",
    MappingProxyType({**_PEBBLE_BINARY, "??": 120, "???": 120, "isIn": 120}),
    UNARY_OPERATORS,
    FUNCTIONS_1,
    FILTERS_1,
    TESTS_1,
    wrapping=_ARITHMETIC_AND_EQUALITY | _ORDERINGS,
)
# 2.0 lowers Kestra's operators to the comparisons' level (and re-implements < > <= >= at 30).
KESTRA_2 = Dialect(
    "kestra-2",
    MappingProxyType({**_PEBBLE_BINARY, "??": 30, "???": 30, "isIn": 30}),
    UNARY_OPERATORS,
    FUNCTIONS_2,
    FILTERS_2,
    TESTS_2,
    string_arithmetic=True,
    wrapping=_ARITHMETIC_AND_EQUALITY,  # Kestra 2.0's own < > <= >= evaluate their operands unwrapped
)
