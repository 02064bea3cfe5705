"""Kestra's ``toIon`` and ``fromIon`` (``flowls.pebble.ion``). Each table cites what it mirrors: a Kestra
test (``ToIonFilterTest``, ``FromIonFunctionTest``, ``FileSerdeTest``, ``JacksonMapperTest``), an
ion-java class, a section of the Ion 1.0 text specification, or amazon.ion's reader for errors."""

from __future__ import annotations

import contextlib
import math
import struct

import pytest

from flowls.pebble.ion import IonError, dump, load
from flowls.pebble.values import Entry

_FLOAT_1_123 = struct.unpack("f", struct.pack("f", 1.123))[0]  # Java's 1.123F widened to a double

DUMP = [
    # ToIonFilterTest.toIonFilter
    ("string", '"string"'),
    (1, "1"),
    (_FLOAT_1_123, "1.1230000257492065e0"),
    (["string", 1, _FLOAT_1_123], '["string",1,1.1230000257492065e0]'),
    (True, "true"),
    ({"empty_object": {}}, "{empty_object:{}}"),
    ({"int": 1, "float": _FLOAT_1_123, "string": "string"}, '{int:1,float:1.1230000257492065e0,string:"string"}'),
    (None, "null"),
    # JacksonMapperTest.ion: the Ion mapper includes nulls; FileSerdeTest.writeAll_fromSingleValuedSource
    ({"nullable": None}, "{nullable:null}"),
    ({"id": 1, "value": "value1"}, '{id:1,value:"value1"}'),
    # _Private_IonTextAppender.printFloat: Schubfach digits, e0 where Double.toString has no exponent
    (1.0, "1e0"),
    (100.0, "100e0"),
    (1.5, "1.5e0"),
    (0.001, "0.001e0"),
    (1e-4, "1.0e-4"),
    (1e7, "1.0e7"),
    (123456789.0, "1.23456789e8"),
    (5e-324, "4.9e-324"),
    (0.0, "0e0"),
    (-0.0, "-0e0"),
    (math.nan, "nan"),
    (math.inf, "+inf"),
    (-math.inf, "-inf"),
    # printInt: Longs and BigIntegers alike
    (-9223372036854775808, "-9223372036854775808"),
    (2**70, "1180591620717411303424"),
    # STRING_ESCAPE_CODES: named escapes, \xHH for other controls, DEL and C1; the rest kept (UTF-8)
    ("\0\a\b\t\n\v\f\r", '"\\0\\a\\b\\t\\n\\v\\f\\r"'),
    ('q"\\', '"q\\"\\\\"'),
    ("it's", '"it\'s"'),
    ("\x01\x1f\x7f\x85\x9f", '"\\x01\\x1f\\x7f\\x85\\x9f"'),
    ("é\xa0\u2028😀", '"é\xa0\u2028😀"'),
    # IonTextUtils.symbolVariant for field names: identifiers bare, keywords, SID look-alikes, operators
    # and anything else quoted (SYMBOL_ESCAPE_CODES: ' escaped, " not)
    ({"a_1$": 1, "$": 2, "$ion": 3, "inf": 4}, "{a_1$:1,$:2,$ion:3,inf:4}"),
    ({"null": 1, "true": 2, "false": 3, "nan": 4}, "{'null':1,'true':2,'false':3,'nan':4}"),
    ({"$1": 1, "$10": 2, "": 3, "1a": 4}, "{'$1':1,'$10':2,'':3,'1a':4}"),
    ({"+": 1, "a b": 2, "x'y\"": 3, "é": 4}, "{'+':1,'a b':2,'x\\'y\"':3,'é':4}"),
    # Jackson's key serializers: a Long or Double key is its text
    ({1: "a", 2.5: "b"}, "{'1':\"a\",'2.5':\"b\"}"),
    # Jackson's MapEntrySerializer: an entry is a one-field object
    (Entry("k", [1, None]), "{k:[1,null]}"),
]


@pytest.mark.parametrize(("value", "expected"), DUMP)
def test_dump(value: object, expected: str) -> None:
    assert dump(value) == expected


def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


DUMP_ERRORS = [
    # Jackson's StreamWriteConstraints: a nesting depth of at most 1000
    (
        _nested(1001),
        "Document nesting depth (1001) exceeds the maximum allowed (1000, from "
        "`StreamWriteConstraints.getMaxNestingDepth()`)",
    ),
    ({None: 1}, "Null key for a Map not allowed in JSON (use a converting NullKeySerializer?)"),
    # _Private_IonTextAppender.printCodePoints: unpaired surrogates (indexes in UTF-16 units)
    ("a\ud800b", "text is invalid UTF-16. It contains an unmatched leading surrogate 0xd800 at index 1"),
    ("😀\udc00", "text is invalid UTF-16. It contains an unmatched trailing surrogate 0xdc00 at index 2"),
]


@pytest.mark.parametrize(("value", "message"), DUMP_ERRORS)
def test_dump_errors(value: object, message: str) -> None:
    with pytest.raises(IonError) as error:
        dump(value)
    assert error.value.message == message


def test_dump_nesting_limit_is_inclusive() -> None:
    assert dump(_nested(1000)) == "[" * 1000 + "]" * 1000


LOAD = [
    # FromIonFunctionTest.ionDecodeFunction and multiLine; FileSerdeTest.readAll_*
    ('{date:2024-04-21T23:00:00.000Z, title:"Main_Page",views:109787}', False,
     {"date": "2024-04-21T23:00:00Z", "title": "Main_Page", "views": 109787}),
    ('{id:0,name:"john"}\n{id:1,name:"john"}\n', True, [{"id": 0, "name": "john"}, {"id": 1, "name": "john"}]),
    ('{id:0,name:"john"}\n{id:1,name:"john"}\n', False, {"id": 0, "name": "john"}),
    ("", False, None),
    ("", True, []),
    (" // nothing\n/* at all */ ", True, []),
    # FileSerdeTest.ion: what FileSerde.write makes of each Java value, read back
    ('{key:"hello"}', False, {"key": "hello"}),
    ("{key:1e0}", False, {"key": 1.0}),
    ("{key:2008-12-25}", False, {"key": "2008-12-25"}),
    ("{key:2008-12-25T15:30:00.123Z}", False, {"key": "2008-12-25T15:30:00.123Z"}),
    ('{key:LocalDateTime::"2008-12-25T15:30:00.123"}', False, {"key": "2008-12-25T15:30:00.123"}),
    ('{key:ZonedDateTime::"2008-12-25T15:30:00.123+01:00"}', False, {"key": "2008-12-25T14:30:00.123Z"}),
    ('{key:OffsetDateTime::"2008-12-25T15:30:00.123+01:00"}', False, {"key": "2008-12-25T14:30:00.123Z"}),
    ('{key:LocalTime::"15:30:00.123456"}', False, {"key": "15:30:00.123456"}),
    ('{key:[1.1e0,2.2e0,3.3e0]}', False, {"key": [1.1, 2.2, 3.3]}),
    # JacksonMapperTest.ion: the Pojo as the Ion mapper writes it
    ('{string:"te\\n\\nst",instant:2013-09-08T16:19:12.000Z,zonedDateTime:ZonedDateTime::"2013-09-08T16:19:12+03:00",'
     "nullable:null}", False,
     {"string": "te\n\nst", "instant": "2013-09-08T16:19:12Z", "zonedDateTime": "2013-09-08T13:19:12Z",
      "nullable": None}),
    # Ion spec, nulls and bools: every typed null is Java's null
    ("null null.null null.bool null.int null.float null.decimal null.timestamp null.string null.symbol null.blob "
     "null.clob null.list null.sexp null.struct", True, [None] * 14),
    ("true false [true,false]", True, [True, False, [True, False]]),
    # Ion spec, integers: signs, radixes, underscores; Integer, Long and BigInteger alike
    ("0 -0 123 -123 1_000_000 0x1F -0xff_ff 0b1010 -0B1", True, [0, 0, 123, -123, 1000000, 31, -65535, 10, -1]),
    ("9223372036854775808 -0x8000000000000001", True, [2**63, -(2**63) - 1]),
    # Ion spec, floats: Double; decimals: BigDecimal, here its doubleValue
    ("1e0 -1.5e3 1.5E-3 12e1 nan +inf -inf -0e0", True, [1.0, -1500.0, 0.0015, 120.0, math.nan, math.inf,
                                                        -math.inf, -0.0]),
    ("1.5 1.50 1d3 1.5d-2 -0.0 0d0 123456789012345678901234567890.5", True,
     [1.5, 1.5, 1000.0, 0.015, -0.0, 0.0, 1.2345678901234568e29]),
    # Ion spec, strings: escapes, and long strings concatenated across whitespace and comments
    ('"\\0\\a\\b\\t\\n\\f\\r\\v\\"\\\'\\?\\\\\\/"', False, "\0\a\b\t\n\f\r\v\"'?\\/"),
    ('"\\x41\\u00e9\\U0001F600\\uD83D\\uDE00"', False, "Aé😀😀"),
    ('"one \\\ntwo"', False, "one two"),
    ("'''a''' '''b''' /* c */ '''c''' // d\n '''d'''", False, "abcd"),
    ("'''line\r\nbreak''' '''\\'''' ", False, "line\nbreak'"),
    # Ion spec, symbols: quoted, identifiers, operators only in s-expressions, SIDs of the system table
    ("'a b' abc '' '$10' $4 $ion_1_0_x", True, ["a b", "abc", "", "$10", "name", "$ion_1_0_x"]),
    ("(+ 1 (- a) .. . 'x')", False, ["+", 1, ["-", "a"], "..", ".", "x"]),
    ("(a.b)", False, ["a", ".", "b"]),
    # Ion spec, blobs and clobs: byte[], which Kestra's JSON writer writes as base64
    ("{{aGVsbG8=}} {{ aGVs bG8= }} {{}} {{/w==}}", True, ["aGVsbG8=", "aGVsbG8=", "", "/w=="]),
    ('{{"hello"}} {{ "\\x00\\xff\\"" }}', True, ["aGVsbG8=", "AP8i"]),
    ("{{'''a''' '''b\nc'''}}", False, "YWIKYw=="),
    # Ion spec, containers: a repeated field keeps its place and takes the last value; trailing commas
    ("{a:1,b:2,a:3}", False, {"a": 3, "b": 2}),
    ("[1,[2,[3]],] {'x y':1,\"s\":2,'''t''':3,}", True, [[1, [2, [3]]], {"x y": 1, "s": 2, "t": 3}]),
    ("( ) [ ] { }", True, [[], [], {}]),
    # Timestamp.calendarValue and Kestra's IonParser: LocalDate at a UTC midnight, else Instant; a
    # ZonedDateTime for any other offset, shown in the mapper's time zone
    ("2007T 2007-02T 2007-02-23 2007-02-23T", True, ["2007-01-01", "2007-02-01", "2007-02-23", "2007-02-23"]),
    ("2007-02-23T00:00Z 2007-02-23T00:00+00:00 2007-02-23T00:00-00:00", True, ["2007-02-23"] * 3),
    ("2007-02-23T12:14Z 2007-02-23T12:14:33-00:00", True, ["2007-02-23T12:14:00Z", "2007-02-23T12:14:33Z"]),
    ("2007-02-23T12:14:33.079-08:00", False, "2007-02-23T20:14:33.079Z"),
    ("2007-02-23T12:14:33.1239Z 2007-02-23T12:14:33.5Z", True,
     ["2007-02-23T12:14:33.123Z", "2007-02-23T12:14:33.500Z"]),
    ("2007-02-23T20:00-05:00", False, "2007-02-24T01:00:00Z"),
    # java.util.Date's Julian calendar before 1582-10-15, which Instant then shows as proleptic Gregorian
    ("1000-01-01T 0001-01-01T00:00Z 1582-10-04 1582-10-15", True,
     ["1000-01-06", "0000-12-30", "1582-10-14", "1582-10-15"]),
    # Kestra's IonModule: the first annotation names the java.time class of the string
    ('Instant::"2008-12-25T15:30:00Z" LocalDate::"2008-12-25" OffsetTime::"15:30:00+01:00" LocalTime::"15:30"', True,
     ["2008-12-25T15:30:00Z", "2008-12-25", "15:30+01:00", "15:30:00"]),
    ('ZonedDateTime::"2013-09-08T16:19:00+02:00[Europe/Paris]" ZonedDateTime::\'2013-09-08T16:19Z[UTC]\'', True,
     ["2013-09-08T14:19:00Z", "2013-09-08T16:19:00Z"]),
    ('LocalDateTime::"2008-12-25T15:30" Instant::"2008-12-25T15:30:00.000001Z"', True,
     ["2008-12-25T15:30:00", "2008-12-25T15:30:00.000001Z"]),
    # Any other annotation: an annotated timestamp or lob is still one; anything else an IonValue, whose
    # toString (ASCII, as IonValueLite writes it) we give
    ("a::2008-12-25T15:30Z b::{{aGk=}}", True, ["2008-12-25T15:30:00Z", "aGk="]),
    ('a::{x:1, y:[1.50, sym, "é", (a + b), \'+\', 2024T, {{aGk=}}]}', False,
     "a::{x:1,y:[1.50,sym,\"\\xe9\",(a + b),'+',2024T,{{aGk=}}]}"),
    ("a::b::1 'x y'::null a::null.int a::$0 a::'null' a::1d3 a::-0.0", True,
     ["a::b::1", "'x y'::null", "a::null.int", "a::$0", "a::'null'", "a::1d3", "a::-0.0"]),
    ('{k: tag::"\\u2028😀"}', False, {"k": 'tag::"\\u2028\\U0001f600"'}),
    ("a::{x:1, y:2, x:3}", False, "a::{x:1,y:2,x:3}"),
    # IonReaderTextUserX: local symbol tables, appended ones, imports without a catalog, version markers
    ('$ion_symbol_table::{symbols:["a","b"]} $10 {$11: $4}', True, ["a", {"b": "name"}]),
    ('$ion_symbol_table::{symbols:["a"]} $ion_symbol_table::{imports:$ion_symbol_table, symbols:["b"]} $11', True,
     ["b"]),
    ('$ion_symbol_table::{symbols:["a", "c"]} $11 $ion_1_0 $4', True, ["c", "name"]),
    ('$ion_symbol_table::{imports:[{name:"shared", max_id:2}], symbols:["x"]} $12', True, ["x"]),
    ("$ion_1_0 1 $2 2", True, [1, 2]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "all_rows", "expected"), LOAD)
def test_load(text: str, all_rows: bool, expected: object) -> None:
    assert _same(load(text, all_rows), expected)


def _same(got: object, want: object) -> bool:
    """Equality that tells -0.0 from 0.0, a float from an int, and holds for NaN."""
    if isinstance(want, float):
        return isinstance(got, float) and ((math.isnan(got) and math.isnan(want)) or repr(got) == repr(want))
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(map(_same, got, want))
    if isinstance(want, dict):
        return isinstance(got, dict) and list(got) == list(want) and all(_same(got[k], v) for k, v in want.items())
    return type(got) is type(want) and got == want


def test_load_time_zone() -> None:
    # The JSON writer moves ZonedDateTimes (not Instants) to the mapper's time zone, Kestra's default.
    text = '2024-04-21T23:00+02:00 ZonedDateTime::"2024-01-15T12:00Z[UTC]" 2024-04-21T21:00Z'
    got = load(text, True, time_zone="Europe/Paris")
    assert got == ["2024-04-21T23:00:00+02:00", "2024-01-15T13:00:00+01:00", "2024-04-21T21:00:00Z"]


def _content(message: str) -> str:
    """The prefix Jackson's IonParser puts on the errors of ``next()`` and of text values."""
    return f"Corrupt content to decode; underlying `IonReader` problem: {message}"


# The messages are amazon.ion's (its pure-Python text reader), positions counting characters from 1.
# Cases dropped with ion-java's reader, for the record of where ion-java differs:
# - a form feed where a token starts (``\f1``) is ion-java's "bad character [12, "\f"]"; the Ion spec
#   and amazon.ion count it as whitespace;
# - a decimal exponent beyond an int (``1d12345678901``) is ion-java's "Too many nonzero exponent
#   digits."; amazon.ion reads it, and its doubleValue is inf;
# - a local symbol table with two ``symbols`` fields is ion-java's "Multiple symbols fields found
#   within a single local symbol table."; amazon.ion reads it;
# - a timestamp whose instant falls before year 1 (``0001-01-01T00:00+00:01``) is ion-java's "year is
#   less than 1"; amazon.ion reads it;
# - ion-java gives a non-string entry of a local table's ``symbols`` a SID without text, so in
#   ``$ion_symbol_table::{symbols:["a", 1, "c"]}`` ``$12`` is "c"; amazon.ion skips the entry, so
#   ``$12`` is out of range;
# - ion-java names lines and offsets and its exception class, and Kestra wraps number errors as
#   "Corrupt Number value to decode" and passes timestamp and lob errors raw; amazon.ion finds them
#   all while scanning, so they are content errors, but for a timestamp's fields out of range.
LOAD_ERRORS = [
    # FromIonFunctionTest.exception
    ("{not: ion", _content("Illegal character EOF at position 10 in STRUCT value contained in STRUCT. Unexpected "
                           "EOF.")),
    # Syntax: delimiters, field names, annotations, operators
    ("{a:1 b:2}", _content("Illegal character 'b' at position 6 in unknown value contained in STRUCT. Delimiter , not "
                           "found after value.")),
    ("[,]", _content("Illegal character ',' at position 2 in unknown value contained in LIST. Encountered delimiter , "
                     "without preceding value.")),
    ("{\n  a: 1,\n  b: }", _content("Illegal character '}' at position 16 in unknown value contained in STRUCT. "
                                    "Dangling field name (SymbolToken(text='b', sid=None, location=None)) and/or "
                                    "annotation(s) (None) at end of container.")),
    ("{a 1}", _content("Illegal character '1' at position 4 in unknown value contained in STRUCT. Illegal character "
                       "after field name CodePointArray(text=a).")),
    ("{null:1}", _content("Illegal character ':' at position 6 in SYMBOL value contained in STRUCT. null keyword as "
                          "field name not allowed.")),
    ("true::1", _content("Illegal character ':' at position 5 in SYMBOL value contained in top-level.")),
    ("+", _content("Illegal character EOF at position 2 in FLOAT value contained in top-level. Illegal character "
                   "following +.")),
    ("a::", _content("Illegal character EOF at position 4 in unknown value contained in top-level. Unexpected EOF.")),
    ("{a:1]", _content("Illegal character ']' at position 5 in unknown value contained in STRUCT. Delimiter , not "
                       "found after value.")),
    ("[1)", _content("Illegal character ')' at position 3 in unknown value contained in LIST. Delimiter , not found "
                     "after value.")),
    # A container the text ends in, which amazon.ion's reader lets pass when its last item is a scalar
    ("[1,2", _content("Unexpected EOF at position 5 in unclosed LIST value.")),
    ("{a:1", _content("Unexpected EOF at position 5 in unclosed STRUCT value.")),
    ("a::(a b", _content("Unexpected EOF at position 8 in unclosed SEXP value.")),
    ("[1,", _content("Illegal character EOF at position 4 in LIST value contained in LIST. Unexpected EOF.")),
    # Characters, escapes, numbers, typed nulls (the character quoted, as it may be a control)
    ("/* x", _content("Illegal character EOF at position 5 in unknown value contained in top-level. Unexpected EOF.")),
    ("😀", _content("Illegal character '😀' at position 1 in unknown value contained in top-level.")),
    ("\ud800", _content("Illegal character '\\ud800' at position 1 in unknown value contained in top-level.")),
    ('"abc', _content("Illegal character EOF at position 5 in STRING value contained in top-level. Unexpected EOF.")),
    ('"a\\qb"', _content("Illegal character 'q' at position 4 in STRING value contained in top-level. Invalid escape "
                         "sequence \\q.")),
    ('"a\nb"', _content("Illegal character '\\n' at position 3 in STRING value contained in top-level. Character out "
                        "of range [32, 1114111] for this type.")),
    ("'a\nb'", _content("Illegal character '\\n' at position 3 in unknown value contained in top-level. Character out "
                        "of range [32, 1114111] for this type.")),
    ('"\\ug000"', _content("Illegal character 'g' at position 4 in STRING value contained in top-level. Non-hex "
                           "character g found in unicode escape.")),
    ('"\\uD800x"', _content("Illegal character 'x' at position 8 in STRING value contained in top-level. Unpaired "
                            "high surrogate escape sequence b'\\\\uD800'.")),
    ('"\\uDC00"', _content("Unpaired low surrogate in Unicode sequence: 56320")),
    ('"\ud800"', _content("Unpaired high surrogate: 55296")),
    ('"\\U00110000"', _content("invalid escape in a string: illegal Unicode character")),
    ("123abc", _content("Illegal character 'a' at position 4 in INT value contained in top-level.")),
    ("007", _content("Illegal character EOF at position 4 in TIMESTAMP value contained in top-level.")),
    ("1__2", _content("Illegal character '_' at position 3 in INT value contained in top-level. Underscore after _.")),
    ("-2024-01-01", _content("Illegal character '-' at position 6 in INT value contained in top-level.")),
    ("null.foo", _content("Illegal character 'o' at position 7 in SYMBOL value contained in top-level. Illegal null "
                          "type.")),
    ("null.in]", _content("Illegal character ']' at position 8 in SYMBOL value contained in top-level. Illegal null "
                          "type.")),
    ("0x", _content("Illegal character EOF at position 3 in INT value contained in top-level. x at end of number.")),
    ("0x_1", _content("Illegal character '_' at position 3 in INT value contained in top-level. Underscore after x.")),
    ("1e", _content("Illegal character EOF at position 3 in FLOAT value contained in top-level. e at end of number.")),
    ("1d", _content("Illegal character EOF at position 3 in DECIMAL value contained in top-level. d at end of "
                    "number.")),
    # Lobs
    ("{{a=}}", _content("Illegal character '}' at position 6 in unknown value contained in top-level. Incorrect "
                        "number of pad characters (1) for a blob of 1 base-64 digits.")),
    ("{{=}}", _content("Illegal character '}' at position 5 in unknown value contained in top-level. Incorrect number "
                       "of pad characters (1) for a blob of 0 base-64 digits.")),
    ("{{a*bc}}", _content("Illegal character '*' at position 4 in BLOB value contained in top-level.")),
    ("{{aGk=}", _content("Illegal character EOF at position 8 in unknown value contained in top-level. Unexpected "
                         "EOF.")),
    ("{{aGk=} }", _content("Illegal character ' ' at position 8 in BLOB value contained in top-level. Expected }.")),
    ('{{"a"} }', _content("Illegal character ' ' at position 7 in CLOB value contained in top-level. Expected }.")),
    ("{{'''a''' /**/ '''b'''}}", _content("Illegal character '/' at position 11 in CLOB value contained in "
                                          "top-level.")),
    ('{{"é"}}', _content("Illegal character 'é' at position 4 in CLOB value contained in top-level. Character out of "
                         "range [32, 127] for this type.")),
    ('{{"\\u0041"}}', _content("Illegal character 'u' at position 5 in CLOB value contained in top-level. Invalid "
                               "escape sequence \\u.")),
    # Symbols without text (ion-java's UnknownSymbolException) and versions amazon.ion does not know
    ("$99", _content("Out of range SID: 99")),
    ("[$0]", _content("symbol $0 has no known text")),
    ("{$99:1}", _content("Out of range SID: 99")),
    ("{a:1,$0:2}", _content("symbol $0 has no known text")),
    ('$ion_symbol_table::{imports:[{name:"shared", max_id:2}]} [$10]', _content("symbol $10 has no known text")),
    ('$ion_symbol_table::{imports:[{name:"shared"}]}', _content("Found no table for shared, but no max_id")),
    ("$ion_2_0", _content("Illegal token at position 9 in SYMBOL value contained in top-level. Illegal IVM: "
                          "$ion_2_0.")),
    ("$99::1", _content("Out of range SID: 99")),
    # Timestamps: the syntax while scanning, the fields' ranges (Python's datetime) on reading the value
    ("2024-01-01T00:00", _content("Illegal character EOF at position 17 in TIMESTAMP value contained in top-level. "
                                  "Expected ['Z', '+', '-', ':'] in state <_TimestampState.MINUTE: 4>.")),
    ("2024-01-01T00:00:00.Z", _content("Illegal character 'Z' at position 21 in TIMESTAMP value contained in "
                                       "top-level. Expected ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] in "
                                       "state <_TimestampState.SECOND: 5>.")),
    ("2024-02-30", "Invalid timestamp: day is out of range for month"),
    ("2024-01-01T25:00Z", "Invalid timestamp: hour must be in 0..23"),
    ("2024-01-01T00:00+24:00", "Invalid timestamp: Hour offset 24 is out of required range -23..23."),
    # Kestra's IonParser and java.time on annotated values, which Kestra does not wrap
    ("a::null.timestamp", 'Cannot invoke "com.amazon.ion.Timestamp.calendarValue()" because "timestamp" is null'),
    ('Instant::"x"', "Text 'x' could not be parsed at index 0"),
    ('LocalDate::"2024-02-30"', "Text '2024-02-30' could not be parsed: Invalid date 'FEBRUARY 30'"),
    ("Instant::1", "Unexpected value type: INT"),
    ("Instant::[]", "Unexpected value type: LIST"),
    ("Instant::null.string", "text"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "message"), LOAD_ERRORS)
def test_load_errors(text: str, message: str) -> None:
    with pytest.raises(IonError) as error:
        load(text, True)
    assert error.value.message == message


def test_load_stops_at_the_first_value() -> None:
    # Kestra keeps reading after the first value but drops what fails there (FluxCreate after take(1)).
    assert load("1 }", False) == 1
    with pytest.raises(IonError):
        load("1 }", True)


@pytest.mark.parametrize("text", [row[0] for row in LOAD[:3]] + ['a::{x:[1.5, b::{{aGk=}}, "x"]} 2024T $ion_1_0'])
def test_load_fails_only_with_ion_errors(text: str) -> None:
    # Every prefix of a valid text is read or refused as Ion, whatever the library raises inside.
    for end in range(len(text)):
        with contextlib.suppress(IonError):
            load(text[:end], True)


LIMITS = [
    # flowls' own bounds: input size, nesting, ints CPython cannot print
    ("1" * 100_001, "Ion text of more than 100000 characters"),
    ("[" * 201 + "]" * 201, "Ion nesting deeper than 200 levels"),
    ("a::" + "[" * 201 + "]" * 201, "Ion nesting deeper than 200 levels"),
    ("1" * 4301, "Ion int of more than 4300 digits"),
    ("0x" + "f" * 4000, "Ion int of more than 4300 digits"),
]


@pytest.mark.parametrize(("text", "message"), LIMITS)
def test_load_limits(text: str, message: str) -> None:
    with pytest.raises(IonError) as error:
        load(text, True)
    assert error.value.message == message


def test_load_depth_is_configurable() -> None:
    assert load("[[[1]]]", False, max_depth=3) == [[[1]]]
    with pytest.raises(IonError):
        load("[[[1]]]", False, max_depth=2)


def test_round_trip() -> None:
    # FileSerdeTest.writeAll_fromReadAll: what toIon writes, fromIon reads back
    value = {"s": "é\n'\"", "n": [1, -2.5, None, True], "m": {"null": {}, "$1": [], "a b": 2**64}}
    assert load(dump(value), False) == value
