"""--fix and --diff through the CLI; config found above each file; per-path ignores."""

from __future__ import annotations

from tests.conftest import flowlint

OLD = """\
id: hello  # keep this comment
namespace: company.team

tasks:
  - id: log
    type: io.kestra.core.tasks.log.Log   # and this one
    message: {{ flow.id }}
"""
NEW = """\
id: hello  # keep this comment
namespace: company.team

tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log   # and this one
    message: "{{ flow.id }}"
"""


def test_fix_rewrites_only_what_it_fixes(tmp_path):
    (tmp_path / "f.yaml").write_bytes(b"\xef\xbb\xbf" + OLD.replace("\n", "\r\n").encode())
    run = flowlint("--fix", "f.yaml", cwd=tmp_path)
    assert (run.code, run.stdout, run.stderr) == (0, "", "flowlint: fixed 2; no problems in 1 file\n")
    assert (tmp_path / "f.yaml").read_bytes() == b"\xef\xbb\xbf" + NEW.replace("\n", "\r\n").encode()


def test_fix_reports_what_remains(tmp_path):
    (tmp_path / "f.yaml").write_text(OLD.replace("namespace: company.team", "namespace: Company"))
    run = flowlint("--fix", "f.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == "f.yaml:2:12: error: 'Company' must match \"^[a-z0-9][a-z0-9._-]*\" [schema]\n"
    assert run.stderr == "flowlint: fixed 2; remaining: 1 error in 1 file\n"


def test_diff_shows_and_changes_nothing(tmp_path):
    (tmp_path / "f.yaml").write_text(OLD)
    run = flowlint("--diff", "f.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == (
        "--- a/f.yaml\n+++ b/f.yaml\n@@ -3,5 +3,5 @@\n \n tasks:\n   - id: log\n"
        "-    type: io.kestra.core.tasks.log.Log   # and this one\n-    message: {{ flow.id }}\n"
        '+    type: io.kestra.plugin.core.log.Log   # and this one\n+    message: "{{ flow.id }}"\n'
    )
    assert (tmp_path / "f.yaml").read_text() == OLD
    assert flowlint("--diff", "f.yaml", cwd=tmp_path).stderr == "flowlint: 2 fixes available in 1 file\n"
    (tmp_path / "g.yaml").write_text(NEW)
    assert (flowlint("--diff", "g.yaml", cwd=tmp_path).code, flowlint("--diff", "g.yaml", cwd=tmp_path).stdout) == (
        0,
        "",
    )


def test_config_is_found_above_each_file(tmp_path):
    (tmp_path / "team_a").mkdir()
    (tmp_path / "team_b").mkdir()
    (tmp_path / "team_a" / "f.yaml").write_text(NEW.replace("plugin.core.log.Log", "core.tasks.log.Log"))
    (tmp_path / "team_b" / "f.yaml").write_text(NEW.replace("plugin.core.log.Log", "core.tasks.log.Log"))
    (tmp_path / "team_a" / ".flowlint.toml").write_text('ignore = ["deprecated-type"]\n')
    run = flowlint(".", cwd=tmp_path)
    assert run.stdout.splitlines() == [
        "team_b/f.yaml:6:11: warning: 'io.kestra.core.tasks.log.Log' is a deprecated alias;"
        " use 'io.kestra.plugin.core.log.Log' [deprecated-type]"
    ]


def test_per_path_ignores(tmp_path):
    (tmp_path / "legacy").mkdir()
    for folder in (tmp_path, tmp_path / "legacy"):
        (folder / "f.yaml").write_text(OLD)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flowlint]\nper-path-ignores = { "legacy/*" = ["deprecated-type", "unquoted-expression"] }\n'
    )
    run = flowlint(".", cwd=tmp_path)
    assert [line.split(":")[0] for line in run.stdout.splitlines()] == ["f.yaml", "f.yaml"]
    (tmp_path / "pyproject.toml").write_text('[tool.flowlint]\nper-path-ignores = { "legacy/*" = ["nope"] }\n')
    bad = flowlint(".", cwd=tmp_path)
    assert (bad.code, bad.stderr) == (
        2,
        f"flowlint: {tmp_path / 'pyproject.toml'}: 'per-path-ignores' names unknown rule 'nope'\n",
    )


def test_suppression_comment_through_the_cli(tmp_path):
    (tmp_path / "f.yaml").write_text(OLD.replace("# and this one", "# flowlint: disable=deprecated-type"))
    run = flowlint("f.yaml", cwd=tmp_path)
    assert [line.rsplit("[", 1)[1] for line in run.stdout.splitlines()] == ["unquoted-expression]"]


def test_fix_needs_a_file(tmp_path):
    run = flowlint("--fix", "-", cwd=tmp_path, stdin=OLD.encode())
    assert (run.code, run.stderr) == (2, "flowlint: --fix cannot write to stdin; use --diff\n")
