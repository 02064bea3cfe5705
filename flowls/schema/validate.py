"""Validate flow data against a Kestra schema, dispatching each union member on ``type``.

Validating a flow against the schema as written makes python-jsonschema try every branch of
a 500-member ``anyOf`` (300x slower, stack.md §4) and report "not valid under any of the
given schemas". Instead the schema is compiled once: each discriminated union becomes the
``x-union`` keyword, which picks the one definition its ``type`` names; ``$dynamic``
properties become ``x-dynamic``, which lets a Pebble expression stand for any value; and
keywords are re-implemented where Kestra's parser (Jackson, bean validation) differs from
JSON Schema: full-match patterns, scalar coercion, null as absent, closed objects.
"""

from __future__ import annotations

import re
import sys
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft7Validator, validators
from jsonschema.exceptions import ValidationError

from flowls.durations import parse_duration
from flowls.schema import describe
from flowls.schema.index import Schema, SchemaIndex, Union, ref_name

# python-jsonschema recurses a few frames per level of the data; flows may nest up to the
# parser's depth limit (256), which needs more than Python's default 1,000 frames.
sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

PEBBLE = re.compile(r"\{\{|\{%")
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
# Java character classes Python's re lacks, close enough for Kestra's label keys.
_JAVA_CLASSES = {r"\p{Ll}": "a-zà-ÿ", r"\p{Lu}": "A-ZÀ-Þ", r"\p{L}": "a-zA-ZÀ-ÿ"}


@dataclass(frozen=True)
class SchemaError:
    """One problem, at a JSON path of the validated data."""

    path: tuple[str | int, ...]
    message: str
    rule: str  # "schema", "unknown-type", "deprecated-type" or "deprecated-property"
    target: str  # the range to report: "value", "key" (of the last path segment) or "mapping"
    missing: str | None  # for a missing required property, its name
    instance: Any
    replacement: str | None = None  # a value that fixes it, written in place of the reported one


class FlowValidator:
    def __init__(self, index: SchemaIndex) -> None:
        self.index = index
        definitions = index.definitions
        compiled = {name: self._compile(d, name) for name, d in definitions.items()}
        bases = {key: self._compile({**u.base, "additionalProperties": True}) for key, u in index.unions.items()}
        root = {"definitions": compiled, **compiled[index.flow_definition]}
        self._validator = _validator_class(index.unions, bases, compiled)(root)

    def validate(self, data: Any) -> list[SchemaError]:
        return [_to_schema_error(error) for error in self._validator.iter_errors(data)]

    def _compile(self, node: Any, name: str | None = None) -> Any:
        """A schema reduced to what validation reads: annotations dropped, local references
        resolved once (``x-ref``), unions and dynamic properties turned into keywords."""
        if not isinstance(node, dict):
            return {} if node is True else node
        if isinstance(node.get("$ref"), str):
            # Draft 7 ignores a $ref's siblings; a dangling or remote reference accepts anything.
            target = ref_name(node)
            return {"x-ref": target} if target in self.index.definitions else {}
        out: Schema = {"x-name": name} if name else {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                out[key] = {k: self._compile_property(v) for k, v in value.items()}
            elif key in _SCHEMA_MAPS and isinstance(value, dict):
                out[key] = {k: self._compile(v) for k, v in value.items()}
            elif key in _SCHEMA_LISTS and isinstance(value, list):
                out[key] = [self._compile(v) for v in value]
            elif key in _SCHEMA_VALUES:
                out[key] = [self._compile(v) for v in value] if isinstance(value, list) else self._compile(value)
            elif key in _LITERALS:
                out[key] = value
        union_key = self.index.union_at.get(id(node))
        if union_key is not None:
            out.pop("anyOf", None)
            out.pop("oneOf", None)
            out["x-union"] = union_key
        if "properties" in out and out.get("type") == "object" and "additionalProperties" not in out:
            out["additionalProperties"] = False  # Kestra's parser rejects unknown properties
        parts = [p for p in out.get("allOf", ()) if p]
        if "allOf" in out and len(parts) <= 1 and len(out) == 1:
            out = parts[0] if parts else {}
        if _flagged(node, "$dynamic"):
            return {"x-dynamic": _without_expression_branch(out)}
        return out

    def _compile_property(self, node: Any) -> Any:
        compiled = self._compile(node)
        if isinstance(node, dict) and _flagged(node, "$deprecated") and isinstance(compiled, dict):
            return {**compiled, "x-deprecated": True}
        return compiled


_SCHEMA_MAPS = {"properties", "patternProperties", "definitions", "dependencies"}
_SCHEMA_LISTS = {"allOf", "anyOf", "oneOf"}
_SCHEMA_VALUES = {
    "items",
    "additionalProperties",
    "additionalItems",
    "contains",
    "propertyNames",
    "not",
    "if",
    "then",
    "else",
}
_LITERALS = {
    "type", "enum", "const", "required", "pattern", "format", "minLength", "maxLength", "minItems", "maxItems",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "uniqueItems", "minProperties",
    "maxProperties",
}  # fmt: skip


def _flagged(node: Schema, keyword: str) -> bool:
    """Whether a Kestra keyword (``$dynamic``, ``$deprecated``) is true on a property schema,
    written on it or, as Kestra does around a ``$ref``, on an ``allOf`` part."""
    if node.get(keyword) is True:
        return True
    parts = node.get("allOf")
    return isinstance(parts, list) and any(isinstance(p, dict) and p.get(keyword) is True for p in parts)


def _without_expression_branch(schema: Schema) -> Schema:
    """Kestra types ``Property<Integer>`` as ``anyOf: [integer, string]``; x-dynamic already
    accepts expressions, so keep the typed branch and its precise errors."""
    branches = schema.get("anyOf")
    if not isinstance(branches, list) or len(branches) != 2:
        return schema
    plain = [b for b in branches if isinstance(b, dict) and b.get("type") == "string" and "format" not in b]
    typed = [b for b in branches if b not in plain]
    if len(plain) != 1 or len(typed) != 1 or not _is_scalar_typed(typed[0]):
        return schema
    rest = {k: v for k, v in schema.items() if k != "anyOf"}
    return {**rest, **typed[0]}


def _is_scalar_typed(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return kind in ("integer", "number", "boolean") or (kind == "string" and "format" in schema)


def _to_schema_error(error: ValidationError) -> SchemaError:
    return SchemaError(
        tuple(error.absolute_path),
        error.message,
        getattr(error, "flowls_rule", "schema"),
        getattr(error, "flowls_target", "value"),
        getattr(error, "flowls_missing", None),
        error.instance,
        getattr(error, "flowls_replacement", None),
    )


def _error(
    message: str,
    *,
    rule: str = "schema",
    target: str = "value",
    path: tuple = (),
    missing: str | None = None,
    replacement: str | None = None,
) -> ValidationError:
    error = ValidationError(message, path=deque(path))
    error.flowls_rule = rule  # type: ignore[attr-defined]
    error.flowls_target = target  # type: ignore[attr-defined]
    error.flowls_missing = missing  # type: ignore[attr-defined]
    error.flowls_replacement = replacement  # type: ignore[attr-defined]
    return error


def _validator_class(unions: dict[str, Union], bases: dict[str, Schema], definitions: dict[str, Schema]) -> type:
    Keyword = Iterator[ValidationError]

    def x_union(validator: Any, key: str, instance: Any, schema: Schema) -> Keyword:
        union = unions[key]
        if not isinstance(instance, dict):
            yield _error(f"expected a {union.noun} (a mapping with '{union.property}'), got {describe.value(instance)}")
            return
        value = instance.get(union.property)
        if not isinstance(value, str):
            if value is None:
                yield _error(f"missing required property '{union.property}'", target="mapping", missing=union.property)
            else:
                yield _error(f"expected string, got {describe.value(value)}", path=(union.property,))
            yield from validator.descend(instance, bases[key])
            return
        target = union.members.get(value)
        if target is None:
            yield from _unknown_member(validator, union, value, instance)
            return
        if union.canonical[value] != value:
            canonical = union.canonical[value]
            message = f"'{value}' is a deprecated alias; use '{canonical}'"
            yield _error(message, rule="deprecated-type", path=(union.property,), replacement=canonical)
        yield from validator.descend(instance, definitions[target])

    def _unknown_member(validator: Any, union: Union, value: str, instance: Any) -> Keyword:
        known = sorted({union.canonical[v] for v in union.members})
        hint = describe.did_you_mean(value, known, cutoff=0.9 if union.is_plugin else 0.6)
        noun = union.noun
        if union.is_plugin:
            unknown = f" (not in the loaded schema: only the properties every {noun} shares are checked)"
            message = f"unknown {noun} type '{value}'{hint or unknown}"
            yield _error(message, rule="unknown-type", path=(union.property,))
            yield from validator.descend(instance, bases[union.key])
        else:
            options = ", ".join(known)
            yield _error(f"unknown {noun} type '{value}'{hint} (expected one of {options})", path=(union.property,))

    def properties(validator: Any, subschemas: dict[str, Schema], instance: Any, schema: Schema) -> Keyword:
        # Most properties are plain scalars of the right type: check those without a descend,
        # which is where python-jsonschema spends its time.
        if not isinstance(instance, dict):
            return
        for name, subschema in subschemas.items():
            if name in instance:
                value = instance[name]
                if subschema.get("x-deprecated"):
                    where = f" in {schema['x-name']}" if "x-name" in schema else ""
                    message = f"'{name}' is deprecated{where}"
                    yield _error(message, rule="deprecated-property", target="key", path=(name,))
                if _obviously_valid(subschema, value):
                    continue
                yield from validator.descend(value, subschema, path=name, schema_path=name)

    def x_ref(validator: Any, name: str, instance: Any, schema: Schema) -> Keyword:
        yield from validator.descend(instance, definitions[name])

    def x_dynamic(validator: Any, inner: Schema, instance: Any, schema: Schema) -> Keyword:
        if isinstance(instance, str) and PEBBLE.search(instance):
            return
        yield from validator.descend(instance, inner)

    def type_(validator: Any, types: Any, instance: Any, schema: Schema) -> Keyword:
        types = [types] if isinstance(types, str) else list(types)
        if instance is None or any(validator.is_type(instance, t) or _coerces(instance, t) for t in types):
            return
        yield _error(f"expected {describe.type_names(types)}, got {describe.value(instance)}")

    def required(validator: Any, names: list[str], instance: Any, schema: Schema) -> Keyword:
        if not isinstance(instance, dict):
            return
        for name in names:
            if name not in instance:
                yield _error(f"missing required property '{name}'", target="mapping", missing=name)
            elif instance[name] is None:
                yield _error(f"'{name}' must not be null", path=(name,), missing=name)

    def additional_properties(validator: Any, allowed: Any, instance: Any, schema: Schema) -> Keyword:
        if not isinstance(instance, dict) or allowed is True:
            return
        known = schema.get("properties", {})
        patterns = schema.get("patternProperties", {})
        for key in instance:
            if key in known or any(re.search(p, key) for p in patterns):
                continue
            if allowed is False:
                owner = schema.get("x-name")
                where = f" in {owner}" if owner else ""
                hint = describe.did_you_mean(key, known)
                yield _error(f"unknown property '{key}'{where}{hint}", target="key", path=(key,))
            elif isinstance(allowed, dict):
                yield from validator.descend(instance[key], allowed, path=key)

    def enum(validator: Any, options: list[Any], instance: Any, schema: Schema) -> Keyword:
        if instance is None or instance in options or str(instance) in (str(o) for o in options):
            return
        hint = describe.did_you_mean(str(instance), [str(o) for o in options])
        listed = ", ".join(str(o) for o in options)
        yield _error(f"expected one of {listed}, got {describe.value(instance)}{hint}")

    def const(validator: Any, expected: Any, instance: Any, schema: Schema) -> Keyword:
        if instance is not None and instance != expected:
            yield _error(f"expected {describe.value(expected)}, got {describe.value(instance)}")

    def pattern(validator: Any, regex: str, instance: Any, schema: Schema) -> Keyword:
        compiled = java_pattern(regex)
        if instance == "" and schema.get("minLength", 0) > 0:
            return  # "must not be empty" says it better
        if isinstance(instance, str) and compiled is not None and not compiled.fullmatch(instance):
            yield _error(f'{describe.value(instance)} must match "{regex}"')

    def any_of(validator: Any, branches: list[Schema], instance: Any, schema: Schema) -> Keyword:
        if instance is None:
            return
        failures = []
        for branch in branches:
            errors = list(validator.descend(instance, branch))
            if not errors:
                return
            failures.append(errors)
        # Report inside the one branch whose shape fits, else say what would have fitted.
        fitting = [errors for errors in failures if not any(_is_shape_error(e) for e in errors)]
        if len(fitting) == 1:
            yield from fitting[0]
            return
        expected = " or ".join(describe.schema(b) for b in branches)
        yield _error(f"expected {expected}, got {describe.value(instance)}")

    def format_(validator: Any, name: str, instance: Any, schema: Schema) -> Keyword:
        if name == "duration" and isinstance(instance, str) and parse_duration(instance) is None:
            yield _error(f"expected an ISO-8601 duration such as 'PT5M' or 'P1DT2H', got {describe.value(instance)}")

    def min_length(validator: Any, limit: int, instance: Any, schema: Schema) -> Keyword:
        if isinstance(instance, str) and len(instance) < limit:
            yield _error("must not be empty" if limit == 1 else f"must be at least {limit} characters long")

    def max_length(validator: Any, limit: int, instance: Any, schema: Schema) -> Keyword:
        if isinstance(instance, str) and len(instance) > limit:
            yield _error(f"must be at most {limit} characters long (it has {len(instance)})")

    def min_items(validator: Any, limit: int, instance: Any, schema: Schema) -> Keyword:
        if isinstance(instance, list) and len(instance) < limit:
            yield _error("must not be empty" if limit == 1 else f"must have at least {limit} items")

    def max_items(validator: Any, limit: int, instance: Any, schema: Schema) -> Keyword:
        if isinstance(instance, list) and len(instance) > limit:
            yield _error(f"must have at most {limit} items")

    def bound(word: str, holds: Any) -> Any:
        def check(validator: Any, limit: Any, instance: Any, schema: Schema) -> Keyword:
            number = _as_number(instance)
            if number is not None and not holds(number, limit):
                yield _error(f"must be {word} {limit}, got {describe.value(instance)}")

        return check

    return validators.extend(
        Draft7Validator,
        validators={
            "x-union": x_union,
            "x-ref": x_ref,
            "properties": properties,
            "x-dynamic": x_dynamic,
            "type": type_,
            "required": required,
            "additionalProperties": additional_properties,
            "enum": enum,
            "const": const,
            "pattern": pattern,
            "anyOf": any_of,
            "format": format_,
            "minLength": min_length,
            "maxLength": max_length,
            "minItems": min_items,
            "maxItems": max_items,
            "minimum": bound("greater than or equal to", lambda n, limit: n >= limit),
            "maximum": bound("less than or equal to", lambda n, limit: n <= limit),
            "exclusiveMinimum": bound("greater than", lambda n, limit: n > limit),
            "exclusiveMaximum": bound("less than", lambda n, limit: n < limit),
        },
    )


_SCALAR_TYPES: dict[str, tuple[type, ...]] = {"string": (str,), "boolean": (bool,), "number": (int, float)}


def _obviously_valid(schema: Schema, value: Any) -> bool:
    """True when ``value`` needs no further look: an empty schema, or a bare ``type`` (or an
    ``enum``) that the value plainly satisfies. False means "validate it", not "invalid"."""
    if not schema:
        return True
    if "x-dynamic" in schema and len(schema) == 1:
        if isinstance(value, str) and PEBBLE.search(value):
            return True
        schema = schema["x-dynamic"]
    if len(schema) == 1:
        kind = schema.get("type")
        if kind == "integer":
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(kind, str) and kind in _SCALAR_TYPES and isinstance(value, _SCALAR_TYPES[kind])
    if len(schema) == 2 and schema.get("type") == "string" and isinstance(value, str):
        return value in schema.get("enum", ())
    return False


def _is_shape_error(error: ValidationError) -> bool:
    """An error saying the value itself has the wrong type (not something inside it)."""
    return not error.path and error.validator in ("type", "x-union", "const", "enum")


def _coerces(instance: Any, kind: str) -> bool:
    """Whether Jackson would read ``instance`` as ``kind`` (it coerces scalars both ways)."""
    if kind == "string":
        return isinstance(instance, (int, float, bool))
    if not isinstance(instance, str):
        return kind == "number" and isinstance(instance, int) and not isinstance(instance, bool)
    text = instance.strip()
    if kind == "integer":
        return bool(_INTEGER.fullmatch(text))
    if kind == "number":
        return bool(_NUMBER.fullmatch(text))
    if kind == "boolean":
        return text.lower() in ("true", "false")
    return False


def _as_number(instance: Any) -> float | None:
    if isinstance(instance, bool):
        return None
    if isinstance(instance, (int, float)):
        return instance
    if isinstance(instance, str) and _NUMBER.fullmatch(instance.strip()):
        return float(instance)
    return None


@cache
def java_pattern(regex: str) -> re.Pattern[str] | None:
    """Java's ``@Pattern`` matches the whole string; None when Python cannot compile it."""
    for java, python in _JAVA_CLASSES.items():
        regex = regex.replace(java, python)
    try:
        return re.compile(regex)
    except re.error:
        return None
