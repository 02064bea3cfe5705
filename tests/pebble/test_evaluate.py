import time

import pytest

from flowls.pebble.evaluate import (
    Limits,
    RenderError,
    RenderOptions,
    Unknowable,
    evaluate_expression,
    is_truthy,
    render,
    render_typed,
)

CONTEXT = {
    "inputs": {
        "name": "world",
        "n": 3,
        "f": 1.5,
        "flag": True,
        "off": False,
        "empty": "",
        "blank": "  ",
        "nothing": None,
        "items": [1, 2, 3],
        "words": ["b", "a", "c"],
        "nested": [[1, 2], [3], 4],
        "map": {"a": 1, "b": "two"},
        "json": '{"k": [1, 2]}',
        "dashed-key": "dk",
    },
    "vars": {"template": "Hello {{ inputs.name }}", "twice": "{{ vars.template }}!"},
    "outputs": {"t1": {"values": {"x": "1"}}},
    "taskrun": {"value": "v1"},
}


def r(template: str, **options) -> str:
    return render(template, CONTEXT, RenderOptions(**options))


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        # text, printing, literals
        ("plain text", "plain text"),
        ("", ""),
        ("a {{ inputs.name }} b", "a world b"),
        ("{{ 'single' }}{{ \"double\" }}", "singledouble"),
        ("{{ null }}|{{ inputs.nothing }}|", "||"),
        ("{{ true }} {{ false }} {{ TRUE }}", "true false true"),
        ("{{ inputs.items }}", "[1,2,3]"),
        ("{{ inputs.map }}", '{"a":1,"b":"two"}'),
        ("{{ [1, 'a', null, true, 1.5] }}", '[1,"a",null,true,1.5]'),
        ("{{ {'k': [1, {'x': 2.0}]} }}", '{"k":[1,{"x":2.0}]}'),
        ("{{ inputs['dashed-key'] }}", "dk"),
        ("{{ inputs.items[1] }}{{ inputs.items[0] }}", "21"),
        ("{{ inputs['map']['b'] }}", "two"),
        ('{{ "a #{inputs.n + 1} b" }}', "a 4 b"),
        # numbers like Java
        ("{{ 11 / 3 }}", "3"),
        ("{{ -11 / 3 }}", "-3"),
        ("{{ -7 % 3 }} {{ 7 % -3 }}", "-1 1"),
        ("{{ 2 * 3 + 1 }}", "7"),
        ("{{ 2 + 3 * 2 }}", "8"),
        ("{{ (2 + 3) * 2 }}", "10"),
        ("{{ 1.0 * 2 }}", "2.0"),
        ("{{ 1 / 2.0 }}", "0.5"),
        ("{{ inputs.f * 2 }}", "3.0"),
        ("{{ 10000000.0 }}", "1.0E7"),
        ("{{ 1234567.5 }}", "1234567.5"),
        ("{{ 0.001 }} {{ 0.0001 }}", "0.001 1.0E-4"),
        ("{{ 1.0 / 0 }} {{ -1.0 / 0 }} {{ 0.0 / 0 }}", "Infinity -Infinity NaN"),
        ("{{ -inputs.n }} {{ +inputs.n }}", "-3 3"),
        ("{{ 9223372036854775807 + 1 }}", "-9223372036854775808"),
        ("{{ 7.5 % 2 }}", "1.5"),
        # strings
        ("{{ 'a' + 'b' }}", "ab"),
        ("{{ 'a' + 1 }}{{ 1 + 'a' }}", "a11a"),
        ("{{ 'a' + null }}", "anull"),
        ("{{ 'a' ~ 1 ~ true ~ null ~ 1.5 }}", "a1true1.5"),
        ("{{ 'x' ~ inputs.items }}", "x[1, 2, 3]"),
        ("{{ 'x' ~ inputs.map }}", "x{a=1, b=two}"),
        # ranges
        ("{{ 1..3 }}", "[1,2,3]"),
        ("{{ 3..1 }}", "[]"),
        ("{{ range(0, 10, 5) }}", "[0,5,10]"),
        ("{{ range(3, 1, -1) }}", "[3,2,1]"),
        ("{{ range('a', 'c') }}", '["a","b","c"]'),
        # comparisons
        ("{{ 1 == 1.0 }} {{ 1 != 2 }} {{ 'a' == 'a' }} {{ 'a' equals 'b' }}", "true true true false"),
        ("{{ '1' == 1 }} {{ null == null }} {{ true == 1 }}", "false true false"),
        ("{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 4 >= 4.0 }}", "true true false true"),
        ("{{ null < 1 }}", "false"),
        ("{{ inputs.items == [1, 2, 3] }}", "true"),
        # contains, isIn
        ("{{ 'hello' contains 'ell' }}", "true"),
        ("{{ inputs.items contains 2 }} {{ inputs.items contains 5 }}", "true false"),
        ("{{ inputs.items contains [1, 3] }}", "true"),
        ("{{ inputs.map contains 'a' }} {{ inputs.map contains 'z' }}", "true false"),
        ("{{ null contains 'a' }}", "false"),
        ("{{ 'b' isIn ['a', 'b'] }} {{ 1 isIn ['1'] }} {{ 'z' isIn ['a'] }}", "true true false"),
        ("{{ 'a' isIn inputs.map }} {{ 'two' isIn inputs.map }} {{ 'q' isIn inputs.map }}", "true true false"),
        # logic
        ("{{ true and false }} {{ true or false }} {{ not true }}", "false true false"),
        ("{{ 1 and 'x' }} {{ 0 or '' }}", "true false"),
        ("{{ not 0 }} {{ not 'a' }}", "true false"),
        ("{{ false and inputs.missing }}", "false"),
        ("{{ true or inputs.missing }}", "true"),
        ("{{ inputs.flag ? 'y' : 'n' }} {{ inputs.off ? 'y' : 'n' }}", "y n"),
        ("{{ inputs.nothing ? 'y' : 'n' }} {{ 0 ? 'y' : 'n' }} {{ 'x' ? 'y' : 'n' }}", "n n y"),
        ("{{ not inputs.off and inputs.flag }}", "true"),
        ("{{ 1 + 1 == 2 and 'a' contains 'a' }}", "true"),
        # coalescing
        ("{{ inputs.missing ?? 'd' }}", "d"),
        ("{{ inputs.nothing ?? 'd' }}", "d"),
        ("{{ inputs.name ?? 'd' }}", "world"),
        ("{{ missing.deep.path ?? 'd' }}", "d"),
        ("{{ inputs.items[9] ?? 'd' }}", "d"),
        ("{{ inputs.missing ??? 'd' }}", "d"),
        ("[{{ inputs.nothing ??? 'd' }}]", "[]"),
        ("{{ inputs.missing ?? inputs.other ?? 'z' }}", "z"),
        # tests
        (
            "{{ inputs.name is defined }} {{ inputs.missing is defined }} {{ missing is not defined }}",
            "true false true",
        ),
        ("{{ inputs.nothing is defined }}", "false"),
        ("{{ inputs.nothing is null }} {{ inputs.name is not null }}", "true true"),
        (
            "{{ inputs.empty is empty }} {{ inputs.blank is empty }} {{ [] is empty }} {{ {} is empty }}",
            "true true true true",
        ),
        ("{{ inputs.items is empty }} {{ 0 is empty }}", "false false"),
        ("{{ 2 is even }} {{ 3 is odd }} {{ 3 is even }}", "true true false"),
        ("{{ inputs.items is iterable }} {{ inputs.map is map }} {{ 'x' is iterable }}", "true true false"),
        ("{{ inputs.json is json }} {{ 'nope{' is json }}", "true false"),
        # tags
        ("{% if inputs.flag %}yes{% endif %}", "yes"),
        ("{% if inputs.off %}yes{% else %}no{% endif %}", "no"),
        ("{% if inputs.n == 1 %}one{% elseif inputs.n == 3 %}three{% else %}other{% endif %}", "three"),
        ("{% if 'x' %}s{% endif %}{% if '' %}e{% endif %}{% if 0 %}z{% endif %}{% if 2 %}n{% endif %}", "sn"),
        ("{% for i in inputs.items %}{{ i }},{% endfor %}", "1,2,3,"),
        (
            "{% for i in inputs.words %}{{ loop.index }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}"
            "{{ loop.length }};{% endfor %}",
            "02truefalse3;11falsefalse3;20falsetrue3;",
        ),
        ("{% for i in [] %}x{% else %}none{% endfor %}", "none"),
        ("{% for i in inputs.nothing %}x{% else %}none{% endfor %}", ""),
        ("{% for e in inputs.map %}{{ e.key }}={{ e.value }};{% endfor %}", "a=1;b=two;"),
        ("{% for e in inputs.map %}{{ e }}{% endfor %}", "a=1b=two"),
        ("{% for i in 1..3 %}{% for j in 1..2 %}{{ i }}{{ j }} {% endfor %}{% endfor %}", "11 12 21 22 31 32 "),
        ("{% set x = 5 %}{{ x * 2 }}", "10"),
        ("{% set x = 1 %}{% for i in [1, 2] %}{% set x = x + i %}{% endfor %}{{ x }}", "4"),
        ("{% for i in [1] %}{% set y = 1 %}{% endfor %}{{ y ?? 'gone' }}", "gone"),
        ("{% set inputs = 'shadow' %}{{ inputs }}", "shadow"),
        ("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}"),
        ("{% verbatim %}{% if %}{% endverbatim %}", "{% if %}"),
        ("a{# comment #}b", "ab"),
        ("a  {{- 'b' -}}  c", "abc"),
        ("{% filter upper %}hello {{ inputs.name }}{% endfilter %}", "HELLO WORLD"),
        ("{% filter lower | trim %}  ABC  {% endfilter %}", "abc"),
        ("{% macro greet(who, p='Hi') %}{{ p }} {{ who }}{% endmacro %}{{ greet('you') }}", "Hi you"),
        # filters
        ("{{ -3 | abs }} {{ -1.5 | abs }}", "3 1.5"),
        ("{{ 'hello world' | capitalize }} {{ 'hello world' | title }}", "Hello world Hello World"),
        ("{{ 'AbC' | lower }}{{ 'AbC' | upper }}", "abcABC"),
        ("{{ '  x  ' | trim }}", "x"),
        ("{{ inputs.missing | default('d') }} {{ '' | default('e') }} {{ [] | default('l') }}", "d e l"),
        ("{{ 'v' | default('d') }} {{ 0 | default('d') }}", "v 0"),
        ("{{ inputs.items | first }}{{ inputs.items | last }}{{ 'abc' | first }}{{ 'abc' | last }}", "13ac"),
        ("{{ inputs.items | join(', ') }}|{{ inputs.items | join }}", "1, 2, 3|123"),
        ("{{ inputs.items | length }} {{ 'abcd' | length }} {{ inputs.map | length }} {{ null | length }}", "3 4 2 0"),
        ("{{ 'hello' | replace({'l': 'L', 'o': '0'}) }}", "heLL0"),
        ("{{ 'a1b22' | replace({'[0-9]+': '#'}, regexp=true) }}", "a#b#"),
        ("{{ 'a,b,,c,,' | split(',') }}", '["a","b","","c"]'),
        ("{{ 'a,b,c' | split(',', 2) }}", '["a","b,c"]'),
        ("{{ 'a1b2c' | split('[0-9]') }}", '["a","b","c"]'),
        (
            "{{ inputs.items | slice(1, 3) }} {{ 'hello' | slice(1, 3) }} {{ inputs.items | slice(1) }}",
            "[2,3] el [2,3]",
        ),
        (
            "{{ inputs.words | sort }} {{ inputs.words | rsort }} {{ inputs.items | reverse }}",
            '["a","b","c"] ["c","b","a"] [3,2,1]',
        ),
        ("{{ inputs.map | keys }} {{ inputs.map | values }}", '["a","b"] [1,"two"]'),
        ("{{ inputs.map | toJson }} {{ 'x' | toJson }} {{ null | toJson }}", '{"a":1,"b":"two"} "x" null'),
        ("{{ fromJson(inputs.json).k[1] }}", "2"),
        ("{{ '42' | number + 1 }} {{ '1.5' | number }} {{ '7' | number('DOUBLE') }}", "43 1.5 7.0"),
        ("{{ 12 | string ~ 'x' }} {{ [1] | string }}", "12x [1]"),
        (
            "{{ 'abc' | startsWith('ab') }} {{ 'abc' | endsWith('bc') }} {{ 'abc' | startsWith('c') }}",
            "true true false",
        ),
        ("{{ 'a.b.c' | substringBefore('.') }} {{ 'a.b.c' | substringAfter('.') }}", "a b.c"),
        ("{{ 'a.b.c' | substringBeforeLast('.') }} {{ 'a.b.c' | substringAfterLast('.') }}", "a.b c"),
        ("{{ 'abc' | substringBefore('z') }}|{{ 'abc' | substringAfter('z') }}|", "abc||"),
        ("{{ 'a b&c/d' | urlencode }}", "a+b%26c%2Fd"),
        ("{{ 'hi' | base64encode }} {{ 'aGk=' | base64decode }}", "aGk= hi"),
        ("{{ 'abc' | sha256 }}", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("{{ 'abc' | md5 }}", "900150983cd24fb0d6963f7d28e17f72"),
        ("{{ 'hello world' | abbreviate(8) }} {{ 'hi' | abbreviate(8) }}", "hello... hi"),
        ("{{ [1, 2, 3, 4, 5] | chunk(2) }}", "[[1,2],[3,4],[5]]"),
        ("{{ [1, 2, 1, 'a', 'a'] | distinct }}", '[1,2,"a"]'),
        ("{{ inputs.nested | flatten }}", "[1,2,3,4]"),
        ("{{ 'a\nb' | indent(2) }}", "a\n  b"),
        ("{{ 'a\nb' | nindent(2) }}", "\n  a\n  b"),
        ("{{ \"it's\" | escapeChar('single') }}", "it\\'s"),
        ("{{ 'Hello World!' | slugify }}", "hello-world"),
        ("{{ [1, 2] | merge([3]) }} {{ {'a': 1} | merge({'b': 2}) }}", '[1,2,3] {"a":1,"b":2}'),
        ("{{ inputs.map | jq('.a') }} {{ inputs.json | jq('.k[]') }} {{ inputs.items | jq('.[0]') }}", "[1] [1,2] [1]"),
        # functions
        ("{{ max(1, 5, 3) }} {{ min(4, 2.5) }}", "5 2.5"),
        ("{{ render(vars.template) }}", "Hello world"),
        ("{{ render(vars.twice) }}", "Hello world!"),
        ("{{ renderOnce(vars.twice) }}", "Hello {{ inputs.name }}!"),
        ("{{ render(42) }}", "42"),
        ("{{ vars.template }}", "Hello {{ inputs.name }}"),
        # Java methods (a few, sandboxed)
        ("{{ inputs.name.length() }} {{ inputs.name.toUpperCase() }} {{ inputs.items.size() }}", "5 WORLD 3"),
        # ... and the getters Pebble finds without parentheses
        ("{{ inputs.name.length }} {{ inputs.items.size }} {{ inputs.items.empty }}", "5 3 false"),
    ],
)
def test_render(template, expected):
    assert r(template) == expected


@pytest.mark.parametrize(
    ("template", "name", "start", "end"),
    [
        ("{{ inputs.missing }}", "missing", 10, 17),
        ("{{ missing }}", "missing", 3, 10),
        ("{{ missing.a }}", "missing", 3, 10),
        ("{{ inputs.nothing.a }}", "a", 18, 19),
        ("{{ inputs.items[5] }}", "5", 16, 17),
        ("{{ inputs['x'] }}", "x", 10, 13),
        ("{{ inputs.n.real }}", "real", 12, 16),
        ("{{ loop.index }}", "loop", 3, 7),
        ("{% for i in [1] %}{{ loop.index0 }}{% endfor %}", "index0", 26, 32),
    ],
)
def test_undefined(template, name, start, end):
    with pytest.raises(RenderError) as info:
        r(template)
    error = info.value
    assert error.kind == "render"
    assert error.message == f"Unable to find `{name}` used in the expression `{template}` at line 1"
    assert (error.start, error.end) == (start, end)


def test_if_condition_error_keeps_its_cause():
    template = "ok {% if outputs.t2.values %}x{% endif %}"
    with pytest.raises(RenderError) as info:
        r(template)
    assert info.value.message == "Wrong operand(s) type in conditional expression"
    assert (info.value.start, info.value.end) == (9, 26)
    cause = info.value.__cause__
    assert isinstance(cause, RenderError)
    assert cause.message == f"Unable to find `t2` used in the expression `{template}` at line 1"


def test_undefined_line_number():
    template = "line one\n{{ nope }}"
    with pytest.raises(RenderError) as info:
        r(template)
    assert info.value.message.endswith("at line 2")


@pytest.mark.parametrize(
    ("template", "fragment"),
    [
        ("{{ 1 + 'a' - 1 }}", "invalid operands for mathematical operation [SUBTRACT]"),
        ("{{ 'a' < 'b' }}", "invalid operands for mathematical comparison [LESS_THAN]"),
        ("{{ 1 / 0 }}", "/ by zero"),
        ("{{ 1 % 0 }}", "/ by zero"),
        ("{% if inputs.nothing %}x{% endif %}", "Wrong operand(s) type in conditional expression"),
        ("{% if inputs.items %}x{% endif %}", "Wrong operand(s) type in conditional expression"),
        ("{{ not inputs.nothing }}", "null value given to not()"),
        ("{{ inputs.nothing and true }}", "null value used in and operator"),
        ("{{ inputs.items ? 1 : 2 }}", "class java.util.ArrayList cannot be cast to class java.lang.Boolean"),
        ("{{ 'x' | nosuchfilter }}", "Filter [nosuchfilter] does not exist."),
        ("{{ nosuchfunction() }}", "Function or Macro [nosuchfunction] does not exist."),
        ("{{ 1 is nosuchtest }}", "Test [nosuchtest] does not exist."),
        ("{% for c in 'abc' %}{% endfor %}", "Not an iterable object"),
        ("{{ 5 contains 1 }}", "Contains operator can only be used"),
        ("{{ 1.5 is even }}", "class java.lang.Double cannot be cast to class java.lang.Long"),
        ("{{ 'x'.getClass() }}", "not supported"),
        ("{{ 'x' | join }}", "'join' filter expects"),
        ("{{ range(1, 5, 0) }}", "different than 0"),
    ],
)
def test_render_errors(template, fragment):
    with pytest.raises(RenderError) as info:
        r(template)
    assert info.value.kind == "render"
    assert fragment in info.value.message


def test_error_offsets_point_at_the_node():
    template = "ab {{ 'x' | nosuchfilter }}"
    with pytest.raises(RenderError) as info:
        r(template)
    assert template[info.value.start : info.value.end] == "nosuchfilter"
    template = "{{ 1 + 'a' - 1 }}"
    with pytest.raises(RenderError) as info:
        r(template)
    assert template[info.value.start : info.value.end] == "1 + 'a' - 1"


@pytest.mark.parametrize(
    ("template", "start"),
    [("{{ 1 + }}", 7), ("{% if %}x{% endif %}", 6), ("{{ 'unclosed }}", 3), ("{% for x in y %}", 3)],
)
def test_parse_errors(template, start):
    with pytest.raises(RenderError) as info:
        r(template)
    assert info.value.kind == "parse"
    assert info.value.start == start
    assert info.value.message


def test_render_typed():
    assert render_typed("{{ inputs.items }}", CONTEXT) == [1, 2, 3]
    assert render_typed("  {{ inputs.map }}\n", CONTEXT) == {"a": 1, "b": "two"}
    assert render_typed("{{ 1 + 1 }}", CONTEXT) == 2
    assert render_typed("{{ inputs.f }}", CONTEXT) == 1.5
    assert render_typed("{{ inputs.nothing }}", CONTEXT) is None
    assert render_typed("{{ true }}", CONTEXT) is True
    assert render_typed("a {{ 1 }}", CONTEXT) == "a 1"
    assert render_typed("[1, 2]", CONTEXT) == "[1, 2]"


def test_evaluate_expression():
    assert evaluate_expression("inputs.n * 2", CONTEXT) == 6
    assert evaluate_expression("inputs.items | length > 2", CONTEXT) is True
    assert evaluate_expression("[inputs.name, 1]", CONTEXT) == ["world", 1]
    with pytest.raises(RenderError) as info:
        evaluate_expression("inputs.nope", CONTEXT)
    assert (info.value.start, info.value.end) == (7, 11)
    assert info.value.message == "Unable to find `nope` used in the expression `inputs.nope` at line 1"
    with pytest.raises(RenderError) as info:
        evaluate_expression("1 +", CONTEXT)
    assert info.value.kind == "parse"


@pytest.mark.parametrize(
    ("rendered", "truthy"),
    [
        ("true", True),
        ("false", False),
        ("  false \n", False),
        ("0", False),
        ("-0", False),
        ("", False),
        ("   ", False),
        ("1", True),
        ("False", True),
        ("FALSE", True),
        ("0.0", True),
        ("no", True),
        ("null", True),
        ("[]", True),
        ("<unknown: secret('X')>", True),
    ],
)
def test_is_truthy(rendered, truthy):
    assert is_truthy(rendered) is truthy


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ inputs.n > 2 }}", True),
        ("{{ inputs.n > 5 }}", False),
        ("{{ inputs.missing ?? false }}", False),
        ("{{ inputs.items | length }}", True),
        ("{{ [] | length }}", False),
        ("{{ inputs.nothing }}", False),
    ],
)
def test_run_if(template, expected):
    assert is_truthy(r(template)) is expected


# --- Unknowable ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("{{ secret('X') }}", "<unknown: secret('X')>"),
        ("{{ secret('X') | upper }}", "<unknown: secret('X')>"),
        ("{{ secret('X') | upper | length + 1 }}", "<unknown: secret('X')>"),
        ("{{ secret('X').field[0] }}", "<unknown: secret('X')>"),
        ("a {{ 'k-' ~ kv('K') }} b", "a <unknown: kv('K')> b"),
        ("{{ 'x' | replace({'x': secret('S')}) }}", "<unknown: secret('S')>"),
        ("{{ now() }}", "<unknown: now()>"),
        ("{{ read('f.txt') == 'a' }}", "<unknown: read('f.txt')>"),
        ("{{ not secret('X') }}", "<unknown: secret('X')>"),
        ("{{ secret('X') ? 1 : 2 }}", "<unknown: secret('X')>"),
        ("{{ ctx_unknown.deep }}", "<unknown: plugin output>"),
        ("{{ ctx_unknown ?? 'd' }}", "<unknown: plugin output>"),
        ("{{ ctx_unknown is defined }}", "true"),
        ("{{ read('data.csv') | trim }}", "<unknown: read('data.csv')>"),
        ("{% if secret('X') == 'a' %}y{% endif %}", "<unknown: which branch of {% if secret('X') == 'a' %}>"),
        ("{% for i in kv('L') %}{{ i }}{% endfor %}", "<unknown: a loop over kv('L')>"),
        ("{{ http('https://example.com') }}", "<unknown: http('https://example.com')>"),
    ],
)
def test_unknowable(template, expected):
    context = {**CONTEXT, "ctx_unknown": Unknowable("plugin output")}
    rendered = render(template, context)
    assert rendered == expected
    assert is_truthy(rendered)


def test_unknowable_short_circuit():
    assert r("{{ false and secret('X') }}") == "false"
    assert r("{{ true or secret('X') }}") == "true"
    assert r("{{ true and secret('X') }}") == "<unknown: secret('X')>"


def test_unknowable_value():
    value = evaluate_expression("secret('X') | upper", CONTEXT)
    assert isinstance(value, Unknowable)
    assert value.description == "secret('X')"
    assert str(value) == "<unknown: secret('X')>"


def test_function_overrides():
    def tasks_with_state(state):
        return [{"taskId": "t1", "state": state}]

    functions = {"tasksWithState": tasks_with_state, "secret": lambda key: "s3cr3t"}
    assert r("{{ tasksWithState('FAILED') | length > 0 }}", functions=functions) == "true"
    assert r("{{ tasksWithState('FAILED')[0].taskId }}", functions=functions) == "t1"
    assert r("{{ secret('X') | upper }}", functions=functions) == "S3CR3T"


# --- sandbox ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{{ ''.__class__ }}",
        "{{ ''.__class__.__mro__ }}",
        "{{ x.__globals__ }}",
        "{{ inputs.__class__ }}",
        "{{ inputs.items.__len__ }}",
        "{{ inputs['__class__'] }}",
        "{{ inputs.name.__class__.__init__.__globals__ }}",
        "{{ 'x'.__class__() }}",
        "{{ inputs.map.keys() }}",
        "{{ inputs.name.format() }}",
        "{{ render.__globals__ }}",
        "{{ range.__code__ }}",
        "{{ (1..100000000) | length }}",
        "{% for i in 1..1000000 %}{% for j in 1..1000000 %}{% endfor %}{% endfor %}",
        "{% for i in 1..10000 %}{% for j in 1..10000 %}x{% endfor %}{% endfor %}",
        "{{ range(0, 100000000000000) }}",
        "{% set s = 'xxxxxxxxxx' %}{% for i in 1..40 %}{% set s = s ~ s %}{% endfor %}{{ s | length }}",
        "{% set l = [1] %}{% for i in 1..40 %}{% set l = l + l %}{% endfor %}{{ l | length }}",
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(1) }}",
        "{{ render(vars.loop) }}",
        "{{ 'a' | indent(100000000) }}",
        "{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | split('(a+)+b') }}",
        "{{ " + " * ".join(["4"] * 60) + " }}",
    ],
)
def test_sandbox_escapes_end_safely(template):
    context = {**CONTEXT, "x": {"a": 1}, "vars": {"loop": "{{ render(vars.loop) }}"}}
    begin = time.monotonic()
    try:
        result = render(template, context)
    except RenderError as error:
        assert error.kind in ("parse", "render")
    else:
        assert isinstance(result, str)
        assert "<class" not in result and "function" not in result
    assert time.monotonic() - begin < 2


def test_deeply_nested_expressions():
    for template in (
        "{{ " + "(" * 500 + "1" + ")" * 500 + " }}",
        "{{ " + "-" * 5000 + "1 }}",
        "{{ " + "[" * 300 + "]" * 300 + " }}",
    ):
        with pytest.raises(RenderError):
            r(template)
    nested_ifs = "{% if true %}" * 55 + "x" + "{% endif %}" * 55
    assert r(nested_ifs) == "x"


def test_limits():
    with pytest.raises(RenderError, match="evaluation too long"):
        r("{% for i in 1..100 %}{{ i }}{% endfor %}", limits=Limits(max_steps=50))
    with pytest.raises(RenderError, match="output too large"):
        r("{% for i in 1..100 %}xxxxxxxxxx{% endfor %}", limits=Limits(max_output=500))
    with pytest.raises(RenderError, match="range too long"):
        r("{{ 1..11 }}", limits=Limits(max_range=10))
    assert r("{{ 1..10 | length }}", limits=Limits(max_range=10)) == "10"
    with pytest.raises(RenderError, match="nested too deeply"):
        r("{{ 1 + 2 + 3 + 4 + 5 }}", limits=Limits(max_depth=3))


def test_context_is_not_modified():
    context = {"a": 1, "l": [1]}
    render("{% set a = 2 %}{% set l = l + [2] %}{{ a }}", context)
    assert context == {"a": 1, "l": [1]}


@pytest.mark.parametrize(
    ("value", "text"),
    [
        # Double.toString (Java 19+, JDK-4511638): shortest digits, but always two (d.d), the second the
        # closest to the exact value: it shows only for the smallest subnormals. Read off Java 25.
        (5e-324, "4.9E-324"),
        (1e-323, "9.9E-324"),
        (2e-323, "2.0E-323"),
        (1e23, "1.0E23"),
        (1e-5, "1.0E-5"),
        (0.001, "0.001"),
        (1e7, "1.0E7"),
        (9999999.0, "9999999.0"),
    ],
)
def test_doubles_print_as_java_prints_them(value, text):
    assert render("{{ x }}", {"x": value}) == text
