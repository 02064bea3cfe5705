"""Where each character of a scalar's value comes from in the document.

A scalar's ``text`` is its content as YAML defines it: escapes decoded, lines folded, block
indentation removed, chomping applied. To point at a place inside a value (a Pebble expression
in a string, say), :func:`value_offsets` maps every character of ``text`` back to the document.

The decoding below mirrors libyaml's scanner (the composer :mod:`flowls.parse.compose` uses),
including its YAML 1.1 line breaks (NEL, LS and PS besides CR and LF). Whatever it produces is
compared with ``node.text``; on any difference the answer is None, never a wrong map.

How characters map:

- a copied character: its own offset;
- an escape (``\\n``, ``\\u00e9``, ``''``): the offset of its backslash (first quote);
- a space folded from a line break: that line break;
- a ``\\n`` kept for an empty line (or a literal block's line end): that line's break, its ``\\r``
  when the document uses CRLF.

Offsets strictly increase, so ``[offsets[i], offsets[j])`` never overlap for disjoint ranges.
``offsets[len(text)]`` is just after the last character's source: the closing quote of a quoted
scalar, ``node.end`` of a plain one, after the last line break or content of a block scalar (a
block scalar's kept trailing spaces and line breaks lie past its trimmed ``node.end``).
"""

from __future__ import annotations

import re

from flowls.parse.nodes import Scalar

_BREAKS = "\r\n\x85\u2028\u2029"
_BLANKS = " \t"
_Break = tuple[int, str]  # a line break's offset and the character it reads as

# Tokens inside a flow scalar; the group numbers are shared by the three styles:
# 1 run of ordinary characters, 2 blanks, 3 line break, 4 hex escape, 5 one-character escape
# (or '' in single quotes), 6 escaped line break, 7 anything else (not valid here).
_NEVER = "((?!))"
_PLAIN_TOKEN = re.compile(rf"([^ \t{_BREAKS}]+)|([ \t]+)|(\r\n|[{_BREAKS}])|{_NEVER}|{_NEVER}|{_NEVER}|([\s\S])")
_SINGLE_TOKEN = re.compile(rf"([^' \t{_BREAKS}]+)|([ \t]+)|(\r\n|[{_BREAKS}])|{_NEVER}|('')|{_NEVER}|([\s\S])")
_DOUBLE_TOKEN = re.compile(
    rf"([^\\ \t{_BREAKS}]+)|([ \t]+)|(\r\n|[{_BREAKS}])"
    r"|(\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}))"
    rf"|(\\[^{_BREAKS}])|(\\(?:\r\n|[{_BREAKS}]))|([\s\S])"
)
_ESCAPES = {
    "''": "'",
    "\\0": "\0",
    "\\a": "\a",
    "\\b": "\b",
    "\\t": "\t",
    "\\\t": "\t",
    "\\n": "\n",
    "\\v": "\v",
    "\\f": "\f",
    "\\r": "\r",
    "\\e": "\x1b",
    "\\ ": " ",
    '\\"': '"',
    "\\/": "/",
    "\\\\": "\\",
    "\\N": "\x85",
    "\\_": "\xa0",
    "\\L": "\u2028",
    "\\P": "\u2029",
}
# One line of a block scalar: its leading spaces, the rest, its line break (empty at the end).
_LINE = re.compile(rf"( *)([^{_BREAKS}]*)(\r\n|[{_BREAKS}]|)")
_PROPERTY_END = re.compile(rf"[^ \t{_BREAKS}]*")
_ANCHOR_END = re.compile(rf"[^ \t{_BREAKS},\[\]{{}}]*")
_SEPARATION = re.compile(rf"(?:[ \t{_BREAKS}]+(?:#[^{_BREAKS}]*)?)*")


def value_offsets(document_text: str, node: Scalar) -> list[int] | None:
    """For each character of ``node.text`` the document offset it comes from, plus the offset
    just after the last one; None when the scalar cannot be aligned with its source."""
    try:
        return _offsets(document_text, node)
    except Exception:  # a map is a convenience: never let it break the caller
        return None


def _offsets(doc: str, node: Scalar) -> list[int] | None:
    text = node.text
    if not isinstance(text, str) or not isinstance(doc, str):
        return None
    # libyaml's marks skip a leading BOM; the offsets returned are into the document itself.
    shift = 1 if doc.startswith("\ufeff") else 0
    start, end = node.start + shift, node.end + shift
    if not 0 <= start <= end <= len(doc):
        return None
    style = node.style
    quoted = style == '"' or style == "'"
    if style is None and end - start == len(text) and doc.startswith(text, start):
        return list(range(start, end + 1))
    if quoted and end - start - 2 == len(text) and doc[start] == style and doc.startswith(text, start + 1):
        return list(range(start + 1, end))
    begin = _content_start(doc, start, end)
    if style is None:
        return _flow(doc, begin, end, _PLAIN_TOKEN, text)
    if quoted:
        if end - begin < 2 or doc[begin] != style or doc[end - 1] != style:
            return None
        return _flow(doc, begin + 1, end - 1, _DOUBLE_TOKEN if style == '"' else _SINGLE_TOKEN, text)
    if style == "|" or style == ">":
        if begin >= end or doc[begin] != style:
            return None
        return _block(doc, begin, end, style == ">", text)
    return None


def _content_start(doc: str, start: int, end: int) -> int:
    """Past the node's properties (``!tag``, ``&anchor``) and what separates them."""
    position = start
    while position < end and doc[position] in "!&":
        pattern = _PROPERTY_END if doc[position] == "!" else _ANCHOR_END
        position = pattern.match(doc, position, end).end()
        position = _SEPARATION.match(doc, position, end).end()
    return position


def _break_char(token: str) -> str:
    """What a line break reads as: LS and PS stay themselves, the others become LF."""
    return token if token in "\u2028\u2029" else "\n"


def _flow(doc: str, begin: int, end: int, token: re.Pattern[str], text: str) -> list[int] | None:
    """A plain or quoted scalar's content in ``[begin, end)`` (quotes excluded), as libyaml's
    scan_plain_scalar / scan_flow_scalar fold it."""
    parts: list[str] = []
    offsets: list[int] = []
    blanks: tuple[int, int] | None = None  # blanks after content, kept unless a line break follows
    in_breaks = False
    leading: _Break | None = None  # the first line break of a run; None after an escaped one
    trailing: list[_Break] = []
    for match in token.finditer(doc, begin, end):
        kind = match.lastindex
        if kind == 2:
            if not in_breaks:
                blanks = match.span()
            continue
        if kind == 3:
            brk = (match.start(), _break_char(match.group()))
            if in_breaks:
                trailing.append(brk)
            else:
                blanks = None
                in_breaks, leading, trailing = True, brk, []
            continue
        if kind == 7:
            return None
        if in_breaks:
            _fold(parts, offsets, leading, trailing)
            in_breaks = False
        elif blanks is not None:
            parts.append(doc[blanks[0] : blanks[1]])
            offsets.extend(range(*blanks))
            blanks = None
        if kind == 1:
            parts.append(match.group())
            offsets.extend(range(*match.span()))
        elif kind == 4:
            value = int(match.group()[2:], 16)
            if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
                return None
            parts.append(chr(value))
            offsets.append(match.start())
        elif kind == 5:
            char = _ESCAPES.get(match.group())
            if char is None:
                return None
            parts.append(char)
            offsets.append(match.start())
        else:  # an escaped line break joins the lines; only the empty lines after it count
            in_breaks, leading, trailing = True, None, []
    if in_breaks:
        _fold(parts, offsets, leading, trailing)
    elif blanks is not None:
        parts.append(doc[blanks[0] : blanks[1]])
        offsets.extend(range(*blanks))
    if "".join(parts) != text:
        return None
    offsets.append(end)
    return offsets


def _fold(parts: list[str], offsets: list[int], leading: _Break | None, trailing: list[_Break]) -> None:
    if leading is not None and leading[1] == "\n":
        if not trailing:
            parts.append(" ")
            offsets.append(leading[0])
    elif leading is not None:
        parts.append(leading[1])
        offsets.append(leading[0])
    for position, char in trailing:
        parts.append(char)
        offsets.append(position)


def _block(doc: str, begin: int, end: int, folded: bool, text: str) -> list[int] | None:
    """A literal or folded block scalar whose indicator is at ``begin``."""
    position = begin + 1
    chomping = increment = ""
    for _ in range(2):
        char = doc[position : position + 1]
        if char in ("+", "-") and not chomping:
            chomping = char
        elif char and char in "123456789" and not increment:
            increment = char
        else:
            break
        position += 1
    header = _LINE.match(doc, position)
    if not header.group(3):
        return [end] if text == "" else None
    body = header.end()
    if not increment:
        # A first line as indented as detected is content unless the parent collection is at
        # least as deep (libyaml then raises the indentation): the node does not say, so the
        # text does (that line has a non-space character).
        offsets = _block_body(doc, body, 0, folded, chomping, end, text)
        return offsets if offsets is not None else _block_body(doc, body, -1, folded, chomping, end, text)
    # An explicit indentation counts from the parent collection's, which the node does not
    # record: try the likeliest first, then every other that could hold content.
    step = int(increment)
    guess = _parent_indent(doc, begin) + step
    deepest = 0
    line = _LINE.match(doc, body)
    while True:
        deepest = max(deepest, len(line.group(1)) + 1)
        if line.group(2) or not line.group(3):
            break
        line = _LINE.match(doc, line.end())
    candidates = [guess, *(indent for indent in range(step, deepest + 1) if indent != guess)]
    for indent in candidates:
        offsets = _block_body(doc, body, indent, folded, chomping, end, text)
        if offsets is not None:
            return offsets
    return None


def _parent_indent(doc: str, begin: int) -> int:
    """The column of the block collection a block scalar's header line puts it in, as far as
    that line tells: after its ``- `` entries, the key's column, or the last ``-``'s."""
    line_start = max(doc.rfind("\n", 0, begin), doc.rfind("\r", 0, begin)) + 1
    if line_start == 0 and doc.startswith("\ufeff"):
        line_start = 1
    position = line_start
    parent = 0
    while True:
        while position < begin and doc[position] == " ":
            position += 1
        if position + 1 < begin and doc[position] == "-" and doc[position + 1] in _BLANKS:
            parent = position - line_start
            position += 1
            continue
        break
    if position < begin and doc[position] not in "!&":
        parent = position - line_start  # a key starts here: its mapping is the parent
    return parent


def _block_body(
    doc: str, position: int, indent: int, folded: bool, chomping: str, end: int, text: str
) -> list[int] | None:
    """Lines from ``position`` as libyaml's scan_block_scalar reads them (``indent`` 0: detect;
    -1: detect, but the first line at that indentation belongs to a deeper parent)."""
    parts: list[str] = []
    offsets: list[int] = []
    trailing: list[_Break] = []
    detect = indent <= 0
    parent_deeper = indent < 0
    deepest = 0
    # scan_block_scalar_breaks before the first line
    while True:
        line = _LINE.match(doc, position)
        spaces = line.end(1) - position
        column = spaces if detect else min(spaces, indent)
        deepest = max(deepest, column)
        here = position + column
        if here < len(doc) and doc[here] == "\t" and (detect or column < indent):
            return None
        if here != line.end(2):
            break
        brk = line.group(3)
        if not brk:
            break
        trailing.append((line.start(3), _break_char(brk)))
        position = line.end()
    at_end = here >= len(doc)
    if detect:
        indent = max(deepest, 1)
        content = not at_end and column == indent and not parent_deeper
    else:
        content = not at_end and column == indent
    leading: _Break | None = None
    leading_blank = False
    last = end
    while content:
        trailing_blank = doc[here] in _BLANKS
        if folded and leading is not None and leading[1] == "\n" and not leading_blank and not trailing_blank:
            if not trailing:
                parts.append(" ")
                offsets.append(leading[0])
        elif leading is not None:
            parts.append(leading[1])
            offsets.append(leading[0])
        for brk_position, char in trailing:
            parts.append(char)
            offsets.append(brk_position)
        trailing = []
        leading_blank = trailing_blank
        line_end = line.end(2)
        parts.append(doc[here:line_end])
        offsets.extend(range(here, line_end))
        last = line_end
        brk = line.group(3)
        if not brk:
            leading = None
            break
        leading = (line_end, _break_char(brk))
        position = line.end()
        while True:  # scan_block_scalar_breaks
            line = _LINE.match(doc, position)
            column = min(line.end(1) - position, indent)
            here = position + column
            if column < indent and here < len(doc) and doc[here] == "\t":
                return None
            if here != line.end(2):
                break
            brk = line.group(3)
            if not brk:
                break
            trailing.append((line.start(3), _break_char(brk)))
            position = line.end()
        content = here < len(doc) and column == indent
    kept = [] if chomping == "-" or leading is None else [leading]
    if chomping == "+":
        kept += trailing
    for brk_position, char in kept:
        parts.append(char)
        offsets.append(brk_position)
        last = brk_position + (2 if doc.startswith("\r\n", brk_position) else 1)
    if "".join(parts) != text:
        return None
    offsets.append(last)
    return offsets
