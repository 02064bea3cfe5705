"""The Pebble lexer: token kinds, values and exact offsets, as Pebble 4.1.1's LexerImpl reads them."""

from __future__ import annotations

import pytest

from flowls.pebble import KESTRA_1, KESTRA_2, PebbleError
from flowls.pebble import lexer as lx
from flowls.pebble.lexer import tokenize


def tokens(text: str) -> list[tuple[str, object, int, int]]:
    found, _, _ = tokenize(text, KESTRA_1)
    return [(token.kind, token.value, token.start, token.end) for token in found]


def inner(text: str) -> list[tuple[str, object]]:
    """Kinds and values of the tokens inside one ``{{ }}``."""
    found = tokens(text)
    assert found[0][0] == lx.PRINT_START and found[-2][0] == lx.PRINT_END and found[-1][0] == lx.EOF
    return [(kind, value) for kind, value, _, _ in found[1:-2]]


def test_a_print_tag_with_offsets() -> None:
    assert tokens("a {{ inputs.x }} b") == [
        (lx.TEXT, "a ", 0, 2),
        (lx.PRINT_START, None, 2, 4),
        (lx.NAME, "inputs", 5, 11),
        (lx.PUNCT, ".", 11, 12),
        (lx.NAME, "x", 12, 13),
        (lx.PRINT_END, False, 14, 16),
        (lx.TEXT, " b", 16, 18),
        (lx.EOF, None, 18, 18),
    ]


def test_operators_match_longest_first() -> None:
    assert inner("{{ a ??? b ?? c ? d : e }}") == [
        (lx.NAME, "a"),
        (lx.OP, "???"),
        (lx.NAME, "b"),
        (lx.OP, "??"),
        (lx.NAME, "c"),
        (lx.PUNCT, "?"),
        (lx.NAME, "d"),
        (lx.PUNCT, ":"),
        (lx.NAME, "e"),
    ]
    assert [value for _, value in inner("{{ a == b != c <= d >= e < f > g .. h | i ~ j = k }}")][1::2] == [
        "==", "!=", "<=", ">=", "<", ">", "..", "|", "~", "=",
    ]  # fmt: skip


def test_word_operators_need_a_non_word_character_after_them() -> None:
    assert inner("{{ organization or notify and isInside isIn x }}") == [
        (lx.NAME, "organization"),
        (lx.OP, "or"),
        (lx.NAME, "notify"),
        (lx.OP, "and"),
        (lx.NAME, "isInside"),
        (lx.OP, "isIn"),
        (lx.NAME, "x"),
    ]
    assert inner("{{ contains_x equals1 is_set }}") == [
        (lx.NAME, "contains_x"),
        (lx.NAME, "equals1"),
        (lx.NAME, "is_set"),
    ]


def test_is_not_is_one_operator_only_with_a_single_space() -> None:
    assert inner("{{ a is not b }}")[1] == (lx.OP, "is not")
    assert inner("{{ a is  not b }}")[1:3] == [(lx.OP, "is"), (lx.OP, "not")]


def test_numbers() -> None:
    assert inner("{{ 1 2.5 10L 0..3 1.x }}") == [
        (lx.NUMBER, 1),
        (lx.NUMBER, 2.5),
        (lx.NUMBER, 10),
        (lx.NUMBER, 0),
        (lx.OP, ".."),
        (lx.NUMBER, 3),
        (lx.NUMBER, 1),
        (lx.PUNCT, "."),
        (lx.NAME, "x"),
    ]
    assert inner("{{ -1 }}") == [(lx.OP, "-"), (lx.NUMBER, 1)]


def test_unicode_names() -> None:
    assert inner("{{ über_1 }}") == [(lx.NAME, "über_1")]


def test_strings() -> None:
    assert tokens(r"{{ 'it\'s' }}")[1] == (lx.STRING, "it's", 3, 10)
    assert tokens(r'{{ "a \"b\"" }}')[1] == (lx.STRING, 'a "b"', 3, 12)
    assert tokens("{{ '}}' }}")[1:3] == [(lx.STRING, "}}", 3, 7), (lx.PRINT_END, False, 8, 10)]
    # A '#' sends a double-quoted string through the interpolation path (the parser makes it a Literal).
    assert tokens('{{ "a#b" }}')[1:4] == [
        (lx.STR_OPEN, None, 3, 4),
        (lx.STRING, "a#b", 4, 7),
        (lx.STR_CLOSE, None, 7, 8),
    ]


def test_interpolated_strings() -> None:
    assert tokens('{{ "a #{ b } c" }}')[1:8] == [
        (lx.STR_OPEN, None, 3, 4),
        (lx.STRING, "a ", 4, 6),
        (lx.INTERP_START, None, 6, 8),
        (lx.NAME, "b", 9, 10),
        (lx.INTERP_END, None, 11, 12),
        (lx.STRING, " c", 12, 14),
        (lx.STR_CLOSE, None, 14, 15),
    ]
    # A map inside an interpolation: its '}' closes the map, the next one the interpolation.
    assert [kind for kind, *_ in tokens("{{ \"#{ {'k': 1} }\" }}")[1:-2]] == [
        lx.STR_OPEN, lx.INTERP_START, lx.PUNCT, lx.STRING, lx.PUNCT, lx.NUMBER, lx.PUNCT, lx.INTERP_END, lx.STR_CLOSE,
    ]  # fmt: skip
    # Parts of an interpolated string are kept as written.
    assert tokens(r'{{ "a\"#{x}" }}')[2] == (lx.STRING, r"a\"", 4, 7)


def test_closing_delimiter_inside_brackets_belongs_to_the_map() -> None:
    kinds = [kind for kind, *_ in tokens("{{ {'a': {'b': 1}}}}")]
    assert kinds[-3:] == [lx.PUNCT, lx.PRINT_END, lx.EOF]
    assert tokens("{{ {'a': {'b': 1}}}}")[-2] == (lx.PRINT_END, False, 18, 20)


def test_a_missing_bracket_ends_at_the_closing_delimiter() -> None:
    assert tokens("{{ a[0 }} x")[-3:] == [(lx.PRINT_END, False, 7, 9), (lx.TEXT, " x", 9, 11), (lx.EOF, None, 11, 11)]
    assert tokens("{% if (a %}x")[-3:] == [
        (lx.EXECUTE_END, False, 9, 11),
        (lx.TEXT, "x", 11, 12),
        (lx.EOF, None, 12, 12),
    ]


@pytest.mark.parametrize(
    ("text", "texts"),
    [
        ("a  {{- x }}  b", ["a", "  b"]),
        ("a  {{ x -}}  b", ["a  ", "b"]),
        ("a  {{ x - }}  b", ["a  ", "  b"]),
        (" \n {%- if x -%} \n ", []),
        ("a {#- c -#} b", ["a", "b"]),
        ("a {#- c#} b", ["a", " b"]),
    ],
)
def test_whitespace_control(text: str, texts: list[str]) -> None:
    assert [value for kind, value, *_ in tokens(text) if kind == lx.TEXT] == texts


def test_trimming_dash_is_part_of_the_closing_token() -> None:
    assert tokens("{{ a -}}")[2] == (lx.PRINT_END, True, 5, 8)
    assert tokens("{{ a-}}")[2] == (lx.PRINT_END, True, 4, 7)


def test_dash_right_after_an_opening_delimiter_trims_only_before_whitespace() -> None:
    assert inner("{{-x}}") == [(lx.OP, "-"), (lx.NAME, "x")]
    assert inner("{{- x}}") == [(lx.NAME, "x")]


def test_comments_verbatim_and_raw() -> None:
    assert tokens("{# a {{ b }} #}") == [(lx.COMMENT, " a {{ b }} ", 0, 15), (lx.EOF, None, 15, 15)]
    assert tokens("{% verbatim %} {{ a }} {% endverbatim %}")[0] == (lx.VERBATIM, "{{ a }} ", 0, 40)
    assert tokens("{%- verbatim %} x {%- endverbatim -%} y")[:2] == [(lx.VERBATIM, "x", 0, 37), (lx.TEXT, "y", 37, 39)]
    assert tokens("{% raw %} {{ a }} {% endraw %}")[0] == (lx.VERBATIM, " {{ a }} ", 0, 30)
    assert tokens("{%-raw-%}x{%--endraw%}")[0] == (lx.VERBATIM, "x", 0, 22)


def test_template_level_errors() -> None:
    _, errors, _ = tokenize("{# x", KESTRA_1)
    assert errors == [PebbleError(0, 2, "unclosed comment")]
    _, errors, _ = tokenize("{%  verbatim %}x", KESTRA_1)
    assert errors == [PebbleError(4, 12, "unclosed 'verbatim' tag")]


def test_unexpected_characters_and_unterminated_strings_are_error_tokens() -> None:
    assert inner("{{ a ! b }}") == [(lx.NAME, "a"), (lx.ERROR, "unexpected character '!'"), (lx.NAME, "b")]
    assert tokens("{{ 'abc }} x") == [
        (lx.PRINT_START, None, 0, 2),
        (lx.ERROR, "unterminated string", 3, 4),
        (lx.PRINT_END, False, 8, 10),
        (lx.TEXT, " x", 10, 12),
        (lx.EOF, None, 12, 12),
    ]
    # An unterminated double-quoted string drops what was read of it and resumes at the next '}}'.
    assert tokens('{{ "a #{ b } c -}} x')[1:4] == [
        (lx.ERROR, "unterminated string", 3, 4),
        (lx.PRINT_END, True, 15, 18),
        (lx.TEXT, "x", 18, 20),
    ]


def test_has_expression() -> None:
    assert tokenize("{ not a template }", KESTRA_1)[2] is False
    assert tokenize("a {# c #}", KESTRA_1)[2] is True
    assert tokenize("a {{ b", KESTRA_1)[2] is True


def test_dialects_share_the_operator_symbols() -> None:
    assert set(KESTRA_1.binary) == set(KESTRA_2.binary)
    assert tokenize("{{ a ?? b }}", KESTRA_2)[0][2].value == "??"
