"""Flows of the workspace folders: Subflow targets are checked and reachable."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.lsp.conftest import CLIENTS, Session

CHILD = "id: child\nnamespace: company.team\ninputs:\n  - id: region\n    type: STRING\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\n"  # noqa: E501
PARENT = """\
id: parent
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: child
    inputs:
      regoin: eu
  - id: lost
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: nobody
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
    (root / "flows").mkdir()
    (root / "flows" / "child.yaml").write_text(CHILD)
    (root / "flows" / "parent.yaml").write_text(PARENT)
    return root


@pytest_lsp.fixture(params=list(CLIENTS), config=ClientServerConfig(server_command=[sys.executable, "-m", "flowls"]))
async def workspace_client(lsp_client: LanguageClient, request: pytest.FixtureRequest, folder: Path):
    lsp_client.set_configuration({"debounceMs": 0}, section="flowls")
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(CLIENTS[request.param]),
            workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="flows")],
        )
    )
    lsp_client.flowls_session = Session(lsp_client, request.param, result)  # type: ignore[attr-defined]
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), 5)


async def test_subflow_targets_are_checked_and_reachable(workspace_client: LanguageClient, folder: Path):
    session: Session = workspace_client.flowls_session  # type: ignore[attr-defined]
    uri = (folder / "flows" / "parent.yaml").as_uri()
    session.open(uri, PARENT)
    for _ in range(50):  # the workspace is indexed in the background after `initialized`
        codes = sorted((d.code, d.range.start.line) for d in await session.diagnostics(uri))
        if ("subflow-input", 7) in codes:
            break
    assert codes == [("subflow-input", 7), ("subflow-input", 8), ("unknown-subflow", 12)]
    found = await session.client.text_document_definition_async(
        types.DefinitionParams(text_document=types.TextDocumentIdentifier(uri), position=types.Position(6, 14))
    )
    assert found.uri == (folder / "flows" / "child.yaml").as_uri()
    assert found.range == types.Range(types.Position(0, 4), types.Position(0, 9))
