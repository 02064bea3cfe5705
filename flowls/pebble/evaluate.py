"""A sandboxed evaluator of our Pebble syntax tree, rendering templates as Kestra's Pebble 4.1.1 does
(strict variables, no auto-escaping).

    render("{{ inputs.name | upper }}", {"inputs": {"name": "x"}})   # "X"
    render_typed("{{ [1, 2] }}", {})                                  # [1, 2]
    evaluate_expression("1 + 2", {})                                  # 3
    is_truthy(render(run_if, context))                                # Kestra's runIf rule

Sandboxed by construction: values are only JSON-like data and ``Unknowable``; ``a.b`` reads a map key
or a list index, never a Python attribute; evaluation steps, output size, ranges and nesting are
bounded by ``Limits``. What cannot be known offline (secrets, KV, the clock, files, HTTP) is an
``Unknowable``, which every operation propagates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from flowls.pebble import ast as p
from flowls.pebble.builtins import KESTRA_1, KESTRA_2, Dialect
from flowls.pebble.filters import FILTERS, TESTS
from flowls.pebble.functions import FUNCTIONS
from flowls.pebble.parser import parse_template
from flowls.pebble.values import (
    Entry,
    LimitExceeded,
    Limits,
    RenderError,
    Undefined,
    Unknowable,
    class_cast,
    hash_map_order,
    is_number,
    is_truthy,
    java_class,
    java_equals,
    java_str,
    object_equals,
    to_string,
    type_name,
    wrap_long,
)

__all__ = [
    "Limits",
    "RenderError",
    "RenderOptions",
    "Unknowable",
    "evaluate_expression",
    "is_truthy",
    "render",
    "render_typed",
]

_ARITHMETIC = frozenset(("+", "-", "*", "/", "%"))
_COMPARISONS = frozenset(("<", ">", "<=", ">="))
# What Long.parseLong and Double.parseDouble accept (the decimal forms; Java trims control characters
# and spaces around a double, and allows a type suffix).
_JAVA_LONG = re.compile(r"[+-]?\d+")
_JAVA_DOUBLE = re.compile(r"[\x00-\x20]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fFdD]?[\x00-\x20]*", re.ASCII)


Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RenderOptions:
    """What a rendering assumes of the Kestra server it stands for, and how far it may go.

    ``functions`` (name -> callable taking the evaluated arguments) come before the built-in ones
    (the values of server-bound functions such as ``secret``); ``clock`` is what ``now()`` reads,
    None when the time cannot be known (a dry run); ``time_zone`` is the server's
    ``ZoneId.systemDefault()`` (Etc/UTC in Kestra's Docker image); ``known_only`` makes a value that
    cannot be known offline (printed, tested or looped over) an error instead of an ``Unknowable``."""

    limits: Limits = field(default_factory=Limits)
    functions: Mapping[str, Callable] = field(default_factory=dict)
    clock: Clock | None = None
    time_zone: str = "Etc/UTC"
    known_only: bool = False
    dialect: Dialect = KESTRA_1  # the Kestra version's Pebble: precedences, functions, filters, tests


class Budget:
    """Steps, output and nesting used so far, shared by nested renderings (``render()``, macros),
    and the options they all follow."""

    __slots__ = ("depth", "known_only", "limits", "options", "output", "steps")

    def __init__(self, options: RenderOptions) -> None:
        self.options = options
        self.limits = options.limits
        self.known_only = options.known_only
        self.steps = 0
        self.output = 0
        self.depth = 0


class Macro:
    __slots__ = ("node",)

    def __init__(self, node: p.Macro) -> None:
        self.node = node


class Renderer:
    """Renders one parsed template against a scope chain."""

    def __init__(
        self,
        template: p.Template,
        scopes: list[dict],
        budget: Budget,
    ) -> None:
        self.template = template
        self.text = template.text
        self.scopes = scopes
        self.budget = budget
        self.limits = budget.limits
        self.functions = budget.options.functions
        self.dialect = budget.options.dialect
        self.macros: dict[str, Macro] = {}
        for node in template.body:
            if isinstance(node, p.Macro):
                self.macros[node.name.name] = Macro(node)

    # --- errors and limits ---------------------------------------------------------------------

    def error(self, node: p.Node, message: str) -> RenderError:
        return RenderError("render", message, node.start, node.end)

    def limit(self, node: p.Node, message: str) -> LimitExceeded:
        return LimitExceeded("render", message, node.start, node.end)

    def undefined(self, name: str, start: int, end: int) -> Undefined:
        line = self.text.count("\n", 0, start) + 1
        message = f"Unable to find `{name}` used in the expression `{self.text}` at line {line}"
        return Undefined("render", message, start, end)

    def step(self, node: p.Node) -> None:
        budget = self.budget
        budget.steps += 1
        if budget.steps > self.limits.max_steps:
            raise self.limit(node, f"evaluation too long (more than {self.limits.max_steps} steps)")

    def check_size(self, node: p.Node, value: object) -> object:
        if isinstance(value, str | list | dict) and len(value) > self.limits.max_output:
            raise self.limit(node, f"value too large (more than {self.limits.max_output} characters or items)")
        return value

    def known(self, node: p.Node, value: object) -> object:
        """The value, or when rendering must not go on with an unknowable one, an error naming it."""
        if isinstance(value, Unknowable) and self.budget.known_only:
            message = f"`{value.description}` cannot be known offline: {value.remedy}"
            raise self.error(node, message)
        return value

    def enter(self, node: p.Node) -> None:
        self.budget.depth += 1
        if self.budget.depth > self.limits.max_depth:
            raise self.limit(node, "template nested too deeply")

    def source(self, node: p.Node) -> str:
        return self.text[node.start : node.end]

    # --- template level ------------------------------------------------------------------------

    def render_body(self, nodes: list[p.Node], out: list[str]) -> None:
        for node in nodes:
            self.step(node)
            kind = type(node)
            if kind is p.Text:
                self.emit(node, out, node.value)
            elif kind is p.Print:
                self.emit(node, out, to_string(self.known(node.expr, self.ev(node.expr))))
            elif kind is p.If:
                self.render_if(node, out)
            elif kind is p.For:
                self.render_for(node, out)
            elif kind is p.Set:
                self.assign(node.target.name, self.ev(node.value))
            elif kind is p.Verbatim:
                self.emit(node, out, node.text)
            elif kind is p.FilterBlock:
                inner: list[str] = []
                self.enter(node)
                self.render_body(node.body, inner)
                value: object = "".join(inner)
                for call in node.filters:
                    value = self.apply_filter(call, value, node)
                self.budget.depth -= 1
                self.emit(node, out, to_string(value))
            elif kind is p.Block:
                self.enter(node)
                self.render_body(node.body, out)
                self.budget.depth -= 1
            elif kind is p.UnknownTag:
                raise self.error(node, f"unknown tag '{node.name}'")
            # Comment and Macro output nothing

    def emit(self, node: p.Node, out: list[str], text: str) -> None:
        self.budget.output += len(text)
        if self.budget.output > self.limits.max_output:
            raise self.limit(node, f"output too large (more than {self.limits.max_output} characters)")
        out.append(text)

    def render_if(self, node: p.If, out: list[str]) -> None:
        self.enter(node)
        for condition, body in node.branches:
            value = self.if_condition(condition)
            if isinstance(value, Unknowable):
                self.known(condition, value)
                self.emit(node, out, str(Unknowable(f"which branch of {{% if {self.source(condition)} %}}")))
                break
            if value:
                self.render_body(body, out)
                break
        else:
            if node.else_body is not None:
                self.render_body(node.else_body, out)
        self.budget.depth -= 1

    def if_condition(self, condition: p.Node) -> object:
        """Pebble's ``IfNode`` turns any failure of a condition (an undefined variable included) into
        one message; the original error is kept as the cause."""
        try:
            value = self.ev(condition)
            if value is None:
                raise self.error(condition, "null value given to if statement and strict variables is set to true")
            return value if isinstance(value, Unknowable) else self.condition(condition, value, True)
        except LimitExceeded:
            raise
        except RenderError as error:
            message = "Wrong operand(s) type in conditional expression"
            raise RenderError("render", message, condition.start, condition.end) from error

    def render_for(self, node: p.For, out: list[str]) -> None:
        self.enter(node)
        iterable = self.ev(node.iterable)
        if isinstance(iterable, Unknowable):
            self.known(node.iterable, iterable)
            self.emit(node, out, str(Unknowable(f"a loop over {self.source(node.iterable)}")))
        elif iterable is not None:
            if isinstance(iterable, dict):
                items: list = [Entry(k, v) for k, v in iterable.items()]
            elif isinstance(iterable, list | tuple):
                items = list(iterable)
            else:
                raise self.error(node.iterable, f"Not an iterable object. Value = [{java_str(iterable)}]")
            if items:
                scope: dict = {}
                self.scopes.append(scope)
                length = len(items)
                name = node.targets[0].name
                for index, item in enumerate(items):
                    self.step(node)
                    loop = {
                        "index": index,
                        "revindex": length - index - 1,
                        "first": index == 0,
                        "last": index == length - 1,
                        "length": length,
                    }
                    scope["loop"] = loop
                    scope[name] = item
                    self.render_body(node.body, out)
                self.scopes.pop()
            elif node.else_body is not None:
                self.render_body(node.else_body, out)
        self.budget.depth -= 1

    def assign(self, name: str, value: object) -> None:
        """Pebble's ``ScopeChain.set``: update the nearest scope holding the name, else the innermost.
        The context itself is never written: the scope above it stands for it."""
        scopes = self.scopes
        for depth in range(len(scopes) - 1, -1, -1):
            if name in scopes[depth]:
                scopes[max(depth, 1)][name] = value
                return
        scopes[-1][name] = value

    def lookup(self, name: str) -> tuple[bool, object]:
        for scope in reversed(self.scopes):
            if name in scope:
                return True, scope[name]
        return False, None

    # --- expressions ---------------------------------------------------------------------------

    def condition(self, node: p.Node, value: object, checked: bool) -> bool:
        """``TypeUtils.compatibleCast(value, Boolean.class)`` (null is handled by the caller). ``if`` and
        ``not`` check the type first (``checked``); ``and``, ``or`` and the ternary just cast."""
        if isinstance(value, bool):
            return value
        if is_number(value):
            return value != 0 and value == value  # NaN is false
        if isinstance(value, str):
            return value != ""
        if checked:
            message = f'Unsupported value type {type_name(value)}. Expected Boolean, String, Number in "if" statement'
            raise self.error(node, message)
        raise self.error(node, class_cast(value, "java.lang.Boolean"))

    def ev(self, node: p.Node) -> object:
        self.step(node)
        self.enter(node)
        try:
            return _EVAL[type(node)](self, node)
        finally:
            self.budget.depth -= 1

    def ev_literal(self, node: p.Literal) -> object:
        return node.value

    def ev_name(self, node: p.Name) -> object:
        found, value = self.lookup(node.name)
        if found:
            return value
        if node.name in self.macros:
            return self.macros[node.name]
        raise self.undefined(node.name, node.start, node.end)

    def ev_getattr(self, node: p.GetAttr) -> object:
        obj = self.ev(node.obj)
        if isinstance(obj, Unknowable):
            return obj
        if node.args is not None:
            args = [self.ev(arg) for arg in node.args]
            for arg in args:
                if isinstance(arg, Unknowable):
                    return arg
            return self.method(node, obj, node.name, args)
        return self.attribute(node, obj, node.name, node.name_start, node.name_end)

    def attribute(self, node: p.Node, obj: object, name: object, start: int, end: int) -> object:
        """Pebble's attribute resolution, limited to map keys, list indexes and loop entries."""
        if obj is None:
            if isinstance(node, p.GetAttr | p.GetItem) and isinstance(node.obj, p.Name):
                raise self.undefined(node.obj.name, node.obj.start, node.obj.end)
            raise self.undefined(to_string(name), start, end)
        if isinstance(obj, dict):
            if name in obj:
                return obj[name]
            if isinstance(name, int) and not isinstance(name, bool) and str(name) in obj:
                return obj[str(name)]
            raise self.undefined(to_string(name), start, end)
        if isinstance(obj, list):
            index = name
            if isinstance(name, str) and (name.isdigit() or (name[:1] == "-" and name[1:].isdigit())):
                index = int(name)
            if isinstance(index, int) and not isinstance(index, bool):
                if 0 <= index < len(obj):
                    return obj[index]
                raise self.undefined(to_string(name), start, end)
        if isinstance(obj, Entry) and name in ("key", "value"):
            return obj.key if name == "key" else obj.value
        # Pebble's member lookup: a getter or a method without arguments (``list.size``, ``list.empty``).
        if isinstance(name, str) and name:
            capitalized = name[0].upper() + name[1:]
            for method in (f"get{capitalized}", f"is{capitalized}", f"has{capitalized}", name):
                handler = _METHODS.get((type_name(obj), method, 0))
                if handler is not None:
                    return handler(obj)
        raise self.undefined(to_string(name), start, end)

    def method(self, node: p.GetAttr, obj: object, name: str, args: list) -> object:
        """A few side-effect-free Java methods of String, List and Map."""
        handler = _METHODS.get((type_name(obj), name, len(args)))
        if handler is None:
            raise self.error(node, f"method {name}() of {type_name(obj)} is not supported")
        return self.check_size(node, handler(obj, *args))

    def ev_getitem(self, node: p.GetItem) -> object:
        obj = self.ev(node.obj)
        index = self.ev(node.index)
        if isinstance(obj, Unknowable):
            return obj
        if isinstance(index, Unknowable):
            return index
        return self.attribute(node, obj, index, node.index.start, node.index.end)

    def ev_list(self, node: p.ListLiteral) -> object:
        return [self.ev(item) for item in node.items]

    def ev_map(self, node: p.MapLiteral) -> object:
        keys: list = []
        values: list = []
        for key_node, value_node in node.pairs:
            key = self.ev(key_node)
            if isinstance(key, list | dict):
                raise self.error(key_node, "a map key must be a string or a number")
            keys.append(key)
            values.append(self.ev(value_node))
        # Pebble builds a java.util.HashMap sized for its entries, so it iterates in hash order.
        order = hash_map_order(keys, math.ceil(len(keys) / 0.75))
        return {keys[i] if isinstance(keys[i], str) else to_string(keys[i]): values[i] for i in order}

    def ev_interpolation(self, node: p.StringInterpolation) -> object:
        if len(node.parts) == 1:
            return self.ev(node.parts[0])
        values = [self.ev(part) for part in node.parts]
        for value in values:
            if isinstance(value, Unknowable):
                return value
        return self.check_size(node, "".join(java_str(v) if v is not None else "" for v in values))

    def ev_invalid(self, node: p.Invalid) -> object:
        raise self.error(node, "invalid expression")

    def ev_unary(self, node: p.Unary) -> object:
        value = self.ev(node.operand)
        if isinstance(value, Unknowable):
            return value
        if node.op == "not":
            if value is None:
                raise self.error(node, "null value given to not() and strict variables is set to true")
            return not self.condition(node.operand, value, True)
        return self.arithmetic(node, "*", -1 if node.op == "-" else 1, value)

    def ev_ternary(self, node: p.Ternary) -> object:
        value = self.ev(node.condition)
        if isinstance(value, Unknowable):
            return value
        chosen = value is not None and self.condition(node.condition, value, False)
        return self.ev(node.if_true if chosen else node.if_false)

    def ev_binary(self, node: p.Binary) -> object:
        op = node.op
        if op == "??" or op == "???":
            try:
                value = self.ev(node.left)
            except Undefined:
                return self.ev(node.right)
            if value is None and op == "??":
                return self.ev(node.right)
            return value
        if op == "and" or op == "or":
            left = self.logical(node.left)
            if isinstance(left, Unknowable):
                return left
            if left == (op == "or"):
                return left
            return self.logical(node.right)
        left, right = self.operands(node)
        if isinstance(left, Unknowable):
            return left
        if isinstance(right, Unknowable):
            return right
        if op in _ARITHMETIC:
            return self.arithmetic(node, op, left, right)
        if op == "==" or op == "equals":
            return java_equals(left, right)
        if op == "!=":
            return not java_equals(left, right)
        if op in _COMPARISONS:
            if self.dialect is KESTRA_2 and isinstance(left, str) and isinstance(right, str):
                # Kestra 2.0's own comparison expressions order two strings as String.compareTo does.
                return _COMPARE[op](_utf16(left), _utf16(right))
            if left is None or right is None:
                return False
            if not is_number(left) or not is_number(right):
                raise self.error(node, f"invalid operands for mathematical comparison [{_COMPARE_NAMES[op]}]")
            return _COMPARE[op](left, right)
        if op == "~":
            text = (java_str(left) if left is not None else "") + (java_str(right) if right is not None else "")
            return self.check_size(node, text)
        if op == "..":
            return FUNCTIONS["range"](self, node, {"start": left, "end": right})
        if op == "contains":
            return self.contains(node, left, right)
        if op == "isIn":
            # Kestra's InExpression compares toString() forms; anything but a collection or a map holds nothing.
            if left is None or not isinstance(right, list | dict):
                return False
            text = java_str(left)
            items = right if isinstance(right, list) else [*right.keys(), *right.values()]
            return any(java_str(item) == text for item in items)
        raise self.error(node, f"unsupported operator '{op}'")

    def operands(self, node: p.Binary) -> tuple[object, object]:
        """Both operands; under a wrapping operator (``Dialect.wrapping``) an undefined one is no
        longer the AttributeNotFoundException ``??``, ``???`` and ``default`` catch."""
        if node.op not in self.dialect.wrapping:
            return self.ev(node.left), self.ev(node.right)
        try:
            return self.ev(node.left), self.ev(node.right)
        except Undefined as undefined:
            raise RenderError(undefined.kind, undefined.message, undefined.start, undefined.end) from None

    def logical(self, node: p.Node) -> object:
        value = self.ev(node)
        if isinstance(value, Unknowable):
            return value
        if value is None:
            raise self.error(node, "null value used in and operator and strict variables is set to true")
        return self.condition(node, value, False)

    def contains(self, node: p.Node, left: object, right: object) -> bool:
        if left is None:
            return False
        if isinstance(left, list):
            if isinstance(right, list):
                return all(any(object_equals(b, a) for a in left) for b in right)
            return any(object_equals(right, item) for item in left)
        if isinstance(left, dict):
            return isinstance(right, str) and right in left
        if isinstance(left, str):
            return java_str(right) in left
        message = "Contains operator can only be used on Collections, Maps and arrays. Actual type was: "
        raise self.error(node, message + java_class(left))

    def arithmetic(self, node: p.Node, op: str, left: object, right: object) -> object:
        if op == "+":
            if isinstance(left, str) or isinstance(right, str):
                return self.check_size(node, java_str(left) + java_str(right))
            if isinstance(left, list):
                return self.check_size(node, left + (right if isinstance(right, list) else [right]))
        if op == "-" and isinstance(left, list):
            drop = right if isinstance(right, list) else [right]
            if isinstance(right, list):
                return [item for item in left if not any(object_equals(d, item) for d in drop)]
            result = list(left)
            for i, item in enumerate(result):
                if object_equals(right, item):
                    del result[i]
                    break
            return result
        if self.dialect.string_arithmetic:
            left, right = self.to_number(node, left), self.to_number(node, right)
        elif not is_number(left) or not is_number(right):
            raise self.error(node, f"invalid operands for mathematical operation [{_OPERATION_NAMES[op]}]")
        if isinstance(left, float) or isinstance(right, float):
            a, b = float(left), float(right)  # type: ignore[arg-type]
            if op in ("/", "%") and b == 0:
                if op == "%" or a == 0 or a != a:
                    return float("nan")
                return float("inf") if (a > 0) == (str(b)[0] != "-") else float("-inf")
            return _FLOAT_OPS[op](a, b)
        a, b = int(left), int(right)  # type: ignore[arg-type]
        if op in ("/", "%"):
            if b == 0:
                raise self.error(node, "/ by zero")
            quotient = abs(a) // abs(b) * (1 if (a >= 0) == (b >= 0) else -1)
            return wrap_long(quotient if op == "/" else a - b * quotient)
        return wrap_long(_INT_OPS[op](a, b))

    def to_number(self, node: p.Node, value: object) -> object:
        """Pebble 4.1.2's ``OperatorUtils.toNumber``: a string with ``.``, ``e`` or ``E`` through
        ``Double.parseDouble``, any other through ``Long.parseLong``."""
        if is_number(value):
            return value
        if not isinstance(value, str):
            raise self.error(node, f"Cannot convert to Number: {java_str(value)}")
        if "." in value or "e" in value or "E" in value:
            if value.count(".") > 1:
                raise self.error(node, "multiple points")
            if _JAVA_DOUBLE.fullmatch(value):
                return float(value.strip("".join(map(chr, range(33)))).rstrip("dDfF"))
        elif _JAVA_LONG.fullmatch(value) and -(2**63) <= int(value) < 2**63:
            return int(value)
        raise self.error(node, f'For input string: "{value}"')

    def ev_filter(self, node: p.Filter) -> object:
        call = node.filter
        if call.name == "default":
            try:
                value = self.ev(node.expr)
            except Undefined:
                value = None
        else:
            value = self.ev(node.expr)
        return self.apply_filter(call, value, node)

    def arguments(self, params: tuple[str, ...], args: list[p.Node], kwargs: list[p.Keyword]) -> dict[str, object]:
        """Pebble's ``ArgumentsNode.getArgumentMap``: positional arguments take the declared names in order."""
        values: dict[str, object] = {}
        for i, arg in enumerate(args):
            if params and i >= len(params):
                allowed = f"Only {len(params)} argument(s) are allowed."
                raise self.error(arg, f"The argument at position {i + 1} is not allowed. {allowed}")
            values[params[i] if params else str(i)] = self.ev(arg)
        for keyword in kwargs:
            if params and keyword.name not in params:
                raise self.error(keyword, f"The following named argument does not exist: {keyword.name}")
            values[keyword.name] = self.ev(keyword.value)
        return values

    def apply_filter(self, call: p.FilterCall, value: object, node: p.Node) -> object:
        self.step(call)
        builtin = self.dialect.filters.get(call.name)
        if builtin is None:
            raise RenderError("render", f"Filter [{call.name}] does not exist.", call.name_start, call.name_end)
        args = self.arguments(builtin.params, call.args, call.kwargs)
        if isinstance(value, Unknowable):
            return value
        for arg in args.values():
            if isinstance(arg, Unknowable):
                return arg
        implementation = FILTERS.get(call.name)
        if implementation is None:
            return Unknowable(f"{self.source(node)} (filter '{call.name}' is not simulated)")
        return self.check_size(node, implementation(self, call, value, args))

    def ev_test(self, node: p.Test) -> object:
        if node.name == "defined":
            try:
                value = self.ev(node.expr)
            except Undefined:
                value = None
            result: object = value is not None
            if isinstance(value, Unknowable):
                return not node.negated
        else:
            builtin = self.dialect.tests.get(node.name)
            if builtin is None:
                raise RenderError("render", f"Test [{node.name}] does not exist.", node.name_start, node.name_end)
            value = self.ev(node.expr)
            if isinstance(value, Unknowable):
                return value
            result = TESTS[node.name](self, node, value)
        if isinstance(value, Unknowable):
            return value
        return not result if node.negated else result

    def ev_call(self, node: p.Call) -> object:
        name = node.callee.name
        macro = self.macros.get(name)
        if macro is not None and not self.lookup(name)[0]:
            return self.call_macro(node, macro.node)
        override = self.functions.get(name)
        builtin = self.dialect.functions.get(name)
        if override is None and builtin is None:
            message = f"Function or Macro [{name}] does not exist."
            raise RenderError("render", message, node.callee.start, node.callee.end)
        if override is not None or (builtin is not None and builtin.variadic):
            positional = [self.ev(arg) for arg in node.args]
            named = {keyword.name: self.ev(keyword.value) for keyword in node.kwargs}
            for value in (*positional, *named.values()):
                if isinstance(value, Unknowable):
                    return value
            if override is not None:
                return self.check_size(node, override(*positional, **named))
            return FUNCTIONS[name](self, node, positional, named)
        args = self.arguments(builtin.params, node.args, node.kwargs)
        for value in args.values():
            if isinstance(value, Unknowable):
                return value
        implementation = FUNCTIONS.get(name)
        if implementation is None:
            return Unknowable(self.source(node))
        return self.check_size(node, implementation(self, node, args))

    def call_macro(self, node: p.Call, macro: p.Macro) -> object:
        scope: dict = {}
        values = [self.ev(arg) for arg in node.args]
        named = {keyword.name: self.ev(keyword.value) for keyword in node.kwargs}
        for i, param in enumerate(macro.params):
            if i < len(values):
                scope[param.name] = values[i]
            elif param.name in named:
                scope[param.name] = named[param.name]
            elif macro.defaults[i] is not None:
                scope[param.name] = self.ev(macro.defaults[i])  # type: ignore[arg-type]
            else:
                scope[param.name] = None
        inner = Renderer(self.template, [scope, {}], self.budget)
        inner.macros = self.macros
        out: list[str] = []
        self.enter(node)
        inner.render_body(macro.body, out)
        self.budget.depth -= 1
        return "".join(out)

    def render_string(self, node: p.Node, text: str) -> str:
        """``render(text)``: renders a string holding Pebble with the current variables."""
        template = parse_template(text, self.dialect)
        if template.errors:
            error = template.errors[0]
            raise self.error(node, f"cannot parse the string given to render(): {error.message}")
        inner = Renderer(template, self.scopes, self.budget)
        out: list[str] = []
        self.enter(node)
        inner.render_body(template.body, out)
        self.budget.depth -= 1
        return "".join(out)


_COMPARE_NAMES = {"<": "LESS_THAN", ">": "GREATER_THAN", "<=": "LESS_THAN_EQUALS", ">=": "GREATER_THAN_EQUALS"}
_COMPARE = {
    "<": lambda a, b: a < b,
    ">": lambda a, b: a > b,
    "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}
_OPERATION_NAMES = {"+": "ADD", "-": "SUBTRACT", "*": "MULTIPLICATION", "/": "DIVISION", "%": "MODULUS"}
_INT_OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
_FLOAT_OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "%": lambda a, b: __import__("math").fmod(a, b),
}


def _utf16(text: str) -> bytes:
    """Big-endian UTF-16 code units, which compare as Java's ``String.compareTo`` orders strings."""
    return text.encode("utf-16-be", "surrogatepass")


def _substring(s: str, begin: int, end: int | None = None) -> str:
    end = len(s) if end is None else end
    if begin < 0 or end > len(s) or begin > end:
        raise IndexError("substring out of range")
    return s[begin:end]


_METHODS: dict[tuple[str, str, int], Callable] = {
    ("String", "length", 0): len,
    ("String", "isEmpty", 0): lambda s: s == "",
    ("String", "toUpperCase", 0): str.upper,
    ("String", "toLowerCase", 0): str.lower,
    ("String", "trim", 0): lambda s: s.strip("".join(chr(c) for c in range(33))),
    ("String", "startsWith", 1): lambda s, x: isinstance(x, str) and s.startswith(x),
    ("String", "endsWith", 1): lambda s, x: isinstance(x, str) and s.endswith(x),
    ("String", "contains", 1): lambda s, x: isinstance(x, str) and x in s,
    ("String", "equals", 1): lambda s, x: s == x,
    ("String", "substring", 1): _substring,
    ("String", "substring", 2): _substring,
    ("String", "indexOf", 1): lambda s, x: s.find(java_str(x)),
    ("String", "replace", 2): lambda s, a, b: s.replace(java_str(a), java_str(b)),
    ("ArrayList", "size", 0): len,
    ("ArrayList", "isEmpty", 0): lambda v: not v,
    ("ArrayList", "contains", 1): lambda v, x: any(object_equals(x, i) for i in v),
    ("LinkedHashMap", "size", 0): len,
    ("LinkedHashMap", "isEmpty", 0): lambda v: not v,
    ("LinkedHashMap", "containsKey", 1): lambda v, x: x in v if isinstance(x, str) else False,
}

_EVAL: dict[type, Callable] = {
    p.Literal: Renderer.ev_literal,
    p.Name: Renderer.ev_name,
    p.GetAttr: Renderer.ev_getattr,
    p.GetItem: Renderer.ev_getitem,
    p.ListLiteral: Renderer.ev_list,
    p.MapLiteral: Renderer.ev_map,
    p.StringInterpolation: Renderer.ev_interpolation,
    p.Invalid: Renderer.ev_invalid,
    p.Unary: Renderer.ev_unary,
    p.Ternary: Renderer.ev_ternary,
    p.Binary: Renderer.ev_binary,
    p.Filter: Renderer.ev_filter,
    p.Test: Renderer.ev_test,
    p.Call: Renderer.ev_call,
}


# --- the API -----------------------------------------------------------------------------------

_DEFAULT_OPTIONS = RenderOptions()


def _parse(template: str, dialect: Dialect, offset: int = 0) -> p.Template:
    parsed = parse_template(template, dialect)
    if parsed.errors:
        error = parsed.errors[0]
        raise RenderError("parse", error.message, max(0, error.start - offset), max(0, error.end - offset))
    return parsed


def _run(parsed: p.Template, context: dict, options: RenderOptions, action: Callable) -> object:
    renderer = Renderer(parsed, [context, {}], Budget(options))
    try:
        return action(renderer)
    except RecursionError:
        raise RenderError("render", "template nested too deeply", 0, len(parsed.text)) from None
    except (IndexError, ValueError, TypeError, KeyError, OverflowError, ArithmeticError) as error:
        raise RenderError("render", f"evaluation failed: {error}", 0, len(parsed.text)) from None


def _render_body(renderer: Renderer) -> str:
    out: list[str] = []
    renderer.render_body(renderer.template.body, out)
    return "".join(out)


def render(template: str, context: dict, options: RenderOptions = _DEFAULT_OPTIONS) -> str:
    """Render a template as Kestra does. Raises ``RenderError`` (kind ``parse`` or ``render``)."""
    parsed = _parse(template, options.dialect)
    if not parsed.has_expression:
        return template
    return _run(parsed, context, options, _render_body)  # type: ignore[return-value]


def _single_print(parsed: p.Template) -> p.Print | None:
    nodes = [n for n in parsed.body if not (isinstance(n, p.Text) and not n.value.strip())]
    if len(nodes) == 1 and isinstance(nodes[0], p.Print):
        return nodes[0]
    return None


def _value_of(expr: p.Node) -> Callable[[Renderer], object]:
    return lambda renderer: renderer.known(expr, renderer.ev(expr))


def render_typed(template: str, context: dict, options: RenderOptions = _DEFAULT_OPTIONS) -> object:
    """Kestra's ``renderTyped``: a template that is a single ``{{ expr }}`` (whitespace around it
    aside) gives the typed value; any other template its rendered string."""
    parsed = _parse(template, options.dialect)
    single = _single_print(parsed)
    if single is None:
        return render(template, context, options)
    return _run(parsed, context, options, _value_of(single.expr))


def evaluate_expression(source: str, context: dict, options: RenderOptions = _DEFAULT_OPTIONS) -> object:
    """The value of one expression written without braces (offsets in errors are into ``source``)."""
    wrapped = "{{ " + source + " }}"
    parsed = _parse(wrapped, options.dialect, 3)
    single = _single_print(parsed)
    if single is None:
        raise RenderError("parse", "expected a single expression", 0, len(source))
    try:
        return _run(parsed, context, options, _value_of(single.expr))
    except RenderError as error:
        error.start = min(max(0, error.start - 3), len(source))
        error.end = min(max(0, error.end - 3), len(source))
        error.message = error.message.replace(f"`{wrapped}`", f"`{source}`")
        error.args = (error.message,)
        raise
