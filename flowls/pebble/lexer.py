"""Pebble's lexer, as Kestra configures it: one flat list of tokens with exact offsets.

Follows Pebble 4.1.1's ``LexerImpl``: text outside ``{{ }}``, ``{% %}`` and ``{# #}`` is data; inside,
whitespace is skipped and the first of these that matches wins: the closing delimiter (when no
bracket is open), an operator (longest first; a word operator must not be followed by
``[A-Za-z0-9_]``), a name, a long (``12L``), a number, a punctuation mark, a string. A closing
delimiter preceded by ``-`` trims the whitespace after it; an opening one followed by ``-`` and
whitespace trims the whitespace before it. ``{% verbatim %}`` is cut out here, as is Kestra's
``{% raw %}`` (which Kestra replaces before Pebble sees the template).

The lexer never fails: an unexpected character or an unterminated string becomes an ``ERROR`` token
(the parser reports the first error of each ``{{ }}``/``{% %}``), and errors outside expressions
(unclosed comments, verbatim and raw blocks) are returned beside the tokens.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flowls.pebble.ast import PebbleError
from flowls.pebble.builtins import Dialect

# Token kinds (compared with ``is``).
TEXT = "TEXT"
COMMENT = "COMMENT"
VERBATIM = "VERBATIM"
PRINT_START = "PRINT_START"  # {{
PRINT_END = "PRINT_END"  # }}  (value: True when written -}})
EXECUTE_START = "EXECUTE_START"  # {%
EXECUTE_END = "EXECUTE_END"  # %}
NAME = "NAME"
NUMBER = "NUMBER"  # value: int or float
STRING = "STRING"  # a whole plain string (value unescaped), or a part of an interpolated one (as written)
STR_OPEN = "STR_OPEN"  # the " opening a string with #{ } (or an unterminated one)
STR_CLOSE = "STR_CLOSE"
INTERP_START = "INTERP_START"  # #{
INTERP_END = "INTERP_END"  # }
OP = "OP"
PUNCT = "PUNCT"
ERROR = "ERROR"  # value: the message
EOF = "EOF"


class Token:
    __slots__ = ("end", "kind", "start", "value")

    def __init__(self, kind: str, value: object, start: int, end: int) -> None:
        self.kind = kind
        self.value = value
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        return f"Token({self.kind}, {self.value!r}, {self.start}, {self.end})"


# Java's \s (no UNICODE_CHARACTER_CLASS), which Pebble's and Kestra's regular expressions use.
_S = "[ \t\n\x0b\f\r]"
# Character.isWhitespace, which Pebble's trimming and expression whitespace skipping use.
JAVA_WHITESPACE = (
    " \t\n\x0b\f\r\x1c\x1d\x1e\x1f\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2008\u2009\u200a\u2028\u2029\u205f\u3000"
)

_START = re.compile(r"\{[{%#]")
_LEADING_TRIM = re.compile("-" + _S + "+")
_COMMENT_TRIM = re.compile(_S + r"+-\Z")
# Kestra's VariableRenderer.RAW_PATTERN, split in two; its '.' does not cross line breaks.
_RAW_OPEN = re.compile(r"\{%-*" + _S + "*(raw)" + _S + "*-*%}")
_RAW_CLOSE = re.compile(r"\{%-*" + _S + "*endraw" + _S + "*-*%}")
_JAVA_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")
_VERBATIM_OPEN = re.compile(_S + "*(verbatim)" + _S + "*-?%}")
_VERBATIM_CLOSE = re.compile(r"\{%(-)?" + _S + "*endverbatim" + _S + "*(-)?%}")
_SINGLE_QUOTED = re.compile(r"'([^'\\]*(?:\\.[^'\\]*)*)'", re.S)
_DOUBLE_QUOTED = re.compile(r'"([^#"\\]*(?:\\.[^#"\\]*)*)"', re.S)
_STRING_PART = re.compile(r'[^#"\\]*(?:(?:\\.|#(?!\{))[^#"\\]*)*', re.S)

_PUNCTUATION = "()[]{}?:.,|="
_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {")": "(", "]": "[", "}": "{"}


@lru_cache(maxsize=8)
def _patterns(dialect: Dialect) -> dict[str, re.Pattern[str]]:
    """The expression pattern of a dialect, for each closing delimiter."""
    operators = frozenset((*dialect.binary, *dialect.unary))
    return {closer: _expression_pattern(operators, closer) for closer in ("}}", "%}")}


def _expression_pattern(operators: frozenset[str], closer: str) -> re.Pattern[str]:
    """Whitespace, then the closing delimiter, an operator, a name, a long, a number, a punctuation
    mark or a quote, in Pebble's order of preference (no group: an unexpected character, or the end)."""
    alternatives = []
    for op in sorted(operators, key=len, reverse=True):
        alternative = re.escape(op)
        if op[-1].isalpha():
            alternative += "(?![a-zA-Z0-9_])"
        alternatives.append(alternative)
    return re.compile(
        f"[{JAVA_WHITESPACE}]*(?:"
        f"(?P<close>-?{re.escape(closer)})"
        f"|(?P<op>{'|'.join(alternatives)})"
        r"|(?P<name>[^\W\d]\w*)"
        r"|(?P<long>[0-9]+)L"
        r"|(?P<number>[0-9]+(?:\.[0-9]+)?)"
        rf"|(?P<punct>[{re.escape(_PUNCTUATION)}])"
        r"""|(?P<quote>['"])"""
        ")?"
    )


def tokenize(text: str, dialect: Dialect) -> tuple[list[Token], list[PebbleError], bool]:
    """Tokens of the whole template (ending with EOF), template-level errors, and whether any Pebble
    delimiter was found."""
    lexer = _Lexer(text, _patterns(dialect))
    lexer.run()
    return lexer.tokens, lexer.errors, lexer.found


class _Lexer:
    def __init__(self, text: str, patterns: dict[str, re.Pattern[str]]) -> None:
        self.text = text
        self.patterns = patterns
        self.tokens: list[Token] = []
        self.errors: list[PebbleError] = []
        self.found = False
        self.trim_next = False  # the previous delimiter asked to trim the whitespace after it

    def text_token(self, start: int, end: int, trim_right: bool) -> None:
        value = self.text[start:end]
        if self.trim_next:
            value = value.lstrip(JAVA_WHITESPACE)
            self.trim_next = False
        if trim_right:
            value = value.rstrip(JAVA_WHITESPACE)
        if value:
            self.tokens.append(Token(TEXT, value, start, end))

    def run(self) -> None:
        text, tokens = self.text, self.tokens
        n = len(text)
        pos = 0
        while pos < n:
            match = _START.search(text, pos)
            if match is None:
                self.text_token(pos, n, False)
                break
            self.found = True
            start = match.start()
            kind = text[start + 1]
            if kind == "%":
                raw = _RAW_OPEN.match(text, start)
                if raw is not None:
                    self.text_token(pos, start, False)
                    pos = self.raw(raw)
                    continue
            after = start + 2
            trim = _LEADING_TRIM.match(text, after)
            self.text_token(pos, start, trim is not None)
            if trim is not None:
                after = trim.end()
            if kind == "#":
                pos = self.comment(start, after)
            elif kind == "{":
                tokens.append(Token(PRINT_START, None, start, start + 2))
                pos = self.region(after, "}}", PRINT_END)
            else:
                verbatim = _VERBATIM_OPEN.match(text, after)
                if verbatim is not None:
                    pos = self.verbatim(start, verbatim)
                else:
                    tokens.append(Token(EXECUTE_START, None, start, start + 2))
                    pos = self.region(after, "%}", EXECUTE_END)
        tokens.append(Token(EOF, None, n, n))

    def comment(self, start: int, after: int) -> int:
        text = self.text
        end = text.find("#}", after)
        if end < 0:
            self.errors.append(PebbleError(start, start + 2, "unclosed comment"))
            self.tokens.append(Token(COMMENT, text[after:], start, len(text)))
            return len(text)
        body = text[after:end]
        self.trim_next = _COMMENT_TRIM.search(body) is not None
        self.tokens.append(Token(COMMENT, body, start, end + 2))
        return end + 2

    def raw(self, opening: re.Match[str]) -> int:
        text = self.text
        start, content = opening.start(), opening.end()
        closing = _RAW_CLOSE.search(text, content)
        if closing is None:
            self.errors.append(PebbleError(*opening.span(1), "unclosed 'raw' tag"))
            self.tokens.append(Token(VERBATIM, text[content:], start, len(text)))
            return len(text)
        value = text[content : closing.start()]
        if _JAVA_LINE_BREAK.search(value):
            message = "Kestra only honours {% raw %} when it ends on the same line: use {% verbatim %} here"
            self.errors.append(PebbleError(*opening.span(1), message))
        self.tokens.append(Token(VERBATIM, value, start, closing.end()))
        return closing.end()

    def verbatim(self, start: int, opening: re.Match[str]) -> int:
        text = self.text
        content = opening.end()
        closing = _VERBATIM_CLOSE.search(text, content)
        if closing is None:
            self.errors.append(PebbleError(*opening.span(1), "unclosed 'verbatim' tag"))
            self.tokens.append(Token(VERBATIM, text[content:].lstrip(JAVA_WHITESPACE), start, len(text)))
            return len(text)
        # Pebble always left-trims verbatim content (it tests a group that is never null).
        value = text[content : closing.start()].lstrip(JAVA_WHITESPACE)
        if closing.group(1):
            value = value.rstrip(JAVA_WHITESPACE)
        self.trim_next = closing.group(2) is not None
        self.tokens.append(Token(VERBATIM, value, start, closing.end()))
        return closing.end()

    def region(self, pos: int, closer: str, end_kind: str) -> int:
        """Tokens of one {{ }} or {% %} from ``pos``; returns the offset after its closing delimiter.

        Pebble ends the region only when no bracket is open. So that a missing ``)`` or ``]`` is
        reported where it is missing rather than swallowing the rest of the template, the closing
        delimiter also ends the region when a ( or [ is open (or a { in {% %}); the parser reports the
        missing bracket there. Inside {{ }}, "}}" after an open { closes the map, as in Pebble."""
        text, tokens = self.text, self.tokens
        pattern = self.patterns[closer]
        n = len(text)
        stack: list[str] = []  # open ( [ { plus '"' (inside a string) and '#' (inside #{ })
        strings: list[tuple[int, int]] = []  # (token count, offset) of each open '"'
        append = tokens.append
        while True:
            top = stack[-1] if stack else None
            if top == '"':
                if text.startswith("#{", pos):
                    append(Token(INTERP_START, None, pos, pos + 2))
                    stack.append("#")
                    pos += 2
                    continue
                part_end = _STRING_PART.match(text, pos).end()
                if part_end > pos:
                    append(Token(STRING, text[pos:part_end], pos, part_end))
                    pos = part_end
                elif pos < n and text[pos] == '"':
                    append(Token(STR_CLOSE, None, pos, pos + 1))
                    stack.pop()
                    strings.pop()
                    pos += 1
                else:  # the end of the template (or a lone backslash before it)
                    pos = self.unterminated(strings, strings[0][1], closer)
                    stack.clear()
                continue
            match = pattern.match(text, pos)
            group = match.lastgroup
            if group is None:
                pos = match.end()
                if pos < n:
                    append(Token(ERROR, f"unexpected character {text[pos]!r}", pos, pos + 1))
                    pos += 1
                    continue
                if strings:  # the end of the template inside #{ }
                    pos = self.unterminated(strings, strings[0][1], closer)
                    stack.clear()
                    continue
                return n
            start, end = match.span(group)
            char = text[start]
            if top == "#" and char == "}":
                append(Token(INTERP_END, None, start, start + 1))
                stack.pop()
                pos = start + 1
                continue
            if group == "close":
                if top is None or ('"' not in stack and (top != "{" or closer == "%}")):
                    trim = end - start == 3
                    append(Token(end_kind, trim, start, end))
                    self.trim_next = trim
                    return end
                end = start + 1  # read the '-' or the '}' alone
                group = "op" if char == "-" else "punct"
            if group == "name":
                append(Token(NAME, text[start:end], start, end))
            elif group == "punct":
                if char in _OPENERS:
                    stack.append(char)
                elif char in _CLOSERS and top in _OPENERS:
                    stack.pop()  # a mismatched one too: the parser reports it
                append(Token(PUNCT, char, start, end))
            elif group == "op":
                append(Token(OP, text[start:end], start, end))
            elif group == "quote":
                end = self.string(start, closer, strings, stack)
            elif group == "long":
                append(Token(NUMBER, int(text[start:end]), start, end + 1))
                end += 1
            else:
                number = text[start:end]
                append(Token(NUMBER, float(number) if "." in number else int(number), start, end))
            pos = end

    def string(self, start: int, closer: str, strings: list[tuple[int, int]], stack: list[str]) -> int:
        """A string starting at ``start``: one token, or the opening of an interpolated string."""
        text = self.text
        if text[start] == "'":
            quoted = _SINGLE_QUOTED.match(text, start)
            if quoted is None:
                end = self.unterminated(strings, start, closer)
                stack.clear()
                return end
            self.tokens.append(Token(STRING, quoted.group(1).replace("\\'", "'"), start, quoted.end()))
            return quoted.end()
        quoted = _DOUBLE_QUOTED.match(text, start)
        if quoted is not None:
            self.tokens.append(Token(STRING, quoted.group(1).replace('\\"', '"'), start, quoted.end()))
            return quoted.end()
        strings.append((len(self.tokens), start))
        self.tokens.append(Token(STR_OPEN, None, start, start + 1))
        stack.append('"')
        return start + 1

    def unterminated(self, strings: list[tuple[int, int]], at: int, closer: str) -> int:
        """Drop the tokens of the open strings, report the quote at ``at`` as unterminated, and resume
        at the next closing delimiter after it."""
        if strings:
            del self.tokens[strings[0][0] :]
            strings.clear()
        self.tokens.append(Token(ERROR, "unterminated string", at, at + 1))
        found = self.text.find(closer, at + 1)
        if found < 0:
            return len(self.text)
        return found - 1 if found - 1 > at and self.text[found - 1] == "-" else found
