"""Kestra 2.0's regular-expression filters ``regexMatch``, ``regexReplace`` and ``regexExtract``, after
``io.kestra.core.runners.pebble.filters.Regex*Filter``, messages included.

Kestra compiles the pattern with ``java.util.regex.Pattern``; we translate it into Python's ``re``
where both engines give it the same meaning: Java's syntax errors come out with Java's descriptions
(what ``PatternSyntaxException.getDescription`` says), and a construct Python would read otherwise
(backreferences, ``(?...)`` groups, Unicode properties, nested classes and intersections...) makes the
filter's value an ``Unknowable``, as does a pattern that could backtrack badly (Kestra stops those
after a timeout, we refuse them: ``filters._safe_regex``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from flowls.pebble.values import Unknowable, class_cast, is_number, java_str

_INT_MAX = 2**31 - 1
# Java's line terminators besides "\n", the only one Python's `.` and `$` know.
_OTHER_LINE_TERMINATORS = frozenset("\r\x85\u2028\u2029")
# Escapes Java refuses (``Illegal/unsupported escape sequence``), outside and inside a class.
_BAD_ESCAPES = frozenset("CEFIJKLMOTUYgijlmoqy")
_BAD_CLASS_ESCAPES = _BAD_ESCAPES | frozenset("123456789ABGRXZbkz")
# Escapes Java knows but we do not translate: backreferences, \G \R \X, horizontal/vertical space,
# Unicode properties and names, \Q...\E quoting, named backreferences.
_UNTRANSLATED_ESCAPES = frozenset("123456789GHNPQRVXhkpv")
_CONTROL_ESCAPES = {"a": 0x07, "e": 0x1B, "f": 0x0C, "n": 0x0A, "r": 0x0D, "t": 0x09}
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_OCTAL_DIGITS = frozenset("01234567")


class _Invalid(Exception):
    """Java's PatternSyntaxException, by its description."""

    def __init__(self, description: str) -> None:
        super().__init__(description)
        self.description = description


class _Untranslatable(Exception):
    """A valid Java pattern Python's ``re`` would read differently."""


@dataclass(frozen=True)
class JavaPattern:
    python: re.Pattern[str]
    lines: bool  # uses `.`, `$` or `\Z`, which know Java's other line terminators
    bounds: bool  # uses `\b` or `\B`, for which Java counts a non-spacing mark after a word character

    def same_meaning_on(self, text: str) -> bool:
        """Whether Python matches ``text`` as Java does (the input decides for `.`, `$` and `\\b`)."""
        if self.lines and not _OTHER_LINE_TERMINATORS.isdisjoint(text):
            return False
        return not (self.bounds and any(unicodedata.category(char) == "Mn" for char in text))


class _Translator:
    """Reads a Java pattern as ``Pattern.compile`` does (without flags) and writes its Python form."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pos = 0
        self.lines = False
        self.bounds = False

    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.pattern[index] if index < len(self.pattern) else ""

    def read(self) -> str:
        char = self.peek()
        self.pos += 1
        return char

    def translate(self) -> str:
        out: list[str] = []
        depth = 0
        quantifiable = False  # whether something precedes that a quantifier repeats
        while self.pos < len(self.pattern):
            char = self.read()
            if char in "*+?{":
                quantifier = self.counted() if char == "{" else char
                if not quantifiable:
                    if char == "{":  # Java repeats an empty atom, Python reads the braces literally
                        raise _Untranslatable
                    raise _Invalid(f"Dangling meta character '{char}'")
                out.append(quantifier + self.quantifier_mode())
                quantifiable = False
            elif char in "(|":
                if char == "(" and self.peek() == "?":  # flags, non-capturing groups, look-arounds
                    raise _Untranslatable
                depth += char == "("
                out.append(char)
                quantifiable = False
            else:
                if char == ")":
                    if not depth:
                        raise _Invalid("Unmatched closing ')'")
                    depth -= 1
                out.append(self.atom(char))
                quantifiable = True
        if depth:
            raise _Invalid("Unclosed group")
        return "".join(out)

    def atom(self, char: str) -> str:
        """What a quantifier may follow: a group's end, a class, an escape, an anchor or a character."""
        if char == "[":
            return self.char_class()
        if char == "\\":
            return self.escape()
        if char in ".$":
            self.lines = True
        return char if char in ".$^)" else re.escape(char)

    def quantifier_mode(self) -> str:
        """A lazy (`?`) or possessive (`+`) mark after a quantifier."""
        return self.read() if self.peek() in ("?", "+") else ""

    def digits(self) -> str:
        start = self.pos
        while self.peek().isascii() and self.peek().isdigit():
            self.pos += 1
        return self.pattern[start : self.pos]

    def counted(self) -> str:
        """``Pattern.closure`` of ``{n}``, ``{n,}`` or ``{n,m}``, the brace already read."""
        start = self.pos - 1
        low = self.digits()
        if not low:
            raise _Invalid("Illegal repetition")
        if int(low) > _INT_MAX:
            raise _Invalid("Illegal repetition range")
        high = low
        if self.peek() == ",":
            self.pos += 1
            high = self.digits()
            if high and int(high) > _INT_MAX:
                raise _Invalid("Illegal repetition range")
        if self.peek() != "}":
            raise _Invalid("Unclosed counted closure")
        self.pos += 1
        if high and int(high) < int(low):
            raise _Invalid("Illegal repetition range")
        return self.pattern[start : self.pos]

    def escape(self) -> str:
        """An escape outside a class, the backslash already read."""
        if self.pos >= len(self.pattern):
            raise _Invalid("Unescaped trailing backslash")
        char = self.read()
        if char in _UNTRANSLATED_ESCAPES:
            raise _Untranslatable
        if char in _BAD_ESCAPES:
            raise _Invalid("Illegal/unsupported escape sequence")
        if char in "dDsSwWA":
            return "\\" + char  # compiled with re.ASCII, as Java's classes are
        if char in "bB":
            if char == "b" and self.peek() == "{":  # \b{g}, a grapheme boundary
                raise _Untranslatable
            self.bounds = True
            return "\\" + char
        if char == "z":
            return r"\Z"
        if char == "Z":  # before a final line terminator, as Python's `$`
            self.lines = True
            return "$"
        return re.escape(chr(self.code_point(char)))

    def code_point(self, char: str) -> int:
        """The character an escape stands for, its letter already read."""
        if char in _CONTROL_ESCAPES:
            return _CONTROL_ESCAPES[char]
        if char == "0":
            return self.octal()
        if char == "c":
            if self.pos >= len(self.pattern):
                raise _Invalid("Illegal control escape sequence")
            return ord(self.read()) ^ 64
        if char == "u":
            return self.unicode()
        if char == "x":
            return self.hexadecimal()
        return ord(char)

    def octal(self) -> int:
        digits = ""
        while len(digits) < 3 and self.peek() in _OCTAL_DIGITS:
            digits += self.read()
        if len(digits) == 3 and digits[0] > "3":  # \0mnn only up to \0377
            self.pos -= 1
            digits = digits[:2]
        if not digits:
            raise _Invalid("Illegal octal escape sequence")
        return int(digits, 8)

    def unicode(self) -> int:
        code = self.hex_units(4, "Illegal Unicode escape sequence")
        if 0xD800 <= code < 0xDC00 and self.pattern.startswith("\\u", self.pos):
            saved = self.pos
            self.pos += 2
            low = self.hex_units(4, "Illegal Unicode escape sequence")
            if 0xDC00 <= low < 0xE000:
                return 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            self.pos = saved
        if 0xD800 <= code < 0xE000:  # a lone surrogate: Java matches UTF-16 units, Python code points
            raise _Untranslatable
        return code

    def hex_units(self, count: int, description: str) -> int:
        text = self.pattern[self.pos : self.pos + count]
        if len(text) < count or not _HEX_DIGITS.issuperset(text):
            raise _Invalid(description)
        self.pos += count
        return int(text, 16)

    def hexadecimal(self) -> int:
        if self.peek() == "{" and self.peek(1) in _HEX_DIGITS:
            self.pos += 1
            code = 0
            while self.peek() in _HEX_DIGITS:
                code = code * 16 + int(self.read(), 16)
                if code > 0x10FFFF:
                    raise _Invalid("Hexadecimal codepoint is too big")
            if self.read() != "}":
                raise _Invalid("Unclosed hexadecimal escape sequence")
            return code
        return self.hex_units(2, "Illegal hexadecimal escape sequence")

    def char_class(self) -> str:
        """``Pattern.clazz``, the bracket already read: every character written escaped, so that Python
        reads only our ranges as ranges."""
        out = ["["]
        if self.peek() == "^":
            out.append(self.read())
        items = 0
        while True:
            if self.pos >= len(self.pattern):
                raise _Invalid("Unclosed character class")
            char = self.peek()
            if char == "]" and items:  # a `]` first in the class is a literal
                self.pos += 1
                out.append("]")
                return "".join(out)
            if char == "[" or (char == "&" and self.peek(1) == "&"):  # unions and intersections
                raise _Untranslatable
            self.pos += 1
            items += 1
            if char == "\\":
                start = self.class_escape()
                if isinstance(start, str):
                    out.append(start)
                    continue
            else:
                start = ord(char)
            out.append(re.escape(chr(start)))
            if self.peek() == "-" and self.peek(1) not in ("]", "["):
                self.pos += 1
                end = self.range_end()
                if end < start:
                    raise _Invalid("Illegal character range")
                out.append("-" + re.escape(chr(end)))

    def class_escape(self) -> int | str:
        """An escape inside a class: a character, or a predefined class written as Python's."""
        if self.pos >= len(self.pattern):
            raise _Invalid("Unclosed character class")
        char = self.read()
        if char in "dDsSwW":
            return "\\" + char
        if char in _BAD_CLASS_ESCAPES:
            raise _Invalid("Illegal/unsupported escape sequence")
        if char in _UNTRANSLATED_ESCAPES:
            raise _Untranslatable
        return self.code_point(char)

    def range_end(self) -> int:
        """The end of a range, after its dash: a predefined class there is an illegal range."""
        if self.pos >= len(self.pattern):
            return 0  # Java reads the NUL that pads the pattern
        char = self.read()
        if char != "\\":
            return ord(char)
        if self.pos >= len(self.pattern):
            return 0
        end = self.class_escape()
        if isinstance(end, str):
            raise _Invalid("Illegal character range")
        return end


def _compile(renderer, call, regex: str) -> JavaPattern | None:
    """``Pattern.compile(regex)``: our equivalent, None when Python cannot give it Java's meaning, or
    the filter's error for an invalid pattern."""
    # filters.py registers these filters, so it is only imported once both modules are loaded.
    from flowls.pebble.filters import _safe_regex

    translator = _Translator(regex)
    try:
        translated = translator.translate()
    except _Invalid as invalid:
        raise renderer.error(call, f"Invalid regex '{regex}': {invalid.description}") from None
    except _Untranslatable:
        return None
    if _safe_regex(translated) is None:
        return None
    return JavaPattern(re.compile(translated, re.ASCII), translator.lines, translator.bounds)


def _required(renderer, call, args: dict, name: str) -> str:
    """A required argument, as its ``toString()``."""
    value = args.get(name)
    if value is None:
        raise renderer.error(call, f"The argument '{name}' is required.")
    return java_str(value)


def _not_simulated(renderer, call) -> Unknowable:
    remedy = "flowls only runs a Java regular expression that Python's re reads the same way, and cheaply"
    return Unknowable(renderer.source(call), remedy)


def _regex_match(renderer, call, value, args):
    """``RegexMatchFilter``: whether the pattern is found anywhere in the input."""
    if value is None:
        return False
    regex = _required(renderer, call, args, "regex")
    pattern = _compile(renderer, call, regex)
    text = java_str(value)
    if pattern is None or not pattern.same_meaning_on(text):
        return _not_simulated(renderer, call)
    return pattern.python.search(text) is not None


def _regex_replace(renderer, call, value, args):
    """``RegexReplaceFilter``: ``Matcher.replaceAll``, whose replacement is only read at a match."""
    from flowls.pebble.filters import _java_replacement

    if value is None:
        return None
    regex = _required(renderer, call, args, "regex")
    replacement = _required(renderer, call, args, "replacement")
    pattern = _compile(renderer, call, regex)
    text = java_str(value)
    if pattern is None or not pattern.same_meaning_on(text):
        return _not_simulated(renderer, call)
    if pattern.python.search(text) is None:
        return text
    substitute = _java_replacement(renderer, call, replacement, pattern.python.groups)
    return renderer.check_size(call, pattern.python.sub(substitute, text))


def _int_value(number: int | float) -> int:
    """``Number.intValue``: a Long keeps its low 32 bits, a Double is truncated and saturated."""
    if isinstance(number, float):
        if number != number:
            return 0
        return int(max(-_INT_MAX - 1, min(_INT_MAX, number)))
    number &= 0xFFFFFFFF
    return number - (1 << 32) if number > _INT_MAX else number


def _regex_extract(renderer, call, value, args):
    """``RegexExtractFilter``: the first match, or one of its groups (null when it took no part)."""
    if value is None:
        return None
    regex = _required(renderer, call, args, "regex")
    group = args.get("group")
    if group is None:
        group = 0
    elif not is_number(group):
        raise renderer.error(call, class_cast(group, "java.lang.Number"))
    group = _int_value(group)
    if group < 0:  # MessageFormat prints numbers with grouping separators
        raise renderer.error(call, f"Group index {group:,} is out of bounds: must be >= 0.")
    pattern = _compile(renderer, call, regex)
    text = java_str(value)
    if pattern is None or not pattern.same_meaning_on(text):
        return _not_simulated(renderer, call)
    match = pattern.python.search(text)
    if match is None:
        return None
    count = pattern.python.groups
    if group > count:
        message = f"Group index {group:,} is out of bounds: the pattern has only {count:,} capture group(s)."
        raise renderer.error(call, message)
    return match.group(group)


FILTERS: dict[str, Callable] = {
    "regexMatch": _regex_match,
    "regexReplace": _regex_replace,
    "regexExtract": _regex_extract,
}
