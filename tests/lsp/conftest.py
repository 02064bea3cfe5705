"""End-to-end tests of the language server through a real client over stdio (pytest-lsp),
once with VS Code's recorded capabilities (push diagnostics, UTF-16) and once with Neovim
0.11's (pull diagnostics, UTF-8)."""

from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

CLIENTS = {"vscode": "visual-studio-code", "neovim": "neovim@v0.11.0"}


@dataclass
class Session:
    client: LanguageClient
    name: str
    result: types.InitializeResult

    @property
    def pull(self) -> bool:
        return self.name == "neovim"

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="yaml", version=version, text=text)
            )
        )

    def change(self, uri: str, version: int, text: str) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def diagnostics(self, uri: str, version: int = 1, timeout: float = 10) -> list[types.Diagnostic]:
        """The document's diagnostics as this client gets them: pulled, or pushed for ``version``."""
        async with asyncio.timeout(timeout):
            if self.pull:
                report = await self.client.text_document_diagnostic_async(
                    types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri))
                )
                return list(report.items)
            while True:
                params = await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
                if params.uri == uri and params.version == version:
                    return list(params.diagnostics)


@pytest_lsp.fixture(
    params=list(CLIENTS),
    config=ClientServerConfig(server_command=[sys.executable, "-m", "flowls"]),
)
async def client(lsp_client: LanguageClient, request: pytest.FixtureRequest):
    lsp_client.set_configuration({"debounceMs": 0}, section="flowls")
    capabilities = client_capabilities(CLIENTS[request.param])
    result = await lsp_client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri="file:///work")
    )
    lsp_client.flowls_session = Session(lsp_client, request.param, result)  # type: ignore[attr-defined]
    yield
    await asyncio.wait_for(lsp_client.shutdown_session(), 5)


@pytest.fixture
def session(client: LanguageClient) -> Session:
    return client.flowls_session  # type: ignore[attr-defined]
