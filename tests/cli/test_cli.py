"""flowlint end to end, as a subprocess: exit codes, output formats, files, config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowls.rules.registry import RULES
from tests.conftest import flowlint

GOOD = (
    "id: hello\nnamespace: company.team\ntasks:\n"
    "  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"
)
BAD = GOOD.replace("message: hi", "mesage: hi")
WARN = GOOD.replace("io.kestra.plugin.core.log.Log", "io.kestra.core.tasks.log.Log")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "good.yaml").write_text(GOOD)
    (tmp_path / "flows" / "bad.yml").write_text(BAD)
    (tmp_path / "flows" / "compose.yaml").write_text("services:\n  web:\n    image: nginx\n")
    (tmp_path / "flows" / "notes.txt").write_text(BAD)
    return tmp_path


def test_text_output_and_exit_code(repo):
    run = flowlint("flows", cwd=repo)
    assert run.code == 1
    assert run.stdout == (
        "flows/bad.yml:5:11: error: missing required property 'message' [schema]\n"
        "flows/bad.yml:6:5: error: unknown property 'mesage' in io.kestra.plugin.core.log.Log"
        " — did you mean 'message'? [schema]\n"
    )
    assert run.stderr == "flowlint: 2 errors in 2 files\n"  # compose.yaml is not a flow: skipped


def test_clean_file_exits_zero(repo):
    run = flowlint("flows/good.yaml", cwd=repo)
    assert (run.code, run.stdout, run.stderr) == (0, "", "flowlint: no problems in 1 file\n")


def test_named_non_flow_is_linted_unless_flows_only(repo):
    assert flowlint("flows/compose.yaml", cwd=repo).code == 1
    assert flowlint("--flows-only", "flows/compose.yaml", cwd=repo).code == 0


def test_warnings_fail_only_with_strict(tmp_path):
    (tmp_path / "w.yaml").write_text(WARN)
    assert flowlint("w.yaml", cwd=tmp_path).code == 0
    assert flowlint("--strict", "w.yaml", cwd=tmp_path).code == 1


def test_json_format(repo):
    run = flowlint("--format", "json", "flows/bad.yml", cwd=repo)
    assert run.code == 1
    assert json.loads(run.stdout) == [
        {
            "path": "flows/bad.yml",
            "line": 5,
            "column": 11,
            "end_line": 5,
            "end_column": 40,
            "severity": "error",
            "rule": "schema",
            "message": "missing required property 'message'",
        },
        {
            "path": "flows/bad.yml",
            "line": 6,
            "column": 5,
            "end_line": 6,
            "end_column": 11,
            "severity": "error",
            "rule": "schema",
            "message": "unknown property 'mesage' in io.kestra.plugin.core.log.Log — did you mean 'message'?",
        },
    ]
    assert run.stderr == ""


def test_github_format_escapes(tmp_path):
    (tmp_path / "a,b.yaml").write_text("id: x\nnamespace: a\ntasks: [\n")
    run = flowlint("--format", "github", "a,b.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout.startswith("::error file=a%2Cb.yaml,line=4,col=1,endLine=4,endColumn=1,title=yaml-syntax::")


def test_sarif_format(repo):
    run = flowlint("--format", "sarif", "flows", cwd=repo)
    sarif = json.loads(run.stdout)
    assert sarif["version"] == "2.1.0"
    (the_run,) = sarif["runs"]
    driver = the_run["tool"]["driver"]
    assert driver["name"] == "flowlint"
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert "schema" in rule_ids and "yaml-syntax" in rule_ids
    first = the_run["results"][0]
    assert first["ruleId"] == "schema"
    assert rule_ids[first["ruleIndex"]] == "schema"
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "flows/bad.yml"},
        "region": {"startLine": 5, "startColumn": 11, "endLine": 5, "endColumn": 40},
    }
    assert the_run["columnKind"] == "unicodeCodePoints"


def test_stdin(tmp_path):
    run = flowlint("--stdin-filename", "flows/x.yaml", "-", cwd=tmp_path, stdin=BAD.encode())
    assert run.code == 1
    assert run.stdout.splitlines()[0] == "flows/x.yaml:5:11: error: missing required property 'message' [schema]"


def test_select_and_ignore(repo):
    assert flowlint("--ignore", "schema", "flows", cwd=repo).code == 0
    assert flowlint("--select", "yaml-syntax", "flows", cwd=repo).stdout == ""


def test_usage_errors_exit_two(repo):
    for args in (["missing.yaml"], ["--select", "no-such-rule", "flows"], ["--format", "xml", "flows"]):
        run = flowlint(*args, cwd=repo)
        assert run.code == 2, args
        assert "Traceback" not in run.stderr


def test_config_in_pyproject(repo):
    (repo / "pyproject.toml").write_text('[tool.flowlint]\nignore = ["schema"]\nexclude = ["*/bad.yml"]\n')
    assert flowlint("flows", cwd=repo).code == 0
    (repo / "pyproject.toml").write_text('[tool.flowlint]\nseverity = { schema = "warning" }\n')
    run = flowlint("flows", cwd=repo)
    assert run.code == 0
    assert ": warning: missing required property 'message' [schema]" in run.stdout


def test_flowlint_toml_and_bad_config(repo):
    (repo / "flowlint.toml").write_text('select = ["duplicate-key"]\n')
    assert flowlint("flows", cwd=repo).code == 0
    (repo / "flowlint.toml").write_text("colour = true\n")
    run = flowlint("flows", cwd=repo)
    assert (run.code, run.stderr) == (2, f"flowlint: {repo / 'flowlint.toml'}: unknown setting 'colour'\n")


def test_max_file_size(tmp_path):
    (tmp_path / "big.yaml").write_text(GOOD + "# " + "x" * 2000 + "\n")
    run = flowlint("--max-file-size", "1000", "big.yaml", cwd=tmp_path)
    assert run.code == 1
    assert (
        run.stdout
        == "big.yaml:1:1: error: file is 2112 bytes, over the 1000 bytes limit (max-file-size) [resource-limit]\n"
    )


def test_many_files_in_parallel_match_one_process(tmp_path):
    for i in range(12):
        (tmp_path / f"f{i:02d}.yaml").write_text(BAD if i % 3 == 0 else GOOD)
    parallel = flowlint("--jobs", "2", ".", cwd=tmp_path)
    serial = flowlint("--jobs", "1", ".", cwd=tmp_path)
    assert (parallel.code, parallel.stdout, parallel.stderr) == (serial.code, serial.stdout, serial.stderr)
    assert [line.split(":")[0] for line in parallel.stdout.splitlines()] == [
        "f00.yaml",
        "f00.yaml",
        "f03.yaml",
        "f03.yaml",
        "f06.yaml",
        "f06.yaml",
        "f09.yaml",
        "f09.yaml",
    ]
    assert parallel.stderr == "flowlint: 8 errors in 12 files\n"


def test_rule_documentation_from_the_command_line(tmp_path):
    listing = flowlint("rules", cwd=tmp_path)
    assert listing.code == 0
    rows = [line.split(None, 2) for line in listing.stdout.splitlines()]
    assert ["duplicate-key", "error", "A mapping has the same key twice."] in rows
    assert len(rows) == len(RULES)
    explained = flowlint("rule", "unknown-type", cwd=tmp_path)
    assert explained.code == 0
    assert explained.stdout.startswith("# unknown-type (warning, Kestra 1.x, 2.0)\n\nA task, trigger or condition type")
    only_2 = flowlint("rule", "schedule-inputs", cwd=tmp_path)
    assert only_2.stdout.startswith("# schedule-inputs (error, Kestra 2.0 only)\n")
    assert "## Why is this bad?" in explained.stdout
    assert flowlint("rule", "nope", cwd=tmp_path).code == 2


def test_an_internal_error_names_the_file_and_spares_the_others(tmp_path):
    from flowls.cli.batch import Job, lint_files
    from flowls.config import PathIgnores

    class Broken:
        def lint_bytes(self, data: bytes, workspace=None):
            if b"boom" in data:
                raise ValueError("boom")
            return type("Analysis", (), {"findings": []})()

    (tmp_path / "a.yaml").write_text(GOOD.replace("hi", "boom"))
    (tmp_path / "b.yaml").write_text(GOOD)
    files = [(tmp_path / "a.yaml", True), (tmp_path / "b.yaml", True)]
    results = lint_files(Broken(), files, Job(False, PathIgnores(None, ()), None), jobs=1)  # type: ignore[arg-type]
    assert results[0].error == f"{tmp_path / 'a.yaml'}: internal error (ValueError: boom); please report it"
    assert (results[1].error, results[1].findings) == (None, [])
