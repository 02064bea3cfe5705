from tests.conftest import brief

FLOW = """\
id: hello
namespace: company.team
tasks:
  - id: a
    type: io.kestra.core.tasks.log.Log{same}
    message: hi
  - id: b
{above}    type: io.kestra.core.tasks.log.Log
    message: hi
"""


def _rules_by_line(findings):
    return [(line, rule) for rule, line, *_ in brief(findings)]


def test_no_suppression(lint):
    assert _rules_by_line(lint(FLOW.format(same="", above=""))) == [(5, "deprecated-type"), (8, "deprecated-type")]


def test_same_line_and_line_above(lint):
    same = "  # flowlint: disable=deprecated-type"
    assert _rules_by_line(lint(FLOW.format(same=same, above=""))) == [(8, "deprecated-type")]
    above = "    # flowlint: disable=schema, deprecated-type\n"
    assert _rules_by_line(lint(FLOW.format(same="", above=above))) == [(5, "deprecated-type")]


def test_other_rules_and_whole_file(lint):
    assert len(lint(FLOW.format(same="  # flowlint: disable=schema", above=""))) == 2
    assert lint("# flowlint: disable-file=deprecated-type\n" + FLOW.format(same="", above="")) == []
    assert lint(FLOW.format(same="", above="") + "# flowlint: disable-file=all\n") == []


def test_directive_inside_a_string_is_not_a_comment(lint):
    text = FLOW.format(same="", above="").replace("message: hi", "message: 'x#flowlint: disable=deprecated-type'", 1)
    assert len(lint(text)) == 2
