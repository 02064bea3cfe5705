import codecs

from flowls.parse.source import Limits, check_text, decode


def test_bom_is_stripped_and_utf16_is_read():
    assert decode(codecs.BOM_UTF8 + b"a: 1\n", Limits()).text == "a: 1\n"
    source = decode("a: é\n".encode("utf-16"), Limits())
    assert (source.text, source.problem) == ("a: é\n", None)


def test_invalid_utf8_points_at_the_byte():
    source = decode(b"a: 1\nb: caf\xe9\n", Limits())
    assert source.problem is not None
    assert (source.problem.kind, source.problem.offset) == ("encoding", 11)
    assert source.text == "a: 1\nb: caf\ufffd\n"


def test_limits():
    assert decode(b"x" * 11, Limits(max_file_size=10)).problem.kind == "resource-limit"
    assert check_text("a:\n  b:\n    c: 1\n", Limits(max_depth=2)).problem.offset == 12
    assert check_text("a:\n  b:\n    c: 1\n", Limits(max_depth=3)).problem is None
    assert check_text("a: [[[1]]]\n", Limits(max_depth=3)).problem is not None
