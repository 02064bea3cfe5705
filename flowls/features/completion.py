"""Completion: property keys, type and enum values, new-task snippets, and the names of Pebble
expressions, for a cursor in a flow being typed.

Everything is found from the text before the cursor and the indentation of the lines around it
(:mod:`flowls.features.yaml_outline`), so a line that does not parse yet is completed too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from flowls.features.document import FlowFile
from flowls.features.expression_context import LOOP_ROOTS, ROOTS, Scope, members, scope
from flowls.features.pebble_position import (
    TAGS,
    PebbleText,
    bound_names,
    is_expression_key,
    pebble_text,
    signature_of,
    spot,
)
from flowls.features.schema_docs import (
    Located,
    MappingSchema,
    flagged,
    items_schema,
    locate,
    property_documentation,
    property_schema,
    scalar_choices,
    shape,
    union_of,
)
from flowls.features.yaml_outline import Cursor, Entry, Outline, read
from flowls.model.flow import renders_in_loop_iteration
from flowls.pebble import STATES, TERMINAL_STATES, Builtin, Dialect
from flowls.references import ROOT_VARIABLES
from flowls.schema.index import Schema, SchemaIndex, Union


@dataclass(frozen=True)
class Completion:
    label: str
    # "property" | "value" | "type" | "variable" | "function" | "filter" | "test" | "task" | "state" | "snippet"
    # | "keyword"
    kind: str
    detail: str | None = None
    documentation: str | None = None  # Markdown
    insert_text: str | None = None  # None means the label
    snippet: bool = False  # insert_text uses LSP snippet syntax ($1, ${1:default}, $0)
    sort_text: str | None = None
    replace: tuple[int, int] | None = None  # document offsets of the text this item replaces


def complete(file: FlowFile, offset: int) -> list[Completion]:
    """What may be typed at ``offset``; never raises, [] when nothing fits."""
    try:
        offset = max(0, min(offset, len(file.text)))
        found = _complete(file, offset)
    except Exception:  # an editor feature must never take the server down
        return []
    return sorted(found, key=lambda c: (c.sort_text or c.label, c.label))


def _complete(file: FlowFile, offset: int) -> list[Completion]:
    outline = read(file.text, offset)
    cursor = outline.cursor
    if cursor.kind == "value" and cursor.entry is not None:
        return _value_items(file, outline, cursor.entry, offset)
    if cursor.kind == "key":
        return _key_position(file, cursor)
    return []


# --- keys --------------------------------------------------------------------------------------


def _key_position(file: FlowFile, cursor: Cursor) -> list[Completion]:
    """A key being typed; on a new list item (or where one may start), the item snippets too."""
    index = file.schema
    found: list[Completion] = []
    replace = (cursor.word_start, cursor.word_end)
    fresh = cursor.existing_key is None and not cursor.after_word.strip()
    scalar_items = False
    if cursor.seq is not None and fresh:
        node = locate(index, cursor.seq).node
        item = items_schema(index, node) if node is not None else None
        found.extend(_item_items(index, item, dash=not cursor.new_item, replace=replace))
        scalar_items = cursor.new_item and bool(scalar_choices(index, item)) and union_of(index, item) is None
    if cursor.block is not None and not scalar_items:
        located = locate(index, cursor.block)
        if located.mapping is not None:
            found.extend(_key_items(index, located.mapping, cursor, replace))
        elif located.node is not None and fresh and cursor.block.parent is not None and not cursor.block.keys:
            item = items_schema(index, located.node)  # a list expected under the key above
            found.extend(_item_items(index, item, dash=True, replace=replace))
    return found


def _key_items(
    index: SchemaIndex, mapping: MappingSchema, cursor: Cursor, replace: tuple[int, int]
) -> list[Completion]:
    assert cursor.block is not None
    present = set(cursor.block.keys) - {cursor.existing_key}
    required = mapping.required
    plain = cursor.after_word.lstrip().startswith(":")
    found = []
    for name, prop in mapping.properties.items():
        if name in present or not isinstance(prop, dict) or flagged(prop, "$deprecated") or flagged(prop, "$hidden"):
            continue
        rank = 0 if name in required else 2 if prop.get("$group") == "core" else 1
        insert = None if plain else _key_snippet(index, name, prop)
        found.append(
            Completion(
                name,
                "property",
                prop.get("title") if isinstance(prop.get("title"), str) else None,
                property_documentation(prop),
                insert,
                insert is not None,
                f"{rank}{name}",
                replace,
            )
        )
    return found


def _key_snippet(index: SchemaIndex, name: str, prop: Schema) -> str:
    kind = shape(index, prop)
    if kind == "list":
        return f"{name}:\n  - $0"
    if kind == "union":
        union = union_of(index, prop)
        return f"{name}:\n  {union.property if union else 'type'}: $0"
    if kind == "object":
        return f"{name}:\n  $0"
    choices = scalar_choices(index, prop)
    if choices and all(_choice_safe(v) for v in choices):
        return f"{name}: ${{1|{','.join(_scalar(v) for v in choices)}|}}"
    return f"{name}: $0"


def _choice_safe(value: Any) -> bool:
    return not any(c in _scalar(value) for c in ",|\\$}")


def _scalar(value: Any) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "null" if value is None else str(value)


# --- new list items ----------------------------------------------------------------------------

_PLUGIN = "io.kestra.plugin.core."
# Common tasks offered as snippets on a new item of a task list: (label, type, body after type).
TASK_SNIPPETS = (
    ("Log", "log.Log", "message: ${2:Hello}"),
    ("Return", "debug.Return", "format: ${2:value}"),
    ("If", "flow.If", 'condition: "{{ ${2:true} }}"\nthen:\n  - $0'),
    ("Switch", "flow.Switch", 'value: "{{ ${2:inputs.value} }}"\ncases:\n  ${3:A}:\n    - $0'),
    ("Parallel", "flow.Parallel", "tasks:\n  - $0"),
    ("Sequential", "flow.Sequential", "tasks:\n  - $0"),
    ("ForEach", "flow.ForEach", 'values: ${2:["a", "b"]}\ntasks:\n  - $0'),
    ("Subflow", "flow.Subflow", "namespace: ${2:company.team}\nflowId: ${3:flow_id}"),
    ("Request", "http.Request", "uri: ${2:https://example.com}"),
    ("Sleep", "flow.Sleep", "duration: ${2:PT1M}"),
    ("SetVariables", "execution.SetVariables", "variables:\n  ${2:name}: ${3:value}"),
    ("Pause", "flow.Pause", "pauseDuration: ${2:PT1H}"),
)


def _item_items(index: SchemaIndex, item: Schema | None, *, dash: bool, replace: tuple[int, int]) -> list[Completion]:
    if item is None:
        return []
    prefix = "- " if dash else ""
    union = union_of(index, item)
    if union is not None:
        return _union_snippets(index, union, prefix, replace)
    return [
        Completion(_scalar(v), "value", None, None, prefix + _scalar(v) if dash else None, False, f"0{i:03}", replace)
        for i, v in enumerate(scalar_choices(index, item))
    ]


def _union_snippets(index: SchemaIndex, union: Union, prefix: str, replace: tuple[int, int]) -> list[Completion]:
    found = []
    if union.noun == "task":
        for position, (label, short, body) in enumerate(TASK_SNIPPETS):
            kind = _PLUGIN + short
            target = union.members.get(kind)
            if target is None:
                continue
            definition = index.definitions[target]
            lines = [f"{prefix}id: ${{1:{label.lower()}}}", f"type: {kind}", *body.split("\n")]
            text = "\n  ".join(lines)
            title = definition.get("title")
            found.append(Completion(label, "task", kind, title, text, True, f"0{position + 1:02}", replace))
    values = sorted({union.canonical[v] for v in union.members})
    has_id = "id" in union.base.get("properties", {})
    choice = f"${{{2 if has_id else 1}|{','.join(values)}|}}"
    lines = []
    if has_id:
        lines.append(f"id: ${{1:{union.noun}_id}}")
    lines.append(f"{union.property}: {choice}")
    text = prefix + "\n  ".join(lines)
    found.insert(
        0,
        Completion(
            f"new {union.noun}", "snippet", f"A {union.noun} with its id and type", None, text, True, "000", replace
        ),
    )
    return found


# --- values ------------------------------------------------------------------------------------


def _value_items(file: FlowFile, outline: Outline, entry: Entry, offset: int) -> list[Completion]:
    index = file.schema
    located = locate(index, entry.block)
    mapping = located.mapping
    condition = entry.key_start is not None and is_expression_key(entry, mapping, index.aliases)
    pebble = pebble_text(file.text, entry, offset, condition)
    if pebble is not None:
        return _expression_items(file, outline, located, entry, pebble, offset)
    replace = _value_range(file.text, entry, offset)
    if entry.key_start is None:  # a scalar item of a list
        item = items_schema(index, located.node) if located.node is not None else None
        return [
            Completion(_scalar(v), "value", None, None, None, False, f"{i:03}", replace)
            for i, v in enumerate(scalar_choices(index, item))
        ]
    if mapping is None:
        return []
    name = str(entry.name)
    if mapping.union is not None and name == mapping.union.property:
        return _type_items(index, mapping.union, replace)
    if name == "type" and mapping.definition == "io.kestra.core.models.flows.PluginDefault":
        return _plugin_type_items(index, replace)
    prop = property_schema(mapping, name)
    default = _scalar(prop["default"]) if isinstance(prop, dict) and "default" in prop else None
    found = []
    for position, value in enumerate(scalar_choices(index, prop)):
        label = _scalar(value)
        detail = "default" if label == default else None
        found.append(Completion(label, "value", detail, None, None, False, f"{position:03}", replace))
    return found


def _value_range(text: str, entry: Entry, offset: int) -> tuple[int, int]:
    start, end = entry.content_start, entry.value_end
    if entry.style in ('"', "'"):
        if end - 1 >= start and text[end - 1] == entry.style:
            end -= 1
    elif entry.style in ("|", ">"):
        return offset, offset
    if not start <= offset <= end:
        return offset, offset
    return start, end


def _type_items(index: SchemaIndex, union: Union, replace: tuple[int, int]) -> list[Completion]:
    found = []
    for value, target in union.members.items():
        if union.canonical[value] != value:
            continue  # a deprecated alias
        definition = index.definitions[target]
        title = definition.get("title")
        doc = definition.get("markdownDescription")
        found.append(
            Completion(value, "type", title, doc if isinstance(doc, str) else None, None, False, None, replace)
        )
    return found


def _plugin_type_items(index: SchemaIndex, replace: tuple[int, int]) -> list[Completion]:
    found = []
    for value, target in index.plugin_types.items():
        if value in index.aliases:
            continue
        title = index.definitions[target].get("title")
        found.append(Completion(value, "type", title, None, None, False, None, replace))
    return found


# --- expressions -------------------------------------------------------------------------------

_OPERATORS = ("and", "or", "is", "is not", "contains", "isIn")


def _expression_items(
    file: FlowFile, outline: Outline, located: Located, entry: Entry, pebble: PebbleText, offset: int
) -> list[Completion]:
    where = spot(pebble)
    text = file.text
    after = re.match(r"[\w-]*" if where.kind == "member" else r"\w*", text[offset:])
    replace = (offset - len(where.word), offset + (after.end() if after else 0))
    dialect = file.schema.version.dialect
    if where.kind == "root":
        here = scope(file, outline, located, offset, entry)
        loop = file.schema.version.major >= 2 and renders_in_loop_iteration(here.task, here.key)
        found = _root_items(pebble, replace, dialect, LOOP_ROOTS if loop else {})
        if pebble.bare and not pebble.before.strip() and not entry.inline:
            braces = '"{{ $1 }}"' if entry.style is None else "{{ $1 }}"
            found.insert(0, Completion("{{ }}", "snippet", "Pebble expression", None, braces, True, "00", replace))
        return found
    if where.kind == "member":
        return _member_items(file, scope(file, outline, located, offset, entry), where.chain, replace)
    if where.kind == "filter":
        return [_builtin(b, "filter", replace, call=False) for b in dialect.filters.values()]
    if where.kind == "test":
        found = [_builtin(b, "test", replace, call=False) for b in dialect.tests.values()]
        if not where.negated:
            found.append(Completion("not", "keyword", None, None, None, False, "~not", replace))
        return found
    if where.kind == "state":
        return _state_items(where.quote, replace)
    if where.kind == "tag":
        return [Completion(t, "keyword", "tag", None, None, False, f"{i:02}", replace) for i, t in enumerate(TAGS)]
    if where.kind == "operator":
        return [
            Completion(o, "keyword", "operator", None, None, False, f"{i}", replace) for i, o in enumerate(_OPERATORS)
        ]
    return []


def _member_items(file: FlowFile, where: Scope, chain: tuple[str, ...], replace: tuple[int, int]) -> list[Completion]:
    found = []
    for position, member in enumerate(members(file, where, chain)):
        insert, span = None, replace
        if not re.fullmatch(r"[A-Za-z_]\w*", member.name):  # `my-task`: a subscript, from the dot
            insert, span = f"['{member.name}']", (replace[0] - 1, replace[1])
        sort = f"{position:04}"
        found.append(
            Completion(member.name, member.kind, member.detail, member.documentation, insert, False, sort, span)
        )
    return found


def _root_items(
    pebble: PebbleText, replace: tuple[int, int], dialect: Dialect, local: dict[str, str]
) -> list[Completion]:
    found = [
        Completion(name, "variable", None, {**ROOTS, **local}.get(name), None, False, "0" + name, replace)
        for name in sorted(ROOT_VARIABLES | set(local))
    ]
    for name in bound_names(pebble.value):
        if name not in ROOT_VARIABLES:
            found.append(Completion(name, "variable", "set in this template", None, None, False, "0" + name, replace))
    found.extend(_builtin(b, "function", replace, call=True) for b in dialect.functions.values())
    return found


def _builtin(builtin: Builtin, kind: str, replace: tuple[int, int], *, call: bool) -> Completion:
    signature = signature_of(builtin)
    insert, snippet = None, False
    if call:
        insert, snippet = (
            (f"{builtin.name}(${{1}})", True) if builtin.params or builtin.variadic else (f"{builtin.name}()", False)
        )
    sort = ("1" if kind == "function" else "0") + builtin.name
    return Completion(builtin.name, kind, signature, builtin.doc, insert, snippet, sort, replace)


def _state_items(quote: str | None, replace: tuple[int, int]) -> list[Completion]:
    found = []
    for position, state in enumerate(STATES):
        detail = "terminal state" if state in TERMINAL_STATES else "state"
        insert = None if quote else f"'{state}'"
        found.append(Completion(state, "state", detail, None, insert, False, f"{position:02}", replace))
    return found
