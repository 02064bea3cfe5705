#!/usr/bin/env python3
"""Generate the bundled Kestra flow JSON schemas (`schemas/flow.schema.json`, `schemas/flow-2.0.schema.json`).

The facts (classes, properties, types, defaults, constraints, unions) come from a Kestra facts
catalogue extracted from Kestra's Java sources (`kestra-catalogue-<version>.json`, documented in
`kestra-catalogue.md`); the prose (titles and one-line descriptions) comes from our own
`schemas/descriptions.yaml`. Nothing version-specific lives here beyond the default paths, so the
same script builds the 2.0 schema from `kestra-catalogue-2.0.json`.

The output mirrors the shape of the schema Kestra generates itself (draft 07, one definition per
class keyed by its Java binary name, `anyOf` unions, pinned `type` discriminators, custom `$…`
keywords); `schemas/README.md` documents our conventions.

Usage: python scripts/build_schema.py [--catalogue PATH --out PATH] [--descriptions PATH] [--check]
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_DESCRIPTIONS = REPO / "schemas" / "descriptions.yaml"
# The bundled schemas: one per Kestra version flowls knows, from that version's catalogue.
BUNDLED = (
    (REFERENCE / "kestra-catalogue-1.x.json", REPO / "schemas" / "flow.schema.json"),
    (REFERENCE / "kestra-catalogue-2.0.json", REPO / "schemas" / "flow-2.0.schema.json"),
)

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
ROOT_CLASS = "io.kestra.core.models.flows.Flow"
# Kestra's ListOrMapOfLabelDeserializer turns scalar map values into strings, so a `key: value`
# label map may hold numbers and booleans too.
LABEL_CLASS = "io.kestra.core.models.Label"
LABEL_MAP_VALUES: dict[str, Any] = {"type": ["string", "number", "boolean"]}

JsonSchema = dict[str, Any]
Shape = Mapping[str, Any]

# Catalogue type -> JSON schema of a value of that type (containers and refs are handled in code).
SCALAR_SCHEMAS: dict[str, JsonSchema] = {
    "string": {"type": "string"},
    "integer": {"type": "integer"},
    "number": {"type": "number"},
    "boolean": {"type": "boolean"},
    "duration": {"type": "string", "format": "duration"},
    "datetime": {"type": "string", "format": "date-time"},
    "date": {"type": "string", "format": "date"},
    "time": {"type": "string", "format": "partial-time"},
    "object": {"type": "object"},
    "any": {},
}
# Kestra lets a dynamic (`Property<T>`) value of these types be given as an expression string, so
# their schema becomes `anyOf: [<T>, string]`; strings, enums, containers and refs stay as they are.
STRING_ALTERNATIVE_TYPES = frozenset({"integer", "number", "boolean", "duration", "datetime", "date", "time"})

# Catalogue constraint name -> JSON schema keyword with the same meaning.
CONSTRAINT_KEYWORDS = (
    "pattern",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "minimum",
    "maximum",
    "exclusiveMinimum",
)

# Human wording of the catalogue's class kinds, for markdownDescription.
KIND_WORDING = {
    "task-runnable": "Runnable task: executed by a worker.",
    "task-flowable": "Flowable task: orchestrates its child tasks on the executor.",
    "task-executable": "Executable task: starts sub-executions.",
    "task-execution-updating": "Execution-updating task: changes the current execution on the executor.",
    "trigger": "Trigger: starts executions of the flow.",
    "condition": "Condition: evaluated by a trigger before it starts an execution.",
    "input": "Flow input.",
    "retry": "Retry policy.",
    "flow": "Flow definition.",
    "model": "Nested object used by other definitions.",
}

# Corrections of catalogue facts, applied before conversion. Keyed by
# "<declaring class>.<property>", each value is merged into the catalogue property entry.
# Every entry must say why it exists; keep this table empty unless a fact is shown wrong.
OVERRIDES: dict[str, dict[str, Any]] = {
    # The field is a raw `Object` rendered when the task runs (Labels.update): list items are read
    # as plain maps, so the Label record's constraints (non-empty key and value, lowercase key
    # pattern) are not applied when the flow is parsed. Kestra's valid test flows
    # labels-update-task.yml (expression keys) and labels-update-task-empty.yml (empty key and
    # value) depend on this. Map values are cast to String at run time, hence string-only maps.
    "io.kestra.plugin.core.execution.Labels.labels": {
        "anyOf": [
            {"type": "string"},
            {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "key": {"type": "string", "required": True},
                        "value": {"type": "string", "required": True},
                    },
                },
            },
            {"type": "map", "values": {"type": "string"}},
        ],
    },
    # 2.0 only. The catalogue took the shapes from `@Schema(oneOf = {String, Object[]})`, but the
    # task also iterates over a map (one iteration per entry, key exposed as `item.key`: class
    # description and Loop.initFromValues); Kestra's 2.0 valid test flow loop-map.yaml uses one.
    "io.kestra.plugin.core.flow.Loop.values": {
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {"type": "any"}},
            {"type": "map", "values": {"type": "any"}},
        ],
    },
}


def _removed(kind: str, **extra: Any) -> Shape:
    return {"type": kind, "required": False, "default": None, "dynamic": False, "deprecated": True, **extra}


# Properties released Kestra 1.x (up to 1.3) still reads, deprecated, which the catalogue's
# 1.4-SNAPSHOT commit no longer has: kestra-io/kestra 3def65d71 "chore(core): remove plugin
# deprecated properties" (2026-03-20) deleted them after the 1.3 release. Published blueprints
# (kestra-io/blueprints, 2026-06) use several (retry `maxAttempt`, HTTP `readTimeout`, PurgeKV
# `expiredOnly`, MULTISELECT without `values`), so the 1.x schema accepts them, marked
# deprecated. Keyed by the class or interface that declared them; every class extending or
# implementing it gets them. Applied only to a catalogue whose label is "1.x".
COMPAT_1_3: dict[str, dict[str, Shape]] = {
    "io.kestra.core.models.tasks.retrys.AbstractRetry": {"maxAttempt": _removed("integer", constraints={"minimum": 1})},
    "io.kestra.core.http.client.configurations.HttpConfiguration": {
        "connectTimeout": _removed("duration"),
        "readTimeout": _removed("duration"),
        "readIdleTimeout": _removed("duration"),
        "connectionPoolIdleTimeout": _removed("duration"),
        "proxyType": _removed("enum", enum=["DIRECT", "HTTP", "SOCKS"]),
        "proxyAddress": _removed("string"),
        "proxyPort": _removed("integer"),
        "proxyUsername": _removed("string"),
        "proxyPassword": _removed("string"),
        "basicAuthUser": _removed("string"),
        "basicAuthPassword": _removed("string"),
        "logLevel": _removed("enum", enum=["ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF", "NOT_SPECIFIED"]),
        "maxContentLength": _removed("integer"),
    },
    "io.kestra.plugin.core.http.HttpInterface": {
        "sslOptions": _removed("ref", ref="io.kestra.core.http.client.configurations.SslOptions"),
    },
    "io.kestra.plugin.core.http.AbstractHttp": {"allowFailed": _removed("boolean", dynamic=True)},
    "io.kestra.core.models.triggers.AbstractTrigger": {
        "minLogLevel": _removed("enum", enum=["ERROR", "WARN", "INFO", "DEBUG", "TRACE"]),
    },
    "io.kestra.plugin.core.flow.Pause": {
        "delay": _removed("duration", dynamic=True),
        "tasks": _removed("array", items={"type": "ref", "ref": "io.kestra.core.models.tasks.Task"}),
    },
    "io.kestra.plugin.core.flow.Subflow": {"outputs": _removed("map", values={"type": "any"}, dynamic=True)},
    "io.kestra.plugin.core.kv.PurgeKV": {"expiredOnly": _removed("boolean", dynamic=True)},
    "io.kestra.plugin.core.trigger.Schedule": {"backfill": _removed("map", values={"type": "any"})},
    "io.kestra.core.models.flows.input.MultiselectInput": {
        "options": _removed("array", items={"type": "string"}),
    },
}
# Changes to existing 1.x entries made by the same commit: MULTISELECT `values` became required
# (it was optional while `options` existed) and Exit's deprecated `CANCELED` state went away.
COMPAT_1_3_CHANGES: dict[str, Shape] = {
    "io.kestra.core.models.flows.input.MultiselectInput.values": {"required": False},
    "io.kestra.plugin.core.execution.Exit.state": {
        "enum": ["SUCCESS", "WARNING", "KILLED", "FAILED", "CANCELED", "CANCELLED"]
    },
}


def apply_compat_1_3(classes: dict[str, Any]) -> None:
    """Add COMPAT_1_3 to every class that declares, extends or implements a listed type."""
    for name, cls in classes.items():
        ancestry = {name, *cls.get("superclasses", []), *cls.get("interfaces", [])}
        for declaring, properties in COMPAT_1_3.items():
            if declaring in ancestry:
                for prop, shape in properties.items():
                    cls["properties"].setdefault(prop, {**copy.deepcopy(shape), "declaredIn": declaring})
        for prop_name, prop in cls["properties"].items():
            prop.update(COMPAT_1_3_CHANGES.get(f"{prop.get('declaredIn')}.{prop_name}", {}))


@dataclass
class Descriptions:
    """Our own prose, looked up by class (titles, outputs) and by declaring class (properties).

    Missing entries are collected instead of failing, so a partially described catalogue (for
    example a new Kestra version) still builds; `main` prints them as warnings and the tests
    require none for the committed schema.
    """

    entries: Mapping[str, Any]
    missing: list[str] = field(default_factory=list)

    def _lookup(self, cls: str, section: str | None, key: str | None, label: str) -> str | None:
        entry = self.entries.get(cls) or {}
        value = entry.get("title") if section is None else (entry.get(section) or {}).get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        self.missing.append(label)
        return None

    def title(self, cls: str) -> str | None:
        """One-line title of a class."""
        return self._lookup(cls, None, None, f"{cls}: title")

    def prop(self, declared_in: str, name: str) -> str | None:
        """One-line description of a property, written once on the class that declares it."""
        return self._lookup(declared_in, "properties", name, f"{declared_in}: properties.{name}")

    def output(self, cls: str, name: str) -> str | None:
        """One-line description of an output attribute of a task or trigger."""
        return self._lookup(cls, "outputs", name, f"{cls}: outputs.{name}")


@dataclass(frozen=True)
class Catalogue:
    """The parts of the facts catalogue the generator needs."""

    classes: Mapping[str, Any]
    unions: Mapping[str, list[str]]


def load_catalogue(path: Path) -> Catalogue:
    """Read the catalogue JSON and apply OVERRIDES to the affected property entries."""
    data = json.loads(path.read_text(encoding="utf-8"))
    classes = copy.deepcopy(data["classes"])
    for cls in classes.values():
        for name, prop in cls["properties"].items():
            patch = OVERRIDES.get(f"{prop.get('declaredIn')}.{name}")
            if patch:
                prop.update(patch)
    if data.get("source", {}).get("label") == "1.x":
        apply_compat_1_3(classes)
    return Catalogue(classes=classes, unions=data["unions"])


def load_descriptions(path: Path) -> Descriptions:
    """Read descriptions.yaml (a mapping of class name -> title/properties/outputs)."""
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise SystemExit(f"{path}: expected a mapping of class names")
    return Descriptions(entries=data)


def ref_to(cls: str) -> JsonSchema:
    """A JSON pointer reference to a definition."""
    return {"$ref": f"#/definitions/{cls}"}


def yaml_inline(value: Any) -> str:
    """Render a default as one line of YAML, as Kestra's `Default value is : ...` does.

    Plain scalars stay bare; strings YAML would read differently (booleans, numbers, expressions,
    special characters) are double-quoted with JSON escaping, which YAML reads back identically.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_inline(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_inline(v)}" for k, v in value.items()) + "}"
    text = str(value)
    reserved = {"true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"}
    plain = re.fullmatch(r"[A-Za-z_/.][A-Za-z0-9_./ -]*", text) is not None and not text.endswith(" ")
    if plain and text.lower() not in reserved and not re.fullmatch(r"[-+.0-9eE]+", text):
        return text
    return json.dumps(text, ensure_ascii=False)


def constraint_schema(constraints: Mapping[str, Any] | None) -> JsonSchema:
    """JSON schema keywords for bean-validation constraints (`notBlank` implies `minLength: 1`).

    Patterns are kept exactly as written in Java: Java matches them in full, JSON schema does not,
    so consumers anchor them (documented in schemas/README.md).
    """
    if not constraints:
        return {}
    out: JsonSchema = {key: constraints[key] for key in CONSTRAINT_KEYWORDS if key in constraints}
    if constraints.get("notBlank"):
        out["minLength"] = max(out.get("minLength", 0), 1)
    if constraints.get("validators"):
        out["$validators"] = list(constraints["validators"])
    return out


def has_label_list(alternatives: Iterable[Shape]) -> bool:
    """True when alternative shapes include a list of Label, i.e. the value is a label set."""
    return any(
        alt.get("type") == "array" and (alt.get("items") or {}).get("ref") == LABEL_CLASS for alt in alternatives
    )


def shape_schema(shape: Shape, label_map: bool = False) -> JsonSchema:
    """Convert a catalogue type shape (type/items/values/ref/enum/anyOf/format) to JSON schema.

    `label_map` marks a map that is the `key: value` form of labels (see LABEL_MAP_VALUES).
    """
    kind = shape["type"]
    if "anyOf" in shape:
        labels = has_label_list(shape["anyOf"])
        schema: JsonSchema = {"anyOf": [shape_schema(alt, label_map=labels) for alt in shape["anyOf"]]}
    elif kind == "ref":
        schema = ref_to(shape["ref"])
    elif kind == "enum":
        schema = {"type": "string", "enum": list(shape["enum"])}
    elif kind == "array":
        items = shape.get("items")
        schema = {"type": "array", "items": shape_schema(items) if items else {}}
    elif kind == "map":
        values = shape.get("values")
        if label_map:
            value_schema: JsonSchema = dict(LABEL_MAP_VALUES)
        else:
            value_schema = shape_schema(values) if values else {}
        schema = {"type": "object", "additionalProperties": value_schema}
    elif kind == "object" and "properties" in shape:
        schema = inline_object_schema(shape["properties"])
    elif kind in SCALAR_SCHEMAS:
        schema = dict(SCALAR_SCHEMAS[kind])
    else:
        raise ValueError(f"unknown catalogue type {kind!r} in {shape!r}")
    if "format" in shape and "$ref" not in schema:
        schema["format"] = shape["format"]
    schema.update(constraint_schema(shape.get("constraints")))
    return schema


def inline_object_schema(properties: Mapping[str, Shape]) -> JsonSchema:
    """Schema of an anonymous object shape (class-level `anyOf` alternatives)."""
    schema: JsonSchema = {
        "type": "object",
        "properties": {name: shape_schema(p) for name, p in properties.items()},
        "additionalProperties": False,
    }
    required = sorted(name for name, p in properties.items() if p.get("required"))
    if required:
        schema["required"] = required
    return schema


def value_schema(prop: Shape) -> JsonSchema:
    """Schema of a property's value, with Kestra's typing of dynamic properties.

    A dynamic property of a non-string scalar type (integer, boolean, duration, ...) also accepts
    an expression string: `anyOf: [<T>, {"type": "string"}]`, exactly as Kestra generates it.
    """
    if prop.get("constraints", {}).get("mustBeNull"):
        # Kestra rejects any value but null (`must be null`), so the declared type is irrelevant.
        return {"type": "null", "$mustBeNull": True}
    if "anyOf" in prop:
        return shape_schema(prop)
    schema = shape_schema(prop)
    if prop.get("dynamic") and prop["type"] in STRING_ALTERNATIVE_TYPES:
        return {"anyOf": [schema, {"type": "string"}]}
    return schema


def annotate(schema: JsonSchema, annotations: Mapping[str, Any]) -> JsonSchema:
    """Attach annotations to a schema.

    Draft 07 ignores siblings of `$ref`, so a bare reference is wrapped as
    `{"allOf": [{"$ref": ...}], <annotations>}` (our one convention for annotated references).
    """
    if not annotations:
        return schema
    if "$ref" in schema:
        return {"allOf": [schema], **annotations}
    return {**schema, **annotations}


def default_markdown(description_parts: list[str], prop: Shape) -> list[str]:
    """Append the facts about a property's default that are worth showing in hover docs."""
    parts = list(description_parts)
    if prop.get("uncertain"):
        if prop.get("runtimeDefault"):
            parts.append(f"When absent, Kestra decides at run time: `{prop['runtimeDefault']}`.")
        elif prop.get("default") is not None:
            parts.append(f"When absent, Kestra computes the value; usually `{yaml_inline(prop['default'])}`.")
    elif prop.get("default") is not None:
        parts.append(f"Default value is : `{yaml_inline(prop['default'])}`")
    return parts


def property_annotations(prop: Shape, title: str | None) -> JsonSchema:
    """Title, markdownDescription, default and Kestra's custom keywords for one property.

    `markdownDescription` only carries what the title does not say (status, default), so editors
    that show both do not repeat the title; it is omitted when there is nothing to add.
    """
    notes: list[str] = []
    if prop.get("deprecated"):
        notes.append("**Deprecated.**")
    if prop.get("aliasOf"):
        notes.append(f"Alternative spelling of `{prop['aliasOf']}`.")
    if prop.get("ignored"):
        notes.append("Accepted by Kestra's parser but ignored.")
    elif prop.get("hidden") or prop.get("setterOnly"):
        notes.append("Hidden: accepted by Kestra's parser, not shown in Kestra's own schema.")
    notes = default_markdown(notes, prop)

    out: JsonSchema = {"$dynamic": bool(prop.get("dynamic"))}
    if title:
        out["title"] = title
    if notes:
        out["markdownDescription"] = "\n\n".join(notes)
    if prop.get("default") is not None and not prop.get("uncertain"):
        out["default"] = prop["default"]
    if prop.get("deprecated"):
        out["$deprecated"] = True
    if prop.get("hidden") or prop.get("setterOnly") or prop.get("ignored"):
        out["$hidden"] = True
    if prop.get("group"):
        out["$group"] = prop["group"]
    if prop.get("internalStorageURI"):
        out["$internalStorageURI"] = True
    return out


def discriminator_values(name: str, cls: Shape) -> list[str] | None:
    """Accepted `type` values of a concrete class, or None when it has no discriminator.

    Plugins (tasks, triggers, conditions) are named by their class, then their aliases;
    `@JsonSubTypes` hierarchies (inputs, retries, SLA, ...) by their subtype name.
    """
    disc = cls.get("discriminator") or {}
    value = disc.get("value")
    if not value:
        return None
    if value == name:
        aliases = disc.get("aliases") or cls.get("aliases") or []
        return [value, *[a for a in aliases if a != value]]
    return [value]


def discriminator_schema(values: list[str], annotations: JsonSchema) -> JsonSchema:
    """Pinned discriminator: `const` for one value, `enum` (class first) with aliases.

    The value schema and default are dropped: the pinned values say everything.
    """
    pinned: JsonSchema = {"const": values[0]} if len(values) == 1 else {"enum": values}
    keep = {k: v for k, v in annotations.items() if k not in ("default", "markdownDescription")}
    if len(values) > 1:
        keep["markdownDescription"] = "Aliases (older names) also accepted: " + ", ".join(f"`{v}`" for v in values[1:])
    return {**pinned, **keep}


def output_schemas(name: str, cls: Shape, descriptions: Descriptions) -> JsonSchema:
    """`$outputs`: each output attribute as a small schema with our title."""
    outputs: JsonSchema = {}
    for attr, shape in cls.get("outputs", {}).items():
        title = descriptions.output(name, attr)
        outputs[attr] = annotate(shape_schema(shape), {"title": title} if title else {})
    return outputs


def class_markdown(cls: Shape, values: list[str] | None) -> str:
    """Hover text of a class beyond its title: kind, accepted `type` aliases, status, outputs."""
    parts: list[str] = [KIND_WORDING.get(cls.get("kind", ""), f"Kind: `{cls.get('kind')}`.")]
    if values and len(values) > 1:
        parts.append("Also accepted as `type`: " + ", ".join(f"`{v}`" for v in values[1:]) + ".")
    if cls.get("deprecated"):
        parts.append("**Deprecated.**")
    if cls.get("beta"):
        parts.append("**Beta**: may change in a future Kestra release.")
    outputs = list(cls.get("outputs", {}))
    if outputs:
        parts.append("Outputs: " + ", ".join(f"`{o}`" for o in outputs) + ".")
    return "\n\n".join(parts)


def is_output_bearing(cls: Shape) -> bool:
    """Tasks and triggers expose outputs; `$outputs` is written for every one of them."""
    kind = str(cls.get("kind", ""))
    return (kind.startswith("task-") or kind == "trigger") and not cls.get("abstract")


def object_schema(name: str, cls: Shape, descriptions: Descriptions) -> JsonSchema:
    """type/properties/required/additionalProperties of a class (no class-level annotations)."""
    values = discriminator_values(name, cls)
    disc_prop = (cls.get("discriminator") or {}).get("property")
    properties: JsonSchema = {}
    required: set[str] = set()
    for prop_name, prop in cls["properties"].items():
        annotations = property_annotations(prop, descriptions.prop(prop.get("declaredIn", ""), prop_name))
        if values and prop_name == disc_prop:
            properties[prop_name] = discriminator_schema(values, annotations)
            required.add(prop_name)
        else:
            properties[prop_name] = annotate(value_schema(prop), annotations)
        if prop.get("required"):
            required.add(prop_name)
    if values and disc_prop and disc_prop not in properties:
        properties[disc_prop] = discriminator_schema(values, {"$dynamic": False})
        required.add(disc_prop)
    schema: JsonSchema = {
        "type": "object",
        "properties": properties,
        "additionalProperties": bool(cls.get("additionalProperties")),
    }
    if required:
        schema["required"] = sorted(required)
    return schema


def class_definition(name: str, cls: Shape, descriptions: Descriptions) -> JsonSchema:
    """Definition of one class: its object schema plus title, markdown and custom keywords.

    A class decoded by a custom `@JsonCreator` with alternative shapes (class-level `anyOf`)
    becomes an `anyOf` of those shapes, its object form built from its properties.
    """
    title = descriptions.title(name)
    body = object_schema(name, cls, descriptions)
    if cls.get("anyOf"):
        alternatives = [body if alt.get("type") == "object" else shape_schema(alt) for alt in cls["anyOf"]]
        definition: JsonSchema = {"anyOf": alternatives}
    else:
        definition = body
    if title:
        definition["title"] = title
    definition["markdownDescription"] = class_markdown(cls, discriminator_values(name, cls))
    definition["$kind"] = cls.get("kind")
    if cls.get("deprecated"):
        definition["$deprecated"] = True
    if cls.get("beta"):
        definition["$beta"] = True
    if is_output_bearing(cls):
        definition["$outputs"] = output_schemas(name, cls, descriptions)
    return definition


def union_definition(base: str, members: Iterable[str], descriptions: Descriptions) -> JsonSchema:
    """A polymorphic base: exactly an `anyOf` of references to its members, plus our title."""
    definition: JsonSchema = {"anyOf": [ref_to(m) for m in sorted(members)]}
    title = descriptions.title(base)
    if title:
        definition["title"] = title
    return definition


def referenced_classes(catalogue: Catalogue) -> set[str]:
    """Every class named by a `ref` anywhere (properties, nested shapes, outputs)."""
    found: set[str] = set()

    def walk(shape: Any) -> None:
        if isinstance(shape, Mapping):
            if shape.get("type") == "ref" and "ref" in shape:
                found.add(shape["ref"])
            for value in shape.values():
                walk(value)
        elif isinstance(shape, list):
            for value in shape:
                walk(value)

    for cls in catalogue.classes.values():
        walk(cls["properties"])
        walk(cls.get("outputs", {}))
    return found


def definition_classes(catalogue: Catalogue) -> list[str]:
    """Classes that get an object definition.

    All concrete, non-internal classes; plus abstract classes that are referenced but are not a
    union base (e.g. Asset, whose implementations are plugins outside the catalogue): those get
    an open definition of their common properties.
    """
    referenced = referenced_classes(catalogue)
    names = []
    for name, cls in catalogue.classes.items():
        if cls.get("internal") or name in catalogue.unions:
            continue
        if not cls.get("abstract") or name in referenced:
            names.append(name)
    return sorted(names)


def build_schema(catalogue: Catalogue, descriptions: Descriptions) -> JsonSchema:
    """The whole draft-07 flow schema."""
    definitions: JsonSchema = {}
    for name in definition_classes(catalogue):
        definitions[name] = class_definition(name, catalogue.classes[name], descriptions)
    for base, members in catalogue.unions.items():
        definitions[base] = union_definition(base, members, descriptions)
    return {"$schema": DRAFT_07, "$ref": f"#/definitions/{ROOT_CLASS}", "definitions": definitions}


def render(schema: JsonSchema) -> str:
    """Deterministic text of the schema (stable key order, one-space indent, final newline)."""
    return json.dumps(schema, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options; without --catalogue and --out, every bundled schema."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalogue", type=Path, help="facts catalogue JSON (with --out)")
    parser.add_argument("--descriptions", type=Path, default=DEFAULT_DESCRIPTIONS, help="our prose (YAML)")
    parser.add_argument("--out", type=Path, help="schema file to write (with --catalogue)")
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 when a schema is stale")
    args = parser.parse_args(argv)
    if (args.catalogue is None) != (args.out is None):
        parser.error("--catalogue and --out go together")
    return args


def main(argv: list[str] | None = None) -> int:
    """Build the schemas, then write them or (with --check) compare them with the files on disk."""
    args = parse_args(argv)
    targets = ((args.catalogue, args.out),) if args.out else BUNDLED
    stale = 0
    for catalogue, out in targets:
        descriptions = load_descriptions(args.descriptions)
        text = render(build_schema(load_catalogue(catalogue), descriptions))
        for label in sorted(set(descriptions.missing)):
            print(f"warning: {out.name}: no description for {label}", file=sys.stderr)
        if args.check:
            current = out.read_text(encoding="utf-8") if out.exists() else None
            if current != text:
                print(f"{out} is stale: run python scripts/build_schema.py", file=sys.stderr)
                stale = 1
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    return stale


if __name__ == "__main__":
    sys.exit(main())
