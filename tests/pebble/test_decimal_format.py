"""Tests for ``flowls.pebble.decimal_format``: ``java.text.DecimalFormat`` as Pebble 4.1.1's
``NumberFormatFilter`` (Kestra's ``numberFormat``) calls it.

Every expected string is what OpenJDK 25.0.3 (Temurin) printed for
``new DecimalFormat(pattern, new DecimalFormatSymbols(Locale.US)).format((Object) value)``, or for
``NumberFormat.getInstance(Locale.US).format((Object) value)`` where the pattern is None: the
``Format.format(Object)`` calls the filter makes, with a Python int passed as a Long (a BigInteger
beyond 64 bits) and a float as a Double. OpenJDK 17.0.15 printed the same but where a comment says.
"""

from __future__ import annotations

import math

import pytest

from flowls.pebble.decimal_format import NumberFormatError, PatternError, compile_pattern, number_format

LONG_MIN, LONG_MAX = -(2**63), 2**63 - 1

# (pattern, value, what Java printed)
FORMATS = [
    # Pebble's CoreFiltersTest.testNumberFormatFilterWithFormat and ...WithNamedArgument ("You owe me $10,000.24.")
    ("$#,###,###,##0.00", 10000.235166, "$10,000.24"),
    # No format: NumberFormat.getInstance(Locale.US), the pattern "#,##0.###". The first two are Pebble's
    # CoreFiltersTest.testNumberFormatFilterWithLocale and ConcurrencyTest. A double prints FloatingDecimal's
    # digits, not the shortest ones: 1e23 is 9.999999999999999E22 to it.
    (None, 1000000, "1,000,000"),
    (None, 2000.234, "2,000.234"),
    (None, 0, "0"),
    (None, 0.0, "0"),
    (None, -0.0, "-0"),
    (None, 1234567.891, "1,234,567.891"),
    (None, -1234.5678, "-1,234.568"),
    # 0.0005 is a little above the tie. Java 17 printed "0": until JDK-8174722 (CSR JDK-8308798) a value whose
    # first digit falls just past the maximum fraction digits became 0 unrounded. We follow Java 25.
    (None, 0.0005, "0.001"),
    (None, 0.00049, "0"),
    (None, 1.0005, "1"),
    (None, 1.2345, "1.234"),
    (None, 1e15, "1,000,000,000,000,000"),
    (None, 1e23, "99,999,999,999,999,990,000,000"),
    (None, 2e23, "199,999,999,999,999,980,000,000"),
    (None, LONG_MAX, "9,223,372,036,854,775,807"),
    (None, LONG_MIN, "-9,223,372,036,854,775,808"),
    (None, 2**64, "18,446,744,073,709,551,616"),
    (None, math.nan, "NaN"),
    (None, math.inf, "∞"),
    (None, -math.inf, "-∞"),
    (None, 1 / 3, "0.333"),
    (None, 5e-324, "0"),
    # Grouping: the size is the digits after the last ",".
    ("#,##0", 1234567, "1,234,567"),
    ("#,##0", -1234567.5, "-1,234,568"),
    ("#,##0", 999.5, "1,000"),
    ("#,##0", 0.4, "0"),
    ("#,##,###", 1234567, "1,234,567"),
    ("#,##,###", 123456789.25, "123,456,789"),
    ("#,###,##0", 1234567, "1,234,567"),
    ("#,#", 12345, "1,2,3,4,5"),
    ("##,##0.00", 1234567.891, "1,234,567.89"),
    ("#,##0.###", 12345678901234567890123, "12,345,678,901,234,567,890,123"),
    # Minimum and maximum integer and fraction digits ("#" without "0" still prints a 0 for zero).
    ("0", 0.5, "0"),
    ("0", 1.5, "2"),
    ("0", 2.5, "2"),
    ("0", -0.4, "-0"),
    ("#", 0, "0"),
    ("#", 0.4, "0"),
    ("#", 0.6, "1"),
    ("000000", 42, "000042"),
    ("000000", -42.7, "-000043"),
    ("0.00", 3.14159, "3.14"),
    ("0.00", 2, "2.00"),
    ("0.00", -0.001, "-0.00"),
    ("#.##", 3.14159, "3.14"),
    ("#.##", 3.1, "3.1"),
    ("#.##", 3, "3"),
    ("#.##", 0.001, "0"),
    ("#.##", 0.5, "0.5"),
    ("#0.0##", 1.23456, "1.235"),
    ("0000.0000", 12.5, "0012.5000"),
    (".00", 0.456, ".46"),
    (".00", 12.456, "12.46"),
    ("#.", 12, "12."),
    ("0.", 12.7, "13."),
    ("#,##0.0#", 1234, "1,234.0"),
    ("#,##0.0#", 1234.567, "1,234.57"),
    ("0.0000000000000000000000", 0.1, "0.1000000000000000000000"),
    ("0.0000000000000000000000", 1, "1.0000000000000000000000"),
    ("#.####################", 0.1, "0.1"),
    ("#.####################", 2.675, "2.675"),
    ("0.###", 1e-7, "0"),
    ("0.##########", 1.7976931348623157e308, "17976931348623157" + "0" * 292),
    # HALF_EVEN ties. A double rounds on FloatingDecimal's digits: a tie among them rounds to even only if
    # they are exact (0.125, 0.375), up if they fall short of the double (0.135 is 0.13500000000000000888...)
    # and down if they exceed it (2.675 is 2.67499999999999982236431605997495353221893310546875).
    ("0.00", 0.125, "0.12"),
    ("0.00", 0.135, "0.14"),
    ("0.00", 0.375, "0.38"),
    ("0.00", 2.675, "2.67"),
    ("0.00", 1.005, "1.00"),
    ("0.00", 1.015, "1.01"),
    ("0.00", 1.025, "1.02"),
    ("0.00", 10000.235166, "10000.24"),
    ("0.0", 0.25, "0.2"),
    ("0.0", 0.35, "0.3"),
    ("0.0", 0.45, "0.5"),
    ("0.0", 1.45, "1.4"),
    ("0.0", 1.55, "1.6"),
    ("0.000", 2.3455, "2.345"),
    ("0.0000", 78.00005, "78.0001"),
    ("0.0000", 78.10005, "78.1000"),
    ("0.###", 0.0005, "0.001"),  # Java 17: "0" (JDK-8174722)
    ("0.###", 0.0015, "0.002"),
    ("0.###", 0.0025, "0.003"),
    ("0.##", 0.005, "0.01"),
    ("0.##", 0.015, "0.01"),
    ("0.##", 0.0051, "0.01"),
    ("0.#", 0.05, "0.1"),
    ("0.#", 0.95, "0.9"),
    ("0.#", 9.95, "9.9"),
    ("0", 9.5, "10"),
    ("0", 99.5, "100"),
    ("0", 4503599627370497.0, "4503599627370497"),
    ("0", 123456789012345678.0, "123456789012345680"),
    ("0", 9.2233720368547758e18, "9223372036854776000"),
    # FloatingDecimal's longer digits (JDK-8362448 moves DecimalFormat to Double.toString's after Java 25)
    (None, 7.3879e20, "738,790,000,000,000,100,000"),
    ("0", 1e23, "99999999999999990000000"),
    ("0", 2e23, "199999999999999980000000"),
    ("0.0", 6.0708402882054033e82, "60708402882054033" + "0" * 66 + ".0"),  # 2**275
    # Exponent notation: maximum integer digits above the minimum and above 1 make the exponent a multiple of
    # them (engineering notation); the minimum exponent digits are a Java byte (257 zeros are 1). An integral
    # double below 2**63 has digits FloatingDecimal flags inexact, so 25.0 rounds a tie up where 25 does not.
    ("0.###E0", 12345, "1.234E4"),
    ("0.###E0", 0.00012345, "1.234E-4"),
    ("0.###E0", -12345.678, "-1.235E4"),
    ("0.###E0", 0, "0E0"),
    ("0.###E0", 1e308, "1E308"),
    ("0.###E0", 5e-324, "4.9E-324"),
    ("0.###E0", LONG_MAX, "9.223E18"),
    ("0.###E0", 2**200, "1.607E60"),
    ("##0.#####E0", 12345, "12.345E3"),
    ("##0.#####E0", 123456789, "123.45679E6"),
    ("##0.#####E0", 0.00123, "1.23E-3"),
    ("##0.#####E0", 0.000123, "123E-6"),
    ("##0.#####E0", 0, "0E0"),
    ("##0.##E0", 12345, "12.345E3"),
    ("00.###E0", 12345, "12.345E3"),
    ("00.###E0", 0.00123, "12.3E-4"),
    ("00.00E00", -0.5, "-50.00E-02"),
    ("0.00E000", 6.02214076e23, "6.02E023"),
    ("#E0", 120, ".1E3"),
    ("#E0", 0, "E0"),
    ("##E0", 12345, "1.2E4"),
    ("0E0", 25, "2E1"),
    ("0E0", 25.0, "3E1"),
    ("0E0", 35, "4E1"),
    ("0E0", 35.0, "4E1"),
    ("0.E0", 5, "5.E0"),
    ("0.0E0", 2.5, "2.5E0"),
    ("0.0E0%", 0.5, "5.0E1%"),
    ("#,##0.0E0", 12345, "1.2345E4"),
    ("0E" + "0" * 257, 12, "1E1"),
    ("E0", 5, "E5"),
    ("##E0.0", 12345, "1.23E4"),
    ("0E0.0", 12345, "1.2E4"),
    # Percent and per mille: the multiplier is applied in double arithmetic (overflowing to infinity) or,
    # for a Long it overflows, in BigInteger's. A symbol in quotes is a literal and multiplies nothing.
    ("0.#%", 0.1234, "12.3%"),
    ("#%", 0.125, "12%"),
    ("#%", -0.5, "-50%"),
    ("0%", 1e307, "∞%"),
    ("0%", LONG_MAX, "922337203685477580700%"),
    ("0%", LONG_MIN, "-922337203685477580800%"),
    ("0\u2030", 0.1234, "123‰"),
    ("#,##0.00\u2030", 12.5, "12,500.00‰"),
    ("0%0", 0.05, "05%"),
    ("'%'0", 0.5, "%0"),
    ("0'%'", 5, "5%"),
    # Literals, quotes ('' is a quote) and the currency sign (¤ is $, ¤¤ is USD). A "-" in a pattern is
    # the minus sign; the negative prefix is "-" before the positive one. The empty pattern keeps
    # DecimalFormat's defaults: grouping by 3, no minimum integer digit.
    ("'#'0", 5, "#5"),
    ("0 'o''clock'", 5, "5 o'clock"),
    ("''0''", 5, "'5'"),
    ("'unit: '0.0", 5, "unit: 5.0"),
    ("#'x'#", 1234, "1234x"),
    ("abc", 12.5, "abc12"),
    ("-0", 5, "-5"),
    ("0-", -5, "-5-"),
    ("+0", -5, "-+5"),
    ("\u00a40.00", 1234.5, "$1234.50"),
    ("\u00a4\u00a4 #,##0.00", 1234.5, "USD 1,234.50"),
    ("#,##0.00 \u00a4", -1234.5, "-1,234.50 $"),
    ("'\u00a4'0", 5, "¤5"),
    ("\u00a4\u00a4\u00a4 0", 5, "USD$ 5"),
    ("", 1234567.891, "1,234,567.891"),
    ("", 0.5, ".5"),
    ("", -0.0, "-0"),
    ("", 2**70, "1,180,591,620,717,411,303,424"),
    # Negative subpatterns give only a prefix and a suffix, and none when they equal the positive ones.
    # Without a ";" Java reads the whole pattern again as the negative subpattern, skipping every number
    # character, so "0E0E0" has the positive suffix "E" but negative affixes "" and "".
    ("#,##0.00;(#,##0.00)", -1234.567, "(1,234.57)"),
    ("#,##0.00;(#,##0.00)", 1234.567, "1,234.57"),
    ("#,##0.00;(#)", -1234.567, "(1,234.57)"),
    ("0;-0", -5, "-5"),
    ("0;0", -5, "-5"),
    ("0.0;'neg'0.0'x'", -5, "neg5.0x"),
    ("0;", -5, "-5"),
    ("\u00a4#,##0.00;(\u00a4#,##0.00)", -5, "($5.00)"),
    ("0.##E0;(0.##E0)", -12345, "(1.23E4)"),
    ("0E0E0", 1234, "12E2E"),
    ("0E0E0", -1234, "12E2"),
    ("#%;#%", -0.5, "-50%"),
    # NaN has no affixes; infinity does.
    ("0.00", math.nan, "NaN"),
    ("#,##0.00;(#)", math.nan, "NaN"),
    ("0%", math.nan, "NaN"),
    ("0.00", math.inf, "∞"),
    ("0.00", -math.inf, "-∞"),
    ("\u00a40.00;(\u00a40.00)", -math.inf, "($∞)"),
    ("0.0E0", math.inf, "∞"),
    # Zero keeps its sign; Long and BigInteger are exact.
    ("0.00", -0.0, "-0.00"),
    ("0.00", 0, "0.00"),
    ("#,##0", LONG_MAX, "9,223,372,036,854,775,807"),
    ("#,##0", LONG_MIN, "-9,223,372,036,854,775,808"),
    ("#,##0", LONG_MIN - 1, "-9,223,372,036,854,775,809"),
    ("#,##0.00", 2**64, "18,446,744,073,709,551,616.00"),
    ("0.0", -(10**30), "-1000000000000000000000000000000.0"),
    ("#,##0", 10**40 + 1, "10,000,000,000,000,000,000,000,000,000,000,000,000,001"),
    # Digit limits: for a Double and a Long, DecimalFormat caps the pattern's digit counts at 309 integer and
    # 340 fraction digits (DOUBLE_INTEGER_DIGITS, DOUBLE_FRACTION_DIGITS); not for a BigInteger. 128 digits
    # or more after the last "," overflow the byte the grouping size is counted in: no grouping.
    ("0" * 320, 7, "0" * 308 + "7"),
    ("0" * 320, 7.0, "0" * 308 + "7"),
    ("0" * 320, 2**64, "0" * 300 + "18446744073709551616"),
    ("0." + "0" * 350, 1, "1." + "0" * 340),
    ("0." + "0" * 350, 2**64, "18446744073709551616." + "0" * 350),
    ("0." + "#" * 350, 0.1, "0.1"),
    ("0." + "#" * 350, 5e-324, "0." + "0" * 323 + "49"),
    ("#," + "#" * 126 + "0", 10**130, "1000," + "0" * 127),
    ("#," + "#" * 127 + "0", 10**130, "1" + "0" * 130),
]


@pytest.mark.parametrize(("pattern", "value", "expected"), FORMATS)
def test_format(pattern: str | None, value: int | float, expected: str) -> None:
    assert number_format(value, pattern) == expected


# (pattern, the message of the IllegalArgumentException new DecimalFormat(pattern, symbols) threw)
PATTERN_ERRORS = [
    ("#.#.#", 'Multiple decimal separators in pattern "#.#.#"'),
    ("0..0", 'Multiple decimal separators in pattern "0..0"'),
    ("0#", 'Malformed pattern "0#"'),
    ("#,##0.0#0", "Unexpected '0' in pattern \"#,##0.0#0\""),
    ("0.0#0", "Unexpected '0' in pattern \"0.0#0\""),
    ("00#0", "Unexpected '0' in pattern \"00#0\""),
    ("'unclosed", 'Malformed pattern "\'unclosed"'),
    ("#;'", 'Malformed pattern "#;\'"'),
    ("'", 'Malformed pattern "\'"'),
    ("0E", 'Malformed exponential pattern "0E"'),
    (".E0", 'Malformed exponential pattern ".E0"'),
    ("0E00#", 'Malformed pattern "0E00#"'),
    ("0%%", 'Too many percent/per mille characters in pattern "0%%"'),
    ("0%\u2030", 'Too many percent/per mille characters in pattern "0%‰"'),
    ("#\u2030%", 'Too many percent/per mille characters in pattern "#‰%"'),
    ("0;%%", 'Too many percent/per mille characters in pattern "0;%%"'),
    ("#,##0,", 'Malformed pattern "#,##0,"'),
    ("#,", 'Malformed pattern "#,"'),
    ("0,.0", 'Malformed pattern "0,.0"'),
    (";", "Unquoted special character ';' in pattern \";\""),
    (";0", "Unquoted special character ';' in pattern \";0\""),
    ("0;;", "Unquoted special character ';' in pattern \"0;;\""),
    ("0;0;0", "Unquoted special character ';' in pattern \"0;0;0\""),
    ("0E" + "0" * 128, 'Malformed exponential pattern "0E' + "0" * 128 + '"'),  # the count of 0s is a Java byte
]


@pytest.mark.parametrize(("pattern", "message"), PATTERN_ERRORS)
def test_malformed_pattern(pattern: str, message: str) -> None:
    with pytest.raises(PatternError) as caught:
        compile_pattern(pattern)
    assert caught.value.message == message == str(caught.value)


# NumberFormatFilter.apply: a null input gives null before anything is checked; then the input must be
# a Number (PebbleException), then the format a String (the cast's ClassCastException).
def test_null_input_gives_null() -> None:
    # CoreFiltersTest.testNumberFormatFilterWithNullInput
    assert number_format(None, "$#,###,###,##0.00") is None
    assert number_format(None) is None
    assert number_format(None, 2) is None
    assert number_format(None, "#.#.#") is None


@pytest.mark.parametrize("value", ["12", "", True, False, [1], {"a": 1}])
def test_input_not_a_number(value: object) -> None:
    with pytest.raises(NumberFormatError) as caught:
        number_format(value, "#.#.#")
    assert caught.value.message == "The input for the 'NumberFormat' filter has to be a number."


@pytest.mark.parametrize(
    ("pattern", "java_class"),
    [(2, "java.lang.Long"), (2.5, "java.lang.Double"), (True, "java.lang.Boolean"), ([], "java.util.ArrayList")],
)
def test_format_not_a_string(pattern: object, java_class: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        number_format(1, pattern)
    assert caught.value.message == (
        f"class {java_class} cannot be cast to class java.lang.String ({java_class} and java.lang.String are in "
        "module java.base of loader 'bootstrap')"
    )


def test_malformed_pattern_through_the_filter() -> None:
    with pytest.raises(PatternError) as caught:
        number_format(1.5, "0.0.0")
    assert isinstance(caught.value, NumberFormatError)
    assert caught.value.message == 'Multiple decimal separators in pattern "0.0.0"'
