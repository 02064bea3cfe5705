"""Diagnostics, push and pull, with exact ranges in each client's position encoding."""

from __future__ import annotations

from lsprotocol import types

from tests.lsp.conftest import Session

URI = "file:///work/flows/hello.yaml"
FLOW = (
    "id: hello\nnamespace: company.team\ntasks:\n"
    '  - id: log  # 😀 before\n    type: io.kestra.plugin.core.log.Log\n    mesage: "héllo 😀 {{ inputs.who }}"\n'
)


async def test_diagnostics_carry_rule_source_link_and_exact_ranges(session: Session):
    session.open(URI, FLOW)
    diagnostics = await session.diagnostics(URI)
    by_code = {d.code: d for d in diagnostics}
    assert sorted(by_code) == ["schema", "unknown-input"]
    assert {d.source for d in diagnostics} == {"flowls"}
    assert by_code["schema"].code_description.href.endswith("rules.md#schema")
    # `inputs.who` sits after 'é' and '😀': 1 and 4 bytes in UTF-8, 1 and 2 units in UTF-16.
    unknown = by_code["unknown-input"]
    column = {"vscode": 32, "neovim": 35}[session.name]  # 31 code points
    assert unknown.range == types.Range(types.Position(5, column), types.Position(5, column + 3))
    assert unknown.message == "no input 'who' in this flow"
    assert unknown.severity == types.DiagnosticSeverity.Error


async def test_diagnostics_follow_edits(session: Session):
    session.open(URI, FLOW)
    assert await session.diagnostics(URI)
    fixed = FLOW.replace("mesage", "message").replace("{{ inputs.who }}", "{{ flow.id }}")
    session.change(URI, 2, fixed)
    assert await session.diagnostics(URI, version=2) == []


async def test_other_yaml_is_left_alone(session: Session):
    uri = "file:///work/docker-compose.yaml"
    session.open(uri, "services:\n  web:\n    image: [nginx\n")
    flow_uri = "file:///work/flows/other.yaml"
    session.open(flow_uri, "id: a\nnamespace: b\ntasks: [\n")
    (syntax,) = await session.diagnostics(flow_uri)
    assert syntax.code == "yaml-syntax"
    if session.pull:
        assert await session.diagnostics(uri) == []
    else:
        assert uri not in session.client.diagnostics  # nothing was ever published for it


async def test_pull_reports_unchanged_results(session: Session):
    if not session.pull:
        return
    session.open(URI, FLOW)
    params = types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(URI))
    first = await session.client.text_document_diagnostic_async(params)
    assert first.kind == "full"
    params.previous_result_id = first.result_id
    again = await session.client.text_document_diagnostic_async(params)
    assert again.kind == "unchanged"
