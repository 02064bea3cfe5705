"""``YamlFilter``'s writer: Jackson's ``YAMLGenerator`` (MINIMIZE_QUOTES, no document start marker, no
line splitting, INDENT_ARRAYS) chooses a style per scalar, and SnakeYAML's ``Emitter`` (indent 2,
indicator indent 1) lays it out; this ports the parts of both that JSON-like data reaches."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator

from flowls.pebble.jackson_yaml.errors import JacksonError
from flowls.pebble.values import java_double, java_str

_RESERVED = frozenset({
    "false", "False", "FALSE", "n", "N", "no", "No", "NO", "null", "Null", "NULL", "on", "On", "ON",
    "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES",
})  # fmt: skip
_LINE_BREAKS = "\n\x85\u2028\u2029"
_SPLIT_BREAKS = re.compile(f"([{_LINE_BREAKS}]+)")
_NULL_BLANK_TAB = "\0 \t"
_ESCAPES = {
    "\0": "0", "\x07": "a", "\b": "b", "\t": "t", "\n": "n", "\x0b": "v", "\x0c": "f", "\r": "r",
    "\x1b": "e", '"': '"', "\\": "\\", "\x85": "N", "\xa0": "_", "\u2028": "L", "\u2029": "P",
}  # fmt: skip
_MAX_SIMPLE_KEY = 128  # DumperOptions.maxSimpleKeyLength
_INDENT, _INDICATOR_INDENT = 2, 1
_MAX_DEPTH = 1000  # StreamWriteConstraints.DEFAULT_MAX_DEPTH
_BINARY_TAG = "!!binary"
_MIME_LINE = 76  # Base64Variants.MIME: Jackson writes byte[] with it, line feeds between lines

PLAIN, DOUBLE, SINGLE, LITERAL = "plain", "double", "single", "literal"


def dump(value: object) -> str:
    """``ObjectMapper.writeValueAsString`` with YamlFilter's YAML factory (Linux line breaks).

    Raises ``JacksonError`` past Jackson's nesting limit, ``TypeError`` for a value that is not
    JSON-like (or ``bytes``, which Jackson writes as ``!!binary``)."""
    emitter = _Emitter()
    emitter.document(value)
    return "".join(emitter.out)


def _string_style(text: str) -> str:
    """``YAMLGenerator.writeString`` with MINIMIZE_QUOTES."""
    if not text:
        return DOUBLE
    if "\n" in text:
        return LITERAL
    if _is_reserved(text) or _has_quotable_char(text):
        return DOUBLE
    return PLAIN


def _name_style(name: str) -> str:
    """``StringQuotingChecker.needToQuoteName``: reserved words, number-like starts, control chars."""
    if _is_reserved(name) or name[0] in "0123456789-+." or any(ch < " " for ch in name):
        return DOUBLE
    return PLAIN


def _is_reserved(text: str) -> bool:
    return text == "" or text[0] == "~" or text in _RESERVED


def _has_quotable_char(text: str) -> bool:
    for i, ch in enumerate(text):
        if ch in "[]{},":
            return True
        if ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return True
        if ch == ":" and (i == len(text) - 1 or text[i + 1] in " \t"):
            return True
    return False


def _scalar(value: object) -> tuple[str, str]:
    """The text and requested style Jackson gives a JSON-like scalar."""
    if isinstance(value, str):
        return value, _string_style(value)
    if value is None:
        return "null", PLAIN
    if isinstance(value, bool):
        return ("true" if value else "false"), PLAIN
    if isinstance(value, float):
        return java_double(value), PLAIN
    if isinstance(value, int):
        return str(value), PLAIN
    raise TypeError(f"not a JSON-like value: {type(value).__name__}")


def _key_text(key: object) -> str:
    if isinstance(key, str):
        return key
    if key is None:
        raise JacksonError("Null key for a Map not allowed in JSON (use a converting NullKeySerializer?)")
    return java_str(key)


def _is_long(key: object) -> bool:
    return isinstance(key, int) and not isinstance(key, bool) and -(1 << 63) <= key < 1 << 63


def _mime_base64(data: bytes) -> str:
    encoded = base64.b64encode(data).decode("ascii")
    return "\n".join(encoded[i : i + _MIME_LINE] for i in range(0, len(encoded), _MIME_LINE))


class _Analysis:
    """SnakeYAML's ``Emitter.analyzeScalar``: which styles can hold the text."""

    def __init__(self, text: str) -> None:
        self.empty = not text
        self.multiline = False
        if self.empty:
            self.flow_plain, self.block_plain, self.single, self.block = False, True, True, False
            return
        self.flow_plain = self.block_plain = self.single = self.block = True
        block_ind = flow_ind = text.startswith(("---", "..."))
        special = space_break = break_space = False
        for i, ch in enumerate(text):
            followed, preceded = _surroundings(text, i)
            if i == 0:
                if ch in "#,[]{}&*!|>'\"%@`":
                    flow_ind = block_ind = True
                if ch in "?:":
                    flow_ind = True
                    block_ind = block_ind or followed
                if ch == "-" and followed:
                    flow_ind = block_ind = True
            else:
                if ch in ",?[]{}":
                    flow_ind = True
                if ch == ":":
                    flow_ind = True
                    block_ind = block_ind or followed
                if ch == "#" and preceded:
                    flow_ind = block_ind = True
            if ch in _LINE_BREAKS:
                self.multiline = True
            if not (ch == "\n" or " " <= ch <= "~") and not _is_unicode_printable(ch):
                special = True
            if i > 0 and ch == " " and text[i - 1] in _LINE_BREAKS:
                break_space = True
            if i > 0 and ch in _LINE_BREAKS and text[i - 1] == " ":
                space_break = True
        edges = text[0] + text[-1]
        if " " in edges or any(c in _LINE_BREAKS for c in edges) or _has_leading_zero(text):
            self.flow_plain = self.block_plain = False
        if text[-1] == " ":
            self.block = False
        if break_space:
            self.flow_plain = self.block_plain = self.single = False
        if space_break or special:
            self.flow_plain = self.block_plain = self.single = self.block = False
        if self.multiline or flow_ind:
            self.flow_plain = False
        if block_ind:
            self.block_plain = False


def _surroundings(text: str, i: int) -> tuple[bool, bool]:
    """Whether character ``i`` is followed and preceded by whitespace, as analyzeScalar tracks it
    (quirks included: past the first character, a break before it counts as whitespace after it)."""
    if i == 0:
        return len(text) == 1 or text[1] in _NULL_BLANK_TAB + "\r" + _LINE_BREAKS, True
    previous = text[i - 1]
    preceded = previous in _NULL_BLANK_TAB + _LINE_BREAKS
    followed = i + 1 >= len(text) or text[i + 1] in _NULL_BLANK_TAB or previous in _LINE_BREAKS
    return followed, preceded


def _has_leading_zero(text: str) -> bool:
    return len(text) > 1 and text[0] == "0" and all(c in "0123456789_" for c in text)


def _is_unicode_printable(ch: str) -> bool:
    code = ord(ch)
    return code == 0x85 or 0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000


def _is_printable(ch: str) -> bool:
    """``StreamReader.isPrintable``."""
    return " " <= ch <= "~" or ch in "\t\n\r" or _is_unicode_printable(ch)


def _utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


_Steps = Iterator["_Steps"]


class _Emitter:
    """The state SnakeYAML's ``Emitter`` keeps while writing, and its block-style states as methods.

    Collections are generators that yield the walk of each child, driven from an explicit stack so
    that the 1000 levels Jackson allows do not exhaust Python's recursion limit."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.column = 0
        self.whitespace = True
        self.indention = True
        self.indent: int | None = None
        self.indents: list[int | None] = []
        self.mapping_context = False
        self.simple_key_context = False
        self.depth = 0

    def document(self, value: object) -> None:
        if value == "":  # checkEmptyDocument: an empty root scalar needs an explicit start
            self.write_indent()
            self.write_indicator("---", True, False, False)
        walks = [self.node(value, mapping=False)]
        while walks:
            child = next(walks[-1], None)
            if child is None:
                walks.pop()
            else:
                walks.append(child)
        self.write_indent()

    def node(self, value: object, mapping: bool) -> _Steps:
        self.mapping_context, self.simple_key_context = mapping, False
        if isinstance(value, list | tuple | dict):
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise JacksonError(
                    f"Document nesting depth ({self.depth}) exceeds the maximum allowed"
                    f" ({_MAX_DEPTH}, from `StreamWriteConstraints.getMaxNestingDepth()`)"
                )
            yield from self.mapping(value) if isinstance(value, dict) else self.sequence(value)
            self.depth -= 1
        elif isinstance(value, bytes | bytearray):
            self.write_indicator(_BINARY_TAG, True, False, False)
            self.scalar(_mime_base64(value), LITERAL)
        else:
            self.scalar(*_scalar(value))

    def sequence(self, items: list | tuple) -> _Steps:
        if not items:
            self.write_indicator("[", True, True, False)
            self.write_indicator("]", False, False, False)
            return
        self.increase_indent(indentless=self.mapping_context and not self.indention)
        for item in items:
            self.write_indent()
            self.write_whitespace(_INDICATOR_INDENT)
            self.write_indicator("-", True, False, True)
            yield self.node(item, mapping=False)
        self.indent = self.indents.pop()

    def mapping(self, entries: dict) -> _Steps:
        if not entries:
            self.write_indicator("{", True, True, False)
            self.write_indicator("}", False, False, False)
            return
        self.increase_indent(indentless=False)
        for key, value in entries.items():
            name = _key_text(key)
            # Integer and Long keys go through writeFieldId, which never asks for quotes
            style = PLAIN if _is_long(key) else _name_style(name)
            self.write_indent()
            analysis = _Analysis(name)
            self.mapping_context = True
            if _utf16_length(name) < _MAX_SIMPLE_KEY and not analysis.empty and not analysis.multiline:
                self.simple_key_context = True
                self.scalar(name, style)
                self.write_indicator(":", False, False, False)
            else:
                self.simple_key_context = False
                self.write_indicator("?", True, False, True)
                self.scalar(name, style)
                self.write_indent()
                self.write_indicator(":", True, False, True)
            yield self.node(value, mapping=True)
        self.indent = self.indents.pop()

    def scalar(self, text: str, requested: str) -> None:
        self.increase_indent(indentless=False, flow=True)
        style = self.choose_style(requested, _Analysis(text))
        if style == PLAIN:
            self.write_plain(text)
        elif style == SINGLE:
            self.write_single_quoted(text)
        elif style == LITERAL:
            self.write_literal(text)
        else:
            self.write_double_quoted(text)
        self.indent = self.indents.pop()

    def choose_style(self, requested: str, analysis: _Analysis) -> str:
        """``Emitter.chooseScalarStyle`` in block context."""
        if requested == DOUBLE:
            return DOUBLE
        if requested == PLAIN:
            key_trouble = self.simple_key_context and (analysis.empty or analysis.multiline)
            if not key_trouble and analysis.block_plain:
                return PLAIN
        if requested == LITERAL and not self.simple_key_context and analysis.block:
            return LITERAL
        if requested == PLAIN and analysis.single and not (self.simple_key_context and analysis.multiline):
            return SINGLE
        return DOUBLE

    # --- SnakeYAML's writer primitives ---------------------------------------------------------

    def increase_indent(self, indentless: bool, flow: bool = False) -> None:
        self.indents.append(self.indent)
        if self.indent is None:
            self.indent = _INDENT if flow else 0
        elif not indentless:
            self.indent += _INDENT

    def write(self, text: str) -> None:
        self.column += _utf16_length(text)
        self.out.append(text)

    def write_indicator(self, indicator: str, need_whitespace: bool, whitespace: bool, indentation: bool) -> None:
        if not self.whitespace and need_whitespace:
            self.write(" ")
        self.whitespace = whitespace
        self.indention = self.indention and indentation
        self.write(indicator)

    def write_indent(self) -> None:
        indent = self.indent or 0
        if not self.indention or self.column > indent or (self.column == indent and not self.whitespace):
            self.write_line_break()
        self.write_whitespace(indent - self.column)

    def write_whitespace(self, length: int) -> None:
        if length > 0:
            self.whitespace = True
            self.write(" " * length)

    def write_line_break(self, data: str = "\n") -> None:
        self.whitespace = self.indention = True
        self.column = 0
        self.out.append(data)

    def write_breaks(self, breaks: str) -> None:
        for br in breaks:
            self.write_line_break(br)

    def write_plain(self, text: str) -> None:
        if not self.whitespace:
            self.write(" ")
        self.whitespace = self.indention = False
        for chunk in _SPLIT_BREAKS.split(text):
            if chunk and chunk[0] in _LINE_BREAKS:
                if chunk[0] == "\n":
                    self.write_line_break()
                self.write_breaks(chunk)
                self.write_indent()
                self.whitespace = self.indention = False
            elif chunk:
                self.write(chunk)

    def write_single_quoted(self, text: str) -> None:
        self.write_indicator("'", True, False, False)
        for chunk in _SPLIT_BREAKS.split(text):
            if chunk and chunk[0] in _LINE_BREAKS:
                if chunk[0] == "\n":
                    self.write_line_break()
                self.write_breaks(chunk)
                self.write_indent()
            elif chunk:
                self.write(chunk.replace("'", "''"))
        self.write_indicator("'", False, False, False)

    def write_double_quoted(self, text: str) -> None:
        self.write_indicator('"', True, False, False)
        out: list[str] = []
        for ch in text:
            if " " <= ch <= "~" and ch not in '"\\':
                out.append(ch)
            elif ch in _ESCAPES:
                out.append("\\" + _ESCAPES[ch])
            elif _is_printable(ch):
                out.append(ch)
            elif ord(ch) <= 0xFF:
                out.append(f"\\x{ord(ch):02x}")
            elif ord(ch) > 0xFFFF:
                out.append(f"\\U{ord(ch):08x}")
            else:
                out.append(f"\\u{ord(ch):04x}")
        self.write("".join(out))
        self.write_indicator('"', False, False, False)

    def write_literal(self, text: str) -> None:
        hints = ""
        if text[0] in " " + _LINE_BREAKS:
            hints += str(_INDENT)
        if text[-1] not in _LINE_BREAKS:
            hints += "-"
        elif len(text) == 1 or text[-2] in _LINE_BREAKS:
            hints += "+"
        self.write_indicator("|" + hints, True, False, False)
        self.write_line_break()
        for chunk in _SPLIT_BREAKS.split(text):
            if chunk and chunk[0] in _LINE_BREAKS:
                self.write_breaks(chunk)
            elif chunk:
                self.write_indent()
                self.out.append(chunk)  # SnakeYAML does not count these columns
        if text[-1] not in _LINE_BREAKS:
            self.write_line_break()
