"""Pebble's template parser (``ParserImpl`` and the tag parsers Kestra keeps), with exact ranges
and recovery.

Each ``{{ }}`` or ``{% %}`` reports at most its first syntax error, then parsing resumes after its
closing delimiter, so later expressions still parse. Tags stay paired: an end tag that belongs to an
enclosing tag closes the tags in between (each reported as unclosed), and a stray one is reported and
skipped, so one bad tag does not unbalance the rest of the template.
"""

from __future__ import annotations

from flowls.pebble import ast as p
from flowls.pebble.ast import PebbleError
from flowls.pebble.builtins import KESTRA_1, REMOVED_TAGS, Dialect
from flowls.pebble.expr_parser import ExpressionParser, Fail
from flowls.pebble.lexer import (
    COMMENT,
    EOF,
    EXECUTE_END,
    EXECUTE_START,
    NAME,
    OP,
    PRINT_END,
    PRINT_START,
    STRING,
    TEXT,
    Token,
    tokenize,
)

MAX_TAG_DEPTH = 60

# Tags that continue or end an enclosing tag, and the tags they belong to.
_OWNERS = {
    "elseif": ("if",),
    "else": ("if", "for"),
    "endif": ("if",),
    "endfor": ("for",),
    "endfilter": ("filter",),
    "endmacro": ("macro",),
    "endblock": ("block",),
}
_IF_STOP = frozenset(("elseif", "else", "endif"))


def parse_template(text: str, dialect: Dialect = KESTRA_1) -> p.Template:
    """Parse a template. Never raises: syntax errors are in ``Template.errors``, in text order."""
    if "{" not in text:
        return p.Template(text, [p.Text(0, len(text), text)] if text else [], [], False)
    tokens, errors, found = tokenize(text, dialect)
    if not found:
        return p.Template(text, [p.Text(0, len(text), text)], [], False)
    parser = _Parser(text, tokens, dialect)
    try:
        body = parser.body(frozenset())
    except RecursionError:  # only when called with the stack already nearly full
        body = []
        parser.errors.append(PebbleError(0, len(text), "template nested too deeply"))
    errors.extend(parser.errors)
    errors.sort(key=lambda error: error.start)
    return p.Template(text, body, errors, True, dialect.wrapping)


class _Parser(ExpressionParser):
    def __init__(self, text: str, tokens: list[Token], dialect: Dialect) -> None:
        super().__init__(text, tokens, dialect)
        self.errors: list[PebbleError] = []
        self.open: list[str] = []  # the block tags being parsed, outermost first
        self.unknown: set[str] = set()  # unknown tags already reported (their end tags are not)

    # --- helpers -------------------------------------------------------------------------------

    def recover(self, failure: Fail, kind: str) -> tuple[int, int]:
        """Record the error and skip past the end of the current region; returns where its closing
        delimiter starts and ends."""
        self.errors.append(failure.error)
        tokens = self.tokens
        while True:
            token = tokens[self.i]
            if token.kind is kind:
                self.i += 1
                return token.start, token.end
            if token.kind is EOF:
                return token.start, token.start
            self.i += 1

    def tag_name(self) -> str | None:
        """The name of the tag at the current token, if it is a ``{%`` followed by a name."""
        tokens = self.tokens
        if tokens[self.i].kind is EXECUTE_START and tokens[self.i + 1].kind is NAME:
            return tokens[self.i + 1].value
        return None

    def header(self, parse=None) -> p.Node | None:
        """The rest of a tag after its name, then ``%}``; on error, skip to the ``%}``."""
        self.region = self.tokens[self.i - 2]
        self.depth = 0
        try:
            value = parse() if parse else None
            self.expect_close(EXECUTE_END)
            return value
        except Fail as failure:
            self.recover(failure, EXECUTE_END)
            return None

    def invalid(self, after: Token) -> p.Invalid:
        """Stands for the expression of a tag whose header did not parse."""
        return p.Invalid(after.end, max(after.end, self.tokens[self.i - 1].start))

    # --- template level ------------------------------------------------------------------------

    def body(self, stop: frozenset[str]) -> list[p.Node]:
        """Nodes up to the end of the template or a tag named in ``stop`` (left unconsumed)."""
        nodes: list[p.Node] = []
        tokens = self.tokens
        while True:
            token = tokens[self.i]
            kind = token.kind
            if kind is PRINT_START:
                nodes.append(self.print_())
            elif kind is EXECUTE_START:
                name = self.tag_name()
                if name in stop:
                    return nodes
                if name in _OWNERS and any(owner in self.open for owner in _OWNERS[name]):
                    return nodes  # it belongs to an enclosing tag: the tags in between are unclosed
                node = self.tag()
                if node is not None:
                    nodes.append(node)
            elif kind is EOF:
                return nodes
            else:
                self.i += 1
                if kind is TEXT:
                    nodes.append(p.Text(token.start, token.end, token.value))
                elif kind is COMMENT:
                    nodes.append(p.Comment(token.start, token.end, token.value))
                else:
                    nodes.append(p.Verbatim(token.start, token.end, token.value))

    def print_(self) -> p.Print:
        start_token = self.region = self.tokens[self.i]
        self.i += 1
        self.depth = 0
        try:
            expr = self.expression()
            self.expect_close(PRINT_END)
            return p.Print(start_token.start, self.prev_end, expr)
        except Fail as failure:
            inner_end, end = self.recover(failure, PRINT_END)
            return p.Print(start_token.start, end, p.Invalid(start_token.end, max(start_token.end, inner_end)))

    def tag(self) -> p.Node | None:
        tokens = self.tokens
        start_token, name_token = tokens[self.i], tokens[self.i + 1]
        self.region = start_token
        if name_token.kind is not NAME:
            self.i += 1
            if name_token.kind is OP and name_token.value == "-" and name_token.start == start_token.end:
                failure = self.fail("a tag name ('{%-' trims whitespace only when a space follows the '-')")
            else:
                failure = self.fail("a tag name")
            self.recover(failure, EXECUTE_END)
            return None
        name = name_token.value
        self.i += 2
        handler = _TAGS.get(name)
        if handler is not None and len(self.open) < MAX_TAG_DEPTH:
            return handler(self, start_token, name_token)
        if handler is not None:
            message = "tags nested too deeply"
        elif name in _OWNERS:
            owners = " or ".join(f"'{owner}'" for owner in _OWNERS[name])
            message = f"'{name}' without a matching {owners}"
        elif name in REMOVED_TAGS:
            message = f"unknown tag '{name}': Kestra disables it"
        else:
            message = f"unknown tag '{name}'"
        silent = name.startswith("end") and name[3:] in self.unknown
        self.unknown.add(name)
        _, end = self.recover(Fail(PebbleError(name_token.start, name_token.end, message)), EXECUTE_END)
        if silent:
            self.errors.pop()
        return p.UnknownTag(start_token.start, end, name)

    def end_tag(self, opener: Token, expected: str, accept=None) -> None:
        """Consume ``{% expected %}`` if it is there; report ``opener`` as unclosed if not."""
        if self.tag_name() == expected:
            self.i += 2
            self.header(accept)
        else:
            self.errors.append(PebbleError(opener.start, opener.end, f"unclosed '{opener.value}' tag"))

    def tag_if(self, start: Token, name: Token) -> p.If:
        branches: list[tuple[p.Node, list[p.Node]]] = []
        else_body: list[p.Node] | None = None
        condition = self.header(self.expression) or self.invalid(name)
        self.open.append("if")
        branches.append((condition, self.body(_IF_STOP)))
        while True:
            tag = self.tag_name()
            if tag == "elseif":
                if else_body is not None:
                    at = self.tokens[self.i + 1]
                    self.errors.append(PebbleError(at.start, at.end, "'elseif' after 'else'"))
                self.i += 2
                condition = self.header(self.expression) or self.invalid(name)
                branches.append((condition, self.body(_IF_STOP)))
            elif tag == "else":
                if else_body is not None:
                    at = self.tokens[self.i + 1]
                    self.errors.append(PebbleError(at.start, at.end, "a second 'else' in the same 'if'"))
                self.i += 2
                self.header()
                else_body = (else_body or []) + self.body(frozenset(("endif",)))
            else:
                break
        self.open.pop()
        self.end_tag(name, "endif")
        return p.If(start.start, self.prev_end, branches, else_body)

    def tag_for(self, start: Token, name: Token) -> p.For:
        targets: list[p.Name] = []

        def head() -> p.Node:
            targets.append(self.new_name("a loop variable name"))
            if self.at_punct(","):
                comma = self.tokens[self.i].start
                while self.at_punct(","):
                    self.i += 1
                    targets.append(self.new_name("a loop variable name"))
                message = "Pebble's 'for' takes one loop variable: loop over the map and use 'entry.key', 'entry.value'"
                self.errors.append(PebbleError(comma, targets[-1].end, message))
            token = self.tokens[self.i]
            if token.kind is not NAME or token.value != "in":
                raise self.fail("'in'")
            self.i += 1
            return self.expression()

        iterable = self.header(head) or self.invalid(name)
        self.open.append("for")
        body = self.body(frozenset(("else", "endfor")))
        else_body = None
        if self.tag_name() == "else":
            self.i += 2
            self.header()
            else_body = self.body(frozenset(("endfor",)))
        self.open.pop()
        self.end_tag(name, "endfor")
        return p.For(start.start, self.prev_end, targets, iterable, body, else_body)

    def tag_set(self, start: Token, name: Token) -> p.Set:
        target: list[p.Name] = []

        def head() -> p.Node:
            target.append(self.new_name("a variable name"))
            self.expect_punct("=")
            return self.expression()

        value = self.header(head) or self.invalid(name)
        name_node = target[0] if target else p.Name(name.end, name.end, "")
        return p.Set(start.start, self.prev_end, name_node, value)

    def tag_filter(self, start: Token, name: Token) -> p.FilterBlock:
        filters: list[p.FilterCall] = []

        def head() -> None:
            filters.append(self.filter_call())
            while self.tokens[self.i].kind is OP and self.tokens[self.i].value == "|":
                self.i += 1
                filters.append(self.filter_call())

        self.header(head)
        self.open.append("filter")
        body = self.body(frozenset(("endfilter",)))
        self.open.pop()
        self.end_tag(name, "endfilter")
        return p.FilterBlock(start.start, self.prev_end, filters, body)

    def tag_macro(self, start: Token, name: Token) -> p.Macro:
        found: list[p.Name] = []
        params: list[p.Name] = []
        defaults: list[p.Node | None] = []

        def head() -> None:
            token = self.tokens[self.i]
            if token.kind is not NAME:
                raise self.fail("a macro name")
            self.i += 1
            found.append(p.Name(token.start, token.end, token.value))
            self.expect_punct("(")
            while not self.at_punct(")"):
                if params:
                    self.expect_punct(",", "',' or ')'")
                params.append(self.new_name("a parameter name"))
                defaults.append(None)
                if self.at_punct("="):
                    self.i += 1
                    defaults[-1] = self.expression()
            self.i += 1

        self.header(head)
        self.open.append("macro")
        body = self.body(frozenset(("endmacro",)))
        self.open.pop()
        self.end_tag(name, "endmacro")
        macro_name = found[0] if found else p.Name(name.end, name.end, "")
        return p.Macro(start.start, self.prev_end, macro_name, params, defaults, body)

    def tag_block(self, start: Token, name: Token) -> p.Block:
        found: list[Token] = []

        def head() -> None:
            token = self.tokens[self.i]
            if token.kind is not NAME and token.kind is not STRING:
                raise self.fail("a block name")
            self.i += 1
            found.append(token)

        self.header(head)
        block = found[0] if found else Token(NAME, "", name.end, name.end)
        self.open.append("block")
        body = self.body(frozenset(("endblock",)))
        self.open.pop()

        def tail() -> None:  # "{% endblock name %}" may repeat the name
            token = self.tokens[self.i]
            if token.kind in (NAME, STRING) and token.value == block.value:
                self.i += 1

        self.end_tag(name, "endblock", tail)
        return p.Block(start.start, self.prev_end, block.value, block.start, block.end, body)


_TAGS = {
    "if": _Parser.tag_if,
    "for": _Parser.tag_for,
    "set": _Parser.tag_set,
    "filter": _Parser.tag_filter,
    "macro": _Parser.tag_macro,
    "block": _Parser.tag_block,
}
