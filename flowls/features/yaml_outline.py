"""The block structure of a YAML document read from its indentation alone, for the editor.

Completion runs on half-typed lines: the file often does not parse, and even when it does, an
empty line belongs to no node. This reader is tolerant: it follows block mappings and
sequences by their columns (``key:``, ``- ``), skips the content of block scalars, multi-line
quoted scalars and continued plain scalars, and never fails. It does not read flow
collections (``{a: 1}``, ``[a]``) beyond their first line.

The line holding the cursor is read as the user means it: a lone word (``    cond``) or
nothing (``    ``, ``  - ``) is a key being typed, placed by its column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEY = re.compile(
    r"""(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>(?:[^']|'')*)'"""
    r"""|(?P<plain>(?:[^\s#'"\[\]{},&*!|>%@`-]|-[^\s:])[^\s:]*(?:[ \t]+[^\s:#][^\s:]*)*))[ \t]*:(?=[ \t]|$)"""
)
_BLOCK_HEADER = re.compile(r"[|>][0-9+-]*[ \t]*(?:#.*)?$")
_PROPERTIES = re.compile(r"(?:[&!][^\s]*[ \t]+)+")  # anchors and tags before a value
_WORD = re.compile(r"[^\s#:'\"{}\[\],]*")
_DOC_MARKER = re.compile(r"(---|\.\.\.)(?=[ \t]|$)")


@dataclass(eq=False)
class Entry:
    """A key of a mapping with its value, or a scalar item of a sequence."""

    block: Block
    name: str | int  # the key, or the item's index
    line: int
    key_start: int | None  # document offsets of the key (None for sequence items)
    key_end: int | None
    value_start: int  # where the value starts: its first character, or a block scalar's next line
    value_end: int  # the end of the scalar value (== value_start when the value is empty or nested)
    style: str | None = None  # None (plain), '"', "'", '|' or '>'
    inline: str = ""  # the value written on the key's line, unquoted and without comment

    @property
    def content_start(self) -> int:
        """Where the value's characters start (after an opening quote)."""
        return self.value_start + 1 if self.style in ('"', "'") else self.value_start


@dataclass(eq=False)
class Block:
    kind: str  # "map" or "seq"
    column: int
    parent: Block | None
    segment: str | int | None  # the key or item index it sits under in its parent
    line: int
    keys: dict[str, Entry] = field(default_factory=dict)
    current: str | None = None  # the last key seen (map)
    items: int = 0  # items seen so far (seq)

    @property
    def path(self) -> tuple[str | int, ...]:
        segments: list[str | int] = []
        block: Block | None = self
        while block is not None and block.parent is not None:
            if block.segment is not None:
                segments.append(block.segment)
            block = block.parent
        return tuple(reversed(segments))

    def chain(self) -> list[Block]:
        """The root first, down to this block."""
        blocks: list[Block] = []
        block: Block | None = self
        while block is not None:
            blocks.append(block)
            block = block.parent
        return list(reversed(blocks))

    def inline(self, key: str) -> str | None:
        entry = self.keys.get(key)
        return entry.inline if entry is not None and entry.inline else None


@dataclass
class Cursor:
    """What the cursor's line is, read from indentation.

    ``kind`` is "key" (a key is being typed in ``block``), "value" (the cursor is in the value
    of ``entry``), or "none". For a key, ``seq`` is set when the line sits at the column of a
    sequence's dashes (a new item could start there) and ``new_item`` when the key follows a
    ``- `` typed on this line."""

    kind: str = "none"
    block: Block | None = None
    entry: Entry | None = None
    seq: Block | None = None
    new_item: bool = False
    word_start: int = 0
    word_end: int = 0
    existing_key: str | None = None  # the key already written on the line (the cursor is on it)
    after_word: str = ""  # the rest of the line after the word


@dataclass
class Outline:
    root: Block | None
    entries: list[Entry]
    cursor: Cursor
    start: int  # the document's range in the text
    end: int

    def key_at(self, offset: int) -> Entry | None:
        for entry in self.entries:
            if entry.key_start is not None and entry.key_start <= offset <= entry.key_end:  # type: ignore[operator]
                return entry
        return None

    def value_at(self, offset: int) -> Entry | None:
        """The entry whose written value holds ``offset`` (its last one, for nested entries)."""
        found = None
        for entry in self.entries:
            if entry.value_start <= offset <= entry.value_end and entry.value_end > entry.value_start:
                found = entry
        return found


@dataclass
class _Line:
    number: int
    start: int  # offset of the line's first character
    text: str  # without the line break


def _ends_cursor_block(line: _Line, floor: int) -> bool:
    """A line, after the cursor's, indented less than the cursor's: the cursor's block is over."""
    body = line.text.lstrip(" ")
    if not body or body.startswith("#"):
        return False
    return len(line.text) - len(body) < floor


def documents(text: str) -> list[tuple[int, int]]:
    """The ranges of the YAML documents of ``text``, in the order the parser lists them."""
    ranges: list[tuple[int, int]] = []
    start, content, explicit = 0, False, False
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        marker = _DOC_MARKER.match(line)
        if marker:
            if content or explicit:
                ranges.append((start, offset))
            if marker.group(1) == "---":
                start, content, explicit = offset + len(raw), False, True
            else:
                start, content, explicit = offset + len(raw), False, False
        elif line.strip() and not line.lstrip().startswith("#") and not (line.startswith("%") and not ranges):
            content = True
        offset += len(raw)
    if content or explicit or not ranges:
        ranges.append((start, len(text)))
    return ranges


def document_at(text: str, offset: int) -> tuple[int, int, int]:
    """The index and range of the document holding ``offset``."""
    ranges = documents(text)
    for index, (start, end) in enumerate(ranges):
        if offset <= end or index == len(ranges) - 1:
            return index, max(start, 0), end
    return 0, 0, len(text)


def read(text: str, offset: int | None = None) -> Outline:
    """The outline of the document holding ``offset`` (the first one when None)."""
    _, start, end = document_at(text, offset if offset is not None else 0)
    return _Reader(text, start, end, offset).run()


class _Reader:
    def __init__(self, text: str, start: int, end: int, cursor: int | None) -> None:
        self.text = text
        self.start, self.end = start, end
        self.cursor_offset = cursor
        self.stack: list[Block] = []
        self.root: Block | None = None
        self.entries: list[Entry] = []
        self.cursor = Cursor()
        self.pending: tuple[str, int, Entry, str] | None = None  # (kind, parent column, entry, quote)

    def run(self) -> Outline:
        floor: int | None = None  # after the cursor: the indentation below which nothing matters
        for line in self._lines():
            if floor is not None and self.pending is None and _ends_cursor_block(line, floor):
                break  # the cursor's mapping has ended: what follows is another part of the flow
            self._line(line)
            if floor is None and self._is_cursor_line(line):
                body = line.text.lstrip(" ")
                floor = len(line.text) - len(body) if body else (self.cursor_offset or 0) - line.start
        return Outline(self.root, self.entries, self.cursor, self.start, self.end)

    def _lines(self) -> list[_Line]:
        lines = []
        offset = self.start
        for number, raw in enumerate(self.text[self.start : self.end].splitlines(keepends=True)):
            lines.append(_Line(number, offset, raw.rstrip("\r\n")))
            offset += len(raw)
        if not lines or self.text[self.start : self.end].endswith(("\n", "\r")):
            lines.append(_Line(len(lines), offset, ""))
        return lines

    def _is_cursor_line(self, line: _Line) -> bool:
        c = self.cursor_offset
        return c is not None and line.start <= c <= line.start + len(line.text)

    # --- one line ------------------------------------------------------------------------------

    def _line(self, line: _Line) -> None:
        at_cursor = self._is_cursor_line(line)
        if self.pending is not None and self._continues(line, at_cursor):
            return
        text = line.text
        stripped = text.strip()
        indent = len(text) - len(text.lstrip(" "))
        if at_cursor:
            self._cursor_line(line)
            return
        if not stripped or stripped.startswith("#"):
            return
        self._tokens(line, indent)

    def _continues(self, line: _Line, at_cursor: bool) -> bool:
        """Whether the line continues a multi-line scalar (and extend it)."""
        assert self.pending is not None
        kind, parent, entry, quote = self.pending
        text = line.text
        end = line.start + len(text)
        if kind == "quote":
            indent = len(text) - len(text.lstrip(" "))
            if text.strip() and indent <= parent:  # unterminated (being typed): the line is not part of it
                self.pending = None
                return False
            close = _closing_quote(text, 0, quote)
            if at_cursor:
                self._set_value_cursor(entry)
            if close is None:
                entry.value_end = end
                return True
            entry.value_end = line.start + close + 1
            self.pending = None
            return True
        indent = len(text) - len(text.lstrip(" "))
        blank = not text.strip()
        if blank:
            column = (self.cursor_offset - line.start) if at_cursor else 0  # type: ignore[operator]
            if at_cursor and column > parent:
                entry.value_end = max(entry.value_end, end)
                self._set_value_cursor(entry)
                return True
            return not at_cursor
        if indent > parent and (kind == "block" or not text.lstrip().startswith("#")):
            entry.value_end = end
            if at_cursor:
                self._set_value_cursor(entry)
            return True
        self.pending = None
        return False

    def _set_value_cursor(self, entry: Entry) -> None:
        self.cursor = Cursor("value", entry.block, entry)

    def _tokens(self, line: _Line, indent: int) -> None:
        """Read dashes, then a key (with its value) or a scalar."""
        text = line.text
        dashes, pos = _dashes(text, indent)
        for dash in dashes:
            self._dash(dash, line.number)
        if pos >= len(text) or text[pos] == "#":
            return
        match = _KEY.match(text, pos)
        if match:
            name = match.group("plain") or ""
            if match.group("dq") is not None:
                name = _unescape_double(match.group("dq"))
            elif match.group("sq") is not None:
                name = match.group("sq").replace("''", "'")
            block = self._key(pos, line.number)
            key_end = pos + len(match.group(0).rstrip(": \t"))
            entry = Entry(block, name, line.number, line.start + pos, line.start + key_end, 0, 0)
            block.keys.setdefault(name, entry)
            block.current = name
            self.entries.append(entry)
            self._value(line, match.end(), entry, parent=pos)
        elif dashes:
            seq = self.stack[-1]
            entry = Entry(seq, seq.items - 1, line.number, None, None, 0, 0)
            self.entries.append(entry)
            self._value(line, pos, entry, parent=dashes[-1])

    def _value(self, line: _Line, pos: int, entry: Entry, parent: int) -> None:
        text = line.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        properties = _PROPERTIES.match(text, pos)
        if properties:
            pos = properties.end()
        entry.value_start = entry.value_end = line.start + pos
        if pos >= len(text) or text[pos] == "#":
            return
        first = text[pos]
        if _BLOCK_HEADER.match(text, pos):
            entry.style = first
            entry.value_start = entry.value_end = line.start + len(text) + _break_length(self.text, line)
            self.pending = ("block", parent, entry, "")
        elif first in "\"'":
            entry.style = first
            close = _closing_quote(text, pos + 1, first)
            if close is None:
                entry.value_end = line.start + len(text)
                entry.inline = text[pos + 1 :]
                self.pending = ("quote", parent, entry, first)
            else:
                entry.value_end = line.start + close + 1
                body = text[pos + 1 : close]
                entry.inline = _unescape_double(body) if first == '"' else body.replace("''", "'")
        else:
            value = _strip_comment(text[pos:]).rstrip()
            entry.value_end = line.start + pos + len(value)
            entry.inline = value
            self.pending = ("plain", parent, entry, "")

    # --- structure -----------------------------------------------------------------------------

    def _dash(self, column: int, number: int) -> Block:
        stack = self.stack
        while stack and stack[-1].column > column:
            stack.pop()
        top = stack[-1] if stack else None
        if top is not None and top.kind == "seq" and top.column == column:
            top.items += 1
            return top
        if top is None:
            seq = Block("seq", column, None, None, number, items=1)
            self.root = self.root or seq
        elif top.kind == "map":
            seq = Block("seq", column, top, top.current, number, items=1)
        else:
            seq = Block("seq", column, top, top.items - 1, number, items=1)
        stack.append(seq)
        return seq

    def _key(self, column: int, number: int) -> Block:
        stack = self.stack
        while stack and (stack[-1].column > column or (stack[-1].kind == "seq" and stack[-1].column >= column)):
            stack.pop()
        top = stack[-1] if stack else None
        if top is not None and top.kind == "map" and top.column == column:
            return top
        if top is None:
            block = Block("map", column, None, None, number)
            self.root = self.root or block
        elif top.kind == "map":
            block = Block("map", column, top, top.current, number)
        else:
            block = Block("map", column, top, top.items - 1, number)
        stack.append(block)
        return block

    # --- the cursor's line ---------------------------------------------------------------------

    def _cursor_line(self, line: _Line) -> None:
        text = line.text
        column = self.cursor_offset - line.start  # type: ignore[operator]
        indent = len(text) - len(text.lstrip(" "))
        if not text.strip():
            self._typed_key(line, [], column, column, "")
            return
        if text.lstrip().startswith("#") and column > indent:
            return
        dashes, pos = _dashes(text, indent)
        if pos >= len(text) and dashes and column > dashes[-1]:
            if column == dashes[-1] + 1 and len(text) == column:
                return  # `-` with no space yet
            for dash in dashes:
                self._dash(dash, line.number)
            self._typed_key(line, dashes, max(column, dashes[-1] + 2), column, "")
            return
        if column < pos:  # in the indentation of a written line
            self._tokens(line, indent)
            return
        match = _KEY.match(text, pos)
        if match:
            key_end = pos + len(match.group(0).rstrip(": \t"))
            self._tokens(line, indent)
            block = self.stack[-1]
            entry = self.entries[-1]
            if column <= key_end:
                new_item = bool(dashes) and len(block.keys) == 1 and block.line == line.number
                self.cursor = Cursor(
                    "key",
                    block,
                    seq=block.parent if new_item else None,
                    new_item=new_item,
                    word_start=line.start + pos,
                    word_end=line.start + key_end,
                    existing_key=str(entry.name),
                    after_word=text[key_end:],
                )
            else:
                self._set_value_cursor(entry)
            return
        word = _WORD.match(text, pos)
        word_end = word.end() if word else pos
        rest = text[word_end:]
        if column > word_end or (rest.strip() and not rest.lstrip().startswith("#")):
            # a scalar being written (`- "{{ ...`), or something that is not a key
            self._tokens(line, indent)
            if self.entries and self.entries[-1].line == line.number and self.entries[-1].key_start is None:
                self._set_value_cursor(self.entries[-1])
            return
        for dash in dashes:
            self._dash(dash, line.number)
        self._typed_key(line, dashes, pos, word_end, rest)

    def _typed_key(self, line: _Line, dashes: list[int], column: int, word_end: int, rest: str) -> None:
        """A key being typed at ``column`` (a lone word up to ``word_end``, or nothing)."""
        cursor = Cursor(
            "key",
            word_start=line.start + column,
            word_end=line.start + max(word_end, column),
            after_word=rest,
            new_item=bool(dashes),
        )
        self.pending = None
        if dashes:
            cursor.seq = self.stack[-1]
            cursor.block = self._key(column, line.number)
        else:
            seq = self._sequence_at(column)
            if seq is not None:
                cursor.seq = seq
                below = seq.parent
                cursor.block = below if below is not None and below.kind == "map" and below.column == column else None
            else:
                cursor.block = self._key(column, line.number)
        self.cursor = cursor

    def _sequence_at(self, column: int) -> Block | None:
        """The open sequence whose dashes are at ``column``, if the line lands there."""
        for block in reversed(self.stack):
            if block.column > column:
                continue
            return block if block.kind == "seq" and block.column == column else None
        return None


def _dashes(text: str, pos: int) -> tuple[list[int], int]:
    """The columns of the ``- `` that open the line's content, and where the content starts."""
    dashes = []
    while pos < len(text) and text[pos] == "-" and (pos + 1 == len(text) or text[pos + 1] in " \t"):
        dashes.append(pos)
        pos += 1
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    return dashes, pos


def _closing_quote(text: str, pos: int, quote: str) -> int | None:
    i = pos
    while i < len(text):
        char = text[i]
        if quote == '"' and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "'" and i + 1 < len(text) and text[i + 1] == "'":
                i += 2
                continue
            return i
        i += 1
    return None


def _strip_comment(value: str) -> str:
    match = re.search(r"[ \t]#", value)
    return value[: match.start()] if match else value


def _unescape_double(body: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def _break_length(text: str, line: _Line) -> int:
    end = line.start + len(line.text)
    if text.startswith("\r\n", end):
        return 2
    return 1 if end < len(text) else 0


def decode(text: str, entry: Entry, end: int) -> str:
    """The value of ``entry`` from its start to ``end``, unquoted as far as it goes (folding and
    block indentation are kept: Pebble reads whitespace alike)."""
    raw = text[entry.content_start : max(entry.content_start, end)]
    if entry.style == '"':
        return _unescape_double(raw)
    if entry.style == "'":
        return raw.replace("''", "'")
    return raw
