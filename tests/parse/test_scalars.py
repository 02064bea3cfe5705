import io
import itertools
import random

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    PlainScalarString,
    SingleQuotedScalarString,
)

from flowls.parse.compose import compose
from flowls.parse.nodes import Mapping, Node, Scalar, Sequence
from flowls.parse.scalars import value_offsets

_BREAKS = "\r\n\x85\u2028\u2029"


def _scalars(node: Node | None):
    if isinstance(node, Scalar):
        yield node
    elif isinstance(node, Mapping):
        for key, value in node.pairs:
            yield from _scalars(key)
            yield from _scalars(value)
    elif isinstance(node, Sequence):
        for item in node.items:
            yield from _scalars(item)


def _find(doc: str, text: str) -> Scalar:
    """The first scalar of the document whose text is ``text``."""
    composed = compose(doc)
    assert composed.syntax_error is None, composed.syntax_error
    for document in composed.documents:
        for scalar in _scalars(document):
            if scalar.text == text:
                return scalar
    raise AssertionError(f"no scalar {text!r} in {doc!r}")


def _map(doc: str, text: str) -> list[int]:
    offsets = value_offsets(doc, _find(doc, text))
    assert offsets is not None
    assert len(offsets) == len(text) + 1
    return offsets


def _expression_ends(doc: str, text: str, offsets: list[int]) -> None:
    """The ``{{`` and ``}}`` of the value sit where the map says."""
    opening = text.index("{{")
    closing = text.rindex("}}") + 1
    assert doc[offsets[opening] : offsets[opening] + 2] == "{{"
    assert doc[offsets[closing] - 1 : offsets[closing] + 1] == "}}"


# (document, the scalar's text, its whole map)
EXACT = [
    # plain, one line: the fast path
    ("a: x {{ y }}\n", "x {{ y }}", list(range(3, 13))),
    # a document that is one scalar, from offset 0
    ("x {{ y }}", None, None),
    ("b{{y}}: 1\n", "b{{y}}", list(range(0, 7))),
    # properties before the scalar
    ("a: !!str &n x{{ y }}\n", "x{{ y }}", list(range(12, 21))),
    ("a: &n\n  # why\n  !!str\n  x\n", "x", [24, 25]),
    # plain, folded: a break between lines is a space, each empty line one \n
    ("k: one  \n  two\n\n\n   three\n", "one two\n\nthree", [3, 4, 5, 8, 11, 12, 13, 15, 16, 20, 21, 22, 23, 24, 25]),
    ("- x\n  \t y\n", "x y", [2, 3, 8, 9]),
    ("[a, b\n  c]", "b c", [4, 5, 8, 9]),
    # single-quoted
    ("a: 'it''s'\n", "it's", [4, 5, 6, 8, 9]),
    ("a: ' x\n\n  y '\n", " x\ny ", [4, 5, 7, 10, 11, 12]),
    ("a: ''\n", "", [4]),
    # double-quoted
    ('a: "x\\ny"\n', "x\ny", [4, 5, 7, 8]),
    ('a: "x\\\n   y"\n', "xy", [4, 10, 11]),
    ('a: "x \\\n\n  y"\n', "x \ny", [4, 5, 8, 11, 12]),
    ('a: "a\\ \n  b"\n', "a  b", [4, 5, 7, 10, 11]),
    ('a: "\n  x  \n\n  y  "', " x\ny  ", [4, 7, 11, 14, 15, 16, 17]),
    ('a: ""\n', "", [4]),
    # literal block
    ("a: |\n  x\n   y\n\n  z\n", "x\n y\n\nz\n", [7, 8, 11, 12, 13, 14, 17, 18, 19]),
    ("a: |-\n  x\n  y\n\n", "x\ny", [8, 9, 12, 13]),
    ("a: |+\n  x\n\n\nb: 1\n", "x\n\n\n", [8, 9, 10, 11, 12]),
    ("a: |\n  x", "x", [7, 8]),
    ("a: |\n\n  x\n", "\nx\n", [5, 8, 9, 10]),
    ("a: | # note {{ }}\n  x\n", "x\n", [20, 21, 22]),
    ("a: |2\n    x\n", "  x\n", [8, 9, 10, 11, 12]),
    ("a: |1-\n  x\n", " x", [8, 9, 10]),
    ("a: |+\n\n\n", "\n\n", [6, 7, 8]),
    ("a: |\nb: 1\n", "", [4]),
    # folded block: more-indented lines keep their breaks
    ("a: >\n  x\n  y\n\n  z\n   w\n  v\n", "x y\nz\n w\nv\n", [7, 8, 11, 13, 16, 17, 20, 21, 22, 25, 26, 27]),
    ("a: >-\n  x\n\n\n  y\n", "x\n\ny", [8, 10, 11, 14, 15]),
    # tabs are content
    ('a: "\tx\t"\n', "\tx\t", [4, 5, 6, 7]),
    ("a: |2\n  \tx\n", "\tx\n", [8, 9, 10, 11]),
    # non-ASCII counts code points
    ("é: 'ü😀\n  {{ x }}'\n", "ü😀 {{ x }}", [4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]),
    ('é: "😀\\u00e9\\U0001F600\\x41"\n', "😀é😀A", [4, 5, 11, 21, 25]),
    # keys and flow collections
    ('"{{ k }}": v\n', "{{ k }}", list(range(1, 9))),
    ("? |\n  {{ k }}\n: v\n", "{{ k }}\n", list(range(6, 15))),
    ('[a, "b {{ x }}", c]', "b {{ x }}", list(range(5, 15))),
    ("{k: '{{ v }}'}", "{{ v }}", list(range(5, 13))),
    ("{k: 'a\n  b'}", "a b", [5, 6, 9, 10]),
]


@pytest.mark.parametrize(("doc", "text", "expected"), EXACT)
def test_exact_maps(doc: str, text: str | None, expected: list[int] | None):
    if text is None:  # the whole document
        text, expected = doc, list(range(len(doc) + 1))
    assert _map(doc, text) == expected


ESCAPES = [
    ("\\0", "\0"),
    ("\\a", "\a"),
    ("\\b", "\b"),
    ("\\t", "\t"),
    ("\\\t", "\t"),
    ("\\n", "\n"),
    ("\\v", "\v"),
    ("\\f", "\f"),
    ("\\r", "\r"),
    ("\\e", "\x1b"),
    ("\\ ", " "),
    ('\\"', '"'),
    ("\\/", "/"),
    ("\\\\", "\\"),
    ("\\N", "\x85"),
    ("\\_", "\xa0"),
    ("\\L", "\u2028"),
    ("\\P", "\u2029"),
    ("\\x7e", "~"),
    ("\\u00E9", "é"),
    ("\\U0001f600", "😀"),
]


@pytest.mark.parametrize(("escape", "char"), ESCAPES)
def test_each_escape_maps_to_its_backslash(escape: str, char: str):
    doc = f'a: "{{{{{escape}}}}}"\n'
    offsets = _map(doc, "{{" + char + "}}")
    assert offsets == [4, 5, 6, 6 + len(escape), 7 + len(escape), 8 + len(escape)]
    assert doc[offsets[2]] == "\\"


def test_expression_inside_each_style():
    docs = [
        "t: run {{ inputs.x }} now\n",
        "t: 'run {{ inputs[''x''] }}\n  now'\n",
        't: "run\\t{{ inputs[\\"x\\"] }}\\\n  now"\n',
        "t:\n  - |\n    run\n      {{ inputs.x }}\n    now\n",
        "t:\n  - >-\n    run\n\n    {{ inputs.x\n    }} now\n",
    ]
    for doc in docs:
        (scalar,) = [s for s in _scalars(compose(doc).documents[0]) if "{{" in s.text]
        offsets = value_offsets(doc, scalar)
        assert offsets is not None, doc
        _expression_ends(doc, scalar.text, offsets)


def test_line_endings_crlf_and_cr_shift_offsets_by_the_breaks_before_them():
    docs = [doc for doc, _, _ in EXACT if "\n" in doc] + [
        "t: 'run {{ x }}\n\n  now'\n",
        "t:\n  - >-\n    run\n\n    {{ inputs.x\n    }} now\n  - more\n",
    ]
    for doc in docs:
        lf = {s.text: value_offsets(doc, s) for s in _scalars(compose(doc).documents[0])}
        for ending in ("\r\n", "\r"):
            other = doc.replace("\n", ending)
            extra = len(ending) - 1
            for scalar in _scalars(compose(other).documents[0]):
                assert scalar.text in lf, (other, scalar.text)
                expected = lf[scalar.text]
                assert expected is not None
                got = value_offsets(other, scalar)
                assert got == [offset + extra * doc.count("\n", 0, offset) for offset in expected], other


def test_bom_at_the_start_of_the_document():
    doc = "\ufeffa: 'x {{ y }}'\nb: |\n  {{ z }}\n"
    assert _map(doc, "x {{ y }}") == list(range(5, 15))
    assert _map(doc, "{{ z }}\n") == list(range(23, 32))


def test_aliases_map_to_the_anchored_scalar():
    doc = "a: &x '{{ y }}'\nb: *x\n"
    (root,) = compose(doc).documents
    assert isinstance(root, Mapping)
    node = root.get("b")
    assert isinstance(node, Scalar)
    assert value_offsets(doc, node) == list(range(7, 15))


@pytest.mark.parametrize(
    ("doc", "text"),
    [
        ("--- |2\n   x\n", " x\n"),
        ("|1\n  x\n", " x\n"),
        ("a:\n  |1\n    x\n", "   x\n"),
        ("x:\n  a:\n    |1\n     y\n", "  y\n"),
        ("- - |1\n      x\n", "   x\n"),
        ("- k: >2\n      x\n", "  x\n"),
        ("x:\n  a: |2\n     x\n", " x\n"),
    ],
)
def test_indentation_indicators_count_from_the_parent(doc: str, text: str):
    offsets = _map(doc, text)
    assert doc[offsets[-3]] == text[-2]
    assert offsets[-3] - offsets[0] == len(text) - 2  # the spaces before the letter are the scalar's


def test_unaligned_and_bad_input_give_none():
    doc = "a: 'x'\n"
    node = _find(doc, "x")
    assert value_offsets(doc, Scalar(node.tag, node.start, node.end, "y", "y", "'")) is None
    assert value_offsets(doc, Scalar(node.tag, node.start, node.end, "x", "x", '"')) is None
    assert value_offsets(doc, Scalar(node.tag, node.start, node.end, "x", "x", "|")) is None
    assert value_offsets(doc, Scalar(node.tag, 50, 60, "x", "x", None)) is None
    assert value_offsets(doc, Scalar(node.tag, 5, 2, "x", "x", None)) is None
    assert value_offsets(doc, Scalar(node.tag, 0, 7, "a: 'x'\n", None, "?")) is None
    assert value_offsets(doc, None) is None  # type: ignore[arg-type]


def test_never_raises_on_arbitrary_spans():
    rng = random.Random(7)
    alphabet = "ab {}'\"\\|>-+12#:!&\t\n\r\x85\u2028é😀"
    for _ in range(3000):
        doc = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20)))
        start = rng.randrange(0, len(doc) + 2)
        end = rng.randrange(0, len(doc) + 2)
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 6)))
        style = rng.choice([None, "'", '"', "|", ">"])
        result = value_offsets(doc, Scalar("tag:yaml.org,2002:str", start, end, text, text, style))
        assert result is None or len(result) == len(text) + 1


# The property: whatever ruamel writes, in every style it can, maps consistently.
SAMPLES = [
    "{{ inputs.x }}",
    "run {{ inputs.x }} now",
    "{{ outputs['task'].value | default(\"n/a\") }}",
    "it's {{ 'quoted' }}",
    'say "hi" to {{ name }}',
    "back\\slash {{ a\\b }}",
    "é😀 {{ ü }} 中文",
    "line one\nline {{ two }}\n",
    "line one\n\n\nline {{ two }}",
    "ends with spaces   ",
    "   starts with spaces {{ x }}",
    "tabs\there {{\tx\t}}",
    "mixed \t \n \t spaces",
    "more\n  indented\n    {{ lines }}\nback\n",
    "many trailing newlines {{ x }}\n\n\n",
    "  leading space line\nand {{ next }}\n",
    "control \x07 and \x1b and {{ x }}",
    "nel \x85 ls \u2028 ps \u2029 {{ x }}",
    "a very long line that must be folded because the width is small {{ inputs.some_long_name }} and more words",
    "# not a comment {{ x }}",
    "key: value {{ x }}",
    "- dash {{ x }}",
    "",
    " ",
    "\n",
    "{{ x }}\n",
    "x\r\ny {{ carriage }}",
]

_STYLES = [
    lambda s: s,
    PlainScalarString,
    SingleQuotedScalarString,
    DoubleQuotedScalarString,
    LiteralScalarString,
    FoldedScalarString,
]


def _dumps(value: object, width: int) -> str:
    yaml = YAML(typ="rt")
    yaml.width = width
    stream = io.StringIO()
    yaml.dump(value, stream)
    return stream.getvalue()


def _check(doc: str, scalar: Scalar, offsets: list[int]) -> None:
    text = scalar.text
    assert len(offsets) == len(text) + 1
    assert all(a < b for a, b in itertools.pairwise(offsets)), (doc, text, offsets)
    assert scalar.start <= offsets[0] and offsets[-1] <= len(doc)
    if scalar.style not in ("|", ">"):
        assert offsets[-1] <= scalar.end
    for i, char in enumerate(text):
        source = doc[offsets[i]]
        if source == char:
            continue
        escaped = scalar.style == '"' and source == "\\"
        folded = source in _BREAKS and char in " \n\u2028\u2029"
        assert escaped or folded, (doc, text, i)


def _samples() -> list[str]:
    rng = random.Random(11)
    alphabet = "ab {}'\"\\#:-|>\t\n é😀"
    randoms = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(120)]
    return SAMPLES + randoms


def test_every_ruamel_dump_maps_consistently():
    checked = unaligned = 0
    styles_seen: set[str | None] = set()
    invalid: set[str] = set()
    for sample in _samples():
        for make in _STYLES:
            for width in (20, 80):
                value = make(sample)
                for shape in ({"k": value}, {"a": {"b": [value, {"c": value}]}}, {"f": [value]}):
                    doc = _dumps(shape, width)
                    variants = [doc, doc.replace("\n", "\r\n")]
                    for variant in variants:
                        composed = compose(variant)
                        if composed.syntax_error is not None:
                            invalid.add(sample)  # ruamel wrote what YAML forbids
                            continue
                        for scalar in _scalars(composed.documents[0]):
                            if scalar.text != sample.replace("\r\n", "\n") and scalar.text != sample:
                                continue
                            styles_seen.add(scalar.style)
                            offsets = value_offsets(variant, scalar)
                            checked += 1
                            if offsets is None:
                                unaligned += 1
                                continue
                            _check(variant, scalar, offsets)
    assert styles_seen == {None, "'", '"', "|", ">"}
    assert checked > 5000
    assert unaligned == 0
    assert len(invalid) < len(_samples()) // 4


def test_flow_style_dumps_map_consistently():
    for sample in _samples():
        yaml = YAML(typ="rt")
        yaml.default_flow_style = True
        yaml.width = 30
        stream = io.StringIO()
        yaml.dump({"k": [sample, {"v": sample}]}, stream)
        doc = stream.getvalue()
        composed = compose(doc)
        if composed.syntax_error is not None:
            continue  # ruamel wrote what libyaml rejects (a raw control character, a ':' in a flow scalar)
        for scalar in _scalars(composed.documents[0]):
            offsets = value_offsets(doc, scalar)
            assert offsets is not None, (doc, scalar.text)
            _check(doc, scalar, offsets)
