"""Rendering as Kestra 2.0 renders, row by row: each row mirrors a test of Kestra 2.0
(``core/src/test/java/io/kestra/core/runners/pebble/``), of Pebble 4.1.2 (the ``format`` filter), or,
where no test pins the behaviour, the Java class that decides it (cited by name).

An expected value is the exact rendered string, or ``(kind, message)`` for a ``RenderError``; where
Kestra's tests only check that rendering fails, the message is the one the Java class builds. The
second table renders the same template with 1.x and 2.0, whose Pebble differ.
"""

from __future__ import annotations

import pytest

from flowls.pebble.builtins import KESTRA_1, KESTRA_2
from flowls.pebble.evaluate import RenderError, RenderOptions, Unknowable, render
from tests.pebble.test_render_table import undefined

RENDER = "render"
KESTRA_1_OPTIONS = RenderOptions(dialect=KESTRA_1)
KESTRA_2_OPTIONS = RenderOptions(dialect=KESTRA_2)

Expected = str | tuple[str, str]


def _row(template: str, context: dict, expected: Expected, source: str) -> tuple:
    return pytest.param(template, context, expected, id=source)


def _error(message: str) -> tuple[str, str]:
    return RENDER, message


def _unparsable(function: str, text: str, at: str) -> tuple[str, str]:
    """``DateUtils.parseLocalDate``'s InternalException, which quotes its DateTimeParseException."""
    detail = f"java.time.format.DateTimeParseException: Text '{text}' could not be parsed{at}"
    return _error(f"The '{function}()' function could not parse 'date': {detail}")


def _unknown(description: str) -> str:
    return f"<unknown: {description}>"


LOOP = {
    "outputs": {
        "myLoop": {
            "outputs": [
                {"item": {"value": "a", "iteration": 1}, "outputs": {"uri": "s3://bucket/a"}},
                {"item": {"value": "b", "iteration": 2}},
                "not-a-map",
            ]
        }
    }
}
ENVS = {"envs": {"DATABASE_HOST": "postgres", "EMPTY": ""}, "envName": "DATABASE_HOST"}
FLOW = {"flow": {"id": "caller", "namespace": "company.team"}}
SUBFLOW = "subflow(namespace='company.team', id='child')"

ROWS = [
    # --- dayOfWeek, dayOfMonth, monthOfYear, hourOfDay, isWeekend ---------------------------------
    _row("{{ dayOfWeek('2025-01-06') }}", {}, "MONDAY", "DayOfWeekFunctionTest.mondayReturnsMonday"),
    _row("{{ dayOfWeek('2025-01-05') }}", {}, "SUNDAY", "DayOfWeekFunctionTest.sundayReturnsSunday"),
    _row(
        "{{ dayOfWeek('2025-01-06T00:30:00+02:00') }}",
        {},
        "MONDAY",
        "DayOfWeekFunction (the date as written, not in UTC)",
    ),
    _row(
        "{{ dayOfWeek() }}",
        {},
        _error("The 'dayOfWeek()' function expects a 'date' argument."),
        "DayOfWeekFunctionTest.missingDateThrows",
    ),
    _row(
        "{{ dayOfWeek('not-a-date') }}",
        {},
        _unparsable("dayOfWeek", "not-a-date", " at index 0"),
        "DayOfWeekFunctionTest.invalidDateFormatThrows",
    ),
    _row("{{ dayOfMonth('2025-01-31') }}", {}, "31", "DayOfMonthFunctionTest.returnsLastDayOfMonth"),
    _row("{{ dayOfMonth(dt) }}", {"dt": "2025-06-20"}, "20", "DayOfMonthFunctionTest.returnsValueFromTemplateVariable"),
    _row(
        "{{ dayOfMonth(dt) + 1 }}",
        {"dt": "2025-01-15T10:00:00+02:00"},
        "16",
        "DayOfMonthFunction (an Integer, usable in arithmetic)",
    ),
    _row(
        "{{ dayOfMonth('2023-02-29') }}",
        {},
        _unparsable("dayOfMonth", "2023-02-29", " at index 10"),
        "DateUtils.parseLocalDate (the last parser's failure is reported)",
    ),
    _row(
        "{{ dayOfMonth(dt) }}",
        {},
        _error("Unable to find `dt` used in the expression `{{ dayOfMonth(dt) }}` at line 1"),
        "DayOfMonthFunctionTest.missingVariableThrows",
    ),
    _row("{{ monthOfYear('2025-12-31') }}", {}, "12", "MonthOfYearFunctionTest.returnsDecember"),
    _row(
        "{{ monthOfYear('2025-03-10T08:00:00+01:00') }}",
        {},
        "3",
        "MonthOfYearFunctionTest.datetimeStringIsAccepted",
    ),
    _row(
        "{{ hourOfDay('2025-01-06T14:30:00+02:00') }}",
        {},
        "14",
        "HourOfDayFunctionTest.returnsHourFromZonedDateTimeWithOffset",
    ),
    _row("{{ hourOfDay('2025-01-06T09:00:00') }}", {}, "9", "HourOfDayFunctionTest.returnsHourFromLocalDateTime"),
    _row(
        "{{ hourOfDay('2025-01-06T10:00:00+02:00[Europe/Paris]') }}",
        {},
        "9",
        "HourOfDayFunction (ZonedDateTime.parse keeps the zone's offset, +01:00 in January)",
    ),
    _row(
        "{{ hourOfDay('2025-01-06') }}",
        {},
        _error("The 'hourOfDay()' function could not parse 'date': Text '2025-01-06' could not be parsed at index 10"),
        "HourOfDayFunctionTest.plainDateThrows",
    ),
    _row("{{ isWeekend('2025-01-04') }}", {}, "true", "IsWeekendFunctionTest.saturdayReturnsTrue"),
    _row("{{ isWeekend('2025-01-06') }}", {}, "false", "IsWeekendFunctionTest.weekdayReturnsFalse"),
    _row("{{ isWeekend('2025-01-04T15:30:00+05:00') }}", {}, "true", "IsWeekendFunctionTest.datetimeStringIsAccepted"),
    # --- isDayWeekInMonth, isLastWorkingDay, isPublicHoliday --------------------------------------
    _row(
        "{{ isDayWeekInMonth('2025-01-13', 'MONDAY', 'SECOND') }}",
        {},
        "true",
        "IsDayWeekInMonthFunctionTest.secondMondayReturnsTrue",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-13', 'MONDAY', 'FIRST') }}",
        {},
        "false",
        "IsDayWeekInMonthFunctionTest.firstMondayOnWrongDateReturnsFalse",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-31', 'FRIDAY', 'FOURTH') }}",
        {},
        "false",
        "IsDayWeekInMonthFunctionTest.lastVsFourthAreDistinct",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-31', 'FRIDAY', 'LAST') }}",
        {},
        "true",
        "IsDayWeekInMonthFunctionTest.lastFridayReturnsTrue",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-06', 'monday', 'first') }}",
        {},
        "true",
        "IsDayWeekInMonthFunctionTest.caseInsensitiveArgumentsAreAccepted",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-06', 'MONDAY') }}",
        {},
        _error("The 'isDayWeekInMonth()' function expects a 'position' argument."),
        "IsDayWeekInMonthFunctionTest.missingPositionThrows",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-06', 'BLURSDAY', 'FIRST') }}",
        {},
        _error(
            "The 'isDayWeekInMonth()' function received an invalid 'dayOfWeek' value: 'BLURSDAY'. "
            "Expected one of: MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY."
        ),
        "IsDayWeekInMonthFunctionTest.invalidDayOfWeekThrows",
    ),
    _row(
        "{{ isDayWeekInMonth('2025-01-06', 'MONDAY', 'FIFTH') }}",
        {},
        _error(
            "The 'isDayWeekInMonth()' function received an invalid 'position' value: 'FIFTH'. "
            "Expected one of: FIRST, SECOND, THIRD, FOURTH, LAST."
        ),
        "IsDayWeekInMonthFunctionTest.invalidPositionThrows",
    ),
    _row(
        "{{ isLastWorkingDay('2025-11-28') }}",
        {},
        "true",
        "IsLastWorkingDayFunctionTest.lastFridayWhenMonthEndsOnSundayReturnsTrue",
    ),
    _row(
        "{{ isLastWorkingDay('2025-11-30') }}", {}, "false", "IsLastWorkingDayFunctionTest.sundayAtMonthEndReturnsFalse"
    ),
    _row(
        "{{ isLastWorkingDay('2025-01-30') }}",
        {},
        "false",
        "IsLastWorkingDayFunctionTest.penultimateWorkingDayReturnsFalse",
    ),
    _row(
        "{{ isLastWorkingDay('2025-01-30', 'MONDAY,TUESDAY,WEDNESDAY,THURSDAY') }}",
        {},
        "true",
        "IsLastWorkingDayFunctionTest.customWorkingDaysReturnsTrue",
    ),
    _row(
        "{{ isLastWorkingDay('2025-01-30', ' monday thursday ') }}",
        {},
        "true",
        "IsLastWorkingDayFunction.resolveWorkingDays (split on commas and whitespace, any case)",
    ),
    _row(
        "{{ isLastWorkingDay('2025-01-31', 'MONDAY,BLURSDAY') }}",
        {},
        _error(
            "The 'isLastWorkingDay()' function received an invalid 'workingDays' value: 'BLURSDAY'. "
            "Expected day names like MONDAY, TUESDAY, etc."
        ),
        "IsLastWorkingDayFunctionTest.invalidWorkingDayNameThrows",
    ),
    _row(
        "{{ isLastWorkingDay('2025-01-31', ',') }}",
        {},
        _error("The 'isLastWorkingDay()' function requires at least one valid day in 'workingDays'."),
        "IsLastWorkingDayFunction.resolveWorkingDays (no day left)",
    ),
    _row(
        "{{ isPublicHoliday('2024-12-25', 'FR') }}",
        {},
        _unknown("isPublicHoliday('2024-12-25', 'FR')"),
        "IsPublicHolidayFunctionTest.publicHolidayReturnsTrue (jollyday's data)",
    ),
    _row(
        "{{ isPublicHoliday('2024-12-25') }}",
        {},
        _error("The 'isPublicHoliday()' function expects a 'countryCode' argument."),
        "IsPublicHolidayFunctionTest.missingCountryCodeThrows",
    ),
    _row(
        "{{ isPublicHoliday('not-a-date', 'FR') }}",
        {},
        _unparsable("isPublicHoliday", "not-a-date", " at index 0"),
        "IsPublicHolidayFunctionTest.invalidDateFormatThrows",
    ),
    # --- env, loopOutputs, subflow -----------------------------------------------------------------
    _row("{{ env('DATABASE_HOST') }}", ENVS, "postgres", "EnvFunctionTest.shouldGetValueFromEnvironmentVariable"),
    _row("{{ env(envName) }}", ENVS, "postgres", "EnvFunctionTest.shouldGetValueFromDynamicEnvironmentVariableName"),
    _row(
        "{{ env('DATABASE_PORT', '5432') }}",
        ENVS,
        "5432",
        "EnvFunctionTest.shouldReturnDefaultForMissingEnvironmentVariable",
    ),
    _row(
        "{{ env('EMPTY', 'localhost') }}",
        ENVS,
        "localhost",
        "EnvFunctionTest.shouldReturnDefaultForEmptyEnvironmentVariable",
    ),
    _row(
        "{{ env('DATABASE_HOST') }}",
        {"envs": {}},
        "",
        "EnvFunctionTest.shouldReturnEmptyForMissingEnvironmentVariableWithoutDefault",
    ),
    _row(
        "{{ env('DATABASE_HOST', 'localhost') }}",
        {"envs": Unknowable("envs")},
        _unknown("env('DATABASE_HOST', 'localhost')"),
        "EnvFunction (reads the envs variable, which a dry run does not know)",
    ),
    _row(
        "{{ env() }}",
        ENVS,
        _error("The 'env' function expects an argument 'name'."),
        "EnvFunctionTest.shouldFailWithoutNameArgument",
    ),
    _row(
        "{{ loopOutputs(outputs.myLoop.outputs, 'uri') }}",
        LOOP,
        '["s3://bucket/a",null,null]',
        "LoopOutputsFunctionTest.shouldPreservePositionalAlignmentForMalformedEntries",
    ),
    _row(
        "{{ loopOutputs([], 'uri') }}",
        {},
        "[]",
        "LoopOutputsFunctionTest.shouldReturnEmptyListForEmptyOutputs",
    ),
    _row(
        "{{ loopOutputs([], null) }}",
        {},
        _error("The 'loopOutputs' function expects a non-null argument 'name'."),
        "LoopOutputsFunctionTest.shouldThrowWhenKeyArgumentIsNull",
    ),
    _row(
        "{{ loopOutputs('not-a-list', 'uri') }}",
        {},
        _error("The 'loopOutputs' function expects 'outputs' to be a list."),
        "LoopOutputsFunctionTest.shouldThrowWhenOutputsIsNotAList",
    ),
    _row("{{ " + SUBFLOW + " }}", FLOW, _unknown(SUBFLOW), "SubflowFunction (runs on the server)"),
    _row(
        "{{ " + SUBFLOW + " }}",
        {**FLOW, "taskrun": {"id": "abc"}},
        _error(
            "The 'subflow' function can only be used at flow-input render time (e.g. an input's 'values'); "
            "it is not supported inside task or trigger properties."
        ),
        "SubflowFunctionTest.shouldThrowWhenUsedInTaskContext",
    ),
    _row(
        "{{ subflow(id='child') }}",
        FLOW,
        _error("The 'subflow' function expects the arguments 'namespace' and 'id'."),
        "SubflowFunctionTest.shouldThrowWhenNamespaceOrIdMissing",
    ),
    _row(
        "{{ " + SUBFLOW + " }}",
        {},
        _error(
            "The 'subflow' function can only be used in a flow context (e.g. an input's 'values'); "
            "the caller flow could not be resolved."
        ),
        "SubflowFunctionTest.shouldThrowWhenNoFlowContext",
    ),
    _row(
        "{{ subflow(namespace='company.team', id='child', timeout='PT10M') }}",
        FLOW,
        _error("The 'subflow' function 'timeout' (PT10M) exceeds the maximum allowed (PT5M)."),
        "SubflowFunctionTest.shouldThrowWhenTimeoutExceedsMax",
    ),
    _row(
        "{{ subflow(namespace='company.team', id='child', labels={'system.from': 'me'}) }}",
        FLOW,
        _error(
            "The 'subflow' function cannot set the system label 'system.from'; system labels are reserved "
            "(except 'system.correlationId')."
        ),
        "SubflowFunctionTest.shouldRejectSystemLabels",
    ),
    # --- regexMatch, regexReplace, regexExtract ----------------------------------------------------
    _row("{{ 'hello world' | regexMatch(regex='hello.*') }}", {}, "true", "RegexFilterTest.regexMatchMatches"),
    _row(r"{{ 'hello world' | regexMatch(regex='^\d+$') }}", {}, "false", "RegexFilterTest.regexMatchDoesNotMatch"),
    _row(r"{{ 'order-12345-done' | regexMatch(regex='\d+') }}", {}, "true", "RegexFilterTest.regexMatchPartialMatch"),
    _row("{{ null | regexMatch(regex='.*') }}", {}, "false", "RegexFilterTest.regexMatchNullInput"),
    _row(
        r"{{ '٣' | regexMatch(regex='\d') }}",
        {},
        "false",
        "RegexMatchFilter (Java's \\d is ASCII)",
    ),
    _row(
        "{{ 'hello' | regexMatch() }}",
        {},
        _error("The argument 'regex' is required."),
        "RegexFilterTest.regexMatchMissingRegex",
    ),
    _row(
        "{{ 'hello' | regexMatch(regex='[unclosed') }}",
        {},
        _error("Invalid regex '[unclosed': Unclosed character class"),
        "RegexFilterTest.regexMatchInvalidRegex",
    ),
    _row(
        "{{ 'hello' | regexMatch(regex='{x}') }}",
        {},
        _error("Invalid regex '{x}': Illegal repetition"),
        "RegexMatchFilter (Pattern.closure: a brace must open a repetition)",
    ),
    _row(
        "{{ 'abc' | regexMatch(regex='(?=a)') }}",
        {},
        _unknown("regexMatch(regex='(?=a)')"),
        "RegexMatchFilter (a lookahead is not simulated)",
    ),
    _row(
        "{{ s | regexMatch(regex='a.b') }}",
        {"s": "a\rb"},
        _unknown("regexMatch(regex='a.b')"),
        "RegexMatchFilter (Java's '.' also stops at a carriage return)",
    ),
    _row(
        "{{ 'hello world' | regexReplace(regex='world', replacement='java') }}",
        {},
        "hello java",
        "RegexFilterTest.regexReplaceSimple",
    ),
    _row(
        r"{{ 'aa1bb2cc3' | regexReplace(regex='(\d)', replacement='[$1]') }}",
        {},
        "aa[1]bb[2]cc[3]",
        "RegexFilterTest.regexReplaceWithCaptureGroup",
    ),
    _row(
        r"{{ 'hello' | regexReplace(regex='\d+', replacement='$9') }}",
        {},
        "hello",
        "RegexReplaceFilter (Matcher.replaceAll reads the replacement only at a match)",
    ),
    _row(
        r"{{ 'a1' | regexReplace(regex='\d', replacement='$2') }}",
        {},
        _error("No group 2"),
        "RegexReplaceFilter (Matcher.appendReplacement)",
    ),
    _row("{{ null | regexReplace(regex='.*', replacement='x') }}", {}, "", "RegexFilterTest.regexReplaceNullInput"),
    _row(
        r"{{ 'hello' | regexReplace(regex='\d+') }}",
        {},
        _error("The argument 'replacement' is required."),
        "RegexFilterTest.regexReplaceMissingReplacement",
    ),
    _row(
        r"{{ 'order-111-222-333-done' | regexExtract(regex='order-(\d+)-(\d+)-(\d+)', group=2) }}",
        {},
        "222",
        "RegexFilterTest.regexExtractCaptureGroup",
    ),
    _row(
        r"{{ 'abc-123-def-456' | regexExtract(regex='\d+') }}", {}, "123", "RegexFilterTest.regexExtractFirstMatchOnly"
    ),
    _row(r"{{ 'hello' | regexExtract(regex='\d+') }}", {}, "", "RegexFilterTest.regexExtractNoMatch"),
    _row(
        r"{{ 'order-12345' | regexExtract(regex='order-(\d+)', group=5) }}",
        {},
        _error("Group index 5 is out of bounds: the pattern has only 1 capture group(s)."),
        "RegexFilterTest.regexExtractGroupOutOfBounds",
    ),
    _row(
        r"{{ 'order-12345' | regexExtract(regex='order-(\d+)', group=-1) }}",
        {},
        _error("Group index -1 is out of bounds: must be >= 0."),
        "RegexFilterTest.regexExtractNegativeGroup",
    ),
    _row(
        "{{ 'x' | regexExtract(regex='x', group=-1000) }}",
        {},
        _error("Group index -1,000 is out of bounds: must be >= 0."),
        "RegexExtractFilter (MessageFormat groups digits)",
    ),
    # --- format (Pebble 4.1.2's FormatFilter) ------------------------------------------------------
    _row(
        "{{ 'Number: %d, Float: %.2f, String: %s' | format(42, 3.14159, 'test') }}",
        {},
        "Number: 42, Float: 3.14, String: test",
        "FormatFilterTest.itShouldFormatWithDifferentTypes",
    ),
    _row(
        "{{ 'I need %s and %s and %s' | format('one', 'two') }}",
        {},
        _error("Format specifier '%s'"),
        "FormatFilterTest.itShouldThrowExceptionWhenNotEnoughArguments",
    ),
    _row("{{ null | format('test') }}", {}, "", "FormatFilterTest.itShouldReturnNullWhenInputIsNull"),
    _row(
        "{{ 'I only need %s' | format('one', 'two') }}",
        {},
        "I only need one",
        "FormatFilterTest.itShouldIgnoreExtraArguments",
    ),
    _row("{{ 'Value is: %s' | format(null) }}", {}, "Value is: null", "FormatFilterTest.itShouldHandleNullArgument"),
    _row(
        "{{ '100%% complete: %s' | format('done') }}",
        {},
        "100% complete: done",
        "FormatFilterTest.itShouldHandleEscapedPercentSign",
    ),
    _row(
        "{{ '%2$s-%1$s %<S|%s|%-6s|%06.2f|%,d|%x' | format('a', 'b', 2.345, 1234567, 255) }}",
        {},
        "b-a A|a|b     |002.35|1,234,567|ff",
        "java.util.Formatter (explicit, previous and ordinary indexes, flags, widths)",
    ),
    _row(
        "{{ '%.2f %.2f' | format(0.125, 1.005) }}",
        {},
        "0.13 1.01",
        "java.util.Formatter (the shortest decimal of a double rounded half up, not its binary value)",
    ),
    _row("{{ '%s' | format([1, 'a']) }}", {}, "[1, a]", "FormatFilter (String.format's toString)"),
    _row(
        "{{ '%d' | format(1.5) }}",
        {},
        _error("d != java.lang.Double"),
        "java.util.Formatter (IllegalFormatConversionException)",
    ),
    _row(
        "{{ '%q' | format(1) }}",
        {},
        _error("Conversion = 'q'"),
        "java.util.Formatter (UnknownFormatConversionException)",
    ),
    _row("{{ '%-s' | format(1) }}", {}, _error("%-s"), "java.util.Formatter (MissingFormatWidthException)"),
    _row(
        "{{ '%tY' | format(0) }}",
        {},
        _unknown("format(0)"),
        "java.util.Formatter (a Long as a Calendar is not simulated)",
    ),
    # --- comparisons (Kestra 2.0's GreaterThanExpression and co.) ---------------------------------
    _row("{{ 'a' < 'b' }}", {}, "true", "LessThanExpressionTest"),
    _row("{{ '2025-01-02' > '2025-01-01' }}", {}, "true", "GreaterThanExpressionTest (ISO dates as strings)"),
    _row("{{ 'abc' >= 'abc' }}", {}, "true", "GreaterThanEqualsExpressionTest"),
    _row("{{ 'ab' <= 'a' }}", {}, "false", "LessThanEqualsExpressionTest"),
    _row("{{ 'Z' < 'a' }}", {}, "true", "LessThanExpression (String.compareTo: by UTF-16 code unit)"),
    _row("{{ '10' < '9' }}", {}, "true", "LessThanExpression (strings, not numbers)"),
    _row(
        "{{ '2025-01-01T10:00:00.5Z' < '2025-01-01T10:00:00Z' }}",
        {},
        "true",
        "LessThanExpression (text order is not time order)",
    ),
    _row("{{ '\uffff' > '\U0001f600' }}", {}, "true", "GreaterThanExpression (a surrogate pair sorts below U+FFFF)"),
    _row(
        "{{ 1 < '2' }}",
        {},
        _error("invalid operands for mathematical comparison [LESS_THAN]"),
        "LessThanExpression (else OperatorUtils.lt)",
    ),
    _row("{{ null >= 'a' }}", {}, "false", "GreaterThanEqualsExpression (OperatorUtils.gte: null is false)"),
    _row("{{ 2 > 1.5 }}", {}, "true", "GreaterThanExpression (OperatorUtils.gt on numbers)"),
    _row(
        "{{ x < 1 ?? 'fallback' }}",
        {},
        "fallback",
        "LessThanExpression (operands evaluated outside its try: an undefined one reaches ??)",
    ),
]


@pytest.mark.parametrize(("template", "context", "expected"), ROWS)
def test_render_kestra_2(template: str, context: dict, expected: Expected) -> None:
    if isinstance(expected, str):
        assert render(template, context, KESTRA_2_OPTIONS) == expected
    else:
        with pytest.raises(RenderError) as raised:
            render(template, context, KESTRA_2_OPTIONS)
        assert (raised.value.kind, raised.value.message) == expected


def _versions(template: str, context: dict, kestra_1: Expected, kestra_2: Expected, source: str) -> tuple:
    return pytest.param(template, context, kestra_1, kestra_2, id=source)


def _missing_function(name: str) -> tuple[str, str]:
    return _error(f"Function or Macro [{name}] does not exist.")


PARENT = {"parent": {"task": {"id": "each"}, "taskrun": {"value": "v"}}, "outputs": {"each": {"v": {"x": 1}}}}
COMPARE = "invalid operands for mathematical comparison [LESS_THAN]"

VERSION_ROWS = [
    # 1.x gives ?? ??? isIn precedence 120 (above ~ + | ==), 2.0 gives them 30, left-associative with == < >.
    _versions("{{ a ?? 'x' ~ 'y' }}", {"a": "A"}, "Ay", "A", "Extension: ?? binds (a ?? 'x') ~ 'y' / a ?? ('x' ~ 'y')"),
    _versions("{{ a ?? 'x' ~ 'y' }}", {}, "xy", "xy", "Extension: ?? catches an undefined either way"),
    _versions("{{ 1 == 1 ?? false }}", {}, "true", "true", "Extension: 1 == (1 ?? false) / (1 == 1) ?? false"),
    _versions("{{ 1 == n ?? 1 }}", {"n": None}, "true", "false", "Extension: 1 == (n ?? 1) / (1 == n) ?? 1"),
    _versions("{{ a ?? b + 1 }}", {"a": 1, "b": 5}, "2", "1", "Extension: (a ?? b) + 1 / a ?? (b + 1)"),
    _versions(
        "{{ 'n=' + a ?? 'none' }}",
        {"a": None},
        "n=none",
        "n=null",
        "Extension: 'n=' + (a ?? 'none') / ('n=' + a) ?? 'none'",
    ),
    _versions(
        "{{ a ?? 'abc' | upper }}", {"a": "x"}, "X", "x", "Extension: (a ?? 'abc') | upper / a ?? ('abc' | upper)"
    ),
    _versions("{{ n ??? 'd' ~ '!' }}", {"n": None}, "!", "", "Extension: (n ??? 'd') ~ '!' / n ??? ('d' ~ '!')"),
    _versions(
        "{{ 'a' ~ 'b' isIn ['ab'] }}",
        {},
        "afalse",
        "true",
        "Extension: 'a' ~ ('b' isIn ['ab']) / ('a' ~ 'b') isIn ['ab']",
    ),
    _versions(
        "{{ 1 + 1 isIn [2] }}",
        {},
        _error("invalid operands for mathematical operation [ADD]"),
        "true",
        "Extension: 1 + (1 isIn [2]) / (1 + 1) isIn [2]",
    ),
    # The iteration helpers 2.0 removes (Loop's outputs replace them).
    _versions(
        "{{ currentEachOutput(outputs.each) }}",
        {**PARENT, "taskrun": {"value": "v"}, "parents": []},
        '{"x":1}',
        _missing_function("currentEachOutput"),
        "Extension: currentEachOutput removed",
    ),
    _versions(
        "{{ parentOutput() }}", PARENT, '{"x":1}', _missing_function("parentOutput"), "Extension: parentOutput removed"
    ),
    _versions(
        "{{ iterationOutput('t', 0) }}",
        {"taskrun": {"iteration": 1}, "outputs": {"t": {"a": {"value": "first"}}}},
        "first",
        _missing_function("iterationOutput"),
        "Extension: iterationOutput removed",
    ),
    # What 2.0 adds is unknown to 1.x.
    _versions("{{ env('A') }}", {"envs": {"A": "1"}}, _missing_function("env"), "1", "Extension: env added"),
    _versions(
        "{{ 'x' | regexMatch(regex='x') }}",
        {},
        _error("Filter [regexMatch] does not exist."),
        "true",
        "Extension: regexMatch added",
    ),
    _versions(
        "{{ '%s!' | format('a') }}", {}, _error("Filter [format] does not exist."), "a!", "CoreExtension 4.1.2: format"
    ),
    # Kestra 2.0 re-implements < > <= >= to order strings.
    _versions("{{ 'a' < 'b' }}", {}, _error(COMPARE), "true", "LessThanExpression: strings compare in 2.0"),
    _versions(
        "{% if 'b' > 'a' %}yes{% endif %}",
        {},
        _error("Wrong operand(s) type in conditional expression"),
        "yes",
        "GreaterThanExpression: in an if",
    ),
    _versions("{{ 2 < 10 }}", {}, "true", "true", "LessThanExpression: numbers as before"),
]


@pytest.mark.parametrize(("template", "context", "kestra_1", "kestra_2"), VERSION_ROWS)
def test_versions_differ(template: str, context: dict, kestra_1: Expected, kestra_2: Expected) -> None:
    for options, expected in ((KESTRA_1_OPTIONS, kestra_1), (KESTRA_2_OPTIONS, kestra_2)):
        if isinstance(expected, str):
            assert render(template, context, options) == expected
        else:
            with pytest.raises(RenderError) as raised:
                render(template, context, options)
            assert (raised.value.kind, raised.value.message) == expected


def test_table_size() -> None:
    assert len(ROWS) + len(VERSION_ROWS) >= 60


@pytest.mark.parametrize(
    ("template", "one", "two"),
    [
        # pebble 4.1.2 OperatorUtils.toNumber (LogicTest, OperatorUtilsToNumberTest): Kestra 2.0 reads string
        # operands of - * / % (and + without a string side) as numbers; 1.x (Pebble 4.1.1) refuses them
        ("{{ '10' * 2 }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"), "20"),
        ("{{ '7' - '2.5' }}", ("render", "invalid operands for mathematical operation [SUBTRACT]"), "4.5"),
        ("{{ -'5' }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"), "-5"),
        ("{{ '1e3' / 10 }}", ("render", "invalid operands for mathematical operation [DIVISION]"), "100.0"),
        ("{{ '9' + 1 }}", "91", "91"),  # a string side still concatenates
        ("{{ 'abc' * 2 }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"),
         ("render", 'For input string: "abc"')),
        ("{{ '1.2.3' * 2 }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"),
         ("render", "multiple points")),
        ("{{ true * 2 }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"),
         ("render", "Cannot convert to Number: true")),
        ("{{ ' 5' * 2 }}", ("render", "invalid operands for mathematical operation [MULTIPLICATION]"),
         ("render", 'For input string: " 5"')),  # Long.parseLong does not trim
    ],
)  # fmt: skip
def test_string_operands_in_arithmetic(template, one, two):
    for dialect, expected in ((KESTRA_1, one), (KESTRA_2, two)):
        if isinstance(expected, str):
            assert render(template, {}, RenderOptions(dialect=dialect)) == expected
        else:
            with pytest.raises(RenderError) as raised:
                render(template, {}, RenderOptions(dialect=dialect))
            assert (raised.value.kind, raised.value.message) == expected


@pytest.mark.parametrize(
    ("template", "one", "two"),
    [
        # pebble AddExpression, EqualsExpression...: `catch (Exception ex) { throw new PebbleException(ex, "Could
        # not perform addition") }`, so the undefined variable is no AttributeNotFoundException for Kestra's `??`
        # (NullCoalescingExpression catches only that); 2.0's lower `??` puts the whole sum under it
        ("{{ x + 1 ?? 0 }}", undefined("x", "{{ x + 1 ?? 0 }}"), undefined("x", "{{ x + 1 ?? 0 }}")),
        ("{{ (x == 1) ?? 'no' }}", undefined("x", "{{ (x == 1) ?? 'no' }}"), undefined("x", "{{ (x == 1) ?? 'no' }}")),
        ("{{ (x + 1) | default(0) }}", undefined("x", "{{ (x + 1) | default(0) }}"),
         undefined("x", "{{ (x + 1) | default(0) }}")),
        # Kestra 2.0's own comparison expressions evaluate their operands outside any try block
        ("{{ x < 1 ?? 'none' }}", undefined("x", "{{ x < 1 ?? 'none' }}"), "none"),
        ("{{ (x ?? 1) + 1 }}", "2", "2"),
    ],
)  # fmt: skip
def test_wrapped_failures_escape_the_guards(template, one, two):
    for dialect, expected in ((KESTRA_1, one), (KESTRA_2, two)):
        if isinstance(expected, str):
            assert render(template, {}, RenderOptions(dialect=dialect)) == expected
        else:
            with pytest.raises(RenderError) as raised:
                render(template, {}, RenderOptions(dialect=dialect))
            assert (raised.value.kind, raised.value.message) == expected
