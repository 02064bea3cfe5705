"""The language server: document lifecycle, diagnostics (push or pull), settings, and one
thin handler per feature. Work that parses or lints runs on a worker thread, never on the
event loop, and a result for an older version of a document is dropped."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from flowls import __version__
from flowls.analysis import Linter, Options
from flowls.cli.files import looks_like_flow
from flowls.config import Config, ConfigError
from flowls.features.document import FlowFile
from flowls.lsp.convert import Converter, encoding_of
from flowls.lsp.settings import Settings, effective_config, parse_settings
from flowls.schema.load import SchemaLoadError, load_index
from flowls.schema.validate import FlowValidator
from flowls.version import KestraVersion
from flowls.workspace import WorkspaceIndex, summarise_flows

log = logging.getLogger("flowls")


@dataclass
class DocumentState:
    version: int | None = None
    file: FlowFile | None = None  # the latest analysis
    pending: asyncio.Task | None = None
    published: bool = False
    analysed: asyncio.Event = field(default_factory=asyncio.Event)


class FlowServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flowls", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.settings = Settings()
        self.pull_diagnostics = False
        self.documents: dict[str, DocumentState] = {}
        # One worker: analyses queue up instead of fighting over the GIL with request handlers.
        self.analyser = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flowls-analysis")
        self._validators: dict[tuple[str | None, KestraVersion | None], FlowValidator] = {}
        self._linters: dict[tuple, Linter] = {}
        self.folders: list[Path] = []
        self.workspace_index = WorkspaceIndex()  # other flows: Subflow targets and their inputs

    # --- analysis -----------------------------------------------------------------------------

    def converter(self, file: FlowFile) -> Converter:
        return Converter(file.analysis.index, encoding_of(self.workspace.position_encoding))

    def attached(self, uri: str, text: str) -> bool:
        """Only flows get checked: YAML with top-level id, namespace and tasks or triggers, or a
        path the settings name."""
        path = to_fs_path(uri)
        return looks_like_flow(text) or (path is not None and self.settings.matches(path))

    def linter_for(self, uri: str) -> Linter:
        path = to_fs_path(uri)
        try:
            config = effective_config(self.settings, Path(path) if path else None)
        except ConfigError as error:
            self.warn(f"flowls: {error}; using the defaults")
            config = effective_config(Settings(), None)
        key = (
            config.schema,
            config.kestra_version,
            config.target_version,
            config.select,
            config.ignore,
            tuple(sorted(config.severity.items())),
            config.max_file_size,
        )
        linter = self._linters.get(key)
        if linter is None:
            linter = self._linters[key] = Linter(self._validator(config), Options.of(config))
        return linter

    def _validator(self, config: Config) -> FlowValidator:
        key = (config.schema, config.kestra_version)
        if key not in self._validators:
            try:
                self._validators[key] = FlowValidator(load_index(config.schema, version=config.kestra_version))
            except SchemaLoadError as error:
                self.warn(f"flowls: {error}; using the bundled schema")
                self._validators[key] = FlowValidator(load_index(version=config.kestra_version))
        return self._validators[key]

    def schedule(self, uri: str, *, delay: float | None = None) -> None:
        """Analyse the document after the debounce delay, replacing any analysis pending."""
        state = self.documents.setdefault(uri, DocumentState())
        if state.pending is not None:
            state.pending.cancel()
        state.analysed.clear()
        wait = self.settings.debounce_ms / 1000 if delay is None else delay
        state.pending = asyncio.get_running_loop().create_task(self._analyse(uri, wait))

    async def _analyse(self, uri: str, wait: float) -> None:
        state = self.documents.get(uri)
        try:
            if wait:
                await asyncio.sleep(wait)
            document = self.workspace.get_text_document(uri)
            version, text = document.version, document.source
            if not self.attached(uri, text):
                state.file, state.version = None, version
                if state.published:  # it was a flow a moment ago: clear what it showed
                    self._publish(uri, version, [])
                return
            linter = self.linter_for(uri)
            previous = state.file
            loop = asyncio.get_running_loop()
            file = await loop.run_in_executor(self.analyser, self._analyse_now, linter, uri, text, previous)
            current = self.documents.get(uri)
            if current is not state or self.workspace.get_text_document(uri).version != version:
                return  # the document changed meanwhile: a newer analysis is on its way
            state.file, state.version = file, version
            if not self.pull_diagnostics:
                converter = self.converter(file)
                self._publish(uri, version, [converter.diagnostic(f) for f in file.analysis.findings])
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not take the document (or the server) down
            log.exception("analysis of %s failed", uri)
        finally:
            if state is not None and self.documents.get(uri) is state and state.pending is asyncio.current_task():
                state.analysed.set()

    def _analyse_now(self, linter: Linter, uri: str, text: str, previous: FlowFile | None) -> FlowFile:
        file = FlowFile.analyse(linter, uri, text, previous, self.workspace_index)
        path = to_fs_path(uri)
        if path is not None:  # an open buffer wins over the file on disk
            flows = [d.flow for d in file.analysis.documents if d.flow is not None]
            self.workspace_index.replace(path, summarise_flows(path, flows, file.analysis.index))
        return file

    async def index_workspace(self) -> None:
        """Index the flows of the workspace folders (off the event loop), then re-check."""
        if not self.folders:
            return
        loop = asyncio.get_running_loop()
        scanned = await loop.run_in_executor(self.analyser, WorkspaceIndex.scan, self.folders)
        for uri in self.documents:  # open buffers are newer than their files
            path = to_fs_path(uri)
            if path is not None:
                scanned.update(path, self.workspace.get_text_document(uri).source)
        self.workspace_index = scanned
        for uri in list(self.documents):
            self.schedule(uri, delay=0)

    def _publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        state = self.documents.get(uri)
        if self.pull_diagnostics:
            return
        if state is not None:
            state.published = bool(diagnostics)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    async def current_file(self, uri: str) -> FlowFile | None:
        """The analysis of the document as it is now, waiting for one that is on its way."""
        state = self.documents.get(uri)
        if state is None:
            return None
        document = self.workspace.get_text_document(uri)
        if state.version != document.version or (state.pending is not None and not state.pending.done()):
            if state.pending is None or state.pending.done():
                self.schedule(uri, delay=0)
            try:
                await asyncio.wait_for(state.analysed.wait(), timeout=30)
            except TimeoutError:
                return None
        return state.file

    def warn(self, message: str) -> None:
        log.warning(message)
        self.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=message))

    def apply_settings(self, data: Any) -> None:
        settings, problems = parse_settings(data)
        for problem in problems:
            self.warn(f"flowls: {problem}")
        if settings != self.settings:
            self.settings = settings
            self._linters.clear()
            for uri in list(self.documents):
                self.schedule(uri, delay=0)
