from flowls.text import Encoding, LineIndex, Position


def test_positions_with_every_line_break():
    index = LineIndex("a\r\nbc\rd\ne")
    assert [index.position(o) for o in (0, 1, 3, 5, 6, 7, 8)] == [
        Position(0, 0),
        Position(0, 1),
        Position(1, 0),
        Position(1, 2),
        Position(2, 0),
        Position(2, 1),
        Position(3, 0),
    ]
    assert index.line_text(0) == "a"
    assert index.line_text(1) == "bc"
    assert index.offset(Position(1, 1)) == 4
    assert index.offset(Position(1, 99)) == 5  # clamped to the line's end


def test_columns_in_client_units():
    index = LineIndex("k: 😀é x\n")
    x = Position(0, 6)
    assert index.to_units(x, Encoding.UTF32) == 6
    assert index.to_units(x, Encoding.UTF16) == 7
    assert index.to_units(x, Encoding.UTF8) == 10
    for encoding in Encoding:
        assert index.from_units(0, index.to_units(x, encoding), encoding) == x
