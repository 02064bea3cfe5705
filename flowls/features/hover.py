"""Hover: what the schema says about a property key or a ``type:`` value, and what a name of a
Pebble expression stands for."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowls.features.document import FlowFile
from flowls.features.dry_run import phase_task_markdown
from flowls.features.expression_context import LOOP_ROOTS, ROOTS, execution_state_markdown, members, scope
from flowls.features.pebble_position import bound_names, chain_before, is_expression_key, pebble_text, signature_of
from flowls.features.schema_docs import (
    Located,
    MappingSchema,
    locate,
    property_markdown,
    type_markdown,
)
from flowls.features.yaml_outline import Entry, Outline, read
from flowls.model import Phase
from flowls.pebble import Builtin


@dataclass(frozen=True)
class HoverInfo:
    markdown: str
    start: int  # document offsets of what is hovered
    end: int


def hover(file: FlowFile, offset: int) -> HoverInfo | None:
    """What is under ``offset``; never raises, None when there is nothing to say."""
    try:
        return _hover(file, max(0, min(offset, len(file.text))))
    except Exception:  # an editor feature must never take the server down
        return None


def _hover(file: FlowFile, offset: int) -> HoverInfo | None:
    shown = _phase_task_hover(file, offset)
    if shown is not None:
        return shown
    outline = read(file.text, offset)
    entry = outline.key_at(offset)
    if entry is not None:
        return _key_hover(file, entry)
    entry = outline.value_at(offset)
    if entry is None:
        return None
    return _value_hover(file, outline, entry, offset)


def _phase_task_hover(file: FlowFile, offset: int) -> HoverInfo | None:
    """On the id of a task that runs after the others: when it runs and the state it sees."""
    flow = file.flow_at(offset)
    if flow is None:
        return None
    for task in flow.all_tasks():
        id_node = task.mapping.get("id")
        if task.phase is not Phase.TASKS and id_node is not None and id_node.start <= offset <= id_node.end:
            return HoverInfo(phase_task_markdown(file, flow, task), id_node.start, id_node.end)
    return None


def _key_hover(file: FlowFile, entry: Entry) -> HoverInfo | None:
    mapping = locate(file.schema, entry.block).mapping
    if mapping is None:
        return None
    name = str(entry.name)
    prop = mapping.properties.get(name)
    if not isinstance(prop, dict):
        return None
    if mapping.union is not None and name == mapping.union.property:
        prop = {k: v for k, v in prop.items() if k not in ("const", "enum")}
        prop.setdefault("type", "string")
    assert entry.key_start is not None and entry.key_end is not None
    return HoverInfo(property_markdown(file.schema, name, prop, mapping), entry.key_start, entry.key_end)


def _value_hover(file: FlowFile, outline: Outline, entry: Entry, offset: int) -> HoverInfo | None:
    index = file.schema
    located = locate(index, entry.block)
    mapping = located.mapping
    if entry.key_start is not None and mapping is not None:
        shown = _type_hover(file, entry, mapping)
        if shown is not None:
            return shown
    condition = entry.key_start is not None and is_expression_key(entry, mapping, index.aliases)
    text = file.text
    start, end = offset, offset
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] == "_"):
        end += 1
    if start == end:
        return None
    pebble = pebble_text(text, entry, start, condition)
    if pebble is None or not _inside(text, entry, end, pebble.tag):
        return None
    word = text[start:end]
    before = pebble.before
    after = text[end:].lstrip()
    dialect = file.schema.version.dialect
    if before.endswith(".") or (before.endswith("-") and _dashed_member(before)):
        return _member_hover(file, outline, located, entry, before, word, start, end, offset)
    trimmed = before.rstrip()
    if trimmed.endswith("|") and word in dialect.filters:
        return HoverInfo(_builtin_markdown(dialect.filters[word], "filter"), start, end)
    if re.search(r"(?:^|\W)is\s+(?:not\s+)?$", before) and word in dialect.tests:
        return HoverInfo(_builtin_markdown(dialect.tests[word], "test"), start, end)
    if after.startswith("(") and word in dialect.functions:
        return HoverInfo(_builtin_markdown(dialect.functions[word], "function"), start, end)
    roots = {**ROOTS, **LOOP_ROOTS} if file.schema.version.major >= 2 else ROOTS
    if word in roots:
        return HoverInfo(f"**{word}** · variable\n\n{roots[word]}", start, end)
    if word in bound_names(pebble.value):
        return HoverInfo(f"**{word}** · variable set in this template", start, end)
    return None


def _dashed_member(before: str) -> bool:
    return bool(re.search(r"\.[\w-]*-$", before))


def _inside(text: str, entry: Entry, end: int, tag: bool) -> bool:
    """Whether the word ending at ``end`` is still inside its expression (not after ``}}``)."""
    rest = text[end : entry.value_end]
    closer = "%}" if tag else "}}"
    opener = rest.find("{{" if not tag else "{%")
    close = rest.find(closer)
    return close < 0 or opener < 0 or close < opener


def _member_hover(
    file: FlowFile,
    outline: Outline,
    located: Located,
    entry: Entry,
    before: str,
    word: str,
    start: int,
    end: int,
    offset: int,
) -> HoverInfo | None:
    dashed = re.search(r"([\w-]*-)$", before) if before.endswith("-") else None
    if dashed:
        before = before[: len(before) - len(dashed.group(1))]
        word = dashed.group(1) + word
        start -= len(dashed.group(1))
    text = file.text
    tail = re.match(r"(?:-[\w]+)+", text[end:])
    if tail and before.endswith("."):
        chain_head = chain_before(before[:-1])
        if chain_head and chain_head[0] in ("inputs", "outputs", "tasks") and len(chain_head) == 1:
            word += tail.group()
            end += tail.end()
    chain = chain_before(before[:-1])
    if not chain:
        return None
    where = scope(file, outline, located, offset, entry)
    if chain == ("execution",) and word == "state":
        return HoverInfo(execution_state_markdown(where.phase), start, end)
    for member in members(file, where, chain):
        if member.name == word:
            head = f"**{'.'.join((*chain, word))}**"
            if member.detail and member.kind != "task":
                head += f" · {member.detail}"
            parts = [head, member.documentation or ""]
            return HoverInfo("\n\n".join(p for p in parts if p), start, end)
    return None


def _type_hover(file: FlowFile, entry: Entry, mapping: MappingSchema) -> HoverInfo | None:
    index = file.schema
    name = str(entry.name)
    value = entry.inline.strip()
    if not value or entry.style in ("|", ">"):
        return None
    start = entry.content_start
    end = start + len(value) if entry.style is None else entry.value_end - 1
    if mapping.union is not None and name == mapping.union.property:
        return HoverInfo(type_markdown(index, mapping.union, value), start, end)
    if name == "type" and mapping.definition == "io.kestra.core.models.flows.PluginDefault":
        for union in index.unions.values():
            if union.is_plugin and value in union.members:
                return HoverInfo(type_markdown(index, union, value), start, end)
    return None


def _builtin_markdown(builtin: Builtin, kind: str) -> str:
    return f"**{signature_of(builtin)}** · {kind}\n\n{builtin.doc}"
