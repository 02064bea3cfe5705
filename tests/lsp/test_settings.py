"""Settings from the client, and the project's flowlint config, shape the diagnostics."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types

from tests.lsp.conftest import Session

FLOW = "id: s\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.core.tasks.log.Log\n    mesage: hi\n"


async def test_changed_settings_apply_to_open_documents(session: Session):
    uri = "file:///work/flows/settings.yaml"
    session.open(uri, FLOW)
    assert sorted(d.code for d in await session.diagnostics(uri)) == ["deprecated-type", "schema", "schema"]
    session.client.set_configuration({"debounceMs": 0, "ignore": ["schema"]}, section="flowls")
    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    for _ in range(50):  # pushed again (same version) or pulled: wait until the new settings show
        codes = sorted(d.code for d in await session.diagnostics(uri))
        if codes == ["deprecated-type"]:
            break
    assert codes == ["deprecated-type"]


async def test_project_config_applies(session: Session, tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text('[tool.flowlint]\nseverity = { deprecated-type = "error" }\n')
    path = tmp_path / "flows" / "f.yaml"
    path.parent.mkdir()
    path.write_text(FLOW)
    session.open(path.as_uri(), FLOW)
    deprecated = [d for d in await session.diagnostics(path.as_uri()) if d.code == "deprecated-type"]
    assert [d.severity for d in deprecated] == [types.DiagnosticSeverity.Error]


async def test_globs_attach_files_that_do_not_look_like_flows(session: Session):
    session.client.set_configuration({"debounceMs": 0, "globs": ["*/partial/*.yaml"]}, section="flowls")
    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    uri = "file:///work/partial/piece.yaml"
    session.open(uri, "- id: a\n")
    for _ in range(50):  # the new settings arrive asynchronously (workspace/configuration)
        found = await session.diagnostics(uri)
        if found:
            break
    assert [d.code for d in found] == ["not-a-flow"]


SCHEDULED = (
    "id: s\nnamespace: company.team\ninputs:\n  - id: who\n    type: STRING\ntasks:\n  - id: each\n"
    "    type: io.kestra.plugin.core.flow.Loop\n    values: [a]\n    tasks:\n      - id: log\n"
    '        type: io.kestra.plugin.core.log.Log\n        message: "{{ item.value }}"\ntriggers:\n'
    '  - id: daily\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: "0 8 * * *"\n'
)


async def test_the_kestra_version_setting(session: Session):
    uri = "file:///work/flows/version.yaml"
    session.open(uri, SCHEDULED)
    one = ["unknown-type", "unknown-variable"]  # 1.x has no Loop, nor its `item`
    assert sorted(d.code for d in await session.diagnostics(uri)) == one
    session.client.set_configuration({"debounceMs": 0, "kestraVersion": "2"}, section="flowls")
    session.client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    for _ in range(50):
        found = await session.diagnostics(uri)
        if sorted(d.code for d in found) != one:
            break
    assert [(d.code, d.range.start.line, d.message) for d in found] == [
        ("schedule-inputs", 15, "Missing inputs for Schedule Trigger 'daily', missing inputs: 'who'")
    ]
