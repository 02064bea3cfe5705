"""The Pebble parser: tree shapes, exact ranges, exact error messages, recovery and robustness."""

from __future__ import annotations

import random
import sys

import pytest

from flowls.pebble import KESTRA_1, KESTRA_2, PebbleError, Template, parse_template, walk
from flowls.pebble import ast as p

# Valid Pebble as Kestra runs it: the constructs of stack.md §5 (the nine jinja2 rejects first).
VALID_SNIPPETS = (
    "{{ inputs.env equals 'prod' }}",
    "{{ inputs.x ?? 'default' }}",
    "{{ trigger.date ?? (execution.startDate | dateAdd(-1, 'DAYS')) }}",
    "{{ inputs.x ??? 'default' }}",
    "{{ inputs.env == 'prod' ? 'p' : 'd' }}",
    "{{ ['a','b'] contains inputs.x }}",
    "{{ {'a': 1} contains 'a' }}",
    "{% for i in 0..3 %}{{ i }}{% endfor %}",
    "{% if a %}x{% elseif b %}y{% endif %}",
    "{{ outputs['my-task'].value }}",
    "{{ parents[0].taskrun.value }}",
    "{{ execution.startDate | date('yyyy-MM-dd') }}",
    "{{ trigger.date | dateAdd(1, 'DAYS', format='yyyy-MM-dd') }}",
    "{{ secret('API_KEY') }}",
    "{{ kv('k', namespace='n') }}",
    "{{ currentEachOutput(outputs.step) }}",
    "{{ 'a' ~ 'b' }}",
    "{{ inputs.x is defined }}",
    "{{ inputs.x is not null }}",
    "{{ inputs.list is empty }}",
    "{{ not inputs.flag }}",
    "{{ {'a': 1, 'b': [1, 2]} }}",
    "{{ [1, 2, 3] | join(',') }}",
    "{% set x = 1 %}{{ x }}",
    "{% raw %}{{ not rendered }}{% endraw %}",
    "{# a comment #}text",
    "{{ 1 + 2 * 3 - 4 / 2 % 3 }}",
    "{{ flow.namespace }}.{{ flow.id }}",
    "{{ taskrun.value }}",
    "{{ outputs.fetch.body | jq('.items[0]') | first }}",
    "{{ inputs.payload | toJson }}",
    "{{ fromJson(outputs.api.body).data }}",
    '{{ now() | dateAdd(-1, "DAYS") | date("yyyy-MM-dd") }}',
    "{{ execution.state == 'FAILED' and tasks.step.state != 'SUCCESS' }}",
    "{{ inputs.count > 10 or inputs.force }}",
    '{{ "Hello #{inputs.name}!" }}',
    "{{ labels.team | default('none') | upper }}",
    "{%- if inputs.debug -%} debug {%- else -%} normal {%- endif -%}",
    "{{ execution.state isIn ['SUCCESS', 'WARNING'] }}",
    "{{ range(1, 5) | last }}",
    "{{ trigger.body.data | keys }}",
    "{{ render(vars.greeting) }}",
)

LONG_TEMPLATES = (
    """{%- for item in outputs.query.rows -%}
{%- if item.status == 'FAILED' or (item.retries ?? 0) > 3 -%}
- {{ item.name | upper }} ({{ item.id }}): {{ item.error | default('no message') | abbreviate(80) }}
{%- elseif item.status isIn ['RUNNING', 'QUEUED'] -%}
- {{ item.name }} is still {{ item.status | lower }} since {{ item.started | date("HH:mm", timeZone="UTC") }}
{%- else -%}
- {{ item.name }}: ok in {{ (item.duration / 1000) | numberFormat('#.##') }} s
{%- endif -%}
{%- else -%}
no rows for {{ flow.namespace }}.{{ flow.id }} on {{ trigger.date ?? execution.startDate | date('yyyy-MM-dd') }}
{%- endfor %}""",
    """{% set env = inputs.env ?? 'dev' %}{% set bucket = 's3://data-' ~ env ~ '/' ~ flow.id %}
{{ {'bucket': bucket, 'files': outputs.list.uris | keys, 'count': outputs.list.uris | length,
    'ok': tasks.check.state == 'SUCCESS' and not (inputs.dryRun is defined and inputs.dryRun),
    'label': "#{ labels.team ?? 'none' }-#{ execution.id | substringBefore('-') }"} | toJson }}""",
)


def parse(text: str, dialect=KESTRA_1) -> Template:
    template = parse_template(text, dialect)
    assert template.errors == [], template.errors
    return template


def expr(text: str, dialect=KESTRA_1) -> p.Node:
    """The expression of a template made of one ``{{ }}``."""
    (node,) = parse(text, dialect).body
    assert isinstance(node, p.Print)
    return node.expr


def shape(node: p.Node) -> str:
    """A compact S-expression of an expression tree, for precedence assertions."""
    if isinstance(node, p.Name):
        return node.name
    if isinstance(node, p.Literal):
        return repr(node.value)
    if isinstance(node, p.Binary):
        return f"({node.op} {shape(node.left)} {shape(node.right)})"
    if isinstance(node, p.Unary):
        return f"({node.op} {shape(node.operand)})"
    if isinstance(node, p.Filter):
        return f"(| {shape(node.expr)} {shape(node.filter)})"
    if isinstance(node, p.FilterCall | p.Call | p.Test):
        head = node.callee.name if isinstance(node, p.Call) else node.name
        args = [shape(arg) for arg in node.args] + [f"{kw.name}={shape(kw.value)}" for kw in node.kwargs]
        call = f"{head}({', '.join(args)})" if args or isinstance(node, p.Call) else head
        if isinstance(node, p.Test):
            return f"({'is not' if node.negated else 'is'} {shape(node.expr)} {call})"
        return call
    if isinstance(node, p.Ternary):
        return f"(? {shape(node.condition)} {shape(node.if_true)} {shape(node.if_false)})"
    if isinstance(node, p.GetAttr):
        args = "" if node.args is None else f"({', '.join(shape(arg) for arg in node.args)})"
        return f"{shape(node.obj)}.{node.name}{args}"
    if isinstance(node, p.GetItem):
        return f"{shape(node.obj)}[{shape(node.index)}]"
    if isinstance(node, p.ListLiteral):
        return f"[{', '.join(shape(item) for item in node.items)}]"
    if isinstance(node, p.MapLiteral):
        return "{" + ", ".join(f"{shape(k)}: {shape(v)}" for k, v in node.pairs) + "}"
    if isinstance(node, p.StringInterpolation):
        return f"(str {' '.join(shape(part) for part in node.parts)})"
    raise AssertionError(node)


def errors(text: str, dialect=KESTRA_1) -> list[tuple[int, int, str]]:
    return [(error.start, error.end, error.message) for error in parse_template(text, dialect).errors]


def assert_in_bounds(text: str, template: Template) -> None:
    size = len(text)
    for error in template.errors:
        assert 0 <= error.start <= error.end <= size, (text, error)
    for node in walk(template):
        assert 0 <= node.start <= node.end <= size, (text, node)
        for attribute in ("name_start", "name_end", "op_start", "op_end"):
            value = getattr(node, attribute, None)
            assert value is None or 0 <= value <= size, (text, node)


# --- valid templates ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", VALID_SNIPPETS)
def test_valid_snippets_parse_without_error(text: str) -> None:
    template = parse(text)
    assert template.has_expression
    assert_in_bounds(text, template)


@pytest.mark.parametrize("text", LONG_TEMPLATES)
def test_long_templates_parse_without_error(text: str) -> None:
    assert_in_bounds(text, parse(text))


def test_plain_text_is_returned_as_one_text_node() -> None:
    template = parse_template("just text, no template")
    assert not template.has_expression
    assert template.body == [p.Text(0, 22, "just text, no template")]
    assert parse_template("").body == []


def test_braces_that_are_not_delimiters_are_text() -> None:
    template = parse_template("{'a': 1} and }} and %} and { {")
    assert not template.has_expression
    assert template.errors == []
    assert [type(node) for node in template.body] == [p.Text]


# --- precedence --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("not a == b", "(== (not a) b)"),
        ("not a is defined", "(is (not a) defined)"),
        ("- a + b", "(+ (- a) b)"),
        ("'a' ~ 'b' | upper", "(| (~ 'a' 'b') upper)"),
        ("a ?? b | f", "(| (?? a b) f)"),
        ("a | f ?? b", "(?? (| a f) b)"),
        ("a + b | f", "(+ a (| b f))"),
        ("a | f + 1", "(+ (| a f) 1)"),
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c", "(or (and a b) c)"),
        ("a == b and c != d", "(and (== a b) (!= c d))"),
        ("a equals 'x' or b", "(or (equals a 'x') b)"),
        ("x contains y and z", "(and (contains x y) z)"),
        ("a is not null and b is empty", "(and (is not a null) (is b empty))"),
        ("a ~ b .. c", "(~ a (.. b c))"),
        ("0..3", "(.. 0 3)"),
        ("a ?? b ??? c", "(??? (?? a b) c)"),
        ("s isIn ['A', 'B']", "(isIn s ['A', 'B'])"),
        ("a ?? b == c", "(== (?? a b) c)"),
        ("a ? b : c", "(? a b c)"),
        ("a ? b : c ? d : e", "(? a b (? c d e))"),
        ("a ? b ? c : d : e", "(? a (? b c d) e)"),
        ("a or b ? c + 1 : d | f", "(? (or a b) (+ c 1) (| d f))"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("(a).b[0]", "a.b[0]"),
        ("a.b(1, 2).c", "a.b(1, 2).c"),
        ("f(x)[0].y", "f(x)[0].y"),
        ("-a.b", "(- a.b)"),
        ("not not a", "(not (not a))"),
    ],
)
def test_precedence(text: str, tree: str) -> None:
    assert shape(expr("{{ " + text + " }}")) == tree


@pytest.mark.parametrize(
    ("text", "kestra_1", "kestra_2"),
    [
        ("a ?? b == c", "(== (?? a b) c)", "(== (?? a b) c)"),
        ("a == b ?? c", "(== a (?? b c))", "(?? (== a b) c)"),
        ("a ?? b | f", "(| (?? a b) f)", "(?? a (| b f))"),
        ("a + b ?? c", "(+ a (?? b c))", "(?? (+ a b) c)"),
        ("x isIn l and y", "(and (isIn x l) y)", "(and (isIn x l) y)"),
        ("a ~ b isIn c", "(~ a (isIn b c))", "(isIn (~ a b) c)"),
        ("a isIn b ~ c", "(~ (isIn a b) c)", "(isIn a (~ b c))"),
    ],
)
def test_kestra_2_lowers_coalescing_and_isin_to_comparison_level(text: str, kestra_1: str, kestra_2: str) -> None:
    assert shape(expr("{{ " + text + " }}", KESTRA_1)) == kestra_1
    assert shape(expr("{{ " + text + " }}", KESTRA_2)) == kestra_2


# --- ranges ------------------------------------------------------------------------------------


def test_binary_ranges_include_parentheses_of_operands() -> None:
    text = "{{ (a + b) * c }}"
    node = expr(text)
    assert isinstance(node, p.Binary)
    assert (node.start, node.end, node.op_start, node.op_end) == (3, 14, 11, 12)
    assert text[node.left.start : node.left.end] == "a + b"


def test_attribute_and_item_ranges() -> None:
    text = "{{ outputs['my-task'].value }}"
    node = expr(text)
    assert isinstance(node, p.GetAttr)
    assert text[node.start : node.end] == "outputs['my-task'].value"
    assert text[node.name_start : node.name_end] == "value"
    item = node.obj
    assert isinstance(item, p.GetItem)
    assert text[item.start : item.end] == "outputs['my-task']"
    assert text[item.index.start : item.index.end] == "'my-task'"
    assert item.index == p.Literal(11, 20, "my-task")


def test_filters_with_positional_and_named_arguments() -> None:
    text = "{{ d | dateAdd(-1, 'DAYS', format='yyyy') | date }}"
    node = expr(text)
    assert isinstance(node, p.Filter)
    assert text[node.start : node.end] == "d | dateAdd(-1, 'DAYS', format='yyyy') | date"
    assert node.filter.name == "date" and node.filter.args == [] and node.filter.kwargs == []
    inner = node.expr
    assert isinstance(inner, p.Filter)
    call = inner.filter
    assert (call.name, text[call.name_start : call.name_end]) == ("dateAdd", "dateAdd")
    assert text[call.start : call.end] == "dateAdd(-1, 'DAYS', format='yyyy')"
    assert shape(call.args[0]) == "(- 1)"
    assert call.args[1] == p.Literal(19, 25, "DAYS")
    (keyword,) = call.kwargs
    assert (keyword.name, text[keyword.name_start : keyword.name_end]) == ("format", "format")
    assert text[keyword.start : keyword.end] == "format='yyyy'"
    assert keyword.value == p.Literal(34, 40, "yyyy")


def test_function_calls_keep_argument_names() -> None:
    text = "{{ kv('k', namespace='n') }}"
    node = expr(text)
    assert isinstance(node, p.Call)
    assert node.callee == p.Name(3, 5, "kv")
    assert node.args == [p.Literal(6, 9, "k")]
    assert [(kw.name, kw.name_start, kw.name_end) for kw in node.kwargs] == [("namespace", 11, 20)]
    names = [n.name for n in walk(node) if isinstance(n, p.Name)]
    assert names == ["kv"]  # the argument name is not a variable


def test_tests_negated_and_with_arguments() -> None:
    text = "{{ inputs.x is not null }}"
    node = expr(text)
    assert isinstance(node, p.Test)
    assert (node.name, node.negated, text[node.name_start : node.name_end]) == ("null", True, "null")
    assert (node.start, node.end) == (3, 23)
    node = expr("{{ x is divisibleby(3) }}")
    assert isinstance(node, p.Test)
    assert (node.name, node.negated, shape(node.args[0])) == ("divisibleby", False, "3")


def test_literals() -> None:
    node = expr("{{ [true, TRUE, false, FALSE, null, NULL, none, NONE, 1, 2.5, 3L, 'x', \"y\"] }}")
    values = [n.value for n in walk(node) if isinstance(n, p.Literal)]
    assert values == [True, True, False, False, None, None, None, None, 1, 2.5, 3, "x", "y"]
    assert shape(expr("{{ True }}")) == "True"  # only these spellings are constants


def test_string_escapes_follow_pebble() -> None:
    assert expr(r"{{ 'it\'s' }}") == p.Literal(3, 10, "it's")
    assert expr(r'{{ "say \"hi\"" }}') == p.Literal(3, 15, 'say "hi"')
    assert expr(r"{{ 'a\nb' }}").value == "a\\nb"  # only the quote is unescaped
    assert expr('{{ "a#b" }}') == p.Literal(3, 8, "a#b")


def test_map_and_list_literals() -> None:
    text = "{{ {'a': 1, 'b': [1, [2]], c: {}} }}"
    node = expr(text)
    assert isinstance(node, p.MapLiteral)
    assert shape(node) == "{'a': 1, 'b': [1, [2]], c: {}}"
    assert text[node.start : node.end] == "{'a': 1, 'b': [1, [2]], c: {}}"
    _, value = node.pairs[1]
    assert text[value.start : value.end] == "[1, [2]]"
    assert shape(expr("{{ [] }}")) == "[]"
    assert shape(expr("{{ {'a': {'b': 1}}}}")) == "{'a': {'b': 1}}"


def test_string_interpolation_inner_offsets() -> None:
    text = '{{ "Hello #{ inputs.name | upper }, #{x}!" }}'
    node = expr(text)
    assert isinstance(node, p.StringInterpolation)
    assert (node.start, node.end) == (3, 42)
    assert [type(part) for part in node.parts] == [p.Literal, p.Filter, p.Literal, p.Name, p.Literal]
    hello, filtered, comma, x, bang = node.parts
    assert hello == p.Literal(4, 10, "Hello ")
    assert text[filtered.start : filtered.end] == "inputs.name | upper"
    assert comma == p.Literal(34, 36, ", ")
    assert x == p.Name(38, 39, "x")
    assert bang == p.Literal(40, 41, "!")
    nested = expr('{{ "a #{ "b #{ c }" }" }}')
    assert shape(nested) == "(str 'a ' (str 'b ' c))"


def test_interpolation_keeps_a_map_inside() -> None:
    node = expr("{{ \"#{ ({'k': 1})['k'] }\" }}")
    assert shape(node) == "(str {'k': 1}['k'])"


def test_walk_is_depth_first_in_document_order() -> None:
    template = parse("{% for x in xs %}{{ x.a | f(y, k=z) }}{% else %}{{ w }}{% endfor %}")
    names = [node.name for node in walk(template) if isinstance(node, p.Name)]
    assert names == ["x", "xs", "x", "y", "z", "w"]
    starts = [node.start for node in walk(template) if not isinstance(node, p.For | p.Keyword | p.FilterCall)]
    assert starts == sorted(starts)


def test_walk_of_a_node_includes_the_node() -> None:
    node = expr("{{ a + b }}")
    assert [type(n) for n in walk(node)] == [p.Binary, p.Name, p.Name]


# --- tags --------------------------------------------------------------------------------------


def test_if_elseif_else_nested() -> None:
    text = "{% if a %}A{% if b %}B{% endif %}{% elseif c %}C{% else %}D{% endif %}"
    (node,) = parse(text).body
    assert isinstance(node, p.If)
    assert (node.start, node.end) == (0, len(text))
    assert [shape(condition) for condition, _ in node.branches] == ["a", "c"]
    first_body = node.branches[0][1]
    assert [type(child) for child in first_body] == [p.Text, p.If]
    assert node.else_body == [p.Text(58, 59, "D")]


def test_for_with_else_and_range() -> None:
    text = "{% for i in 0..3 %}{{ i }}{% else %}none{% endfor %}"
    (node,) = parse(text).body
    assert isinstance(node, p.For)
    assert node.targets == [p.Name(7, 8, "i")]
    assert shape(node.iterable) == "(.. 0 3)"
    assert node.else_body == [p.Text(36, 40, "none")]


def test_for_with_two_variables_is_kept_but_reported() -> None:
    # Pebble 4.1.1's ForTokenParser reads one variable name, then expects 'in'.
    text = "{% for k, v in m %}{{ k }}={{ v }}{% endfor %}"
    template = parse_template(text)
    (node,) = template.body
    assert isinstance(node, p.For)
    assert [target.name for target in node.targets] == ["k", "v"]
    assert shape(node.iterable) == "m"
    assert len(node.body) == 3
    (error,) = template.errors
    assert (error.start, error.end) == (8, 11)
    assert error.message.startswith("Pebble's 'for' takes one loop variable")


def test_set_filter_macro_block() -> None:
    text = (
        "{% set x = a | f %}"
        "{% filter upper | replace({'A': 'B'}) %}t{% endfilter %}"
        "{% macro m(p, q=1) %}{{ p }}{% endmacro %}"
        "{% block body %}b{% endblock body %}"
        "{% block 'quoted' %}{% endblock %}"
    )
    body = parse(text).body
    assert [type(node) for node in body] == [p.Set, p.FilterBlock, p.Macro, p.Block, p.Block]
    set_, filter_block, macro, block, quoted = body
    assert set_.target == p.Name(7, 8, "x") and shape(set_.value) == "(| a f)"
    assert [call.name for call in filter_block.filters] == ["upper", "replace"]
    assert filter_block.body == [p.Text(59, 60, "t")]
    assert macro.name.name == "m" and [param.name for param in macro.params] == ["p", "q"]
    assert macro.defaults[0] is None and shape(macro.defaults[1]) == "1"
    assert (block.name, text[block.name_start : block.name_end]) == ("body", "body")
    assert quoted.name == "quoted" and quoted.body == []


def test_raw_and_verbatim_content_is_not_parsed() -> None:
    text = "a {% raw %}{{ x ?? }}{% endraw %} b {% verbatim %}{% if %}{% endverbatim %}"
    template = parse(text)
    assert [type(node) for node in template.body] == [p.Text, p.Verbatim, p.Text, p.Verbatim]
    raw, verbatim = template.body[1], template.body[3]
    assert raw == p.Verbatim(2, 33, "{{ x ?? }}")
    assert verbatim == p.Verbatim(36, len(text), "{% if %}")
    assert parse("{%- raw -%} x {%- endraw -%}").body == [p.Verbatim(0, 28, " x ")]


def test_raw_over_several_lines_is_reported() -> None:
    # Kestra's RAW_PATTERN has no DOTALL: a raw block with a line break reaches Pebble, which has no 'raw' tag.
    text = "{% raw %}\n{{ x }}\n{% endraw %}"
    template = parse_template(text)
    assert template.body == [p.Verbatim(0, len(text), "\n{{ x }}\n")]
    assert [(e.start, e.end) for e in template.errors] == [(3, 6)]
    assert "{% verbatim %}" in template.errors[0].message
    assert parse("{% verbatim %}\n{{ x }}\n{% endverbatim %}").body[0].text == "{{ x }}\n"


def test_comments() -> None:
    text = "a{# {{ not parsed }} #}b"
    template = parse(text)
    assert template.has_expression
    assert template.body == [p.Text(0, 1, "a"), p.Comment(1, 23, " {{ not parsed }} "), p.Text(23, 24, "b")]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("a  {{- x }}  b", ["a", "  b"]),
        ("a  {{ x -}}  b", ["a  ", "b"]),
        ("a \n {{- x -}} \n b", ["a", "b"]),
        ("a  {%- if x -%}  b  {%- endif %}  c", ["a", "b", "  c"]),
        ("a  {#- c -#}  b", ["a", "b"]),
        ("a  {{ x -}}   ", ["a  "]),
    ],
)
def test_whitespace_control_trims_text_values(text: str, texts: list[str]) -> None:
    values = [node.value for node in walk(parse(text)) if isinstance(node, p.Text)]
    assert values == texts


def test_dash_without_space_after_an_opening_delimiter_is_a_minus() -> None:
    # Pebble trims only on "-" followed by whitespace.
    assert shape(expr("{{-x}}")) == "(- x)"
    assert errors("{%-if x %}{% endif %}") == [
        (2, 3, "expected a tag name ('{%-' trims whitespace only when a space follows the '-'), found '-'"),
        (13, 18, "'endif' without a matching 'if'"),
    ]


# --- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ inputs.x ?? }}", [(15, 15, "unexpected end of expression")]),
        ("{{ a | }}", [(7, 7, "expected filter name")]),
        ("{{ a | 1 }}", [(7, 8, "expected filter name, found '1'")]),
        ("{{ a ? b }}", [(9, 9, "expected ':'")]),
        ("{{ a ? b c }}", [(9, 10, "expected ':', found 'c'")]),
        ("{% if a %}x", [(3, 5, "unclosed 'if' tag")]),
        ("{{ a", [(0, 2, "unclosed '{{'")]),
        ("x {% if a", [(2, 4, "unclosed '{%'"), (5, 7, "unclosed 'if' tag")]),
        ("{{ }}", [(3, 3, "unexpected end of expression")]),
        ("{{ a b }}", [(5, 6, "expected '}}', found 'b'")]),
        ("{{ a = b }}", [(5, 6, "expected '}}', found '='")]),
        ("{{ a + * b }}", [(7, 8, "expected an expression, found '*'")]),
        ("{{ a. }}", [(6, 6, "expected an attribute name")]),
        ("{{ a.contains }}", [(5, 13, "expected an attribute name, found 'contains'")]),
        ("{{ a[0 }}", [(7, 7, "expected ']'")]),
        ("{{ f(a }}", [(7, 7, "expected ',' or ')'")]),
        ("{{ f( }}", [(6, 6, "expected ')'")]),
        ("{{ f(a, }}", [(8, 8, "unexpected end of expression")]),
        ("{{ f(a] }}", [(6, 7, "expected ',' or ')', found ']'")]),
        ("{{ a) }}", [(4, 5, "expected '}}', found ')'")]),
        ("{{ [1, 2,] }}", [(9, 10, "expected an expression, found ']'")]),
        ("{{ {'a' 1} }}", [(8, 9, "expected ':', found '1'")]),
        ("{{ [1][0] }}", [(6, 7, "expected '}}', found '['")]),
        ("{{ (a)(1) }}", [(6, 7, "only a function name can be called")]),
        ("{{ f(k=1, 2) }}", [(10, 11, "positional arguments must come before named arguments")]),
        ("{{ f(true=1) }}", [(5, 9, "cannot assign a value to 'true'")]),
        ("{{ a.b(k=1) }}", [(7, 10, "a method call cannot take named arguments")]),
        ("{{ a is }}", [(8, 8, "expected test name")]),
        ("{{ a is  not null }}", [(9, 12, "expected test name ('is not' takes exactly one space), found 'not'")]),
        ("{{ a ! b }}", [(5, 6, "unexpected character '!'")]),
        ("{{ 'abc }}", [(3, 4, "unterminated string")]),
        ('{{ "abc }}', [(3, 4, "unterminated string")]),
        ('{{ "a #{ b }}', [(3, 4, "unterminated string")]),
        ('{{ "#{}" }}', [(6, 6, "unexpected end of expression")]),
        ('{{ "#{ a b }" }}', [(9, 10, "expected '}', found 'b'")]),
        ("{% %}", [(3, 3, "expected a tag name")]),
        ("{% 'x' %}", [(3, 6, "expected a tag name, found ''x''")]),
        ("{% elif x %}", [(3, 7, "unknown tag 'elif'")]),
        ("{% include 'x' %}", [(3, 10, "unknown tag 'include': Kestra disables it")]),
        ("{% cache 'k' %}x{% endcache %}", [(3, 8, "unknown tag 'cache': Kestra disables it")]),
        ("{% endif %}", [(3, 8, "'endif' without a matching 'if'")]),
        ("{% else %}", [(3, 7, "'else' without a matching 'if' or 'for'")]),
        ("{% if a b %}x{% endif %}", [(8, 9, "expected '%}', found 'b'")]),
        ("{% if %}x{% endif %}", [(6, 6, "unexpected end of expression")]),
        ("{% endif x %}", [(3, 8, "'endif' without a matching 'if'")]),
        ("{% if a %}{% endif x %}", [(19, 20, "expected '%}', found 'x'")]),
        ("{% for x of xs %}{% endfor %}", [(9, 11, "expected 'in', found 'of'")]),
        ("{% for null in xs %}{% endfor %}", [(7, 11, "cannot assign a value to 'null'")]),
        ("{% set x 1 %}", [(9, 10, "expected '=', found '1'")]),
        ("{% macro m %}{% endmacro %}", [(11, 11, "expected '('")]),
        ("{% block %}{% endblock %}", [(9, 9, "expected a block name")]),
        ("{% block a %}{% endblock b %}", [(25, 26, "expected '%}', found 'b'")]),
        ("{% if a %}{% else %}{% elseif b %}{% endif %}", [(23, 29, "'elseif' after 'else'")]),
        ("{% if a %}{% for x in y %}{% endif %}", [(13, 16, "unclosed 'for' tag")]),
        ("{% for x in y %}{% if a %}{% endfor %}", [(19, 21, "unclosed 'if' tag")]),
        ("{# never closed", [(0, 2, "unclosed comment")]),
        ("{% verbatim %}x", [(3, 11, "unclosed 'verbatim' tag")]),
        ("{% raw %}x", [(3, 6, "unclosed 'raw' tag")]),
        ("{% endraw %}", [(3, 9, "unknown tag 'endraw'")]),
    ],
)
def test_errors(text: str, expected: list[tuple[int, int, str]]) -> None:
    assert errors(text) == expected


def test_errors_are_pebble_errors_in_text_order() -> None:
    template = parse_template("{{ a ?? }} {% elif %} {# x")
    assert all(isinstance(error, PebbleError) for error in template.errors)
    assert [error.start for error in template.errors] == sorted(error.start for error in template.errors)


def test_recovery_parses_the_expressions_after_an_error() -> None:
    text = "{{ a ?? }} and {{ b | }} then {{ c.d }} {% if x y %}{{ e }}{% endif %} {{ f }}"
    template = parse_template(text)
    assert [error.message for error in template.errors] == [
        "unexpected end of expression",
        "expected filter name",
        "expected '%}', found 'y'",
    ]
    names = [node.name for node in walk(template) if isinstance(node, p.Name)]
    assert names == ["c", "e", "f"]
    prints = [node for node in template.body if isinstance(node, p.Print)]
    assert isinstance(prints[0].expr, p.Invalid) and (prints[0].start, prints[0].end) == (0, 10)


def test_recovery_after_an_unterminated_string_and_a_missing_bracket() -> None:
    text = "{{ 'abc }} {{ ok1 }} {{ a[0 }} {{ ok2 }} {{ \"x #{ y }} {{ ok3 }}"
    template = parse_template(text)
    assert [(error.start, error.message) for error in template.errors] == [
        (3, "unterminated string"),
        (28, "expected ']'"),
        (44, "unterminated string"),
    ]
    names = [node.name for node in walk(template) if isinstance(node, p.Name)]
    assert names == ["ok1", "ok2", "ok3"]


def test_an_unknown_tag_does_not_unbalance_the_rest() -> None:
    text = "{% if a %}{% elif b %}x{% else %}y{% endif %}{{ z }}"
    template = parse_template(text)
    assert [error.message for error in template.errors] == ["unknown tag 'elif'"]
    assert [type(node) for node in template.body] == [p.If, p.Print]
    assert isinstance(template.body[0].branches[0][1][0], p.UnknownTag)


def test_deep_nesting_is_capped() -> None:
    text = "{{ " + "(" * 5000 + "a" + ")" * 5000 + " }} {{ ok }}"
    template = parse_template(text)
    assert [error.message for error in template.errors] == ["expression nested too deeply"]
    assert template.body[-1] == p.Print(10008, 10016, p.Name(10011, 10013, "ok"))
    assert parse_template("{{ " + "not " * 3000 + "a }}").errors[0].message == "expression nested too deeply"
    assert parse_template("{{ " + "[" * 3000 + " }}").errors[0].message == "expression nested too deeply"
    tags = "{% if a %}" * 500 + "x" + "{% endif %}" * 500
    assert "tags nested too deeply" in {error.message for error in parse_template(tags).errors}


# --- robustness --------------------------------------------------------------------------------


def test_a_nearly_full_stack_gives_an_error_not_an_exception() -> None:
    text = "{{ " + "(" * 99 + "a" + ")" * 99 + " }}" + "{% if a %}" * 59

    def nested(depth: int) -> Template:
        return parse_template(text) if depth == 0 else nested(depth - 1)

    used, frame = 0, sys._getframe()
    while frame is not None:
        used, frame = used + 1, frame.f_back
    assert len(nested(0).errors) == 59
    spare = 30  # frames left for parse_template: enough for the lexer, not for 59 nested tags
    assert [error.message for error in nested(sys.getrecursionlimit() - used - spare).errors] == [
        "template nested too deeply"
    ]


def test_every_prefix_of_complex_templates_parses_in_bounds() -> None:
    for text in (*LONG_TEMPLATES, " ".join(VALID_SNIPPETS)):
        for end in range(len(text) + 1):
            prefix = text[:end]
            assert_in_bounds(prefix, parse_template(prefix))
            assert_in_bounds(prefix, parse_template(prefix, KESTRA_2))


def test_random_punctuation_never_raises() -> None:
    rng = random.Random(20260801)
    pieces = [*"{}%#-|?:.,()[]'\"=!<>+*/~ \n\\ab01L", "{{", "}}", "{%", "%}", "#{", "{#", "#}", "is not ", " in "]
    pieces += ["if ", "endif", "for ", "else", "raw", "verbatim", "endverbatim", " or ", "??", "..", "not "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        assert_in_bounds(text, parse_template(text))


def test_random_mutations_of_valid_templates_never_raise() -> None:
    rng = random.Random(7)
    sources = [*VALID_SNIPPETS, *LONG_TEMPLATES]
    for _ in range(3000):
        chars = list(rng.choice(sources))
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(chars) + 1)
            if rng.random() < 0.5 and at < len(chars):
                del chars[at]
            else:
                chars.insert(at, rng.choice("{}%#-|?:.,()[]'\"= "))
        text = "".join(chars)
        assert_in_bounds(text, parse_template(text))
