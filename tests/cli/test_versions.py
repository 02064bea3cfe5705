"""The Kestra version through the real CLI: the option, the config key, detection from an
instance's schema, and bad values."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import REPO, flowlint

FLOW = """\
id: report
namespace: company.team
inputs:
  - id: who
    type: STRING
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.Loop
    values: [a, b]
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ item.value }} {{ inputs.who }}"
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 8 * * *"
"""
IN_2_0 = [("schedule-inputs", 16, "Missing inputs for Schedule Trigger 'daily', missing inputs: 'who'")]
IN_1_X = [
    ("unknown-type", 8, "unknown task type 'io.kestra.plugin.core.flow.Loop' — did you mean "
                        "'io.kestra.plugin.core.flow.LoopUntil'?"),
    ("unknown-variable", 13, "unknown variable 'item'"),  # only 2.0's Loop sets it
]  # fmt: skip


def _findings(run) -> list[tuple[str, int, str]]:
    return [(row["rule"], row["line"], row["message"]) for row in json.loads(run.stdout)]


@pytest.fixture
def flow(tmp_path):
    (tmp_path / "flow.yaml").write_text(FLOW)
    return tmp_path


def test_the_option_selects_the_version(flow):
    assert _findings(flowlint("--format", "json", "flow.yaml", cwd=flow)) == IN_1_X
    run = flowlint("--format", "json", "--kestra-version", "2", "flow.yaml", cwd=flow)
    assert (run.code, _findings(run)) == (1, IN_2_0)


def test_the_config_selects_the_version_and_the_option_wins(flow):
    (flow / "flowlint.toml").write_text('kestra-version = "2"\n')
    assert _findings(flowlint("--format", "json", "flow.yaml", cwd=flow)) == IN_2_0
    assert (
        _findings(flowlint("--format", "json", "--kestra-version", "1", "flow.yaml", cwd=flow))[0][:2] == IN_1_X[0][:2]
    )


def test_an_instance_schema_tells_its_version(flow):
    shutil.copy(REPO / "schemas" / "flow-2.0.schema.json", flow / "instance.json")
    run = flowlint("--format", "json", "--schema", "instance.json", "flow.yaml", cwd=flow)
    assert _findings(run) == IN_2_0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--kestra-version", "3"],
            "flowlint: --kestra-version: 'kestra-version': unknown Kestra version '3': use 1 or 2\n",
        ),
        (["--target", "latest"], "flowlint: --target: 'target': unknown Kestra version 'latest': use 1 or 2\n"),
    ],
)
def test_bad_versions_are_usage_errors(flow, args, message):
    run = flowlint(*args, "flow.yaml", cwd=flow)
    assert (run.code, run.stderr) == (2, message)


def test_a_bad_version_in_the_config_names_the_file(flow):
    (flow / "flowlint.toml").write_text("kestra-version = 2.5\n")
    run = flowlint("flow.yaml", cwd=flow)
    assert (run.code, run.stderr) == (2, f"flowlint: {flow / 'flowlint.toml'}: 'kestra-version': unknown Kestra "
                                          "version 2.5: use 1 or 2\n")  # fmt: skip


def test_the_dry_run_and_render_take_the_version(flow):
    run = flowlint("simulate", "--kestra-version", "2", "flow.yaml", "--format", "json", "--input", "who=ada", cwd=flow)
    assert run.code == 2 and "Missing inputs for Schedule Trigger 'daily'" in run.stderr  # Kestra 2.0 refuses it
    run = flowlint("render", "{{ 'a' ?? 'b' ~ 'c' }}", "--kestra-version", "2")
    assert (run.code, run.stdout) == (0, "a")
