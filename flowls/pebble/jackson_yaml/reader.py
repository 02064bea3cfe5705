"""``YamlFunction``'s reader: ``new ObjectMapper(new YAMLFactory()).readValue(yaml, Object.class)``.

Jackson's ``YAMLParser`` pulls events from SnakeYAML's parser (YAML 1.1) and ``UntypedObjectDeserializer``
builds maps (insertion order; a repeated key keeps its place and takes the last value), lists and scalars
from them. Here the events come from ruamel.yaml, and everything Jackson decides above the parser is
reproduced: nothing is constructed from tags, and scalars are typed exactly as ``YAMLParser._decodeScalar``
types them.

What Jackson does that is easy to get wrong:

- only the first document is read, and only as far as its root value ends (later ones may be broken);
- an alias becomes its anchor's name as a string (Jackson does not resolve anchors), so ``<<: *base``
  is the key ``<<`` with the value ``"base"``, and alias bombs cannot explode;
- keys are the scalar's raw text (``1: a`` gives ``{"1": "a"}``); a collection or alias as a key fails;
- ``yes``/``no``/``on``/``off`` are booleans, ``0x1F``/``017``/``0b11``/``1_000`` integers, ``1e3``
  a double, but ``.inf``/``.nan`` and base-60 floats fail to parse, ``y``/``n``/``0o17`` are strings;
- ``!!binary`` gives ``bytes``;
- no content at all fails ("No content to map due to end-of-input"), while ``---`` alone is ``null``;
- limits: 1000 nesting levels, 1000-character numbers, 3 MiB of code points (``StreamReadConstraints``
  and ``LoaderOptions`` defaults), so hostile input fails fast instead of exhausting anything.

Errors are ``JacksonError`` whose message is Jackson's ``getMessage()``: SnakeYAML's text with its marks
and snippets, then `` at [Source: (StringReader); line: L, column: C]``, the end of the last event
Jackson read (not where the problem is; the start of it for the deserializer's own "end-of-input"
errors). Lines and columns are counted on the text as SnakeYAML counts them, whichever parser ran.

Two of ruamel's parsers run. libyaml (ruamel.yaml.clib) reads first, for speed: about a second a
megabyte, where the pure-Python parser takes ten or more. When libyaml refuses a text, the pure-Python
parser reads it again and has the last word: it descends from PyYAML as SnakeYAML does, so it accepts
what SnakeYAML accepts and libyaml does not (``{a:1}``, unknown directives) and words its errors as
SnakeYAML does once the few phrasings below are rewritten, and it is made to look past a closing bracket
before the collection ends, as SnakeYAML does. Where these parsers still scan differently from SnakeYAML,
we differ from Jackson, and accept it rather than keep a scanner of our own: libyaml takes a tab after
``:``, ``,`` or a closing bracket as a space, reads on after a NEL or U+2028 line break and skips a byte
order mark that starts a line; both accept the ``"\\/"`` escape and want ``---`` after directives; the
pure-Python scanner allows ``.`` and ``:`` in anchor names, keeps a ``:`` before ``}`` in a flow plain
scalar and refuses a tab between the words of a plain scalar (which only matters once libyaml has refused
the text); a few exotic errors are worded or placed differently (escapes past U+10FFFF, SnakeYAML's
quirks after a quoted key or in a one-pair flow mapping); and a character YAML forbids is found before
the first event, not in SnakeYAML's 1023-character chunks. A refused text costs the pure parser's time,
which the 3 MiB limit bounds. The test module's ``DIVERGES_FROM_JACKSON`` pins these cases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from ruamel.yaml.parser import ParserError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import ScannerError

from flowls.pebble.jackson_yaml.errors import JacksonError

_MAX_DEPTH = 1000  # StreamReadConstraints.DEFAULT_MAX_DEPTH
_MAX_NUMBER_LENGTH = 1000  # StreamReadConstraints.DEFAULT_MAX_NUM_LEN
_CODE_POINT_LIMIT = 3 * 1024 * 1024  # LoaderOptions' default codePointLimit
_YAML_TAG = "tag:yaml.org,2002:"
_JAVA_TRIMMED = "".join(map(chr, range(33)))  # what String.trim() removes
_FIXED_DIGITS = {2: (31, 63), 8: (10, 21), 16: (7, 15)}  # most digits decoded as an int, as a long
_BOOLEAN_WORDS = [(word, True) for word in ("y", "yes", "on", "true")] + [
    (word, False) for word in ("n", "no", "off", "false")
]
_NO_TOKEN = object()  # what _decodeNumberScalar returns for a lone sign: no token at all
_BOM = "\ufeff"

# SnakeYAML's Resolver: (tag, pattern, longest value it is tried on), by first character.
_BOOL = ("bool", re.compile(r"yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF"), 10)
_INT = (
    "int",
    re.compile(
        r"[-+]?0b_*[0-1][0-1_]*|[-+]?0_*[0-7][0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F][0-9a-fA-F_]*"
        r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+"
    ),
    1024,
)
_FLOAT = (
    "float",
    re.compile(
        r"[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)"
        r"|[-+]?\.[0-9_]+(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
    ),
    1024,
)
_NULL = ("null", re.compile(r"~|null|Null|NULL| "), 10)
_EMPTY = ("null", re.compile(r""), 10)
_FALLBACK = (_NULL, _EMPTY)  # tried on every value, after those of its first character
_FIRST_CHARACTERS = ((_BOOL, "yYnNtTfFoO"), (_INT, "-+0123456789"), (_FLOAT, "-+0123456789."), (_NULL, "~nN"))
_RESOLVERS = {
    ch: tuple(resolver for resolver, first in _FIRST_CHARACTERS if ch in first) + _FALLBACK
    for ch in "".join(first for _, first in _FIRST_CHARACTERS)
}

# Double.parseDouble's grammar (FloatingDecimal): what it accepts beyond what Python's float() does.
_JAVA_DOUBLE = re.compile(
    r"[+-]?(?:NaN|Infinity|(?P<dec>(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fFdD]?"
    r"|(?P<hex>0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|[0-9a-fA-F]*\.[0-9a-fA-F]+)[pP][+-]?\d+)[fFdD]?)"
)


def load(text: str) -> object:
    """``readValue(text, Object)``: dict, list, str, int, float, bool, None or bytes (``!!binary``)."""
    # SnakeYAML skips a leading byte order mark without counting a column; libyaml leaves it out of its
    # marks' indexes, so without it both parsers' indexes are the text's own.
    text = text.removeprefix(_BOM)
    fast = _Builder(text)
    try:
        return fast.read(_libyaml_events(text))
    except (YAMLError, UnicodeEncodeError) as error:  # libyaml cannot even be given a lone surrogate
        refusal = error
    # The pure parser, nearer SnakeYAML in what it accepts and how it words errors, decides instead.
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 1)  # SnakeYAML's: the scanner's rules for ':' and '?' in plain scalars, '#' in tags
    careful = _Builder(text, lambda: yaml.scanner.check_token())  # the scanner exists once parsing starts
    try:
        return careful.read(yaml.parse(text))
    except YAMLError as error:
        raise careful.syntax_error(error) from None
    except (ValueError, OverflowError):  # the pure scanner's chr() of an escape past U+10FFFF
        raise fast.syntax_error(refusal) from None


def _libyaml_events(text: str) -> Iterator[Event]:
    """libyaml's events, each made when it is asked for, as ``YAML.parse`` makes the pure parser's: Jackson
    stops once the root value ends, and an error past it must not surface. ``CParser`` itself, because
    ``YAML(pure=False)`` builds a loader class on every call, which costs ten times what reading a small
    text does."""
    parser = CParser(text)
    while True:
        event = parser.get_event()
        yield event
        if isinstance(event, StreamEndEvent):
            return


class _Builder:
    """``YAMLParser.nextToken`` and ``UntypedObjectDeserializer`` over the event stream, without
    recursion: ``stack`` holds the open collections, ``key`` the innermost map's key awaiting its value
    (None while a key is expected) and ``keys`` those of the maps around it."""

    def __init__(self, text: str, scan_ahead: Callable[[], object] | None = None) -> None:
        self.text = text
        # SnakeYAML scans the token after a closing bracket before it ends the collection, so a scanner
        # error there comes before the end event; ``scan_ahead`` does the same with the pure parser.
        self.scan_ahead = scan_ahead
        self.last: Event | None = None
        self.stack: list[dict | list] = []
        self.key: str | None = None
        self.keys: list[str | None] = []
        self.flows: list[bool] = []  # whether each open collection is a flow one

    def read(self, events: Iterator[Event]) -> object:
        for event in events:
            done, value = self.feed(event)
            if done:
                return value
        raise self.fail("No content to map due to end-of-input", at_token=True)

    def fail(self, message: str, at_token: bool = False) -> JacksonError:
        """Jackson appends where its parser stands: the end of the last event read, or its start for
        the deserializer's own errors (``getTokenLocation``)."""
        event = self.last
        if event is None:
            line, column = 1, 1
        else:
            line, column = _position(self.text, (event.start_mark if at_token else event.end_mark).index)
        return JacksonError(f"{message}\n at [Source: (StringReader); line: {line}, column: {column}]")

    def syntax_error(self, error: YAMLError | UnicodeEncodeError) -> JacksonError:
        """The exception SnakeYAML throws for a text the parser refused, as Jackson reports it."""
        if isinstance(error, MarkedYAMLError):
            return self.fail(_snake_message(self.text, error))
        if isinstance(error, ReaderError | UnicodeEncodeError):  # a character YAML does not allow
            if "\ud800" <= self.text[-1:] <= "\udbff":  # SnakeYAML 2.5 looks for its pair before checking it
                return self.fail("The last char is HighSurrogate (no LowSurrogate detected).")
            return self.fail("special characters are not allowed")
        return self.fail(str(error))

    def feed(self, event: Event) -> tuple[bool, object]:
        """Take one event; ``(True, root)`` once the root value is complete."""
        if event.start_mark.index > _CODE_POINT_LIMIT:  # SnakeYAML checks as it starts each token
            raise self.fail(f"The incoming YAML document exceeds the limit: {_CODE_POINT_LIMIT} code points.")
        if isinstance(event, CollectionEndEvent) and self.flows[-1] and self.scan_ahead is not None:
            self.scan_ahead()
        self.last = event
        if self.key is None and self.stack and isinstance(self.stack[-1], dict):
            if isinstance(event, ScalarEvent):
                self.key = event.value
                return False, None
            if isinstance(event, MappingEndEvent):
                return self.close()
            raise self.fail("Expected a field name (Scalar value in YAML), got this instead: " + _java(event))
        if isinstance(event, ScalarEvent):
            value = self.scalar(event)
            if value is _NO_TOKEN:  # the deserializer meets the end of input where a value should be
                if not self.stack:
                    raise self.fail("No content to map due to end-of-input", at_token=True)
                message = "Unexpected end-of-input when trying read value of type `java.lang.Object`"
                raise self.fail(message, at_token=True)
            return self.add(value)
        if isinstance(event, AliasEvent):
            return self.add(event.anchor)
        if isinstance(event, CollectionStartEvent):
            if len(self.stack) >= _MAX_DEPTH:
                raise JacksonError(
                    f"Document nesting depth ({len(self.stack) + 1}) exceeds the maximum allowed"
                    f" ({_MAX_DEPTH}, from `StreamReadConstraints.getMaxNestingDepth()`)"
                )
            self.stack.append({} if isinstance(event, MappingStartEvent) else [])
            self.flows.append(bool(event.flow_style))
            self.keys.append(self.key)
            self.key = None
            return False, None
        if isinstance(event, SequenceEndEvent):
            return self.close()
        return False, None  # stream and document boundaries

    def close(self) -> tuple[bool, object]:
        self.key = self.keys.pop()
        self.flows.pop()
        return self.add(self.stack.pop())

    def add(self, value: object) -> tuple[bool, object]:
        if not self.stack:
            return True, value
        container = self.stack[-1]
        if isinstance(container, dict):
            assert self.key is not None
            container[self.key] = value
            self.key = None
        else:
            container.append(value)
        return False, None

    def scalar(self, event: ScalarEvent) -> object:
        """``YAMLParser._decodeScalar`` then the value the deserializer asks for."""
        value, tag = event.value, event.tag
        if tag is None or tag == "!":
            # SnakeYAML resolves a plain untagged scalar, and any tagged "!" (libyaml does not say so for
            # an empty one).
            kind = _resolve(value, event.implicit[0] or tag == "!")
            if kind == "int":
                return self.integer(value)
            if kind == "float":
                return self.double(value)
            if kind == "bool":
                return _yaml_boolean(value)
            return None if kind == "null" else value
        if tag.startswith(_YAML_TAG):
            tag = tag[len(_YAML_TAG) :].split(",")[0]
        if tag == "binary":
            return self.binary(value)
        if tag == "bool":
            boolean = _yaml_boolean(value)
            return value if boolean is None else boolean
        if value and tag == "int":
            return self.integer(value)
        if value and tag == "float":
            return self.double(value)
        if value and tag == "null":
            return None
        return value

    def integer(self, value: str) -> object:
        """``_decodeNumberScalar``: a string when it does not look like a number after all."""
        negative = value[0] == "-"
        i = 1 if value[0] in "+-" else 0
        if i == len(value):
            return _NO_TOKEN
        if value[i] == "0":
            i += 1
            if i == len(value):
                return 0
            radix = {"b": 2, "B": 2, "x": 16, "X": 16}.get(value[i], 8)
            if radix != 8:
                i += 1
            elif value[i] not in "0123456789_":
                return value
            digits = value[i:].replace("_", "")
            int_digits, long_digits = _FIXED_DIGITS[radix]
            try:
                if len(digits) <= int_digits:
                    number = _java_parse_int(digits, radix, 32)
                elif len(digits) <= long_digits:
                    number = _java_parse_int(digits, radix, 64)
                else:
                    if len(digits) > _MAX_NUMBER_LENGTH:
                        raise _number_length(len(digits))
                    number = _java_big_integer(digits, radix)
            except _NumberFormat as error:
                raise self.fail(f"Invalid base-{radix} number ('{digits}'), problem: {error}") from None
            return -number if negative else number
        if any(ch not in "0123456789_" for ch in value[i:]):
            return value
        cleaned = value
        if "_" in value:
            cleaned = value.replace("_", "").removeprefix("+")
            if cleaned in ("", "-"):
                raise self.fail(f"Invalid number ('{value}')")
        if len(cleaned) - negative > 18 and len(cleaned) > _MAX_NUMBER_LENGTH:
            raise _number_length(len(cleaned))
        return int(cleaned)

    def double(self, value: str) -> float:
        cleaned = value.replace("_", "") if "_" in value else value
        if "_" in value and value[0] == "+":
            cleaned = cleaned[1:]
        if len(cleaned) > _MAX_NUMBER_LENGTH:
            raise _number_length(len(cleaned))
        number = _java_parse_double(cleaned)
        if number is None:
            raise self.fail(f"Malformed numeric value '{value}'")
        return number

    def binary(self, value: str) -> bytes:
        try:
            return _mime_decode(value.strip(_JAVA_TRIMMED))
        except ValueError as error:
            raise self.fail(str(error)) from None


def _java(event: Event) -> str:
    """SnakeYAML's ``Event.toString`` for what stands where a key should (an alias or a collection's start)."""
    name = f"org.yaml.snakeyaml.events.{type(event).__name__}"
    anchor = getattr(event, "anchor", None)
    anchor = "null" if anchor is None else anchor
    if isinstance(event, AliasEvent):
        return f"<{name}(anchor={anchor})>"
    tag = getattr(event, "tag", None)
    implicit = tag is None or tag == "!"
    return f"<{name}(anchor={anchor}, tag={'null' if tag is None else tag}, implicit={str(implicit).lower()})>"


# SnakeYAML's line breaks; a "\r" is one only when no "\n" follows it (then the "\n" is).
_LINE_BREAK = re.compile("[\n\x85\u2028\u2029]|\r(?!\n)")
_SNIPPET_ENDS = "\0\r\n\x85\u2028\u2029"


def _position(text: str, index: int) -> tuple[int, int]:
    """SnakeYAML's line and column, from 1, of a place in the text (a BOM takes no column)."""
    line, start = 1, 0
    for match in _LINE_BREAK.finditer(text, 0, index + 1):
        if match.start() < index:
            line, start = line + 1, match.end()
    return line, index - start - text.count(_BOM, start, index) + 1


def _mark(text: str, index: int) -> str:
    """``Mark.toString``: where, then ``get_snippet`` (cut from the whole text, not SnakeYAML's read window)."""
    half = 75 / 2 - 1
    start, head = index, ""
    while start > 0 and text[start - 1] not in _SNIPPET_ENDS:
        start -= 1
        if index - start > half:
            head, start = " ... ", start + 5
            break
    end, tail = index, ""
    while end < len(text) and text[end] not in _SNIPPET_ENDS:
        end += 1
        if end - index > half:
            tail, end = " ... ", end - 5
            break
    line, column = _position(text, index)
    snippet = f"    {head}{text[start:end]}{tail}\n{' ' * (4 + index - start + len(head))}^"
    return f" in 'reader', line {line}, column {column}:\n{snippet}"


def _snake_message(text: str, error: MarkedYAMLError) -> str:
    """``MarkedYAMLException.toString`` of what SnakeYAML throws for the problem ruamel found."""
    context, problem = error.context, error.problem
    if isinstance(error, ScannerError) and problem is not None and error.problem_mark is not None:
        context, problem = _snake_scanner_words(context, problem, text, error.problem_mark.index)
    elif isinstance(error, ParserError) and problem is not None:
        for pattern, replacement in _SNAKE_PARSER_PROBLEMS:
            problem = pattern.sub(replacement, problem)
    parts = [
        context,
        None if error.context_mark is None else _mark(text, error.context_mark.index),
        problem,
        None if error.problem_mark is None else _mark(text, error.problem_mark.index),
    ]
    return "".join(f"{part}\n" for part in parts if part is not None)


# ruamel's parser quotes a token's name where SnakeYAML does not, and shows one as a tuple by mistake.
_SNAKE_PARSER_PROBLEMS = [
    (re.compile(r"(but got |tag handle )'(.*)'$"), r"\1\2"),
    (re.compile(r"but found \('(.*)',\)$"), r"but found '\1'"),
]
_RUAMEL_TAG_CONTEXT = re.compile(r"while (?:parsing|scanning) an? (tag|directive)")  # "while parsing an tag"
_ANCHOR_CONTEXTS = ("while scanning an alias", "while scanning an anchor")
_HEX_ESCAPE = re.compile(r"expected escape sequence of (\d+) hexdecimal numbers, but found .*")
_QUOTED_IN_TAG = re.compile(r"(expected '[> ]'),? but found .*")  # the problems SnakeYAML words with 'c' (code)
_MISSING_COMMA = re.compile(r"(expected '.') but found")


def _snake_scanner_words(context: str | None, problem: str, text: str, index: int) -> tuple[str | None, str]:
    """SnakeYAML's context and problem for a scanner problem at ``index``, where ruamel's differ in how
    they show the character found there, or in a phrase around it."""
    found = text[index] if index < len(text) else "\0"
    shown = f"{found}({ord(found)})"
    if context is not None:
        context = _RUAMEL_TAG_CONTEXT.sub(r"while scanning a \1", context)
    if context in _ANCHOR_CONTEXTS:
        return context, f"unexpected character found {shown}"
    if problem.endswith("that cannot start any token"):
        token = "\\t(TAB)" if found == "\t" else found  # of the characters SnakeYAML escapes, only a tab gets here
        return context, f"found character '{token}' that cannot start any token. (Do not use {token} for indentation)"
    if match := _HEX_ESCAPE.fullmatch(problem):
        length = int(match[1])
        digits = text[index : index + length]
        return context, f"expected escape sequence of {length} hexadecimal numbers, but found: {digits}"
    if context == "while scanning a tag" and (match := _QUOTED_IN_TAG.fullmatch(problem)):
        return context, f"{match[1]}, but found '{found}' ({ord(found)})"
    if problem.endswith((f"found {found!r}", f"character {found!r}")):  # ruamel shows it as a Python literal
        return context, _MISSING_COMMA.sub(r"\1, but found", problem[: -len(repr(found))]) + shown
    return context, problem


def _resolve(value: str, plain_implicit: bool) -> str:
    """``Resolver.resolve`` for a scalar, reduced to what Jackson distinguishes."""
    if not plain_implicit:
        return "str"
    for kind, pattern, limit in _RESOLVERS.get(value[:1], _FALLBACK):
        if len(value) <= limit and pattern.fullmatch(value):
            return kind
    return "str"


def _yaml_boolean(value: str) -> bool | None:
    """``YAMLParser._matchYAMLBoolean``."""
    for word, boolean in _BOOLEAN_WORDS:
        if _equals_ignore_case(value, word):
            return boolean
    return None


def _equals_ignore_case(text: str, word: str) -> bool:
    """``String.equalsIgnoreCase``, character by character (so the long s, U+017F, matches ``s``)."""
    return len(text) == len(word) and all(
        a == b or a.upper() == b.upper() or a.lower() == b.lower() for a, b in zip(text, word, strict=True)
    )


def _number_length(length: int) -> JacksonError:
    return JacksonError(
        f"Number value length ({length}) exceeds the maximum allowed"
        f" ({_MAX_NUMBER_LENGTH}, from `StreamReadConstraints.getMaxNumberLength()`)"
    )


class _NumberFormat(Exception):
    """Java's NumberFormatException, with its message."""


def _java_digit(ch: str, radix: int) -> int:
    """``Character.digit``: Unicode decimal digits and (fullwidth) Latin letters count."""
    code = ord(ch)
    if unicodedata.category(ch) == "Nd":
        value = unicodedata.decimal(ch)
    elif "A" <= ch <= "Z" or "a" <= ch <= "z":
        value = int(ch, 36)
    elif 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        value = (code - 0xFF21 if code <= 0xFF3A else code - 0xFF41) + 10
    else:
        return -1
    return value if value < radix else -1


def _java_parse_int(text: str, radix: int, bits: int) -> int:
    """``Integer.parseInt`` (32 bits) or ``Long.parseLong`` (64) with a radix."""
    failure = _NumberFormat(f'For input string: "{text}"' + ("" if radix == 10 else f" under radix {radix}"))
    negative = text[:1] == "-"
    digits = text[1:] if text[:1] in "+-" else text
    if not digits:
        raise failure
    number = 0
    for ch in digits:
        digit = _java_digit(ch, radix)
        if digit < 0:
            raise failure
        number = number * radix + digit
    number = -number if negative else number
    if not -(1 << (bits - 1)) <= number < 1 << (bits - 1):
        raise failure
    return number


_DIGITS_PER_INT = {2: 30, 8: 10, 16: 7}  # BigInteger.digitsPerInt


def _java_big_integer(text: str, radix: int) -> int:
    """``new BigInteger(text, radix)``: its own checks, then ``Integer.parseInt`` group by group
    (so a bad digit is reported with the group it falls in)."""
    minus, plus = text.rfind("-"), text.rfind("+")
    cursor = 0
    if minus >= 0:
        if minus != 0 or plus >= 0:
            raise _NumberFormat("Illegal embedded sign character")
        cursor = 1
    elif plus >= 0:
        if plus != 0:
            raise _NumberFormat("Illegal embedded sign character")
        cursor = 1
    if cursor == len(text):
        raise _NumberFormat("Zero length BigInteger")
    while cursor < len(text) and _java_digit(text[cursor], radix) == 0:
        cursor += 1
    if cursor == len(text):
        return 0
    size = _DIGITS_PER_INT[radix]
    first = (len(text) - cursor) % size or size
    groups = [text[cursor : cursor + first]]
    groups += [text[i : i + size] for i in range(cursor + first, len(text), size)]
    number = 0
    for group in groups:
        number = number * radix ** len(group) + _java_parse_int(group, radix, 32)
    return -number if minus == 0 else number


def _java_parse_double(text: str) -> float | None:
    """``Double.parseDouble``, or None where it throws NumberFormatException."""
    match = _JAVA_DOUBLE.fullmatch(text.strip(_JAVA_TRIMMED))
    if match is None:
        return None
    body = match.group(0)
    negative = body.startswith("-")
    if match.group("dec") is not None:
        number = float(match.group("dec"))
    elif match.group("hex") is not None:
        number = float.fromhex(match.group("hex"))
    else:
        number = float("nan") if body.endswith("NaN") else float("inf")
    return -number if negative else number


_BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_BASE64_EOF = (
    "Unexpected end of base64-encoded String: base64 variant 'MIME' expects padding (one or more '='"
    " characters) at the end. This Base64Variant might have been incorrectly configured"
)


def _mime_decode(text: str) -> bytes:
    """``Base64Variants.MIME.decode``: spaces and controls only between 4-char units, padding required;
    ValueError carries Jackson's message."""
    out = bytearray()
    chars = iter(text)

    def take() -> str:
        ch = next(chars, None)
        if ch is None:
            raise ValueError(_BASE64_EOF)
        return ch

    while True:
        ch = next((ch for ch in chars if ch > " "), None)
        if ch is None:
            return bytes(out)
        data = 0
        for position in range(4):
            if position:
                ch = take()
            bits = _BASE64.find(ch) if ch != "=" else -2
            if bits == -2 and position >= 2:
                if position == 2 and (ch := take()) != "=":
                    raise ValueError(_base64_problem(ch, 3, "expected padding character '='"))
                out += (data >> (4 if position == 2 else 2)).to_bytes(position - 1, "big")
                break
            if bits < 0:
                raise ValueError(_base64_problem(ch, position, None))
            data = data << 6 | bits
        else:
            out += data.to_bytes(3, "big")


def _base64_problem(ch: str, position: int, detail: str | None) -> str:
    """``Base64Variant._reportInvalidBase64``, about one Java char (a high surrogate, for an emoji)."""
    if ord(ch) > 0xFFFF:
        ch = chr(0xD800 + ((ord(ch) - 0x10000) >> 10))
    code = f"{ord(ch):x}"
    if ch <= " ":
        base = (
            f"Illegal white space character (code 0x{code}) as character #{position + 1} of 4-char base64 unit:"
            " can only used between units"
        )
    elif ch == "=":
        base = (
            f"Unexpected padding character ('=') as character #{position + 1} of 4-char base64 unit:"
            " padding only legal as 3rd or 4th character"
        )
    elif unicodedata.category(ch) in ("Cc", "Cn"):  # !Character.isDefined || isISOControl
        base = f"Illegal character (code 0x{code}) in base64 content"
    else:
        base = f"Illegal character '{ch}' (code 0x{code}) in base64 content"
    return base if detail is None else f"{base}: {detail}"
