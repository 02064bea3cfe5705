"""`flowlint render` through the real CLI: output, the JSON shape, exit codes and positions."""

from __future__ import annotations

import json

import pytest

from tests.conftest import flowlint


@pytest.mark.parametrize(
    ("template", "context", "output"),
    [
        ("{{ 11 / 3 }}", "{}", "3"),  # Java integer division
        ("{{ 10 / 4.0 }}", "{}", "2.5"),
        ("{{ [1, 2] }} {{ {'a': 1} }}", "{}", '[1,2] {"a":1}'),  # Kestra's JSON writer
        ("{{ name | upper }}-{{ n + 1 }}", '{"name": "ada", "n": 41}', "ADA-42"),
        ("{{ missing ?? 'fallback' }}", "{}", "fallback"),
        ("{% for x in 1..3 %}{{ x }}{% if not loop.last %},{% endif %}{% endfor %}", "{}", "1,2,3"),
        ("{{ nothing }}", '{"nothing": null}', ""),  # null prints as empty
    ],
)
def test_renders_against_the_context(template, context, output):
    run = flowlint("render", template, "--context-json", context)
    assert (run.code, run.stdout, run.stderr) == (0, output, "")


def test_context_file_stdin_and_json(tmp_path):
    (tmp_path / "context.json").write_text('{"inputs": {"user": "ada"}, "n": 1}')
    run = flowlint(
        "render", "-", "--context", "context.json", "--context-json", '{"n": 2}', "--format", "json",
        cwd=tmp_path, stdin=b"Hello {{ inputs.user }} #{{ n }}",
    )  # fmt: skip
    assert run.code == 0
    assert json.loads(run.stdout) == {"output": "Hello ada #2", "error": None}  # --context-json wins


def test_a_render_error_exits_1_with_kestra_s_message_and_position():
    run = flowlint("render", "ok {{ nope }}")
    assert (run.code, run.stdout) == (1, "")
    assert run.stderr == "1:7: render error: Unable to find `nope` used in the expression `ok {{ nope }}` at line 1\n"


def test_a_parse_error_exits_2_with_its_line_and_column():
    run = flowlint("render", "a\n{{ 1 + }}", "--format", "json")
    assert run.code == 2
    assert json.loads(run.stdout) == {
        "output": None,
        "error": {"kind": "parse", "message": "unexpected end of expression", "line": 2, "column": 8},
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["x", "--context-json", "[1]"],
            "flowlint render: --context-json: the context is a JSON object of variables\n",
        ),
        (["x", "--context-json", "{"], "flowlint render: --context-json: not JSON ("),
        (["x", "--context", "missing.json"], "flowlint render: missing.json: No such file or directory\n"),
    ],
)
def test_bad_context_is_a_usage_error(tmp_path, args, message):
    run = flowlint("render", *args, cwd=tmp_path)
    assert run.code == 2
    assert run.stderr.startswith(message)
