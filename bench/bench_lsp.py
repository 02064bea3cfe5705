"""Editor latency, in one run: didChange -> diagnostics on a ~1,700-line flow for flowls and for
Red Hat's yaml-language-server (given our schemas/flow.schema.json), plus flowls's completion
and hover. Run by hand:

    python bench/bench_lsp.py [--edits 30]

yaml-language-server comes from npm into bench/.node (installed on first run; not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_lint import flow

ROOT = Path(__file__).resolve().parents[1]
NODE = Path(__file__).resolve().parent / ".node"
YLS = NODE / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
SCHEMA = ROOT / "schemas" / "flow.schema.json"


def ensure_yls() -> Path:
    if not YLS.exists():
        NODE.mkdir(exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "yaml-language-server"], cwd=NODE, check=True
        )
    return YLS


class Bench:
    def __init__(self, command: list[str], settings: dict, section: str) -> None:
        self.command = command
        self.client = LanguageClient("bench", "1")
        self.published: asyncio.Queue = asyncio.Queue()
        self.settings, self.section = settings, section

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait((time.perf_counter(), params))

        @self.client.feature(types.WORKSPACE_CONFIGURATION)
        def on_configuration(params: types.ConfigurationParams) -> list:
            return [self.settings.get(item.section or "", self.settings) if item.section != self.section
                    else self.settings for item in params.items]  # fmt: skip

    async def start(self, root: Path) -> None:
        await self.client.start_io(*self.command)
        capabilities = types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                configuration=True,
                did_change_configuration=types.DidChangeConfigurationClientCapabilities(dynamic_registration=True),
            ),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True)
            ),
        )
        result = await self.client.initialize_async(
            types.InitializeParams(capabilities=capabilities, root_uri=root.as_uri())
        )
        self.capabilities = result.capabilities
        self.client.initialized(types.InitializedParams())
        self.client.workspace_did_change_configuration(
            types.DidChangeConfigurationParams(settings={self.section: self.settings})
        )

    async def open(self, uri: str, text: str) -> None:
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text))
        )
        await self.next_diagnostics(uri, timeout=60)

    async def next_diagnostics(self, uri: str, timeout: float = 30) -> tuple[float, list]:
        while True:
            stamp, params = await asyncio.wait_for(self.published.get(), timeout)
            if params.uri == uri:
                return stamp, params.diagnostics

    async def change_latency(self, uri: str, texts: list[str]) -> list[float]:
        latencies = []
        for version, text in enumerate(texts, start=2):
            while not self.published.empty():
                self.published.get_nowait()
            sent = time.perf_counter()
            self.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                )
            )
            stamp, _ = await self.next_diagnostics(uri)
            latencies.append((stamp - sent) * 1000)
            await asyncio.sleep(0.05)
        return latencies

    async def request_latency(self, send, count: int) -> list[float]:
        latencies = []
        for _ in range(count):
            start = time.perf_counter()
            await send()
            latencies.append((time.perf_counter() - start) * 1000)
        return latencies

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


def describe(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{name:44s} median {statistics.median(values):7.1f} ms   p95 {p95:7.1f} ms   (n={len(values)})"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=30)
    edits = parser.parse_args().edits
    text = flow()
    texts = [text.replace("message: failed", f"message: failed {i}") for i in range(edits)]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "flows" / "bench.yaml"
        path.parent.mkdir()
        path.write_text(text)
        uri = path.as_uri()
        print(f"flow: {len(text.splitlines())} lines; {edits} full-document edits, one at a time")

        flowls = Bench([sys.executable, "-m", "flowls"], {"debounceMs": 0}, "flowls")
        await flowls.start(root)
        await flowls.open(uri, text)
        ours = await flowls.change_latency(uri, texts)
        line = next(i for i, l in enumerate(text.splitlines()) if "outputs.fetch_3" in l)  # noqa: E741
        column = text.splitlines()[line].index("outputs.fetch_3") + len("outputs.")
        position = types.Position(line, column)
        document = types.TextDocumentIdentifier(uri)
        completion = hover = []
        if flowls.capabilities.completion_provider:
            completion = await flowls.request_latency(
                lambda: flowls.client.text_document_completion_async(types.CompletionParams(document, position)), 50
            )
        if flowls.capabilities.hover_provider:
            hover = await flowls.request_latency(
                lambda: flowls.client.text_document_hover_async(types.HoverParams(document, position)), 50
            )
        await flowls.stop()

        yls_settings = {"validate": True, "schemas": {str(SCHEMA): "*.yaml"}, "format": {"enable": False}}
        yls = Bench(["node", str(ensure_yls()), "--stdio"], yls_settings, "yaml")
        await yls.start(root)
        await yls.open(uri, text)
        theirs = await yls.change_latency(uri, texts)
        await yls.stop()

    print(describe("flowls didChange -> diagnostics", ours))
    print(describe("yaml-language-server didChange -> diagnostics", theirs))
    print(f"{'ratio (medians)':44s} {statistics.median(ours) / statistics.median(theirs):.2f}x")
    for name, values in (("flowls completion (after 'outputs.')", completion), ("flowls hover", hover)):
        print(describe(name, values) if values else f"{name:44s} (not served)")


if __name__ == "__main__":
    asyncio.run(main())
