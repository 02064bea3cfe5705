"""Kestra's formatting and serialising filters and functions: ``numberFormat`` (Pebble's
``numberformat``, renamed by Kestra's ExtensionCustomizer), ``className``, the ``yaml`` filter and
function, ``toIon`` and ``fromIon``, each after its Java class, messages included."""

from __future__ import annotations

from collections.abc import Callable

from flowls.pebble import ion, jackson_yaml
from flowls.pebble.decimal_format import NumberFormatError, number_format
from flowls.pebble.java_time import JavaError, Unsupported
from flowls.pebble.values import Unknowable, class_cast, java_class, java_str

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


def _serialiser(what: str, dump: Callable[[object], str], error: type[Exception]) -> Callable:
    """``YamlFilter`` and ``ToIonFilter``: null is the text "null"; a value the mapper refuses fails
    with the filter's message."""

    def apply(renderer, call, value, args):
        if value is None:
            return "null"
        try:
            return dump(value)
        except error:
            message = f"Unable to transform to {what} value '{java_str(value)}' with type '{java_class(value)}'"
            raise renderer.error(call, message) from None

    return apply


def _yaml_function(renderer, node, args: dict) -> object:
    """``YamlFunction``: Jackson's default YAML mapper reading the string into a value."""
    if "yaml" not in args:
        raise renderer.error(node, "The 'yaml' function expects an argument 'yaml'.")
    text = args["yaml"]
    if not isinstance(text, str):
        raise renderer.error(node, "The 'yaml' function expects an argument 'yaml' with type string.")
    try:
        value = jackson_yaml.load(text)
    except jackson_yaml.JacksonError as error:
        raise renderer.error(node, f"Invalid yaml: {error.message}") from None
    return _known(value, "yaml()")


def _known(value: object, where: str) -> object:
    """Java values our JSON-like data cannot stand for (a byte[] from ``!!binary``) stay unknown."""
    if isinstance(value, bytes):
        return Unknowable(f"binary data read by {where}", "Kestra would print a Java byte array")
    if isinstance(value, list):
        return [_known(item, where) for item in value]
    if isinstance(value, dict):
        return {key: _known(item, where) for key, item in value.items()}
    return value


def _from_ion(renderer, node, args: dict) -> object:
    """``FromIonFunction``: the first value of Ion text (every one with ``allRows``), as Kestra's
    FileSerde reads its storage files."""
    if "ion" not in args:
        raise renderer.error(node, "The 'fromIon' function expects an argument 'ion'.")
    text = args["ion"]
    if text is None:
        return None
    if not isinstance(text, str):
        raise renderer.error(node, "The 'fromIon' function expects an argument 'ion' with type string.")
    all_rows = args.get("allRows", False)
    if not isinstance(all_rows, bool):  # Kestra casts it, outside its try block
        raise renderer.error(node, class_cast(all_rows, "java.lang.Boolean"))
    try:
        return _known(ion.load(text, all_rows, time_zone=renderer.budget.options.time_zone), "fromIon()")
    except ion.IonError as error:
        raise renderer.error(node, f"Invalid ion: {error.message}") from None
    except JavaError as error:
        raise renderer.error(node, error.message) from None
    except Unsupported as unsupported:
        return Unknowable(renderer.source(node), f"flowls cannot compute {unsupported.description} offline")


FILTERS.update(
    {
        "numberFormat": _number_format,
        "className": _class_name,
        "yaml": _serialiser("yaml", jackson_yaml.dump, jackson_yaml.JacksonError),
        "toIon": _serialiser("ion", ion.dump, ion.IonError),
    }
)
FUNCTIONS.update({"yaml": _yaml_function, "fromIon": _from_ion})
