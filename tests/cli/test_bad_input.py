"""Bad input gets one clear finding with a position, never a traceback."""

from __future__ import annotations

import pytest

from tests.conftest import flowlint

GOOD = (
    "id: hello\nnamespace: company.team\ntasks:\n"
    "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
)

CASES = {
    "unclosed quote": (
        GOOD.replace("message: hi", 'message: "hi'),
        "x.yaml:7:1: error: found unexpected end of stream (while scanning a quoted scalar) [yaml-syntax]",
    ),
    "tab indentation": (
        GOOD.replace("    message", "\tmessage"),
        "x.yaml:6:1: error: tab character: YAML indentation must use spaces [yaml-syntax]",
    ),
    "empty file": (
        "",
        "x.yaml:1:1: error: empty document: a flow is a mapping with id, namespace and tasks [not-a-flow]",
    ),
    "comment only": (
        "# nothing here\n",
        "x.yaml:1:1: error: empty document: a flow is a mapping with id, namespace and tasks [not-a-flow]",
    ),
    "root is a list": (
        "- id: a\n",
        "x.yaml:1:1: error: the document is a list; a flow is a mapping with id, namespace and tasks [not-a-flow]",
    ),
    "root is a scalar": (
        "hello\n",
        "x.yaml:1:1: error: the document is a single value; a flow is a mapping with id, namespace and tasks"
        " [not-a-flow]",
    ),
    "duplicate key": (
        GOOD + "namespace: other\n",
        "x.yaml:7:1: error: duplicate key 'namespace' (first set on line 2); Kestra rejects the flow [duplicate-key]",
    ),
    "control character": (
        GOOD.replace("hi", "h\x07i"),
        "x.yaml:6:15: error: unacceptable character #x0007: control characters are not allowed [yaml-syntax]",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_broken_text(tmp_path, case):
    text, expected = CASES[case]
    (tmp_path / "x.yaml").write_bytes(text.encode())
    run = flowlint("x.yaml", cwd=tmp_path)
    assert (run.code, run.stdout) == (1, expected + "\n")
    assert "Traceback" not in run.stderr


def test_binary_and_non_utf8(tmp_path):
    (tmp_path / "bin.yaml").write_bytes(b"id: x\n\x00\x01\x02\xff")
    (tmp_path / "latin.yaml").write_bytes(GOOD.replace("hi", "café").encode("latin-1"))
    run = flowlint("bin.yaml", "latin.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout.splitlines() == [
        "bin.yaml:2:1: error: binary data: the file contains NUL bytes and is not YAML text [encoding]",
        "latin.yaml:6:17: error: file is not valid UTF-8: byte 0xE9 cannot be decoded; save the file as UTF-8"
        " [encoding]",
    ]


def test_bom_and_crlf_keep_positions(tmp_path):
    text = GOOD.replace("message: hi", "mesage: hi").replace("\n", "\r\n")
    (tmp_path / "x.yaml").write_bytes(b"\xef\xbb\xbf" + text.encode())
    run = flowlint("--select", "schema", "--format", "json", "x.yaml", cwd=tmp_path)
    assert run.code == 1
    assert '"line": 6,\n    "column": 5,\n    "end_line": 6,\n    "end_column": 11' in run.stdout


def test_fifty_megabytes(tmp_path):
    with (tmp_path / "huge.yaml").open("w") as handle:
        handle.write(GOOD)
        for i in range(50 * 1024 * 1024 // 40):
            handle.write(f"# padding line number {i:017d}\n")
    run = flowlint("huge.yaml", cwd=tmp_path)
    assert run.code == 1
    assert (
        run.stdout == "huge.yaml:1:1: error: file is 50.0 MB, over the 5.0 MB limit (max-file-size) [resource-limit]\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        "id: x\nnamespace: a\ntasks: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "id: x\nnamespace: a\ntasks:\n" + "".join("  " * i + "- k:\n" for i in range(1, 2000)),
    ],
    ids=["flow", "block"],
)
def test_deep_nesting(tmp_path, text):
    (tmp_path / "deep.yaml").write_text(text)
    run = flowlint("deep.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "nesting deeper than 256 levels; flowlint does not parse it [resource-limit]" in run.stdout
    assert "Traceback" not in run.stderr


def test_alias_bomb(tmp_path):
    lines = ["id: x", "namespace: a", 'a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    (tmp_path / "bomb.yaml").write_text("\n".join(lines) + "\ntasks: *a8\n")
    run = flowlint("bomb.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == (
        "bomb.yaml:1:1: error: aliases expand this file to over 1,000,000 nodes; flowlint does not check it"
        " [resource-limit]\n"
    )


def test_wrong_types_everywhere(tmp_path):
    text = (
        "id: [1]\nnamespace: {a: b}\nlabels: 7\ninputs: nope\nvariables: []\ntriggers: {}\n"
        "tasks:\n  - 42\n  - null\n  - [a]\n  - id: {x: 1}\n    type: [io.kestra.plugin.core.log.Log]\n"
        "  - id: t\n    type: io.kestra.plugin.core.flow.Parallel\n    tasks: {a: 1}\n    concurrent: [1]\n"
        "errors: 3\nfinally: [true]\nafterExecution: x\npluginDefaults: [1]\nconcurrency: {limit: x}\n"
    )
    (tmp_path / "types.yaml").write_text(text)
    run = flowlint("types.yaml", cwd=tmp_path)
    assert run.code == 1
    assert "Traceback" not in run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) >= 15
    assert all(line.startswith("types.yaml:") and line.endswith("[schema]") for line in lines)


def test_multi_document_file(tmp_path):
    (tmp_path / "multi.yaml").write_text(GOOD + "---\n" + GOOD.replace("message: hi", "mesage: hi"))
    run = flowlint("--select", "schema", "multi.yaml", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "multi.yaml:12:11: error: missing required property 'message' [schema]",
        "multi.yaml:13:5: error: unknown property 'mesage' in io.kestra.plugin.core.log.Log"
        " — did you mean 'message'? [schema]",
    ]


def test_tasks_nested_up_to_the_depth_limit(tmp_path):
    lines = ["id: deep", "namespace: a", "tasks:"]
    indent = ""
    for i in range(126):
        lines += [f"{indent}- id: t{i}", f"{indent}  type: io.kestra.plugin.core.flow.Sequential", f"{indent}  tasks:"]
        indent += "  "
    lines += [f"{indent}- id: leaf", f"{indent}  type: io.kestra.plugin.core.log.Log", f"{indent}  mesage: hi"]
    (tmp_path / "deep.yaml").write_text("\n".join(lines) + "\n")
    run = flowlint("deep.yaml", cwd=tmp_path)
    assert "Traceback" not in run.stderr
    assert run.code == 1
    assert "unknown property 'mesage' in io.kestra.plugin.core.log.Log" in run.stdout
