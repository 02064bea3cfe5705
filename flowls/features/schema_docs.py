"""What the schema says about the mapping, property or type value at a place of a flow, and
that knowledge as Markdown, shared by completion and hover."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flowls.features.yaml_outline import Block
from flowls.schema.index import Schema, SchemaIndex, Union, ref_name

_KIND_WORDS = {
    "task-runnable": "task (runnable)",
    "task-flowable": "task (flowable)",
    "task-executable": "task (subflow)",
    "task-execution-updating": "task (updates the execution)",
}
_NOISE = ("Nested object used by other definitions.", "Flow input.", "Flow definition.")


@dataclass
class MappingSchema:
    """The object schema of a mapping: a definition, or what every member of a union shares
    when the mapping's ``type`` is missing or unknown."""

    schema: Schema
    definition: str | None = None
    union: Union | None = None
    type_value: str | None = None

    @property
    def known(self) -> bool:
        return self.union is None or self.definition is not None

    @property
    def properties(self) -> dict[str, Schema]:
        props = self.schema.get("properties")
        return props if isinstance(props, dict) else {}

    @property
    def required(self) -> set[str]:
        required = self.schema.get("required")
        return set(required) if isinstance(required, list) else set()


@dataclass
class Located:
    """Each block of an outline chain with its schema node and, for mappings, its object schema."""

    blocks: list[Block]
    nodes: list[Schema | None]
    mappings: list[MappingSchema | None]
    tasks: list[Block] = field(default_factory=list)  # the mappings that are tasks, outermost first

    @property
    def node(self) -> Schema | None:
        return self.nodes[-1] if self.nodes else None

    @property
    def mapping(self) -> MappingSchema | None:
        return self.mappings[-1] if self.mappings else None


def locate(index: SchemaIndex, block: Block) -> Located:
    """Walk the schema from the flow down the block's chain, picking union members by the
    ``type`` written in each mapping."""
    chain = block.chain()
    node: Schema | None = {"$ref": "#/definitions/" + index.flow_definition}
    located = Located(chain, [], [])
    for position, current in enumerate(chain):
        if position > 0:
            node = _child(index, chain[position - 1], located.mappings[-1], located.nodes[-1], current.segment)
        located.nodes.append(node)
        mapping = None
        if current.kind == "map" and node is not None:
            mapping = mapping_schema(index, node, current.inline("type"))
            if mapping is not None and mapping.union is not None and mapping.union.noun == "task":
                located.tasks.append(current)
        located.mappings.append(mapping)
    return located


def _child(
    index: SchemaIndex, parent: Block, mapping: MappingSchema | None, node: Schema | None, segment: str | int | None
) -> Schema | None:
    if node is None or segment is None:
        return None
    if parent.kind == "seq":
        return items_schema(index, node)
    if mapping is None:
        return None
    if (
        mapping.definition == "io.kestra.core.models.flows.PluginDefault"
        and segment == "values"
        and parent.inline("type") in index.plugin_types
    ):
        return {"$ref": "#/definitions/" + index.plugin_types[parent.inline("type")]}  # type: ignore[index]
    return property_schema(mapping, str(segment))


def property_schema(mapping: MappingSchema, key: str) -> Schema | None:
    prop = mapping.properties.get(key)
    if isinstance(prop, dict):
        return prop
    extra = mapping.schema.get("additionalProperties")
    return extra if isinstance(extra, dict) and extra else None


def mapping_schema(index: SchemaIndex, node: Schema, type_value: str | None) -> MappingSchema | None:
    definition: str | None = None
    for _ in range(32):  # references chain a few levels at most
        if not isinstance(node, dict):
            return None
        union_key = index.union_at.get(id(node))
        if union_key is not None:
            return _member(index, index.unions[union_key], type_value)
        name = ref_name(node)
        if name is not None:
            if name not in index.definitions:
                return None
            definition, node = name, index.definitions[name]
            continue
        if isinstance(node.get("properties"), dict) or node.get("type") == "object":
            return MappingSchema(node, definition)
        branches = node.get("allOf") or node.get("anyOf") or node.get("oneOf")
        if not isinstance(branches, list):
            return None
        nxt = next((b for b in branches if isinstance(b, dict) and _may_be_object(index, b)), None)
        if nxt is None:
            return None
        node = nxt
    return None


def _may_be_object(index: SchemaIndex, node: Schema) -> bool:
    kind = node.get("type")
    return kind == "object" or "$ref" in node or "properties" in node or any(k in node for k in ("allOf", "anyOf"))


def _member(index: SchemaIndex, union: Union, type_value: str | None) -> MappingSchema:
    target = union.members.get(type_value) if type_value else None
    if target is not None:
        return MappingSchema(index.definitions[target], target, union, type_value)
    first = index.definitions[next(iter(union.members.values()))]
    discriminator = dict((first.get("properties") or {}).get(union.property) or {})
    for pinned in ("const", "enum"):
        discriminator.pop(pinned, None)
    base = dict(union.base)
    base["properties"] = {**base.get("properties", {}), union.property: discriminator}
    base["required"] = sorted({*base.get("required", ()), union.property})
    return MappingSchema(base, None, union, type_value)


def items_schema(index: SchemaIndex, node: Schema) -> Schema | None:
    """The item schema of a schema that describes a list."""
    for _ in range(32):
        if not isinstance(node, dict):
            return None
        if isinstance(node.get("items"), dict):
            return node["items"]
        name = ref_name(node)
        if name is not None:
            node = index.definitions.get(name)  # type: ignore[assignment]
            continue
        branches = node.get("allOf") or node.get("anyOf") or node.get("oneOf")
        if not isinstance(branches, list):
            return None
        nxt = next((b for b in branches if isinstance(b, dict) and (b.get("type") == "array" or "items" in b)), None)
        if nxt is None:
            return None
        node = nxt
    return None


def union_of(index: SchemaIndex, node: Schema | None) -> Union | None:
    """The union a schema (an item schema, a property) stands for, if any."""
    for _ in range(8):
        if not isinstance(node, dict):
            return None
        key = index.union_at.get(id(node))
        if key is not None:
            return index.unions[key]
        name = ref_name(node)
        if name is not None:
            node = index.definitions.get(name)
            continue
        parts = node.get("allOf")
        if isinstance(parts, list) and len(parts) == 1:
            node = parts[0]
            continue
        return None
    return None


# --- flags and shapes --------------------------------------------------------------------------


def flagged(prop: Any, keyword: str) -> bool:
    """Whether a Kestra keyword (``$dynamic``, ``$deprecated``, ``$hidden``) is true on a
    property schema, or on an ``allOf`` part around its reference."""
    if not isinstance(prop, dict):
        return False
    if prop.get(keyword) is True:
        return True
    parts = prop.get("allOf")
    return isinstance(parts, list) and any(isinstance(p, dict) and p.get(keyword) is True for p in parts)


def scalar_choices(index: SchemaIndex, prop: Schema | None) -> list[Any]:
    """The values an enum, a const or a boolean property accepts."""
    found: list[Any] = []
    stack = [prop]
    for _ in range(16):
        if not stack:
            break
        node = stack.pop(0)
        if not isinstance(node, dict):
            continue
        if isinstance(node.get("enum"), list):
            found.extend(v for v in node["enum"] if v not in found)
        elif "const" in node and node["const"] not in found:
            found.append(node["const"])
        elif node.get("type") == "boolean" or (isinstance(node.get("type"), list) and "boolean" in node["type"]):
            found.extend(v for v in (True, False) if v not in found)
        name = ref_name(node)
        if name is not None and name in index.definitions and index.union_at.get(id(index.definitions[name])) is None:
            stack.append(index.definitions[name])
        for key in ("allOf", "anyOf", "oneOf"):
            if isinstance(node.get(key), list):
                stack.extend(node[key])
    return found


def shape(index: SchemaIndex, prop: Schema | None) -> str:
    """The shape of a property's value: "list", "object", "union" (an object chosen by its
    type), or "scalar"."""
    if not isinstance(prop, dict):
        return "scalar"
    if union_of(index, prop) is not None:
        return "union"
    kinds = _types(index, prop)
    if kinds == {"array"}:
        return "list"
    if kinds and kinds <= {"array", "object"}:
        return "object"
    return "scalar"


def _types(index: SchemaIndex, prop: Schema, depth: int = 0) -> set[str]:
    if depth > 8:
        return set()
    kind = prop.get("type")
    if isinstance(kind, str):
        return {kind}
    if isinstance(kind, list):
        return set(kind)
    name = ref_name(prop)
    if name is not None:
        target = index.definitions.get(name)
        return _types(index, target, depth + 1) if isinstance(target, dict) else set()
    found: set[str] = set()
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in prop.get(key) or ():
            if isinstance(branch, dict):
                found |= _types(index, branch, depth + 1)
    if not found and "properties" in prop:
        found.add("object")
    return found


def type_words(index: SchemaIndex, prop: Schema | None, depth: int = 0) -> str:
    """What a property holds, in a few words: "string", "list of tasks", "retry", "one of A, B"."""
    if not isinstance(prop, dict) or depth > 6:
        return "any"
    union = union_of(index, prop)
    if union is not None:
        return union.noun
    if isinstance(prop.get("enum"), list):
        return "one of " + ", ".join(str(v) for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    name = ref_name(prop)
    if name is not None:
        return name.rsplit(".", 1)[-1].replace("$", ".")
    kind = prop.get("type")
    if kind == "array":
        items = prop.get("items")
        inner = type_words(index, items, depth + 1) if isinstance(items, dict) and items else "any"
        return f"list of {_plural(inner)}"
    if kind == "object":
        extra = prop.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return f"map of {_plural(type_words(index, extra, depth + 1))}"
        return "map"
    if isinstance(kind, str):
        return kind + (f" ({prop['format']})" if isinstance(prop.get("format"), str) else "")
    if isinstance(kind, list):
        return " or ".join(kind)
    for key in ("allOf", "anyOf", "oneOf"):
        branches = [b for b in prop.get(key) or () if isinstance(b, dict)]
        if branches:
            words: list[str] = []
            for branch in branches:
                word = type_words(index, branch, depth + 1)
                if word not in words:
                    words.append(word)
            return " or ".join(words)
    return "any"


def _plural(noun: str) -> str:
    if " " in noun or noun.endswith("s") or noun.startswith("`"):
        return noun
    return noun[:-1] + "ies" if noun.endswith("y") else noun + "s"


# --- Markdown ----------------------------------------------------------------------------------


def description(prop: Schema) -> str | None:
    """A property's markdownDescription without the lines the other fields already say."""
    text = prop.get("markdownDescription")
    if not isinstance(text, str):
        return None
    kept = [
        part
        for part in text.split("\n\n")
        if part.strip()
        and not part.startswith("Default value is")
        and part.strip() not in ("**Deprecated.**", *_NOISE)
        and not part.startswith("Hidden:")
        and not part.startswith("Also accepted as `type`")
    ]
    return "\n\n".join(kept) or None


def format_default(value: Any) -> str:
    return json.dumps(value)


def property_documentation(prop: Schema) -> str | None:
    """The documentation shown beside a property in completion: description and default."""
    parts = [p for p in (description(prop),) if p]
    if "default" in prop:
        parts.append(f"Default: `{format_default(prop['default'])}`")
    return "\n\n".join(parts) or None


def property_markdown(index: SchemaIndex, name: str, prop: Schema, mapping: MappingSchema) -> str:
    """Hover text of a property key."""
    facts = [type_words(index, prop)]
    if name in mapping.required:
        facts.append("required")
    lines = [f"**{name}** · {' · '.join(facts)}"]
    title = prop.get("title")
    if isinstance(title, str) and title:
        lines.append(title)
    more = description(prop)
    if more:
        lines.append(more)
    details = []
    if "default" in prop:
        details.append(f"- Default: `{format_default(prop['default'])}`")
    if flagged(prop, "$dynamic"):
        details.append("- Dynamic: Pebble expressions are rendered")
    else:
        details.append("- Not dynamic: written as is, expressions are not rendered")
    if flagged(prop, "$deprecated"):
        details.append("- **Deprecated**")
    lines.append("\n".join(details))
    owner = mapping.definition or (f"every {mapping.union.noun}" if mapping.union else None)
    if owner:
        lines.append(f"In `{owner}`")
    return "\n\n".join(lines)


def kind_words(definition: Schema, union: Union | None) -> str:
    kind = definition.get("$kind")
    if isinstance(kind, str) and kind:
        return _KIND_WORDS.get(kind, kind)
    return union.noun if union else "type"


def aliases_of(union: Union, canonical: str) -> list[str]:
    return [value for value, target in union.canonical.items() if target == canonical and value != canonical]


def type_markdown(index: SchemaIndex, union: Union, value: str) -> str:
    """Hover text of a ``type:`` value."""
    target = union.members.get(value)
    if target is None:
        return (
            f"**{value}** · unknown {union.noun} type\n\n"
            f"Not in the loaded schema: only the properties every {union.noun} shares are known."
        )
    definition = index.definitions[target]
    canonical = union.canonical.get(value, value)
    lines = [f"**{canonical}** · {kind_words(definition, union)}"]
    if canonical != value:
        lines[0] = f"**{value}** · {kind_words(definition, union)}"
        lines.append(f"Deprecated alias of `{canonical}`.")
    title = definition.get("title")
    if isinstance(title, str) and title:
        lines.append(title)
    more = description(definition)
    if more:
        lines.append(more)
    aliases = aliases_of(union, canonical)
    if aliases and canonical == value:
        lines.append("Aliases: " + ", ".join(f"`{a}`" for a in aliases))
    return "\n\n".join(lines)
