"""Kestra's Pebble: lexer, parser and syntax tree with exact offsets, and the built-in names of each
Kestra version.

    template = parse_template("{{ inputs.name | upper }}")   # never raises
    template.errors                                          # [PebbleError(start, end, message)]
    for node in walk(template): ...
"""

from flowls.pebble import ast
from flowls.pebble.ast import PebbleError, Template, children, walk
from flowls.pebble.builtins import (
    FILTERS,
    FUNCTIONS,
    KESTRA_1,
    KESTRA_2,
    STATES,
    TERMINAL_STATES,
    TESTS,
    Builtin,
    Dialect,
)
from flowls.pebble.parser import parse_template

__all__ = [
    "FILTERS",
    "FUNCTIONS",
    "KESTRA_1",
    "KESTRA_2",
    "STATES",
    "TERMINAL_STATES",
    "TESTS",
    "Builtin",
    "Dialect",
    "PebbleError",
    "Template",
    "ast",
    "children",
    "parse_template",
    "walk",
]
