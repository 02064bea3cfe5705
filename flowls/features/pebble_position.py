"""Where the cursor is in a Pebble expression: the text of the expression before it (``{{
outputs.`` with no closing braces is read as well as a finished one), and what is being typed
at its end."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flowls.features.schema_docs import MappingSchema
from flowls.features.yaml_outline import Entry, decode
from flowls.pebble import Builtin

IF_TYPES = ("io.kestra.plugin.core.flow.If",)
LOOP_UNTIL = "io.kestra.plugin.core.flow.LoopUntil"


@dataclass
class PebbleText:
    """The Pebble text of an expression up to a place, with what the expression sits in."""

    before: str  # from just after ``{{``/``{%`` (or the value's start, for a bare condition) to the place
    tag: bool  # inside ``{% %}``
    bare: bool  # a runIf/condition value written without braces
    value: str  # the whole value, for the names a template binds


def is_expression_key(entry: Entry, mapping: MappingSchema | None, aliases: dict[str, str]) -> bool:
    """Values Kestra reads as a condition: ``runIf``, an If's or a LoopUntil's ``condition``."""
    if entry.name == "runIf":
        return True
    if entry.name != "condition":
        return False
    kind = entry.block.inline("type")
    kind = aliases.get(kind or "", kind)
    return kind in (*IF_TYPES, LOOP_UNTIL) or (mapping is not None and mapping.definition in (*IF_TYPES, LOOP_UNTIL))


def pebble_text(text: str, entry: Entry, at: int, condition: bool) -> PebbleText | None:
    """The expression of ``entry``'s value that holds ``at``, or None outside any."""
    if at < entry.content_start:
        return PebbleText("", False, True, "") if condition and not entry.inline else None
    value = decode(text, entry, entry.value_end)
    raw = decode(text, entry, at)
    opened = max(raw.rfind("{{"), raw.rfind("{%"))
    comment = raw.rfind("{#")
    if comment > opened and "#}" not in raw[comment:]:
        return None
    if opened >= 0:
        tag = raw[opened + 1] == "%"
        inside = raw[opened + 2 :]
        if ("%}" if tag else "}}") in inside:
            return None  # after the expression, in plain text
        if inside.startswith("-"):
            inside = inside[1:]
        return PebbleText(inside, tag, False, value)
    if condition and "{{" not in value and "{%" not in value:
        return PebbleText(raw, False, True, value)
    return None


@dataclass
class Spot:
    """What is being typed at the end of a Pebble text."""

    kind: str  # "root", "member", "filter", "test", "state", "tag", "operator" or "none"
    word: str = ""  # the partial name before the cursor
    chain: tuple[str, ...] = ()  # for a member: the names before the dot
    quote: str | None = None  # for a state: the quote already typed
    negated: bool = False  # for a test: `is not` already typed


_STATE_BEFORE = re.compile(
    r"(?:(?:execution|tasks\.[\w-]+|\w+)\.state\s*(?:==|!=|equals)\s*"
    r"|tasksWithState\(\s*|execution\.state\s+isIn\s*\[(?:[^\]]*,)?\s*)$"
)
_TEST_BEFORE = re.compile(r"(?<![\w.])is\s+(not\s+)?$")
_OPERAND_KEYWORDS = re.compile(r"(?:^|\W)(?:and|or|not|in|if|elseif|is|contains|equals|isIn)\s+$")
_TAG_TARGET = re.compile(r"^\s*(?:for|set|macro|block)\s+[\w, ]*$")
TAGS = (
    "if", "elseif", "else", "endif", "for", "endfor", "set", "macro", "endmacro", "filter", "endfilter",
    "block", "endblock", "raw", "endraw", "verbatim", "endverbatim",
)  # fmt: skip


def spot(pebble: PebbleText) -> Spot:
    before = pebble.before
    opened = _open_string(before)
    if opened is not None:
        quote, start = opened
        if _STATE_BEFORE.search(before[:start]):
            return Spot("state", before[start + 1 :], quote=quote)
        return Spot("none")
    tail = re.search(r"[\w-]*$", before).group()  # type: ignore[union-attr]
    head = before[: len(before) - len(tail)]
    if head.endswith("."):
        chain = chain_before(head[:-1])
        return Spot("member", tail, chain) if chain else Spot("none")
    word = tail.rsplit("-", 1)[-1]
    if word[:1].isdigit():
        return Spot("none")
    pre = before[: len(before) - len(word)]
    trimmed = pre.rstrip()
    if pebble.tag and not trimmed:
        return Spot("tag", word)
    if pebble.tag and _TAG_TARGET.match(pre):
        return Spot("none")
    if trimmed.endswith("|"):
        return Spot("filter", word)
    test = _TEST_BEFORE.search(pre)
    if test:
        return Spot("test", word, negated=bool(test.group(1)))
    if _STATE_BEFORE.search(pre):
        return Spot("state", word)
    if not trimmed or trimmed[-1] in "([{,:?+-*/%~=<>!" or _OPERAND_KEYWORDS.search(pre):
        return Spot("root", word)
    if pre != trimmed and (trimmed[-1].isalnum() or trimmed[-1] in "_)]'\""):
        return Spot("operator", word)
    return Spot("none")


def _open_string(text: str) -> tuple[str, int] | None:
    quote, start, i = None, 0, 0
    while i < len(text):
        char = text[i]
        if quote is None:
            if char in "'\"":
                quote, start = char, i
        elif char == "\\":
            i += 1
        elif char == quote:
            quote = None
        i += 1
    return (quote, start) if quote is not None else None


def chain_before(text: str) -> tuple[str, ...]:
    """The names of the attribute chain ending ``text`` (``outputs.task['x']`` → outputs, task,
    x); empty when it does not start at a variable."""
    segments: list[str] = []
    i = len(text)
    while i > 0:
        if text[i - 1] == "]":
            match = re.search(r"\[\s*(?:'([^']*)'|\"([^\"]*)\"|(\d+))\s*\]$", text[:i])
            if not match:
                return ()
            segments.append(next(g for g in match.groups() if g is not None))
            i = match.start()
            continue
        match = re.search(r"[\w-]+$", text[:i])
        if not match:
            return ()
        name = match.group()
        i = match.start()
        if i > 0 and text[i - 1] == ".":
            segments.append(name)
            i -= 1
            continue
        root = name.rsplit("-", 1)[-1]
        if not root or root[0].isdigit() or (i > 0 and text[i - 1] in ")]"):
            return ()
        segments.append(root)
        return tuple(reversed(segments))
    return ()


def signature_of(builtin: Builtin) -> str:
    params = [*builtin.params, "..."] if builtin.variadic else list(builtin.params)
    return f"{builtin.name}({', '.join(params)})"


def bound_names(value: str) -> list[str]:
    """Names the template binds (``set``, ``for``, macros), anywhere in it."""
    names: list[str] = []
    for match in re.finditer(r"\{%-?\s*set\s+(\w+)", value):
        names.append(match.group(1))
    for match in re.finditer(r"\{%-?\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\b", value):
        names.extend(n for n in match.groups() if n)
        names.append("loop")
    for match in re.finditer(r"\{%-?\s*macro\s+(\w+)\s*\(([^)]*)\)", value):
        names.append(match.group(1))
        names.extend(p.split("=")[0].strip() for p in match.group(2).split(",") if p.strip())
    return list(dict.fromkeys(names))
