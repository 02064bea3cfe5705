"""Kestra's formatting and serialising filters and functions rendered as Kestra 1.x renders them:
``numberFormat`` (Pebble's ``numberformat``, renamed by Kestra's ExtensionCustomizer), ``className``,
the ``yaml`` filter and function and the Ion ones. Each row cites the Kestra or Pebble test (or class)
it mirrors; the machinery behind them has its own tests (test_decimal_format.py, test_jackson_yaml.py,
test_ion.py)."""

from __future__ import annotations

import pytest

from flowls.pebble.evaluate import RenderError, render

YAML_DOCUMENT = """\
# comment
string: string
int: 123
bool: true
float: 1.23
instant: "1918-02-24T00:00:00Z"
'null':
object:
  key: "value"
  child:
    key: "value"
array:
  - string
reference: &ref
    key: reference
default: *ref
"""
SECOND = {"string": "string", "int": 1, "float": 1.123, "list": ["string", 1, 1.123], "bool": True}
ROWS_OF_ION = '{id:0,name:"john"}\n{id:1,name:"john"}\n'  # what FileSerde.write puts in a storage file
CONTEXT = {"yaml": YAML_DOCUMENT, "second": SECOND, "big": 12345678901234567890, "rows": ROWS_OF_ION}


def _row(template: str, expected: str | tuple[str, str], source: str) -> tuple:
    return pytest.param(template, expected, id=source)


ROWS = [
    # pebble CoreFiltersTest.testNumberFormatFilter / NumberFormatFilter (en_US)
    _row('{{ 3.141592653 | numberFormat("#.##") }}', "3.14", "pebble numberformat pattern"),
    _row("{{ 1234567.891 | numberFormat }}", "1,234,567.891", "pebble numberformat default"),
    _row("{{ 0.5 | numberFormat('0%') }}", "50%", "DecimalFormat percent"),
    _row("{{ 2.5 | numberFormat('0') }} {{ 3.5 | numberFormat('0') }}", "2 4", "DecimalFormat HALF_EVEN"),
    _row("{{ -1234.5 | numberFormat('#,##0.00;(#,##0.00)') }}", "(1,234.50)", "DecimalFormat negative pattern"),
    _row("{{ null | numberFormat('0') }}", "", "pebble numberformat null"),
    _row("{{ 'x' | numberFormat }}", ("render", "The input for the 'NumberFormat' filter has to be a number."),
         "pebble numberformat not a number"),
    _row("{{ 1 | numberFormat('#.#.#') }}", ("render", 'Multiple decimal separators in pattern "#.#.#"'),
         "DecimalFormat.applyPattern"),
    # kestra JqFilterTest.typed / NumberFilterTest: className (our whole numbers are Longs)
    _row("{{ 'a' | className }} {{ 1 | className }} {{ 1.5 | className }} {{ true | className }}",
         "java.lang.String java.lang.Long java.lang.Double java.lang.Boolean", "kestra ClassNameFilter"),
    _row("{{ big | className }}|{{ null | className }}", "java.math.BigInteger|", "kestra ClassNameFilter (null)"),
    # kestra YamlFilterTest.map
    _row("{{ second.string | yaml }}", "string\n", "kestra YamlFilterTest string"),
    _row("{{ second.int | yaml }}", "1\n", "kestra YamlFilterTest int"),
    _row("{{ second.float | yaml }}", "1.123\n", "kestra YamlFilterTest float"),
    _row("{{ second.list | yaml }}", " - string\n - 1\n - 1.123\n", "kestra YamlFilterTest list"),
    _row("{{ second.bool | yaml }}", "true\n", "kestra YamlFilterTest bool"),
    _row("{{ second | yaml }}", "string: string\nint: 1\nfloat: 1.123\nlist:\n - string\n - 1\n - 1.123\nbool: true\n",
         "kestra YamlFilterTest map"),
    _row("{{ null | yaml }}", "null", "kestra YamlFilter null"),
    # MINIMIZE_QUOTES: a number-like string stays plain
    _row("{{ ['yes', '1', 'a: b', ''] | yaml }}", ' - "yes"\n - 1\n - "a: b"\n - ""\n', "jackson MINIMIZE_QUOTES"),
    # kestra YamlFunctionTest.fromString
    _row("{{ yaml(yaml).string }}", "string", "kestra YamlFunctionTest string"),
    _row("{{ yaml(yaml).int + 1 }}", "124", "kestra YamlFunctionTest int"),
    _row("{{ yaml(yaml).bool }}", "true", "kestra YamlFunctionTest bool"),
    _row("{{ yaml(yaml).float }}", "1.23", "kestra YamlFunctionTest float"),
    _row("{{ yaml(yaml).instant }}", "1918-02-24T00:00:00Z", "kestra YamlFunctionTest instant"),
    _row("{{ yaml(yaml).object.child.key }}", "value", "kestra YamlFunctionTest object"),
    _row("{{ yaml(yaml).array[0] }}", "string", "kestra YamlFunctionTest array"),
    _row("{{ yaml(yaml).default }}", "ref", "kestra YamlFunctionTest (Jackson leaves aliases unresolved)"),
    _row("{{ yaml('[yes, y, 017, 0x1F, 1e3]') }}", '[true,"y",15,31,1000.0]', "jackson YAMLParser scalar types"),
    _row("{{ yaml(1) }}", ("render", "The 'yaml' function expects an argument 'yaml' with type string."),
         "kestra YamlFunction (not a string)"),
    _row("{{ yaml() }}", ("render", "The 'yaml' function expects an argument 'yaml'."), "kestra YamlFunction (none)"),
    # kestra ToIonFilterTest.toIonFilter (its float is a Java Float: ours are doubles)
    _row("{{ second.string | toIon }}", '"string"', "kestra ToIonFilterTest string"),
    _row("{{ second.int | toIon }}", "1", "kestra ToIonFilterTest int"),
    _row("{{ second.float | toIon }}", "1.123e0", "kestra ToIonFilterTest float"),
    _row("{{ second.list | toIon }}", '["string",1,1.123e0]', "kestra ToIonFilterTest list"),
    _row("{{ second.bool | toIon }}", "true", "kestra ToIonFilterTest bool"),
    _row("{{ second | toIon }}", '{string:"string",int:1,float:1.123e0,list:["string",1,1.123e0],bool:true}',
         "kestra ToIonFilterTest map"),
    _row('{{ {"empty_object":{}} | toIon }}', "{empty_object:{}}", "kestra ToIonFilterTest empty object"),
    _row("{{ null | toIon }}", "null", "kestra ToIonFilterTest null"),
    # kestra FromIonFunctionTest.ionDecodeFunction, multiLine
    _row("{{ fromIon('{date:2024-04-21T23:00:00.000Z, title:\"Main_Page\",views:109787}').title }}", "Main_Page",
         "kestra FromIonFunctionTest title"),
    _row("{{ fromIon(null) }}", "", "kestra FromIonFunctionTest null"),
    _row("{{ fromIon(rows, allRows=true) }}",
         '[{"id":0,"name":"john"},{"id":1,"name":"john"}]', "kestra FromIonFunctionTest.multiLine (allRows)"),
    _row("{{ fromIon(rows) }}", '{"id":0,"name":"john"}', "kestra FromIonFunctionTest.multiLine (first row)"),
    _row("{{ fromIon() }}", ("render", "The 'fromIon' function expects an argument 'ion'."),
         "kestra FromIonFunctionTest.exception"),
    _row("{{ fromIon(1) }}", ("render", "The 'fromIon' function expects an argument 'ion' with type string."),
         "kestra FromIonFunction (not a string)"),
]  # fmt: skip


@pytest.mark.parametrize(("template", "expected"), ROWS)
def test_render_formats(template: str, expected: str | tuple[str, str]) -> None:
    if isinstance(expected, str):
        assert render(template, CONTEXT) == expected
    else:
        with pytest.raises(RenderError) as raised:
            render(template, CONTEXT)
        assert (raised.value.kind, raised.value.message) == expected


def test_invalid_ion_is_a_render_error() -> None:
    # kestra FromIonFunctionTest.exception: "Invalid ion: " + the reader's message
    with pytest.raises(RenderError) as raised:
        render("{{ fromIon('{not: ion') }}", {})
    assert raised.value.message.startswith("Invalid ion: ")


def test_invalid_yaml_gives_jackson_s_message() -> None:
    # kestra YamlFunction: "Invalid yaml: " + the JacksonYAMLParseException's message
    with pytest.raises(RenderError) as raised:
        render("{{ yaml('a: [') }}", {})
    assert raised.value.message.startswith("Invalid yaml: while parsing a flow node")
    assert raised.value.message.endswith("at [Source: (StringReader); line: 1, column: 5]")
