"""Rendering as Kestra 1.x renders, row by row: each row mirrors a test of Pebble 4.1.1
(``pebble/src/test/java/io/pebbletemplates/pebble/``), a test of Kestra
(``core/src/test/java/io/kestra/core/runners/``) or, where no test pins the behaviour, the Java source
that decides it (cited by class). Pebble's own tests mostly run with strict variables off; here every
row runs as Kestra configures Pebble (strict variables on, no auto-escaping), with the Java context
turned into JSON-like data.

An expected value is the exact rendered string, or ``(kind, message)`` for a ``RenderError``: the
message is Pebble's own (``PebbleException.getPebbleMessage``), or Kestra's for an undefined variable.
"""

from __future__ import annotations

import pytest

from flowls.pebble.evaluate import RenderError, render

PARSE = "parse"
RENDER = "render"

Expected = str | tuple[str, str]


def undefined(name: str, template: str, line: int = 1) -> tuple[str, str]:
    """Kestra's ``VariableRenderer.properPebbleException`` for an AttributeNotFoundException."""
    return RENDER, f"Unable to find `{name}` used in the expression `{template}` at line {line}"


def cast(source: str, target: str) -> str:
    """The message of a Java ClassCastException between two java.base classes."""
    return (
        f"class {source} cannot be cast to class {target} ({source} and {target} are in module java.base "
        "of loader 'bootstrap')"
    )


def _row(template: str, context: dict, expected: Expected, source: str) -> tuple:
    return pytest.param(template, context, expected, id=source)


def _undefined_row(template: str, context: dict, name: str, source: str) -> tuple:
    return _row(template, context, undefined(name, template), source)


USERS = {"users": [{"username": "Alex"}, {"username": "Bob"}, {"username": "John"}]}
WORDS = {"words": ["zebra", "apple", " cat", "123", "Apple", "cat"]}
VARS_SECOND = {
    "vars": {
        "second": {
            "string": "string",
            "int": 1,
            "float": 1.123,
            "list": ["string", 1, 1.123],
            "bool": True,
            "map": {"string": "string", "int": 1, "float": 1.123},
        }
    }
}
BLOCK = {"block": {"test": {"child": "awesome"}}, "inner": "test"}
NOT_IF = "Wrong operand(s) type in conditional expression"

ROWS = [
    # --- arithmetic: Java long and double ----------------------------------------------------------
    _row("{{ 8 + 5 * 4 - (6 + 10 / 2)  + 44 }}-{{ 10%3 }}", {}, "61-1", "pebble LogicTest.testBinaryOperators"),
    _row(
        "{{ 1 + item.changeInt }} {{ 1 - item.changeInt }} {{ 2 * item.changeInt }} "
        "{{ 11 / item.changeInt }} {{ 4 % item.changeInt }}",
        {"item": {"changeInt": 3}},
        "4 -2 6 3 1",
        "pebble LogicTest.testBinaryOperatorOnAttribute",
    ),
    _row("{{ 10 / 4.0 }}", {}, "2.5", "pebble OperatorUtils.doubleOperation"),
    _row("{{ -7 / 2 }} {{ -7 % 2 }}", {}, "-3 -1", "pebble OperatorUtils.longOperation"),
    _row("{{ 7.5 % 2 }}", {}, "1.5", "pebble OperatorUtils.doubleOperation (modulus)"),
    _row("{{ 1.0 / 0 }}", {}, "Infinity", "pebble OperatorUtils.doubleOperation (division by zero)"),
    _row("{{ 1 / 0 }}", {}, (RENDER, "/ by zero"), "pebble OperatorUtils.longOperation (ArithmeticException)"),
    _row(
        "{{ number1 + number2 * number1 / number2 }}-{{number1 % number2}}",
        {"number1": 100.0, "number2": 30.0},
        "200.0-10.0",
        "pebble LogicTest.testBinaryOperatorsBigDecimalWithDouble",
    ),
    _row(
        "{{ number1 + number2 * number1 / number2 }}-{{number1 % number2}}",
        {"number1": 100, "number2": 30},
        "200-10",
        "pebble LogicTest.testBinaryOperatorsBigIntegerWithLong",
    ),
    _row("{{ 9223372036854775807 + 1 }}", {}, "-9223372036854775808", "pebble OperatorUtils.longOperation (overflow)"),
    _row("{% if -2 == -+(5 - 3) %}yes{% else %}no{% endif %}", {}, "yes", "pebble LogicTest.testUnaryOperators"),
    _row(
        "{% if -5 > -item.changeInt %}yes{% else %}no{% endif %}",
        {"item": {"changeInt": 3}},
        "no",
        "pebble LogicTest.testUnaryOperatorOnAttribute",
    ),
    _row("{{ 10000000.0 * 1 }} {{ 0.5 * 0.002 }}", {}, "1.0E7 0.001", "pebble SpecializedWriter (Double.toString)"),
    _row(
        "{{ 'a' * 2 }}",
        {},
        (RENDER, "invalid operands for mathematical operation [MULTIPLICATION]"),
        "pebble OperatorUtils.wideningConversionBinaryOperation",
    ),
    _row(
        "{% set map = {'Bob':'Marley'} + 1 %}{{ map }}",
        {},
        (RENDER, "invalid operands for mathematical operation [ADD]"),
        "pebble MapSyntaxTest.testAdditionOverloading",
    ),
    _row(
        "{% set map = {'Bob':'Marley'} - 1 %}{{ map }}",
        {},
        (RENDER, "invalid operands for mathematical operation [SUBTRACT]"),
        "pebble MapSyntaxTest.testSubtractionOverloading",
    ),
    _row("{{ 'a' + 1 }}{{ 1 + 'a' }}{{ 'a' + null }}", {}, "a11aanull", "pebble OperatorUtils.add (String.valueOf)"),
    _row(
        "{{ [1, 2] + 3 }} {{ [1, 2, 1] - 1 }}", {}, "[1,2,3] [2,1]", "pebble OperatorUtils.addToList/subtractFromList"
    ),
    # --- concatenation, ranges ----------------------------------------------------------------------
    _row(
        "{{ name1 ~ name2 ~ name3 | lower }}",
        {"name1": "Bob", "name2": "Maria", "name3": "John"},
        "bobmariajohn",
        "pebble LogicTest.testStringConcatenation",
    ),
    _row('{{ "apple" ~ "pear" ~ "banana" }}', {}, "applepearbanana", "kestra PebbleVariableRendererTest.out"),
    _row("{{ 'a' ~ null ~ 1 ~ [1, 'b'] }}", {}, "a1[1, b]", "pebble ConcatenateExpression (toString, null skipped)"),
    _row("{% for i in 0..5 %}{{i}}{% endfor %}", {}, "012345", "pebble CoreTagsTest.testForSequenceNumber"),
    _row(
        "{% for i in 'a'..5 %}{{i}}{% endfor %}",
        {},
        (RENDER, "Arguments of range function must be of type Number or String with a length of 1"),
        "pebble CoreTagsTest.testForSequenceNumberException",
    ),
    _row(
        "{{ range(1, 3, 'x') }}",
        {},
        (RENDER, "The increment of the range function must be a number x"),
        "pebble RangeFunction (increment)",
    ),
    _row("{{ range(1.9, 3.9) }}", {}, "[1,2,3]", "pebble RangeFunction (Number.longValue truncates)"),
    _row("{{ 'a'..'e' }}", {}, '["a","b","c","d","e"]', "pebble RangeFunction (characters)"),
    _row(
        "{% for i in range(0,10,2) %}{{ i }}{% endfor %}",
        {},
        "0246810",
        "pebble CoreFunctionsTest.testRangeFunctionIncrement2",
    ),
    _row(
        "{% for i in range(10,0,-2) %}{{ i }}{% endfor %}",
        {},
        "1086420",
        "pebble CoreFunctionsTest.testRangeFunctionDecrement2",
    ),
    _row(
        "{% for i in range('f','a',-2) %}{{ i }}{% endfor %}",
        {},
        "fdb",
        "pebble CoreFunctionsTest.testRangeFunctionCharDecrement2",
    ),
    _row(
        "{% for i in range(0,var) %}{{ i }}{% endfor %}",
        {"var": 5.5},
        "012345",
        "pebble CoreFunctionsTest.testRangeFunctionDoubleVariable",
    ),
    _row(
        "{% for i in range(0,5,0) %}{{ i }}{% endfor %}",
        {},
        (RENDER, "The increment of the range function must be different than 0"),
        "pebble CoreFunctionsTest.testRangeFunctionIncrement0",
    ),
    # --- comparisons and equality -------------------------------------------------------------------
    _row(
        "{% if 3 > 2 %}yes{% endif %}{% if 2 > 3 %}no{% endif %}{% if 2 > 2 %}no{% endif %}"
        "{% if 2 < 3 %}yes{% endif %}{% if 3 < 2 %}no{% endif %}{% if 2 < 2 %}no{% endif %}"
        "{% if 3 >= 3 %}yes{% endif %}{% if 3 >= 2 %}yes{% endif %}{% if 2 >= 3 %}no{% endif %}"
        "{% if 3 <= 3 %}yes{% endif %}{% if 3 <= 2 %}no{% endif %}{% if 2 <= 3 %}yes{% endif %}"
        "{% if 100 <= 100 %}yes{% endif %}{% if 2 == 2 %}yes{% endif %}{% if 2 == 3 %}no{% endif %}",
        {},
        "yesyesyesyesyesyesyesyes",
        "pebble LogicTest.testComparisons",
    ),
    _row("{% if 3 > 2.0 %}yes{% endif %}", {}, "yes", "pebble LogicTest.testComparisonsOnDifferingOperands"),
    _row(
        "{% if number1 > number2 %}yes{% else %}no{% endif %}",
        {"number1": None, "number2": 2.0},
        "no",
        "pebble LogicTest.testComparisonWithNull",
    ),
    _row(
        "{{ 'a' < 2 }}",
        {},
        (RENDER, "invalid operands for mathematical comparison [LESS_THAN]"),
        "pebble OperatorUtils.wideningConversionBinaryComparison",
    ),
    _row(
        "{% if 'test' equals obj2 %}yes{% endif %}{% if 'blue' equals 'red' %}no{% else %}yes{% endif %}",
        {"obj2": "test"},
        "yesyes",
        "pebble LogicTest.testEqualsOperator",
    ),
    _row(
        "{% if null equals null %}yes{% endif %}{% if null equals obj %}yes{% else %}no{% endif %}",
        {"obj": None},
        "yesyes",
        "pebble LogicTest.testEqualsOperatorWithNulls",
    ),
    _row(
        "{% if 'Mitchell' != name %}no{% else %}yes{% endif %}",
        {"name": "Mitchell"},
        "yes",
        "pebble LogicTest.testNotEqualsOperator",
    ),
    _row(
        "{% if (v == 1) %}num1{% elseif (v == 999999) %}num999999{% else %}no{% endif %}",
        {"v": 999999.0},
        "num999999",
        "pebble LogicTest.testEqualsOperatorWithNumberObjects",
    ),
    _row(
        "{{ [1] == [1.0] }} {{ [1] == [1] }} {{ 1 == 1.0 }}",
        {},
        "false true true",
        "pebble OperatorUtils.equals (List.equals)",
    ),
    # --- contains ----------------------------------------------------------------------------------
    _row(
        "{% if names contains 'John' %}yes{% else %}no{% endif %}",
        {"names": ["Bob", "Maria", "John"]},
        "yes",
        "pebble LogicTest.testContainsOperator",
    ),
    _row(
        "{% if null contains 'John' %}yes{% else %}no{% endif %}",
        {},
        "no",
        "pebble LogicTest.testContainsOperatorWithNull",
    ),
    _row(
        "{% if names contains 'Maria' %}yes{% else %}no{% endif %}",
        {"names": {"Bob": "Marley", "Maria": "Callas"}},
        "yes",
        "pebble LogicTest.testContainsOperator2",
    ),
    _row(
        "{% if names contains 'Cobra' %}yes{% else %}no{% endif %}",
        {"names": "Bob Maria John"},
        "no",
        "pebble LogicTest.testContainsOperator5",
    ),
    _row(
        "{% if not (names contains 'Cobra') %}yes{% else %}no{% endif %}",
        {"names": ["Bob", "Maria", "John"]},
        "yes",
        "pebble LogicTest.testContainsOperatorWithNot",
    ),
    _row(
        "{{ [1, 2, 3] contains [1, 3] }} {{ [1, 2] contains 1.0 }}",
        {},
        "true false",
        "pebble ContainsExpression (containsAll, equals)",
    ),
    _row(
        "{{ 1 contains 1 }}",
        {},
        (RENDER, "Contains operator can only be used on Collections, Maps and arrays. Actual type was: java.lang.Long"),
        "pebble ContainsExpression",
    ),
    # --- and / or / not -----------------------------------------------------------------------------
    _row(
        "{% if a and b %}yes{% else %}no{% endif %}|{% if a or b %}yes{% else %}no{% endif %}",
        {"a": True, "b": False},
        "no|yes",
        "pebble LogicTest.testLogicOperatorsWithNullValuesWithStrictVariables",
    ),
    _row(
        "{% if a and b %}yes{% else %}no{% endif %}",
        {"a": False, "b": None},
        "no",
        "pebble LogicTest.testLogicOperatorsWithNullValuesWithStrictVariables (short-circuit)",
    ),
    _row(
        "{{ a or b }}",
        {"a": False, "b": None},
        (RENDER, "null value used in and operator and strict variables is set to true"),
        "pebble LogicTest.testLogicOperatorsWithNullValuesWithStrictVariables (or)",
    ),
    _row(
        "{% if a or b %}yes{% else %}no{% endif %}",
        {"a": None, "b": True},
        (RENDER, NOT_IF),
        "pebble LogicTest.testLogicOperatorsWithNullValuesWithStrictVariables (in if)",
    ),
    _row(
        '{%- set a = null -%}\n{{- a is not null and a.toLowerCase() == "abc" -}}',
        {},
        "false",
        "pebble StrictModeTest.whenStrictVariableEnabledWithAndExpressionAndLeftOperandFalse_thenDontEvaluateRightE"
        "xpression",
    ),
    _row(
        '{%- set a = null -%}\n{{- a is null or a.toLowerCase() == "abc" -}}\n'
        '{%- if a is null or a.toLowerCase() == "abc" -%}\nDo something{%- endif -%}',
        {},
        "trueDo something",
        "pebble StrictModeTest.whenStrictVariableEnabledWithOrExpressionAndLeftOperandTrue_thenDontEvaluateRightExp"
        "ression",
    ),
    _row("{{ 1 and 'x' }} {{ 0 or '' }}", {}, "true false", "pebble TypeUtils.compatibleCast (Boolean)"),
    _row(
        "{% if not (val) %}yes{% else %}no{% endif %}",
        {"val": False},
        "yes",
        "pebble LogicTest.testNotUnaryOperatorWithStrictVariables",
    ),
    _row(
        "{% if not (val) %}yes{% else %}no{% endif %}",
        {"val": None},
        (RENDER, NOT_IF),
        "pebble LogicTest.testNotUnaryOperatorWithStrictVariables (null)",
    ),
    _row(
        "{{ not val }}",
        {"val": None},
        (RENDER, "null value given to not() and strict variables is set to true"),
        "pebble UnaryNotExpression",
    ),
    _row(
        "{% if not item.falsy and not item.truthy %}This should not be displayed{% else %}All's good{% endif %}",
        {"item": {"truthy": True, "falsy": False}},
        "All's good",
        "pebble LogicTest.testNotOperatorPrecedence",
    ),
    _row(
        "{{ not [1] }}",
        {},
        (RENDER, 'Unsupported value type ArrayList. Expected Boolean, String, Number in "if" statement'),
        "pebble UnaryNotExpression (unsupported type)",
    ),
    # --- tests --------------------------------------------------------------------------------------
    _row(
        "{% if 1 + 2 is odd %} true {% else %} false {% endif %}",
        {},
        " true ",
        "pebble LogicTest.testIsOperatorPrecedence",
    ),
    _row(
        "{% if 3 is odd and 5 is odd %} true {% else %} false {% endif %}",
        {},
        " true ",
        "pebble LogicTest.testIsOperatorPrecedenceWithAnd",
    ),
    _row(
        "{% if 2 is even %}yes{% else %}no{% endif %}{% if 3 is even %}no{% else %}yes{% endif %}",
        {},
        "yesyes",
        "pebble CoreTestsTest.testEven",
    ),
    _row(
        "{{ null is even }}",
        {},
        (RENDER, 'Can not pass null value to "even" test.'),
        "pebble CoreTestsTest.testNullEven",
    ),
    _row(
        "{{ null is odd }}", {}, (RENDER, 'Can not pass null value to "odd" test.'), "pebble CoreTestsTest.testNullOdd"
    ),
    _row(
        "{% if null is null %}yes{% endif %}{% if obj is null %}yes{% endif %}{% if 2 is null %}no{% else %}yes"
        "{% endif %}",
        {"obj": None},
        "yesyesyes",
        "pebble CoreTestsTest.testNull",
    ),
    _row(
        "{% if null is empty() %}yes{% endif %}{% if '  ' is empty() %}yes{% endif %}{% if obj is empty() %}yes"
        "{% endif %}",
        {"obj": []},
        "yesyesyes",
        "pebble CoreTestsTest.testEmpty",
    ),
    _row(
        "{% if null is iterable() %}no{% else %}yes{% endif %}{% if obj1 is iterable() %}yes{% else %}no{% endif %}"
        "{% if obj2 is iterable() %}no{% else %}yes{% endif %}",
        {"obj1": [], "obj2": {}},
        "yesyesyes",
        "pebble CoreTestsTest.testIterables",
    ),
    _row(
        "{% if 2 is not odd %}yes{% else %}no{% endif %}{% if null is not iterable() %}yes{% else %}no{% endif %}",
        {},
        "yesyes",
        "pebble CoreTestsTest.testIsnt",
    ),
    _row("{% if not (2 is odd) %}yes{% else %}no{% endif %}", {}, "yes", "pebble CoreTestsTest.testNegativeTest"),
    _row("{% if {} is map %}true{% else %}false{% endif %}", {}, "true", "pebble CoreTestsTest.testMapTest"),
    _row(
        "{% if test is defined %}yes{% else %}no{% endif %}{% if test2 is defined %}no{% else %}yes{% endif %}",
        {"test": "yes"},
        "yesyes",
        "pebble CoreTestsTest.testDefined",
    ),
    _row(
        "{% if test.test is defined %}yes{% else %}no{% endif %}{% if test.test2 is defined %}no{% else %}yes"
        "{% endif %}",
        {"test": {"test": "test"}},
        "yesyes",
        "pebble CoreTestsTest.testDefinedWithMap",
    ),
    _row(
        "{% if {'John':'Cobra'} is empty %}{{ 'true' }}{% else %}{{ 'false' }}{% endif %}",
        {},
        "false",
        "pebble MapSyntaxTest.testEmptyTest",
    ),
    _row("{% if {} is iterable %}true{% else %}false{% endif %}", {}, "false", "pebble MapSyntaxTest.testIterableTest"),
    _row(
        "{{ '{\"a\": 1}' is json }} {{ 'nope' is json }} {{ '' is json }}",
        {},
        "true false true",
        "kestra JsonTest",
    ),
    _row(
        "{{ x is nonexisting }}",
        {"x": 1},
        (RENDER, "Test [nonexisting] does not exist."),
        "pebble PositiveTestExpression",
    ),
    # --- ternary ------------------------------------------------------------------------------------
    _row("{{ true ? 1 : 2 }}-{{ 1 + 4 == 5 ?(2-1) : 2 }}", {}, "1-1", "pebble LogicTest.testTernary"),
    _row(
        "{{ 1 > 1 ? true : false ? 2 > 2 ? 'a' : 'b' : 3 == 3 ? 'c' : 'd' }}",
        {},
        "c",
        "pebble TernaryExpressionTest.testTernary3",
    ),
    _row(
        "{{ ('a' == 'b' ? 2 + 2 : (val - 2 is not even ? true : false) ) ? (min(otherVal,-1) | abs <  3 / 3 - 1 ? "
        "false : ['yay!'] contains 'yay!' ) : ('?' is not empty ? ''~'?' : 0) }}",
        {"val": 3, "otherVal": 100},
        "true",
        "pebble TernaryExpressionTest.testComplexTernary1",
    ),
    _row(
        "{{ 1 ? 'true' : 'false' }}{{ 0 ? 'true' : 'false' }}{{ '' ? 'true' : 'false' }}"
        "{{ 0.000001 ? 'true' : 'false' }}",
        {},
        "truefalsefalsetrue",
        "pebble TernaryExpressionTest.testTernaryIntTrue/IntFalse/StringFalse/DecimalTrue",
    ),
    _row("{{ null ? 'a' : 'b' }}", {}, "b", "pebble TernaryExpression (null is false)"),
    _row("{{ 1 > 1 ? 'true' }}", {}, (PARSE, "expected ':'"), "pebble TernaryExpressionTest.testTernaryFail1"),
    # --- Kestra's ?? ??? isIn -----------------------------------------------------------------------
    _row("{{ inner.bla ?? block.test.child }}", BLOCK, "awesome", "kestra NullCoalescingExpressionTest.firstDefined"),
    _row(
        "{{ block[missing].child ?? block[missing2].child ?? block[inner].child }}",
        BLOCK,
        "awesome",
        "kestra NullCoalescingExpressionTest.firstDefinedEval",
    ),
    _undefined_row(
        "{{ missing ?? missing2 }}",
        BLOCK,
        "missing2",
        "kestra NullCoalescingExpressionTest.firstDefined (both undefined)",
    ),
    _row("{{ block ?? 'UNDEFINED' }}", {"block": {}}, "{}", "kestra NullCoalescingExpressionTest.emptyObject"),
    _row(
        "{{ null ?? 'IS NULL' }}|{{ undefined ?? 'IS UNDEFINED' }}",
        {"null": None},
        "IS NULL|IS UNDEFINED",
        "kestra NullCoalescingExpressionTest.nullOrUndefined",
    ),
    _row(
        "{{ null ??? 'IS NULL' }}|{{ undefined ??? 'IS UNDEFINED' }}",
        {"null": None},
        "|IS UNDEFINED",
        "kestra UndefinedCoalescingExpressionTest.nullOrUndefined",
    ),
    _row("{{ 'a' ~ missing ?? 'b' }}", {}, "ab", "kestra Extension.getBinaryOperators (?? at 120, above ~)"),
    _row(
        "{{ state isIn ['SUCCESS', 'WARNING'] }} {{ state isIn ['FAILED', 'KILLED'] }}",
        {"state": "SUCCESS"},
        "true false",
        "kestra InExpressionTest.inList",
    ),
    _row(
        "{{ key isIn map }} {{ value isIn map }}",
        {"map": {"key": "value"}, "key": "key", "value": "value"},
        "true true",
        "kestra InExpressionTest.inMap",
    ),
    _row(
        "{{ 1 isIn ['1', 2] }} {{ null isIn [null] }} {{ 'a' isIn 'abc' }}",
        {},
        "true false false",
        "kestra InExpression",
    ),
    _row("{{ {'n': 1} isIn [{'n': 1}] }} {{ 1 isIn {'1': 'x'} }}", {}, "true true", "kestra InExpression (toString)"),
    # --- precedence and associativity -----------------------------------------------------------------
    _row(
        "{{ 2 + 3 * 2 }} {{ (2 + 3) * 2 }} {{ 10 - 2 - 3 }} {{ 100 / 10 / 5 }}",
        {},
        "8 10 5 2",
        "pebble ExpressionParser (left associativity)",
    ),
    _row("{{ not true == false }}", {}, "true", "pebble ExpressionParser (unary not at 500)"),
    _row("{{ -2 | abs }}", {}, "2", "pebble CoreFiltersTest.testAbs (unary minus binds before filter)"),
    _row("{{ 1 + 2 | abs }}", {}, "3", "pebble ExpressionParser (| at 100 above +)"),
    _row("{{ 'a' ~ 'b' == 'ab' }}", {}, "true", "pebble ExpressionParser (~ at 110 above ==)"),
    # --- printing -----------------------------------------------------------------------------------
    _row("{{ null }}|{{ nothing }}|", {"nothing": None}, "||", "pebble PrintNode (null prints nothing)"),
    _row(
        "{{ string }} {{ int }} {{ float }} {{ list }} {{ bool }}",
        {"string": "string", "int": 1, "float": 1.123, "list": ["string", 1, 1.123], "bool": True},
        'string 1 1.123 ["string",1,1.123] true',
        "kestra PebbleVariableRendererTest.out",
    ),
    _row(
        "{{ list[3] is defined ? bla : null }}",
        {"list": ["string", 1, 1.123]},
        "",
        "kestra PebbleVariableRendererTest.out (empty)",
    ),
    _row(
        "{{ map }} {{ collection }}",
        {"map": {"a": "1", "b": "2"}, "collection": ["1", "2", "3"]},
        '{"a":"1","b":"2"} ["1","2","3"]',
        "kestra PebbleVariableRendererTest.autoJson",
    ),
    _row("{{ {'b': 1, 'a': 2} }}", {}, '{"a":2,"b":1}', "pebble MapExpression.evaluate (HashMap order)"),
    _row("{{ {'a': null, 'b': [null]} }}", {}, '{"b":[null]}', "kestra JacksonMapper (NON_NULL inclusion)"),
    _row(
        "{{ {} }} {{ [] }} {{ {'array':[]} }}",
        {},
        '{} [] {"array":[]}',
        "pebble MapSyntaxTest.testMapSyntax/testNestedArrayInMap",
    ),
    _row('{{ ["a\\"b", "é"] }}', {}, '["a\\"b","é"]', "kestra JsonWriter (Jackson)"),
    _row("{% for e in {'k': 1} %}{{ e }}{% endfor %}", {}, "k=1", "pebble ForNode (Map.Entry.toString)"),
    # --- attributes and strict undefined -------------------------------------------------------------
    _row("{{ block[inner].child }}", BLOCK, "awesome", "kestra PebbleVariableRendererTest.eval"),
    _row("{{ block['test'] }}", BLOCK, '{"child":"awesome"}', "kestra PebbleVariableRendererTest.get"),
    _row(
        "{{ inner.bla is not defined ? block.test.child : null }}",
        BLOCK,
        "awesome",
        "kestra PebbleVariableRendererTest.firstDefined",
    ),
    _row(
        "{{ block[missing].child is not defined ? (block[missing2].child is not defined ? block[inner].child : null"
        ") : null }}",
        BLOCK,
        "awesome",
        "kestra PebbleVariableRendererTest.firstDefinedEval",
    ),
    _undefined_row(
        "{{ missing is defined ? missing : missing2 }}",
        BLOCK,
        "missing2",
        "kestra PebbleVariableRendererTest.exception",
    ),
    _undefined_row("{{ root }}", {}, "root", "pebble ErrorReportingTest.testInvalidPropertyReferenceInStrictMode"),
    _undefined_row("{{ block.test.nope }}", BLOCK, "nope", "pebble MapResolver (strict)"),
    _undefined_row("{{ nothing.child }}", {"nothing": None}, "nothing", "pebble GetAttributeExpression (null root)"),
    _undefined_row("{{ list[3] }}", {"list": [1, 2, 3]}, "3", "pebble ListResolver (index out of bounds)"),
    _row(
        "line 1\n{{ x }}\n{{ missing }}",
        {"x": 1},
        undefined("missing", "line 1\n{{ x }}\n{{ missing }}", 3),
        "kestra VariableRenderer.properPebbleException (line number)",
    ),
    _row(
        "{{ get missing }}",
        BLOCK,
        (PARSE, "expected '}}', found 'missing'"),
        "kestra PebbleVariableRendererTest.get (parse error)",
    ),
    _row("{{ items.size }} {{ items.size() }}", {"items": ["Test"]}, "1 1", "pebble LogicTest.testListSize"),
    _row(
        "{% if dirEntries.size > 0 %}\n<p>There are available files.</p>\n"
        "{% else %}\n<p>There are no available files.</p>\n{% endif %}",
        {"dirEntries": []},
        "\n<p>There are no available files.</p>\n",
        "pebble LogicTest.testListSizeEmpty",
    ),
    _row(
        "{{ organization }} {{ nothing }} {{ andy }} {{ equalsy }} {{ istanbul }}",
        {
            "organization": "organization",
            "nothing": "nothing",
            "andy": "andy",
            "equalsy": "equalsy",
            "istanbul": "istanbul",
        },
        "organization nothing andy equalsy istanbul",
        "pebble ParsingOdditiesTest.testVariableNamePrefixedWithOperatorName",
    ),
    # --- string interpolation -----------------------------------------------------------------------
    _row(
        '{{ "Hello, #{name}" }}',
        {"name": "joe"},
        "Hello, joe",
        "pebble StringInterpolationTest.testSimpleVariableInterpolation",
    ),
    _row('{{ "#{3}}" }}', {}, "3}", "pebble StringInterpolationTest.testDoubleClosedInterpolation"),
    _row(
        '{{ "Nested: #{ outer + " #{ inner }" }" }}',
        {"outer": "OUTER", "inner": "INNER"},
        "Nested: OUTER INNER",
        "pebble StringInterpolationTest.testNestedInterpolation0",
    ),
    _row(
        "{{ \"The cow said ##{'moo'}#\" }}",
        {},
        "The cow said #moo#",
        "pebble StringInterpolationTest.testStringWithNumberSignsAndInterpolation",
    ),
    _row("{{ '#{3}'}}", {}, "#{3}", "pebble StringInterpolationTest.testSingleQuoteNoInterpolation"),
    _row(
        '{{ "Hey #{name}" }}',
        {"name": "#{1+1}"},
        "Hey #{1+1}",
        "pebble StringInterpolationTest.testVariableContainingInterplationSyntax",
    ),
    # --- if / for / set / filter / macro / verbatim / raw / comments ----------------------------------
    _row(
        "{% if alpha %}alpha{% elseif beta %}beta{% else %}gamma{% endif %}",
        {"alpha": False, "beta": True},
        "beta",
        "pebble CoreTagsTest.testIfThenElse",
    ),
    _row(
        "{% if value %}yes{% else %}no{% endif %}{% if zero %}yes{% else %}no{% endif %}{% if empty %}yes"
        "{% else %}no{% endif %}",
        {"value": 1.1, "zero": 0, "empty": ""},
        "yesnono",
        "pebble IfNodeTest.testIfNotZeroFloat/testIfZeroInteger/testIfEmptyString",
    ),
    _row(
        "{% if value %}yes{% else %}no{% endif %}",
        {"value": None},
        (RENDER, NOT_IF),
        "pebble IfNodeTest.testIfNullInStrictMode",
    ),
    _row("{% if steve == true %}yes{% endif %}", {}, (RENDER, NOT_IF), "pebble IfNode.render (undefined wrapped)"),
    _row("{% if [1] %}yes{% endif %}", {}, (RENDER, NOT_IF), "pebble IfNode.render (unsupported type)"),
    _row(
        "{% for user in users %}{% if loop.first %}[{{ loop.length }}]{% endif %}{% if loop.last %}["
        "{{ loop.length }}]{% endif %}"
        "{{ loop.index }}{{ loop.revindex }}{{ user.username }}{% endfor %}",
        USERS,
        "[3]02Alex11Bob[3]20John",
        "pebble CoreTagsTest.testFor",
    ),
    _row(
        "{% for user in users %}{% if loop.index < ( loop.length - 1) %}{{user.username}}{% endif %}{% endfor %}",
        USERS,
        "AlexBob",
        "pebble ForTest.testForLengthWithOperation",
    ),
    _row(
        "{% for user in users %}{% if (loop.revindex - 1) >= 0 %}{{user.username}}{% endif %}{% endfor %}",
        USERS,
        "AlexBob",
        "pebble ForTest.testForRevIndexWithOperation",
    ),
    _row(
        "{% for entry in data %}{{ entry.key }} {{ entry.value }}{% endfor %}",
        {"data": {"One": 1, "Two": 2, "Three": 3}},
        "One 1Two 2Three 3",
        "pebble CoreTagsTest.testForWithMap",
    ),
    _row(
        "{% for user in users %}{{ user.username }}{% else %}yes{% endfor %}",
        {"users": []},
        "yes",
        "pebble CoreTagsTest.testForElse",
    ),
    _row(
        "{% for user in users %}x{% else %}yes{% endfor %}",
        {"users": None},
        "",
        "pebble CoreTagsTest.testForWithNullIterable",
    ),
    _row(
        "{% for name in {} %}{{ name }}{% else %}{{ 'no name' }}{% endfor %}",
        {},
        "no name",
        "pebble MapSyntaxTest.testForElseTag",
    ),
    _row(
        "{% for c in 'abc' %}{{ c }}{% endfor %}",
        {},
        (RENDER, "Not an iterable object. Value = [abc]"),
        "pebble ForNode.render",
    ),
    _row(
        "{% for x in [1, 2] %}{% set inner = x %}{% endfor %}{{ inner }}",
        {},
        undefined("inner", "{% for x in [1, 2] %}{% set inner = x %}{% endfor %}{{ inner }}"),
        "pebble ScopeChain.set (new variable in the loop's scope)",
    ),
    _row(
        "{% set total = 0 %}{% for i in 1..1 %}{% for item in items %}{% set total = total + item.balance %}"
        "{% endfor %}{% endfor %}{{ total }}",
        {"items": [{"balance": 1}, {"balance": 2}, {"balance": 3}]},
        "6",
        "pebble CoreTagsTest.testReSetInForLoop",
    ),
    _row("{% set name = 'alex'  %}{{ name }}", {"name": "steve"}, "alex", "pebble CoreTagsTest.testSet"),
    _row(
        "{% for x in [1] %}{% set name = 'alex' %}{% endfor %}{{ name }}",
        {"name": "steve"},
        "alex",
        "pebble ScopeChain.set (updates the scope that holds the name)",
    ),
    _row(
        "{% set map = {'key'+1:'value'+'1'} %}{{ map }}", {}, '{"key1":"value1"}', "pebble MapSyntaxTest.testSetCommand"
    ),
    _row("{% filter upper %}hello{% endfilter %}", {}, "HELLO", "pebble CoreTagsTest.testFilterTag"),
    _row(
        "{% filter lower | title %}hello WORLD{% endfilter %}",
        {},
        "Hello World",
        "pebble CoreTagsTest.testChainedFilterTag",
    ),
    _row(
        "{{ test('1') }}{% macro test(one,two) %}{{ one }}{{ two }}{% endmacro %}",
        {},
        "1",
        "pebble MacroTest.testMacroInvocationWithoutAllArguments",
    ),
    _row(
        "{{ input(1 + 1) }}{% macro input(value) %}{{value}}{% endmacro %}",
        {},
        "2",
        "pebble ParsingOdditiesTest.testExpressionInArguments",
    ),
    _row(
        "{% macro print(name) %}{{ name }}{% endmacro %}{{ print(name={'Bob':'Marley'}) }}",
        {},
        '{"Bob":"Marley"}',
        "pebble MapSyntaxTest.testMacroTagNamedArguments",
    ),
    _row(
        "{% macro greet(who='world') %}hi {{ who }}{% endmacro %}{{ greet() }}, {{ greet('you') }}",
        {},
        "hi world, hi you",
        "pebble MacroNode.call (default arguments)",
    ),
    _row(
        "{% macro m() %}{{ outer }}{% endmacro %}{{ m() }}",
        {"outer": 1},
        undefined("outer", "{% macro m() %}{{ outer }}{% endmacro %}{{ m() }}"),
        "pebble MacroNode.call (local scope hides the context)",
    ),
    _row(
        "{% macro macro1() %}Bob{% endmacro %}\n{% macro macro2() %}Maria{% endmacro %}\n"
        "{% macro macro3() %}John{% endmacro %}\n{{ (macro1() + macro2() + macro3()) | lower }}",
        {},
        "\n\n\nbobmariajohn",
        "pebble LogicTest.testMacroSafeStringConcatenation",
    ),
    _row(
        "{{ nonExisting('test') }}",
        {},
        (RENDER, "Function or Macro [nonExisting] does not exist."),
        "pebble CoreTagsTest.testNonExistingMacroOrFunction",
    ),
    _row(
        "{% verbatim %}{{ foo }}{{ bar }}{% endverbatim %}",
        {"foo": "baz"},
        "{{ foo }}{{ bar }}",
        "pebble CoreTagsTest.testVerbatim",
    ),
    _row(
        '{% verbatim %}{{ "Sum: #{ 1 + 2 }" }}{% endverbatim %}',
        {},
        '{{ "Sum: #{ 1 + 2 }" }}',
        "pebble StringInterpolationTest.testVerbatimInterpolation",
    ),
    _row(
        "See some code {% raw %}{{ var }}{% endraw %}",
        {"var": "1"},
        "See some code {{ var }}",
        "kestra PebbleVariableRendererTest.raw",
    ),
    _row(
        "See some code {%-  raw%}{{ var }}{%endraw -%}",
        {"var": "1"},
        "See some code {{ var }}",
        "kestra PebbleVariableRendererTest.raw (dashes)",
    ),
    _row(
        "See some code {% raw %}{{ var }}{% endraw %} and some other code {% raw %}{{ var2 }}{% endraw %}",
        {"var": "1"},
        "See some code {{ var }} and some other code {{ var2 }}",
        "kestra PebbleVariableRendererTest.raw (twice)",
    ),
    _row(
        "{% block 'content' %}hello{% endblock 'content' %}",
        {},
        "hello",
        "pebble CoreTagsTest.testBlockWithStringLiteralName",
    ),
    _row("{% set var = true %}{{ 'hi' }}{# comment #}", {}, "hi", "pebble MapSyntaxTest.testBraceSyntax"),
    _row(
        "{% autoescape %}x{% endautoescape %}",
        {},
        (PARSE, "unknown tag 'autoescape': Kestra disables it"),
        "kestra ExtensionCustomizer.getTokenParsers",
    ),
    _row("{% if true %}x", {}, (PARSE, "unclosed 'if' tag"), "pebble CoreTagsTest.testIfWhenInvalidOrNoEndifTag"),
    _row(
        "{% for i in 'a'..5 %}{{i}}% endfor %}",
        {},
        (PARSE, "unclosed 'for' tag"),
        "pebble CoreTagsTest.testForWhenInvalidOrNoEndforTag",
    ),
    _row(
        "{% for <= in users %}{% endfor %}",
        USERS,
        (PARSE, "expected a loop variable name, found '<='"),
        "pebble ForTest.testInvalidIdentifierName",
    ),
    _row("{{ {'key'} }}", {}, (PARSE, "expected ':', found '}'"), "pebble MapSyntaxTest.testIncompleteMapSyntax2"),
    _row("{{ [1, 2 }}", {}, (PARSE, "expected ',' or ']'"), "pebble ArraySyntaxTest (incomplete list)"),
    # --- whitespace control -------------------------------------------------------------------------
    _row(
        "<li>    \t{{- foo }}</li>",
        {"foo": "bar"},
        "<li>bar</li>",
        "pebble WhitespaceControlTest.testLeadingWhitespaceControlModifier",
    ),
    _row(
        "<li>{{ foo -}}   \t</li>",
        {"foo": "bar"},
        "<li>bar</li>",
        "pebble WhitespaceControlTest.testTrailingWhitespaceControlModifier",
    ),
    _row(
        "{{ foo }} <li>   {{- foo -}}   \t</li> {{ foo }}",
        {"foo": "bar"},
        "bar <li>bar</li> bar",
        "pebble WhitespaceControlTest.testLeadingAndTrailingWhitespaceControlModifier",
    ),
    _row(
        "<li>\n{{- foo -}}\n</li>",
        {"foo": "bar"},
        "<li>bar</li>",
        "pebble WhitespaceControlTest.testWhitespaceControlModifierRemovesNewlines",
    ),
    _row(
        "<li>    \t{%- if true %} success {% else %} fail {% endif -%}   \t</li>",
        {},
        "<li> success </li>",
        "pebble WhitespaceControlTest.testWhitespaceTrimWithExecuteDelimiter",
    ),
    _row(
        "<li>    \t{#- comment #}</li>",
        {},
        "<li></li>",
        "pebble WhitespaceControlTest.testLeadingWhitespaceTrimWithCommentDelimiter",
    ),
    _row(
        "<li>{# comment -#}   \t</li>",
        {},
        "<li></li>",
        "pebble WhitespaceControlTest.testTrailingWhitespaceTrimWithCommentDelimiter",
    ),
    _row(
        "<li> {%- verbatim %}{{ bar }} {%- endverbatim %}</li>",
        {},
        "<li>{{ bar }}</li>",
        "pebble WhitespaceControlTest.testLeadingWhitespaceTrimWithVerbatimTag",
    ),
    _row("a\n{% if true %}\nb\n{% endif %}\nc", {}, "a\n\nb\n\nc", "kestra VariableRenderer (newLineTrimming off)"),
    # --- Pebble filters -----------------------------------------------------------------------------
    _row("{{ -5 | abs }} {{ -5.2 | abs }}", {}, "5 5.2", "pebble CoreFiltersTest.testAbs/testAbsDouble"),
    _row("{{ null | abs }}", {}, (RENDER, 'Can not pass null value to "abs" filter.'), "pebble AbsFilter"),
    _row(
        "{{ 'This is a test of the abbreviate filter' | abbreviate(16) }}",
        {},
        "This is a tes...",
        "pebble CoreFiltersTest.testAbbreviate",
    ),
    _row(
        "{{ 'This is a test of the abbreviate filter' | abbreviate(length=16) }}",
        {},
        "This is a tes...",
        "pebble CoreFiltersTest.testAbbreviateWithNamedArguments",
    ),
    _row(
        "{{ text | abbreviate(2)}}", {"text": "1234567"}, "12", "pebble CoreFiltersTest.testAbbreviateWithSmallLength"
    ),
    _row("{{ null | abbreviate(16) }}", {}, "", "pebble CoreFiltersTest.testAbbreviateWithNullInput"),
    _row(
        'var="{{ var | base64encode }}" const="{{ "test" | base64encode }}" null="{{ null | base64encode }}"',
        {"var": "test"},
        'var="dGVzdA==" const="dGVzdA==" null=""',
        "pebble CoreFiltersTest.testBase64EncoderFilterInTemplate",
    ),
    _row(
        'var="{{ var | base64decode }}" const="{{ "dGVzdA==" | base64decode }}" null="{{ null | base64decode }}"',
        {"var": "dGVzdA=="},
        'var="test" const="test" null=""',
        "pebble CoreFiltersTest.testBase64DecoderFilterInTemplate",
    ),
    _row(
        '{{ "this is not a base64 encoded string" | base64decode }}',
        {},
        (RENDER, "Please provide a correctly Base64 encoded string containing an UTF-8 string\n"),
        "pebble CoreFiltersTest.testBase64DecodeFilterBadEncodedStringFail",
    ),
    _row(
        "{{ txt | nl2br }}|{{ 'none' | nl2br }}|{{ null | nl2br }}",
        {"txt": "Line1\nLine2\rLine3\r\nLine4\n\r"},
        "Line1<br />Line2<br />Line3<br />Line4<br /><br />|none|",
        "pebble Nl2brFilterTest.testMixedNewlines/testNullInput (4.0.0)",
    ),
    _row("{{ 42 | nl2br }}", {}, (RENDER, "nl2br filters only supports String input."), "pebble Nl2brFilter"),
    _row(
        "{{ {'foo':1} | base64decode }}",
        {},
        (RENDER, "This filter applies to String\n"),
        "pebble CoreFiltersTest.testBase64DecodeFilterNoStringFail",
    ),
    _row(
        "{{ 'this should be capitalized.' | capitalize }}",
        {},
        "This should be capitalized.",
        "pebble CoreFiltersTest.testCapitalize",
    ),
    _row(
        "{{ ' \nthis should be capitalized.' | capitalize }}",
        {},
        " \nThis should be capitalized.",
        "pebble CoreFiltersTest.testCapitalizeWithLeadingWhitespace",
    ),
    _row(
        "{{ obj|default('ONE') }} {{ null|default('TWO') }} {{ '  ' |default('THREE') }} {{ 4 |default('FOUR') }}",
        {"obj": None},
        "ONE TWO THREE 4",
        "pebble CoreFiltersTest.testDefault",
    ),
    _row("{{ name | default('test') }}", {}, "test", "pebble CoreFiltersTest.testDefaultFilterWithStrictMode"),
    _row(
        "{{ obj|default(default='ONE') }}", {"obj": None}, "ONE", "pebble CoreFiltersTest.testDefaultWithNamedArguments"
    ),
    _row("{{ names | first }}", {"names": ["Alex", "Joe", "Bob"]}, "Alex", "pebble CoreFiltersTest.testFirst"),
    _row(
        "{{ name | first }}{{ name | last }}",
        {"name": "Alex"},
        "Ax",
        "pebble CoreFiltersTest.testFirstWithStringInput/testLastWithStringInput",
    ),
    _row(
        "{{ names | first }}{{ names | last }}",
        {"names": []},
        "",
        "pebble CoreFiltersTest.testFirstWithEmptyCollection",
    ),
    _row(
        "{{ names | join(',') }}", {"names": ["Alex", "Joe", "Bob"]}, "Alex,Joe,Bob", "pebble CoreFiltersTest.testJoin"
    ),
    _row(
        "{{ names | join }}",
        {"names": ["Alex", "Joe", "Bob"]},
        "AlexJoeBob",
        "pebble CoreFiltersTest.testJoinWithoutGlue",
    ),
    _row(
        "{{ numbers | join(',') }}",
        {"numbers": [1.0, 2.5, 3.0]},
        "1.0,2.5,3.0",
        "pebble CoreFiltersTest.testJoinWithFloatArray",
    ),
    _row(
        "{{ 'x' | join(',') }}",
        {},
        (RENDER, "The 'join' filter expects that the input is either a collection or an array."),
        "pebble JoinFilter",
    ),
    _row(
        "{{ names | length }} {{ null | length }} {{ 12 | length }}",
        {"names": "test"},
        "4 0 0",
        "pebble CoreFiltersTest.testLengthFilterInTemplate",
    ),
    _row("{{ {'a': 1, 'b': 2} | length }}", {}, "2", "pebble CoreFiltersTest.testLengthFilterInputs"),
    _row(
        "{{ 'TEMPLATE' | lower }}{{ 'template' | upper }}",
        {},
        "templateTEMPLATE",
        "pebble CoreFiltersTest.testLower/testUpper",
    ),
    _row("{{ null | upper | lower }}", {}, "", "pebble CoreFiltersTest.testChainedFiltersWithNullInput"),
    _row("{{ true | upper }} {{ [1, 'a'] | upper }}", {}, "TRUE [1, A]", "pebble UpperFilter (toString)"),
    _row(
        "{% set m1 = {'one':1}|merge(['two']) %}{{ m1['two'] }} {{ [1]|merge([2]) }} "
        "{% set l1 = [1]|merge({'two':2}) %}{{ l1[1].value }}",
        {},
        "two [1,2] 2",
        "pebble CoreFiltersTest.testMergeOk",
    ),
    _row("{{ {'b': 1}|merge({'a': 2}) }}", {}, '{"a":2,"b":1}', "pebble MergeFilter.mergeAsMap (HashMap)"),
    _row(
        "{{ [1]|merge('No way!') }}",
        {},
        (RENDER, "Currently, only Maps and Lists can be merged with a List. Arg2: java.lang.String"),
        "pebble CoreFiltersTest.testMergeListWithStringAndFail",
    ),
    _row(
        "{% for word in words|sort %}{{ word }} {% endfor %}",
        WORDS,
        " cat 123 Apple apple cat zebra ",
        "pebble CoreFiltersTest.testSortFilter",
    ),
    _row(
        "{% for word in words|rsort %}{{ word }} {% endfor %}",
        WORDS,
        "zebra cat apple Apple 123  cat ",
        "pebble CoreFiltersTest.testRsortFilter",
    ),
    _row(
        "{% for word in words|reverse %}{{ word }} {% endfor %}",
        {"words": ["one", "two", "three"]},
        "three two one ",
        "pebble CoreFiltersTest.testReverseFilter",
    ),
    _row(
        'var="{{ var | sha256 }}" null="{{ null | sha256 }}"',
        {"var": "test"},
        'var="9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" null=""',
        "pebble CoreFiltersTest.testSha256FilterInTemplate",
    ),
    _row(
        "{{ {'foo':1} | sha256 }}",
        {},
        (RENDER, "Need a string to hash\n"),
        "pebble CoreFiltersTest.testSha256FilterNoStringFail",
    ),
    _row("{{ name | slice }}", {"name": "Alex"}, "Alex", "pebble CoreFiltersTest.testSliceWithDefaultArgs"),
    _row(
        "{{ 'abcdefghijklmnopqrstuvwxyz' | slice(from, to) }}",
        {"from": 2, "to": 4},
        "cd",
        "pebble CoreFiltersTest.testSliceWithIntegerArguments",
    ),
    _row("{{ name | slice(2,5) }}", {"name": "Alexander"}, "exa", "pebble CoreFiltersTest.testSliceWithString"),
    _row(
        "{{ names | slice(2,5) }}",
        {"names": ["Alex", "Joe", "Bob", "Sarah", "Mary", "Marge"]},
        '["Bob","Sarah","Mary"]',
        "pebble CoreFiltersTest.testSliceWithList",
    ),
    _row(
        "{{ name | slice(0,1000) }}",
        {"name": "Alex"},
        (RENDER, "toIndex must be smaller than input size: 4"),
        "pebble CoreFiltersTest.testSliceWithInvalidSecondArg2",
    ),
    _row(
        "{{ names | slice(2,5) }}",
        {"names": 1},
        (RENDER, "Slice filter can only be applied to String, List and array inputs. Actual type was: java.lang.Long"),
        "pebble CoreFiltersTest.testSliceWithInvalidInputType",
    ),
    _row(
        "{% set foo = 'one|two|three' | split('\\|') %}{% for var in foo %}{{ var }}{% endfor %}",
        {},
        "onetwothree",
        "pebble SplitFilterTest.whenSplit_givenInputWithDelimiter_thenSplit",
    ),
    _row(
        "{% set foo = \"one,two,three,four,five\" | split(',',3) %}{% for var in foo %}{{ var }}{% endfor %}",
        {},
        "onetwothree,four,five",
        "pebble SplitFilterTest.whenSplit_givenInputWithDelimiterAndPositiveLimit_thenSplit",
    ),
    _row(
        "{% set foo = null | split(',') %}\n{{ foo }}",
        {},
        "\n",
        "pebble SplitFilterTest.whenSplit_givenInputNull_thenReturnNull",
    ),
    _row(
        '{{ "one,two,three" | split }}',
        {},
        (RENDER, "missing delimiter parameter in split filter"),
        "pebble SplitFilterTest.whenSplit_givenNoDelimiter_thenThrowPebbleException",
    ),
    _row(
        "{{ null | title }} {{ 'test' | title }} {{ 'test test' | title }} {{ 'TEST TEST' | title }}",
        {},
        " Test Test Test TEST TEST",
        "pebble CoreFiltersTest.testTitle",
    ),
    _row(
        "{{ '        \t\tThis should be trimmed. \t\t' | trim }}",
        {},
        "This should be trimmed.",
        "pebble CoreFiltersTest.testTrim",
    ),
    _row(
        "{{ 'The string ü@foo-bar' | urlencode }}",
        {},
        "The+string+%C3%BC%40foo-bar",
        "pebble CoreFiltersTest.testUrlEncode",
    ),
    _row(
        "{{ \"I like %this% and %that%.\"|replace({'%this%': foo, '%that%': \"bar\"}) }}",
        {"foo": "foo"},
        "I like foo and bar.",
        "pebble CoreFiltersTest.testReplaceFilterInTemplate",
    ),
    _row("{{ x | nope }}", {"x": 1}, (RENDER, "Filter [nope] does not exist."), "pebble FilterExpression.evaluate"),
    # --- Kestra filters -----------------------------------------------------------------------------
    _row(
        "{{ 'john doe is john doe' | replace({'john': 'jane'}) }}",
        {},
        "jane doe is jane doe",
        "kestra ReplaceFilterTest.string",
    ),
    _row(
        "{{ 'aa1bb2cc3dd4ee5' | replace({'(\\d)': '-$1-'}, regexp=true) }}",
        {},
        "aa-1-bb-2-cc-3-dd-4-ee-5-",
        "kestra ReplaceFilterTest.regexp",
    ),
    _row(
        "{{ ['a1', {'k': 'a2'}] | replace({'a': 'b'}) }}", {}, '["b1",{"k":"b2"}]', "kestra ReplaceFilter.processList"
    ),
    _row(
        "{{ list | chunk(2) }}",
        {"list": [1, 2, 3, 4, 5, 6, 7, 8, 9]},
        "[[1,2],[3,4],[5,6],[7,8],[9]]",
        "kestra ChunkFilterTest.out",
    ),
    _row(
        "{{ test | chunk(2) }}",
        {"test": 1},
        (RENDER, "'chunk' filter can only be applied to List. Actual type was: java.lang.Long"),
        "kestra ChunkFilterTest.exception",
    ),
    _row(
        "{{ list | distinct }}",
        {
            "list": [
                "one",
                "two",
                "one",
                "three",
                "four",
                "five",
                "three",
                1,
                2,
                3,
                1,
                2,
                2,
                1.123,
                2.123,
                1.123,
                10.0,
                10.0,
            ]
        },
        '["one","two","three","four","five",1,2,3,1.123,2.123,10.0]',
        "kestra DistinctFilterTest.toDistinctFilter",
    ),
    _row(
        "{{ [] | distinct }} {{ null | distinct }}",
        {},
        "[] null",
        "kestra DistinctFilterTest.toDistinctFilter (edge cases)",
    ),
    _row(
        '{{ "string" | distinct }}',
        {},
        (RENDER, "Input must be a list, but received : java.lang.String"),
        "kestra DistinctFilterTest.distinctFilterWithInvalidInput",
    ),
    _row('{{ "Hello World" | endsWith("World") }}', {}, "true", "kestra EndsWithFilterTest.out"),
    _row(
        '{{ "Hello World" | startsWith("Hello") }} {{ 12 | startsWith(1) }}',
        {},
        "true true",
        "kestra StartsWithFilterTest.out",
    ),
    _row(
        "{{ \"L'eau c'est la vie\" | escapeChar('single') }}",
        {},
        "L\\'eau c\\'est la vie",
        "kestra EscapeCharFilterTest.validTypes (single)",
    ),
    _row(
        "{{ '\"Hello\"' | escapeChar('double') }}", {}, '\\"Hello\\"', "kestra EscapeCharFilterTest.validTypes (double)"
    ),
    _row(
        "{{ \"L'eau c'est la vie\" | escapeChar('shell') }}",
        {},
        "L'\\''eau c'\\''est la vie",
        "kestra EscapeCharFilterTest.validTypes (shell)",
    ),
    _row(
        "{{ 'a\\\\b' | escapeChar('SINGLE') }}", {}, "a\\\\b", "kestra EscapeCharFilter.escapeString (backslash kept)"
    ),
    _row(
        "{{ 'Hello' | escapeChar('foo') }}",
        {},
        (RENDER, "The 'escapeChar' filter expects the value of 'type' to be either 'single', 'double', or 'shell'."),
        "kestra EscapeCharFilterTest.invalidTypes",
    ),
    _row(
        "{{ nestedList | flatten | first }}",
        {"nestedList": ["You're doing great!", ["You're awesome!", "Keep shining!"], "Believe in yourself!"]},
        "You're doing great!",
        "kestra FlattenFilterTest.flatten",
    ),
    _row("{{ [[1, [2]], 3] | flatten }}", {}, "[1,[2],3]", "kestra FlattenFilter (one level)"),
    _row(
        "{{ null | indent(2) }}|{{ '' | indent(2) }}|{{ 'string' | indent(2) }}",
        {},
        "||string",
        "kestra IndentFilterTest.indentNull/indentEmpty/indentString",
    ),
    _row('{{ "\n\n" | indent(2) }}', {}, "\n  \n  ", "kestra IndentFilterTest.indentEmptyLines"),
    _row(
        '{{ "first line\r\nsecond line" | indent(2) }}',
        {},
        "first line\r\n  second line",
        "kestra IndentFilterTest.indentStringWithCRLF",
    ),
    _row(
        '{{ "first line\nsecond line" | indent(2, "\t") }}',
        {},
        "first line\n\t\tsecond line",
        "kestra IndentFilterTest.indentWithTab",
    ),
    _row("{{ 1 | indent(2) }}", {}, "1", "kestra IndentFilterTest.indentInteger"),
    _row('{{ "\n\n" | nindent(2) }}', {}, "\n  \n  \n  ", "kestra NindentFilterTest.nindentEmptyLines"),
    _row(
        "{{ 'string' | nindent(2) }}|{{ '' | nindent(2) }}",
        {},
        "\n  string|",
        "kestra NindentFilterTest.nindentString/nindentEmpty",
    ),
    _row(
        '{{ "first line\rsecond line" | nindent(2) }}',
        {},
        "\r  first line\r  second line",
        "kestra NindentFilterTest.nindentStringWithCR",
    ),
    _row('{{ [1, 2, 3] | jq(".[0]") | first }}', {}, "1", "kestra JqFilterTest.fromString"),
    _row(
        '{{ my_vars | jq(".test[0]") }}',
        {"my_vars": {"test": [1, 2, 3]}},
        "[1]",
        "kestra JqFilterTest.fromString (map)",
    ),
    _row('{{ vars | jq(".second.string") }}', VARS_SECOND, '["string"]', "kestra JqFilterTest.map"),
    _row('{{ vars | jq(".second.float") | first }}', VARS_SECOND, "1.123", "kestra JqFilterTest.map (float)"),
    _row(
        '{{ vars | jq(".second.list") | first }}', VARS_SECOND, '["string",1,1.123]', "kestra JqFilterTest.map (list)"
    ),
    _row('{{ vars | jq(".second[]") }}', {"vars": {"second": [1, 2, 3]}}, "[1,2,3]", "kestra JqFilterTest.list"),
    _row(
        '{% set object = vars | jq(".object") %}{{object[0].key}}',
        {"vars": {"object": {"key": "value"}}},
        "value",
        "kestra JqFilterTest.object",
    ),
    _row("{{ vars.second.list | keys }}", VARS_SECOND, "[0,1,2]", "kestra KeysFilterTest.map"),
    _row("{{ {'a': 1} | keys }} {{ {'a': 1} | values }}", {}, '["a"] [1]', "kestra KeysFilter/ValuesFilter"),
    _row(
        "{{ vars.second.map | values }}",
        VARS_SECOND,
        '["string",1,1.123]',
        "kestra ValuesFilterTest.map",
    ),
    _row(
        "{{ 'x' | values }}",
        {},
        (RENDER, "'values' filter can only be applied to Map. Actual type was: java.lang.String"),
        "kestra ValuesFilter",
    ),
    _row('{{ "hello" | md5 }}', {}, "5d41402abc4b2a76b9719d911017c592", "kestra Md5FilterTest.out"),
    _row('{{ "hello" | sha1 }}', {}, "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", "kestra Sha1FilterTest.out"),
    _row(
        '{{ "hello" | sha512 }}',
        {},
        "9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c"
        "2e5c3adef46f73bcdec043",
        "kestra Sha512FilterTest.out",
    ),
    _row("{{ 1 | md5 }}", {}, (RENDER, "Need a string to hash\n"), "kestra ShaBaseFilter"),
    _row('{{ "Test\t\t\ntest*" | slugify }}', {}, "test-test", "kestra SlugifyFilterTest.out"),
    _row(
        "{{ 12.3 | string }} {{ {'field': 'hello'} | string }} {{ [1, 'a'] | string }}",
        {},
        "12.3 {field=hello} [1, a]",
        "kestra StringFilterTest.run",
    ),
    _row("{{ 'a.b.c' | substringBefore('.') }}", {}, "a", "kestra SubstringFilterTest.substringBefore"),
    _row("{{ 'a.b.c' | substringAfter(separator='.') }}", {}, "b.c", "kestra SubstringFilterTest.substringAfter"),
    _row("{{ 'a.b.c' | substringBeforeLast('.') }}", {}, "a.b", "kestra SubstringFilterTest.substringBeforeLast"),
    _row("{{ 'a.b.c' | substringAfterLast('.') }}", {}, "c", "kestra SubstringFilterTest.substringAfterLast"),
    _row(
        "{{ 1.5 | substringBefore('.') }} {{ 'abc' | substringAfter('x') }}|",
        {},
        "1 |",
        "kestra SubstringBeforeFilter (toString, StringUtils)",
    ),
    _row("{{ vars.second.string | toJson }}", VARS_SECOND, '"string"', "kestra ToJsonFilterTest.toJsonFilter"),
    _row(
        "{{ vars.second.list | toJson }}",
        VARS_SECOND,
        '["string",1,1.123]',
        "kestra ToJsonFilterTest.toJsonFilter (list)",
    ),
    _row(
        '{{ {"empty_object":{}} | toJson }} {{ null | toJson }}',
        {},
        '{"empty_object":{}} null',
        "kestra ToJsonFilterTest.toJsonFilter (edge cases)",
    ),
    _row("{{ 'Kestra rulez !' | urlencode | urldecode }}", {}, "Kestra rulez !", "kestra UrlDecodeFilter.urldecode"),
    _row(
        '{{ "12" | number }} {{ "12.5" | number }} {{ "12" | number("DOUBLE") }}',
        {},
        "12 12.5 12.0",
        "kestra NumberFilterTest.run",
    ),
    _row(
        "{{ 12 | number }}",
        {},
        (RENDER, "'number' filter can only be applied to String. Actual type was: java.lang.Long"),
        "kestra NumberFilter",
    ),
    # --- Java casts and argument checks -------------------------------------------------------------
    _row(
        "{{ [3, 'a'] | sort }}",
        {},
        (RENDER, cast("java.lang.Long", "java.lang.String")),
        "pebble SortFilter (Collections.sort of mixed items)",
    ),
    _row(
        "{{ [1, 2.5] | sort }}",
        {},
        (RENDER, cast("java.lang.Long", "java.lang.Double")),
        "pebble SortFilter (a Long and a Double do not compare)",
    ),
    _row(
        "{{ [1] ? 1 : 2 }}", {}, (RENDER, cast("java.util.ArrayList", "java.lang.Boolean")), "pebble TernaryExpression"
    ),
    _row("{{ 'abc' | reverse }}", {}, (RENDER, cast("java.lang.String", "java.util.List")), "pebble ReverseFilter"),
    _row("{{ 5 | trim }}", {}, (RENDER, cast("java.lang.Long", "java.lang.String")), "pebble TrimFilter"),
    _row(
        "{{ m | first }}",
        {"m": {"a": 1}},
        (RENDER, cast("java.util.LinkedHashMap", "java.util.Collection")),
        "pebble FirstFilter (a map is no Collection)",
    ),
    _row(
        "{{ 'This is a test of the abbreviate filter' | abbreviate(WRONG=16) }}",
        {},
        (RENDER, "The following named argument does not exist: WRONG"),
        "pebble ParsingOdditiesTest.testIncorrectlyNamedArgument",
    ),
    _row(
        "{{ 'abc' | slice(1, 2, 3) }}",
        {},
        (RENDER, "The argument at position 3 is not allowed. Only 2 argument(s) are allowed."),
        "pebble ArgumentsNode.getArgumentMap",
    ),
    _row("{{ items.empty }} {{ 'abc'.length }}", {"items": []}, "true 3", "pebble DefaultAttributeResolver (getters)"),
    _row(
        "{% macro m() %}{% set x = 1 %}{% endmacro %}{{ m() }}{{ x ?? 'none' }}",
        {},
        "none",
        "pebble MacroNode.call (set stays in the macro)",
    ),
    _row("{{ 'Héllo Wörld.txt' | slugify }}", {}, "hello-worldtxt", "kestra Slugify.of"),
    # --- functions ----------------------------------------------------------------------------------
    _row(
        "{{ min(8.0, 1, 4, 5, object.large) }}",
        {"object": {"large": 20}},
        "1",
        "pebble CoreFunctionsTest.testMinFunction",
    ),
    _row(
        "{{ max(8.0, 1, 4, 5, object.large) }}",
        {"object": {"large": 20}},
        "20",
        "pebble CoreFunctionsTest.testMaxFunction",
    ),
    _row(
        '{{ fromJson(\'{"test1": 1, "test2": 2, "test3": 3}\').test1 }}',
        {},
        "1",
        "kestra FromJsonFunctionTest.fronJsonFunction",
    ),
    _row(
        "{{ fromJson('[1, 2, 3]')[0] }}|{{ fromJson(null) }}",
        {},
        "1|",
        "kestra FromJsonFunctionTest.fronJsonFunction (list, null)",
    ),
    _row(
        "{{ fromJson('{\"empty_object\":{}}') }}",
        {},
        '{"empty_object":{}}',
        "kestra FromJsonFunctionTest.fronJsonFunction (empty)",
    ),
    _row("{{ render(input) }}", {"input": "test"}, "test", "kestra RenderFunctionTest.shouldRenderForString"),
    _row(
        "{{ render(input) }}|{{ render(n) }}",
        {"input": None, "n": 42},
        "|42",
        "kestra RenderFunctionTest.shouldRenderForNull/ForInteger",
    ),
    _row(
        "{{ third }}|{{ render(third, recursive=false) }}|{{ render(third) }}",
        {"first": "1", "second": "{{first}}", "third": "{{second}}"},
        "{{second}}|{{first}}|1",
        "kestra PebbleVariableRendererTest.recursive",
    ),
    _row(
        "{{ renderOnce(input) }}",
        {"input": "{{someOtherVar}}", "someOtherVar": "{{yetAnotherVar}}", "yetAnotherVar": "test"},
        "{{yetAnotherVar}}",
        "kestra RenderOncerFunctionTest.twoLayerRender",
    ),
]


@pytest.mark.parametrize(("template", "context", "expected"), ROWS)
def test_render_table(template: str, context: dict, expected: Expected) -> None:
    if isinstance(expected, str):
        assert render(template, context) == expected
    else:
        with pytest.raises(RenderError) as raised:
            render(template, context)
        assert (raised.value.kind, raised.value.message) == expected


def test_table_size() -> None:
    assert len(ROWS) >= 130
