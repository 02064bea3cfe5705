"""What a Kestra-shaped flow schema says, indexed for dispatch on ``type``.

Kestra's generated schema has no ``discriminator``: a task, trigger, condition, input or
retry is an ``anyOf`` of ``$ref``s whose definitions pin ``type`` with ``const`` or with an
``enum`` of the class name followed by its aliases. That shape is all this module relies on,
so the bundled schema and an instance's own schema are indexed the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from flowls.version import DEFAULT_VERSION, KestraVersion

Schema = dict[str, Any]
_DEFS = "#/definitions/"


@dataclass
class Union:
    """A discriminated union: ``members`` maps each accepted ``type`` value to a definition."""

    key: str  # where it was found: the definition name, or a JSON pointer for an inline anyOf
    property: str
    members: dict[str, str]
    canonical: dict[str, str]  # accepted value -> the value to write instead (itself unless an alias)
    base: Schema  # the properties every member shares: validates members we do not know
    noun: str  # what the members are, for messages: "task", "trigger", "input", ...

    @property
    def is_plugin(self) -> bool:
        """Plugin unions are keyed by Java class names; others (inputs, retries) by short names."""
        return all("." in value for value in self.members)


@dataclass
class SchemaIndex:
    schema: Schema
    flow_definition: str
    # True when the schema lists every plugin of an instance, False for the bundled core subset.
    complete: bool = False
    unions: dict[str, Union] = field(default_factory=dict)
    union_at: dict[int, str] = field(default_factory=dict)  # id() of the schema holding the anyOf -> key
    plugin_types: dict[str, str] = field(default_factory=dict)  # type value -> definition name
    aliases: dict[str, str] = field(default_factory=dict)  # deprecated alias -> canonical class
    version: KestraVersion = DEFAULT_VERSION  # the Kestra version whose flows this schema describes

    @property
    def definitions(self) -> dict[str, Schema]:
        return self.schema["definitions"]

    def outputs_of(self, type_value: str | None) -> dict[str, Schema]:
        """A plugin type's ``$outputs`` ({attribute: {type, title}}); empty when it declares none."""
        target = self.plugin_types.get(type_value or "")
        outputs = self.definitions.get(target, {}).get("$outputs") if target else None
        return outputs if isinstance(outputs, dict) else {}


class SchemaShapeError(ValueError):
    """The document is not a Kestra flow schema."""


def index_schema(schema: Schema, *, complete: bool = False) -> SchemaIndex:
    if not isinstance(schema, dict) or not isinstance(schema.get("definitions"), dict):
        raise SchemaShapeError("not a Kestra flow schema: no 'definitions' object")
    root = schema.get("$ref", "")
    if not isinstance(root, str) or not root.startswith(_DEFS) or root[len(_DEFS) :] not in schema["definitions"]:
        raise SchemaShapeError("not a Kestra flow schema: the root '$ref' names no definition")
    index = SchemaIndex(schema, root[len(_DEFS) :], complete)
    for key, candidate in _subschemas(schema["definitions"]):
        union = _as_union(key, candidate, schema["definitions"])
        if union is not None:
            index.unions[key] = union
            index.union_at[id(candidate)] = key
            if union.is_plugin:
                for value, target in union.members.items():
                    index.plugin_types[value] = target
                    if union.canonical[value] != value:
                        index.aliases[value] = union.canonical[value]
    return index


def ref_name(schema: Schema) -> str | None:
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith(_DEFS):
        return ref[len(_DEFS) :]
    return None


def _subschemas(definitions: dict[str, Schema]) -> Iterator[tuple[str, Schema]]:
    """Every dict in the definitions, keyed by a JSON pointer (or the name at top level)."""
    stack: list[tuple[str, Any]] = [(name, value) for name, value in definitions.items()]
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            yield key, value
            stack.extend((f"{key}/{k}", v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend((f"{key}/{i}", v) for i, v in enumerate(value))


def _as_union(key: str, schema: Schema, definitions: dict[str, Schema]) -> Union | None:
    branches = schema.get("anyOf") or schema.get("oneOf")
    if not isinstance(branches, list) or not branches:
        return None
    targets = [_ref_target(branch) for branch in branches]
    if any(t is None or t not in definitions for t in targets):
        return None
    members: dict[str, str] = {}
    canonical: dict[str, str] = {}
    prop = None
    for target in targets:
        assert target is not None
        found = _pinned(definitions[target])
        if found is None or (prop is not None and found[0] != prop):
            return None
        prop, values = found
        for value in values:
            members.setdefault(value, target)
            canonical.setdefault(value, values[0])
    assert prop is not None
    member_schemas = [definitions[t] for t in targets if t]
    return Union(key, prop, members, canonical, _shared_base(prop, member_schemas), _noun(member_schemas, members))


def _ref_target(branch: Any) -> str | None:
    if not isinstance(branch, dict):
        return None
    name = ref_name(branch)
    if name is None and isinstance(branch.get("allOf"), list) and branch["allOf"]:
        name = ref_name(branch["allOf"][0]) if isinstance(branch["allOf"][0], dict) else None
    return name


def _pinned(definition: Schema) -> tuple[str, list[str]] | None:
    """The discriminator property and the values it accepts (canonical first)."""
    properties = definition.get("properties") or {}
    ordered = sorted(properties.items(), key=lambda item: item[0] != "type")
    for prop, sub in ordered:
        if not isinstance(sub, dict):
            continue
        if isinstance(sub.get("const"), str):
            return prop, [sub["const"]]
        enum = sub.get("enum")
        if prop == "type" and isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
            return prop, list(enum)
    return None


def _shared_base(prop: str, members: list[Schema]) -> Schema:
    """An open schema with the properties (and requirements) all members have in common."""
    shared = set.intersection(*(set(m.get("properties") or {}) for m in members)) - {prop}
    required = set.intersection(*(set(m.get("required") or []) for m in members))
    first = members[0].get("properties") or {}
    return {
        "type": "object",
        "properties": {name: first[name] for name in sorted(shared)},
        "required": sorted(required & shared),
    }


def _noun(members: list[Schema], values: dict[str, str]) -> str:
    kind = members[0].get("$kind")
    if isinstance(kind, str) and kind:
        return kind.split("-")[0]  # task-runnable -> task
    return "plugin" if all("." in value for value in values) else "value"
