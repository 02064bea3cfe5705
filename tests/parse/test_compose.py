from flowls.parse.compose import compose
from flowls.parse.nodes import Mapping, Scalar, Sequence, key_text, to_plain, walk


def _span(text: str, node) -> str:
    return text[node.start : node.end]


def test_every_key_and_value_has_its_range():
    text = 'id: "a😀"\nlist:\n  - {k: 1}\n  - two\nblock: |\n  line one\n  line two\n\nlast: ~\n'
    (root,) = compose(text).documents
    assert isinstance(root, Mapping)
    assert [key_text(k) for k, _ in root.pairs] == ["id", "list", "block", "last"]
    assert [_span(text, v) for _, v in root.pairs] == [
        '"a😀"',
        "- {k: 1}\n  - two\n",
        "|\n  line one\n  line two",
        "~",
    ]
    item = walk(root, ["list", 0, "k"])
    assert isinstance(item, Scalar) and (item.value, _span(text, item)) == (1, "1")
    assert to_plain(root) == {"id": "a😀", "list": [{"k": 1}, "two"], "block": "line one\nline two\n", "last": None}


def test_scalars_follow_yaml_1_2_core_and_keep_timestamps_as_strings():
    (root,) = compose("a: yes\nb: 0x1F\nc: 1_000\nd: .inf\ne: 2024-01-01\nf: 'true'\ng: TRUE\n").documents
    plain = to_plain(root)
    assert plain == {"a": "yes", "b": 31, "c": 1000, "d": float("inf"), "e": "2024-01-01", "f": "true", "g": True}


def test_duplicates_are_reported_and_the_first_wins():
    composed = compose("a: 1\nb: 2\na: 3\n<<: {x: 1}\n<<: {y: 2}\n")
    assert [(d.key, d.first.start, d.duplicate.start) for d in composed.duplicates] == [("a", 0, 10)]
    assert to_plain(composed.documents[0])["a"] == 1


def test_multi_document_and_error_in_second_document():
    composed = compose("a: 1\n---\nb: [\n")
    assert len(composed.documents) == 1
    assert composed.syntax_error is not None
    assert composed.syntax_error.offset == 14  # the end of the text, where the list is still open
    assert "expected" in composed.syntax_error.message


def test_aliases_share_nodes_and_count_expanded_size():
    composed = compose("a: &x [1, 2, 3]\nb: *x\nc: *x\n")
    (root,) = composed.documents
    assert isinstance(root, Mapping)
    assert root.get("b") is root.get("a")
    assert isinstance(root.get("c"), Sequence)
    assert composed.expanded_size == 1 + 3 + 3 * 4  # the root, 3 keys, 3 expansions of a 4-node list
