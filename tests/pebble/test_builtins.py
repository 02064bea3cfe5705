"""Built-in names of Kestra's Pebble, per version (reference §6.3-6.4)."""

from __future__ import annotations

import pytest

from flowls.pebble import (
    FILTERS,
    FUNCTIONS,
    KESTRA_1,
    KESTRA_2,
    STATES,
    TERMINAL_STATES,
    TESTS,
    Builtin,
    Dialect,
    filters,
    functions,
)
from flowls.pebble import builtins as b

PEBBLE_FILTERS_KEPT = (
    "abbreviate", "abs", "base64decode", "base64encode", "capitalize", "default", "first", "join", "last", "length",
    "lower", "merge", "reverse", "rsort", "sha256", "slice", "sort", "split", "title", "trim", "upper", "urlencode",
)  # fmt: skip
KESTRA_FILTERS = (
    "chunk", "className", "date", "dateAdd", "timestamp", "timestampMicro", "timestampMilli", "timestampNano", "jq",
    "escapeChar", "toJson", "toIon", "distinct", "keys", "values", "number", "urldecode", "slugify",
    "substringBefore", "substringAfter", "substringBeforeLast", "substringAfterLast", "flatten", "indent",
    "nindent", "yaml", "startsWith", "endsWith", "sha1", "sha512", "md5", "string", "replace", "numberFormat",
)  # fmt: skip
KESTRA_FUNCTIONS = (
    "now", "fromJson", "secret", "kv", "read", "fileURI", "render", "renderOnce", "encrypt", "decrypt", "yaml",
    "printContext", "fetchContext", "uuid", "id", "ksuid", "nanoId", "fromIon", "fileSize", "fileExists",
    "isFileEmpty", "errorLogs", "randomInt", "randomPort", "tasksWithState", "http",
)  # fmt: skip


def test_default_tables_are_kestra_1() -> None:
    assert FUNCTIONS is KESTRA_1.functions
    assert FILTERS is KESTRA_1.filters
    assert TESTS is KESTRA_1.tests


@pytest.mark.parametrize("dialect", [KESTRA_1, KESTRA_2])
def test_both_versions_know_pebble_and_kestra_basics(dialect: Dialect) -> None:
    assert set(PEBBLE_FILTERS_KEPT) <= set(dialect.filters)
    assert set(KESTRA_FILTERS) <= set(dialect.filters)
    assert set(KESTRA_FUNCTIONS) | {"max", "min", "range", "i18n"} <= set(dialect.functions)
    assert set(dialect.tests) == {"defined", "empty", "even", "iterable", "map", "null", "odd", "json"}


@pytest.mark.parametrize("dialect", [KESTRA_1, KESTRA_2])
def test_filters_kestra_removes_are_unknown(dialect: Dialect) -> None:
    assert not {"escape", "raw", "numberformat"} & set(dialect.filters)


def test_functions_differ_as_2_0_says() -> None:
    only_1 = set(KESTRA_1.functions) - set(KESTRA_2.functions)
    only_2 = set(KESTRA_2.functions) - set(KESTRA_1.functions)
    assert only_1 == {"currentEachOutput", "iterationOutput", "parentOutput"}
    assert only_2 == {
        "env", "subflow", "loopOutputs", "isPublicHoliday", "isDayWeekInMonth", "isWeekend", "isLastWorkingDay",
        "dayOfWeek", "hourOfDay", "dayOfMonth", "monthOfYear",
    }  # fmt: skip


def test_filters_differ_as_2_0_says() -> None:
    assert set(KESTRA_2.filters) - set(KESTRA_1.filters) == {"regexMatch", "regexReplace", "regexExtract", "format"}
    assert set(KESTRA_1.filters) <= set(KESTRA_2.filters)


def test_operator_precedences() -> None:
    for op in ("??", "???", "isIn"):
        assert KESTRA_1.binary[op] == 120
        assert KESTRA_2.binary[op] == 30
    assert KESTRA_1.binary["|"] == 100 and KESTRA_1.binary["~"] == 110 and KESTRA_1.binary[".."] == 120
    assert KESTRA_1.unary == {"not": 500, "+": 500, "-": 500}


def test_entries_are_builtins_with_our_docs() -> None:
    for table in (KESTRA_1.functions, KESTRA_1.filters, KESTRA_2.functions, KESTRA_2.filters, KESTRA_1.tests):
        for name, entry in table.items():
            assert isinstance(entry, Builtin) and entry.name == name
            assert entry.doc and "\n" not in entry.doc
            assert all(isinstance(param, str) for param in entry.params)
    assert KESTRA_1.filters["dateAdd"].params == ("amount", "unit", "format", "timeZone", "existingFormat", "locale")
    assert KESTRA_1.functions["kv"].params == ("key", "namespace", "errorOnMissing")
    assert KESTRA_1.functions["max"].variadic


def test_tables_are_read_only() -> None:
    with pytest.raises(TypeError):
        KESTRA_1.functions["x"] = Builtin("x", (), "")  # type: ignore[index]


def test_states() -> None:
    assert len(STATES) == 17 and len(set(STATES)) == 17
    assert set(TERMINAL_STATES) < set(STATES)
    assert set(TERMINAL_STATES) == {
        "FAILED",
        "WARNING",
        "SUCCESS",
        "KILLED",
        "CANCELLED",
        "RETRIED",
        "SKIPPED",
        "RESUBMITTED",
    }
    assert "RUNNING" not in TERMINAL_STATES and "PAUSED" not in TERMINAL_STATES


def test_removed_tags() -> None:
    assert set(b.REMOVED_TAGS) == {
        "autoescape",
        "extends",
        "embed",
        "flush",
        "import",
        "include",
        "parallel",
        "cache",
        "from",
    }


def test_the_evaluator_has_every_filter_and_every_function_that_needs_no_server() -> None:
    assert set(b.FILTERS_1) | set(b.FILTERS_2) <= set(filters.FILTERS)
    # These read the server (storage, KV, secrets, logs, network) or templates Kestra never loads:
    # a render gets them from the context's `$functions`, else an unknowable value.
    assert (set(b.FUNCTIONS_1) | set(b.FUNCTIONS_2)) - set(functions.FUNCTIONS) == {
        "block", "decrypt", "encrypt", "errorLogs", "fileExists", "fileSize", "fileURI", "http", "i18n",
        "isFileEmpty", "kv", "parent", "randomPort", "read", "secret",
    }  # fmt: skip
