"""Kestra's formatting and serialising filters and functions: ``numberFormat`` (Pebble's
``numberformat``, renamed by Kestra's ExtensionCustomizer), ``className``, the ``yaml`` filter and
function, ``toIon`` and ``fromIon``, each after its Java class, messages included."""

from __future__ import annotations

from collections.abc import Callable

from flowls.pebble.decimal_format import NumberFormatError, number_format
from flowls.pebble.values import java_class

FILTERS: dict[str, Callable] = {}
FUNCTIONS: dict[str, Callable] = {}

_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1


def _number_format(renderer, call, value, args):
    try:
        return number_format(value, args.get("format"))
    except NumberFormatError as error:
        raise renderer.error(call, error.message) from None


def _class_name(renderer, call, value, args):
    """``ClassNameFilter``: ``getClass().getName()``. Our values do not keep Java's classes, so a whole
    number is a Long (a BigInteger beyond 64 bits) and a decimal a Double, as Pebble's own literals
    and arithmetic give; a number read from JSON would be an Integer in Kestra when it fits in 32 bits."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and not _LONG_MIN <= value <= _LONG_MAX:
        return "java.math.BigInteger"
    return java_class(value)


FILTERS.update({"numberFormat": _number_format, "className": _class_name})
