"""Pebble expressions (``ExpressionParser`` in Pebble 4.1.1), parsed by precedence climbing.

A unary operator takes an operand at its own precedence (500, so ``not a == b`` is
``(not a) == b``); a binary operator whose precedence is at least the current minimum takes a right
operand at its precedence + 1 (all are left-associative), except ``|`` (its right side is a filter
call) and ``is``/``is not`` (a test call); a ternary ``? :`` is only read at the outermost level of
an expression. List and map literals take no postfix (``[1][0]`` is an error in Pebble), only a bare
name can be called, and ``.name(args)`` is a Java method call.

Errors are raised as ``Fail`` and caught per ``{{ }}``/``{% %}`` by the template parser.
"""

from __future__ import annotations

from flowls.pebble import ast as p
from flowls.pebble.ast import PebbleError
from flowls.pebble.builtins import Dialect
from flowls.pebble.lexer import (
    EOF,
    ERROR,
    EXECUTE_END,
    INTERP_END,
    INTERP_START,
    NAME,
    NUMBER,
    OP,
    PRINT_END,
    PRINT_START,
    PUNCT,
    STR_CLOSE,
    STR_OPEN,
    STRING,
    Token,
)

MAX_EXPRESSION_DEPTH = 100

_CONSTANTS = {"true": True, "TRUE": True, "false": False, "FALSE": False}
_NULLS = frozenset(("null", "NULL", "none", "NONE"))
_RESERVED = frozenset(("true", "false", "null", "none"))  # Pebble's, checked case-sensitively
_ENDS = frozenset((PRINT_END, EXECUTE_END, INTERP_END))
_TESTS = frozenset(("is", "is not"))
_CLOSE_TEXT = {PRINT_END: "'}}'", EXECUTE_END: "'%}'", INTERP_END: "'}'"}


class Fail(Exception):
    """A syntax error, raised to the template parser, which records it and resynchronises."""

    def __init__(self, error: PebbleError) -> None:
        self.error = error


class ExpressionParser:
    def __init__(self, text: str, tokens: list[Token], dialect: Dialect) -> None:
        self.text = text
        self.tokens = tokens
        tokens.append(tokens[-1])  # a second EOF, so that looking one token ahead is always safe
        self.i = 0
        self.binary = dialect.binary
        self.unary = dialect.unary
        self.region: Token = tokens[0]  # the {{ or {% being parsed
        self.depth = 0

    @property
    def prev_end(self) -> int:
        return self.tokens[self.i - 1].end

    def source(self, token: Token) -> str:
        written = self.text[token.start : token.end]
        return written if len(written) <= 30 else written[:27] + "..."

    def fail(self, expected: str) -> Fail:
        """``expected X`` at the current token: empty before a closing delimiter, else on the token;
        the lexer's error when the token is one, ``unclosed '{{'`` at the end of the template."""
        token = self.tokens[self.i]
        if token.kind is ERROR:
            return Fail(PebbleError(token.start, token.end, token.value))
        if token.kind is EOF:
            opener = "{{" if self.region.kind is PRINT_START else "{%"
            return Fail(PebbleError(self.region.start, self.region.end, f"unclosed '{opener}'"))
        if token.kind in _ENDS:
            return Fail(PebbleError(token.start, token.start, f"expected {expected}"))
        return Fail(PebbleError(token.start, token.end, f"expected {expected}, found '{self.source(token)}'"))

    def at_punct(self, value: str) -> bool:
        token = self.tokens[self.i]
        return token.kind is PUNCT and token.value == value

    def expect_punct(self, value: str, expected: str | None = None) -> None:
        if not self.at_punct(value):
            raise self.fail(expected or f"'{value}'")
        self.i += 1

    def expect_close(self, kind: str) -> None:
        if self.tokens[self.i].kind is not kind:
            raise self.fail(_CLOSE_TEXT[kind])
        self.i += 1

    def new_name(self, what: str) -> p.Name:
        """A name a tag binds (Pebble's ``parseNewVariableName``)."""
        token = self.tokens[self.i]
        if token.kind is not NAME:
            raise self.fail(what)
        if token.value in _RESERVED:
            raise Fail(PebbleError(token.start, token.end, f"cannot assign a value to '{token.value}'"))
        self.i += 1
        return p.Name(token.start, token.end, token.value)

    def expression(self, min_precedence: int = 0) -> p.Node:
        tokens = self.tokens
        token = tokens[self.i]
        self.depth += 1
        if self.depth > MAX_EXPRESSION_DEPTH:
            raise Fail(PebbleError(token.start, token.end, "expression nested too deeply"))
        start = token.start
        kind = token.kind
        if kind is OP and token.value in self.unary:
            self.i += 1
            operand = self.expression(self.unary[token.value])
            left: p.Node = p.Unary(start, self.prev_end, token.value, operand)
        elif kind is PUNCT and token.value == "(":
            self.i += 1
            inner = self.expression()
            self.expect_punct(")")
            left = self.postfix(inner, start)
        elif kind is PUNCT and token.value == "[":
            left = self.list_literal()
        elif kind is PUNCT and token.value == "{":
            left = self.map_literal()
        else:
            left = self.postfix(self.primary(), start)
        binary = self.binary
        while True:
            token = tokens[self.i]
            if token.kind is not OP:
                break
            op = token.value
            precedence = binary.get(op)
            if precedence is None or precedence < min_precedence:
                break
            self.i += 1
            if op == "|":
                call = self.filter_call()
                left = p.Filter(start, call.end, left, call)
            elif op in _TESTS:
                left = self.test(left, start, op == "is not")
            else:
                right = self.expression(precedence + 1)
                left = p.Binary(start, self.prev_end, op, left, right, token.start, token.end)
        if min_precedence == 0 and self.at_punct("?"):
            self.i += 1
            if_true = self.expression()
            self.expect_punct(":")
            if_false = self.expression()
            left = p.Ternary(start, self.prev_end, left, if_true, if_false)
        self.depth -= 1
        return left

    def primary(self) -> p.Node:
        token = self.tokens[self.i]
        kind = token.kind
        if kind is NAME:
            self.i += 1
            value = token.value
            if value in _CONSTANTS:
                return p.Literal(token.start, token.end, _CONSTANTS[value])
            if value in _NULLS:
                return p.Literal(token.start, token.end, None)
            name = p.Name(token.start, token.end, value)
            if self.at_punct("("):
                args, kwargs = self.arguments()
                return p.Call(token.start, self.prev_end, name, args, kwargs)
            return name
        if kind is STRING or kind is NUMBER:
            self.i += 1
            return p.Literal(token.start, token.end, token.value)
        if kind is STR_OPEN:
            return self.interpolation()
        if kind in _ENDS:
            raise Fail(PebbleError(token.start, token.start, "unexpected end of expression"))
        raise self.fail("an expression")

    def postfix(self, node: p.Node, start: int) -> p.Node:
        tokens = self.tokens
        while True:
            token = tokens[self.i]
            if token.kind is not PUNCT:
                return node
            if token.value == ".":
                self.i += 1
                name = tokens[self.i]
                if name.kind is not NAME:
                    raise self.fail("an attribute name")
                self.i += 1
                args = None
                if self.at_punct("("):
                    args, kwargs = self.arguments()
                    if kwargs:
                        keyword = kwargs[0]
                        message = "a method call cannot take named arguments"
                        raise Fail(PebbleError(keyword.start, keyword.end, message))
                node = p.GetAttr(start, self.prev_end, node, name.value, name.start, name.end, args)
            elif token.value == "[":
                self.i += 1
                index = self.expression()
                self.expect_punct("]")
                node = p.GetItem(start, self.prev_end, node, index)
            elif token.value == "(":
                raise Fail(PebbleError(token.start, token.end, "only a function name can be called"))
            else:
                return node

    def arguments(self) -> tuple[list[p.Node], list[p.Keyword]]:
        """``( … )``: positional arguments, then named ones."""
        self.i += 1
        args: list[p.Node] = []
        kwargs: list[p.Keyword] = []
        tokens = self.tokens
        while not self.at_punct(")"):
            if args or kwargs:
                self.expect_punct(",", "',' or ')'")
            elif tokens[self.i].kind in _ENDS:
                raise self.fail("')'")
            following = tokens[self.i + 1]
            if following.kind is PUNCT and following.value == "=":
                name = self.new_name("an argument name")
                self.i += 1
                value = self.expression()
                kwargs.append(p.Keyword(name.start, self.prev_end, name.name, name.start, name.end, value))
            else:
                value = self.expression()
                if kwargs:
                    message = "positional arguments must come before named arguments"
                    raise Fail(PebbleError(value.start, value.end, message))
                args.append(value)
        self.i += 1
        return args, kwargs

    def filter_call(self) -> p.FilterCall:
        token = self.tokens[self.i]
        if token.kind is not NAME:
            raise self.fail("filter name")
        self.i += 1
        args: list[p.Node] = []
        kwargs: list[p.Keyword] = []
        if self.at_punct("("):
            args, kwargs = self.arguments()
        return p.FilterCall(token.start, self.prev_end, token.value, token.start, token.end, args, kwargs)

    def test(self, left: p.Node, start: int, negated: bool) -> p.Test:
        token = self.tokens[self.i]
        if token.kind is not NAME:
            if token.kind is OP and token.value == "not":
                raise self.fail("test name ('is not' takes exactly one space)")
            raise self.fail("test name")
        self.i += 1
        args: list[p.Node] = []
        kwargs: list[p.Keyword] = []
        if self.at_punct("("):
            args, kwargs = self.arguments()
        return p.Test(start, self.prev_end, left, token.value, token.start, token.end, args, negated, kwargs)

    def list_literal(self) -> p.ListLiteral:
        start = self.tokens[self.i].start
        self.i += 1
        items: list[p.Node] = []
        if not self.at_punct("]"):
            while True:
                items.append(self.expression())
                if self.at_punct("]"):
                    break
                self.expect_punct(",", "',' or ']'")
        self.i += 1
        return p.ListLiteral(start, self.prev_end, items)

    def map_literal(self) -> p.MapLiteral:
        start = self.tokens[self.i].start
        self.i += 1
        pairs: list[tuple[p.Node, p.Node]] = []
        if not self.at_punct("}"):
            while True:
                key = self.expression()
                self.expect_punct(":")
                pairs.append((key, self.expression()))
                if self.at_punct("}"):
                    break
                self.expect_punct(",", "',' or '}'")
        self.i += 1
        return p.MapLiteral(start, self.prev_end, pairs)

    def interpolation(self) -> p.Node:
        tokens = self.tokens
        start = tokens[self.i].start
        self.i += 1
        parts: list[p.Node] = []
        interpolated = False
        while True:
            token = tokens[self.i]
            if token.kind is STRING:
                self.i += 1
                parts.append(p.Literal(token.start, token.end, token.value))
            elif token.kind is INTERP_START:
                self.i += 1
                parts.append(self.expression())
                if tokens[self.i].kind is not INTERP_END:
                    raise self.fail("'}'")
                self.i += 1
                interpolated = True
            else:
                break
        if tokens[self.i].kind is not STR_CLOSE:
            raise self.fail("'\"'")
        self.i += 1
        if not interpolated:
            return p.Literal(start, self.prev_end, "".join(part.value for part in parts))  # type: ignore[attr-defined]
        return p.StringInterpolation(start, self.prev_end, parts)
