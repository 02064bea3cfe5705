"""One thin handler per LSP method: convert the request, ask :mod:`flowls.features`, convert
the answer. Nothing here computes anything itself."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.uris import to_fs_path

from flowls.features.actions import code_actions
from flowls.features.completion import complete
from flowls.features.dry_run import COMMAND as SIMULATE
from flowls.features.dry_run import run_simulation, simulate_lenses
from flowls.features.hover import hover
from flowls.features.navigation import definition, occurrences, rename_problem, subflow_at, target_at
from flowls.features.symbols import Symbol, document_symbols, folding_ranges
from flowls.lsp.convert import Converter, encoding_of
from flowls.lsp.server import FlowServer
from flowls.simulate.checked import SimulationRefused
from flowls.simulate.report import timeline
from flowls.text import LineIndex

_COMPLETION_KINDS = {
    "property": types.CompletionItemKind.Property,
    "value": types.CompletionItemKind.Value,
    "type": types.CompletionItemKind.Class,
    "variable": types.CompletionItemKind.Variable,
    "function": types.CompletionItemKind.Function,
    "filter": types.CompletionItemKind.Function,
    "test": types.CompletionItemKind.Operator,
    "task": types.CompletionItemKind.Reference,
    "state": types.CompletionItemKind.EnumMember,
    "snippet": types.CompletionItemKind.Snippet,
    "keyword": types.CompletionItemKind.Keyword,
}
_SYMBOL_KINDS = {
    "flow": types.SymbolKind.Module,
    "phase": types.SymbolKind.Namespace,
    "task": types.SymbolKind.Function,
    "trigger": types.SymbolKind.Event,
    "input": types.SymbolKind.Variable,
    "output": types.SymbolKind.Property,
}


def create_server() -> FlowServer:
    server = FlowServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: FlowServer, params: types.InitializeParams) -> None:
        folders = [folder.uri for folder in params.workspace_folders or []] or [params.root_uri or ""]
        ls.folders = [Path(path) for uri in folders if uri and (path := to_fs_path(uri)) and Path(path).is_dir()]
        text_document = params.capabilities.text_document
        if text_document is not None and text_document.diagnostic is not None:
            ls.pull_diagnostics = True
            options = types.DiagnosticOptions(
                identifier="flowls", inter_file_dependencies=False, workspace_diagnostics=False
            )
            ls.feature(types.TEXT_DOCUMENT_DIAGNOSTIC, options)(pull_diagnostics)
        ls.apply_settings((params.initialization_options or {}).get("flowls") if isinstance(
            params.initialization_options, dict) else None)  # fmt: skip

    @server.feature(types.INITIALIZED)
    async def initialized(ls: FlowServer, params: types.InitializedParams) -> None:
        await _fetch_settings(ls)
        await ls.index_workspace()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: FlowServer, params: types.DidChangeConfigurationParams) -> None:
        settings = params.settings
        if isinstance(settings, dict) and "flowls" in settings:
            ls.apply_settings(settings["flowls"])
        else:
            await _fetch_settings(ls)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FlowServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, delay=0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FlowServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FlowServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        state = ls.documents.pop(uri, None)
        if state is not None and state.pending is not None:
            state.pending.cancel()
        if not ls.pull_diagnostics and state is not None and state.published:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def pull_diagnostics(
        ls: FlowServer, params: types.DocumentDiagnosticParams
    ) -> types.FullDocumentDiagnosticReport | types.UnchangedDocumentDiagnosticReport:
        uri = params.text_document.uri
        file = await ls.current_file(uri)
        state = ls.documents.get(uri)
        result_id = f"{state.version}" if state is not None else None
        if result_id is not None and params.previous_result_id == result_id:
            return types.UnchangedDocumentDiagnosticReport(result_id=result_id)
        items = [] if file is None else [ls.converter(file).diagnostic(f) for f in file.analysis.findings]
        return types.FullDocumentDiagnosticReport(items=items, result_id=result_id)

    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=[".", "|", " ", ":", "-", "'", '"', "{", "("]),
    )
    async def completion(ls: FlowServer, params: types.CompletionParams) -> types.CompletionList | None:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return None
        convert = ls.converter(file)
        items = []
        for item in complete(file, convert.offset(params.position)):
            text = item.insert_text if item.insert_text is not None else item.label
            edit = types.TextEdit(range=convert.offsets(*item.replace), new_text=text) if item.replace else None
            items.append(
                types.CompletionItem(
                    label=item.label,
                    kind=_COMPLETION_KINDS.get(item.kind),
                    detail=item.detail,
                    documentation=types.MarkupContent(kind=types.MarkupKind.Markdown, value=item.documentation)
                    if item.documentation
                    else None,
                    sort_text=item.sort_text,
                    insert_text=None if edit else text,
                    text_edit=edit,
                    insert_text_format=types.InsertTextFormat.Snippet
                    if item.snippet
                    else types.InsertTextFormat.PlainText,
                )
            )
        return types.CompletionList(is_incomplete=False, items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: FlowServer, params: types.HoverParams) -> types.Hover | None:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return None
        convert = ls.converter(file)
        info = hover(file, convert.offset(params.position))
        if info is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=info.markdown),
            range=convert.offsets(info.start, info.end),
        )

    @server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    async def symbols(ls: FlowServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return []
        convert = ls.converter(file)

        def build(symbol: Symbol) -> types.DocumentSymbol:
            return types.DocumentSymbol(
                name=symbol.name,
                detail=symbol.detail,
                kind=_SYMBOL_KINDS[symbol.kind],
                range=convert.offsets(symbol.start, symbol.end),
                selection_range=convert.offsets(*symbol.selection),
                children=[build(child) for child in symbol.children],
            )

        return [build(symbol) for symbol in document_symbols(file)]

    @server.feature(types.TEXT_DOCUMENT_FOLDING_RANGE)
    async def folding(ls: FlowServer, params: types.FoldingRangeParams) -> list[types.FoldingRange]:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return []
        return [types.FoldingRange(start_line=first, end_line=last) for first, last in folding_ranges(file)]

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    async def actions(ls: FlowServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        file = await ls.current_file(uri)
        if file is None:
            return []
        convert = ls.converter(file)
        found = []
        for action in code_actions(file, convert.core_range(params.range)):
            edits = [types.TextEdit(range=convert.range(e.range), new_text=e.new_text) for e in action.edits]
            found.append(
                types.CodeAction(
                    title=action.title,
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=[convert.diagnostic(action.finding)],
                    edit=types.WorkspaceEdit(changes={uri: edits}),
                    is_preferred=action.preferred or None,
                )
            )
        return found

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def go_to_definition(ls: FlowServer, params: types.DefinitionParams) -> types.Location | None:
        uri = params.text_document.uri
        file = await ls.current_file(uri)
        if file is None:
            return None
        convert = ls.converter(file)
        offset = convert.offset(params.position)
        target = target_at(file, offset)
        found = definition(file, target) if target else None
        if found:
            return types.Location(uri=uri, range=convert.offsets(*found))
        callee = subflow_at(file, offset, ls.workspace_index)
        if callee is None:
            return None
        encoding = encoding_of(ls.workspace.position_encoding)
        target_index = LineIndex(Path(callee.path).read_text(encoding="utf-8")) if Path(callee.path).is_file() else None
        at = Converter(target_index, encoding).range(callee.id_range) if target_index else None
        return types.Location(
            uri=Path(callee.path).as_uri(), range=at or types.Range(types.Position(0, 0), types.Position(0, 0))
        )

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(ls: FlowServer, params: types.ReferenceParams) -> list[types.Location]:
        uri = params.text_document.uri
        file = await ls.current_file(uri)
        if file is None:
            return []
        convert = ls.converter(file)
        target = target_at(file, convert.offset(params.position))
        if target is None:
            return []
        include = params.context.include_declaration
        return [
            types.Location(uri=uri, range=convert.offsets(o.start, o.end))
            for o in occurrences(file, target)
            if include or not o.declaration
        ]

    @server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
    async def prepare_rename(
        ls: FlowServer, params: types.PrepareRenameParams
    ) -> types.PrepareRenamePlaceholder | None:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return None
        convert = ls.converter(file)
        target = target_at(file, convert.offset(params.position))
        if target is None:
            return None
        return types.PrepareRenamePlaceholder(range=convert.offsets(target.start, target.end), placeholder=target.name)

    @server.feature(types.TEXT_DOCUMENT_RENAME)
    async def rename(ls: FlowServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
        uri = params.text_document.uri
        file = await ls.current_file(uri)
        if file is None:
            return None
        convert = ls.converter(file)
        target = target_at(file, convert.offset(params.position))
        if target is None:
            return None
        problem = rename_problem(file, target, params.new_name)
        if problem is not None:
            raise ValueError(problem)
        edits = [
            types.TextEdit(range=convert.offsets(o.start, o.end), new_text=params.new_name)
            for o in occurrences(file, target)
        ]
        return types.WorkspaceEdit(changes={uri: edits})

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    async def lenses(ls: FlowServer, params: types.CodeLensParams) -> list[types.CodeLens]:
        file = await ls.current_file(params.text_document.uri)
        if file is None:
            return []
        convert = ls.converter(file)
        return [
            types.CodeLens(
                range=convert.offsets(lens.start, lens.end),
                command=types.Command(title=lens.title, command=SIMULATE, arguments=lens.arguments),
            )
            for lens in simulate_lenses(file)
        ]

    @server.command(SIMULATE)
    async def simulate(ls: FlowServer, *arguments: object) -> dict:
        """``[uri, flow number?, {fail, warn, inputs}?]`` → ``{"flow", "state", "taskruns"}``; the
        timeline also goes to the client's log and the final state to a message."""
        uri = arguments[0] if arguments else None
        position = arguments[1] if len(arguments) > 1 else 0
        options = arguments[2] if len(arguments) > 2 else None
        file = await ls.current_file(uri) if isinstance(uri, str) else None
        if file is None:
            raise ValueError(f"{SIMULATE}: not an open flow: {uri!r}")
        try:
            simulation = await asyncio.get_running_loop().run_in_executor(
                ls.analyser, run_simulation, file, position, options
            )
        except SimulationRefused as refused:
            raise ValueError(f"flowls: {refused.message}") from None
        flow_id = file.analysis.flows[position].id
        log = f"dry run of {flow_id}:\n{timeline(simulation)}"
        ls.window_log_message(types.LogMessageParams(type=types.MessageType.Info, message=log))
        ls.window_show_message(
            types.ShowMessageParams(
                type=types.MessageType.Info,
                message=f"flowls: dry run of {flow_id} ends {simulation.state} "
                f"({len(simulation.taskruns)} task runs; the timeline is in the output log)",
            )
        )
        return {"flow": flow_id, **simulation.as_json()}

    return server


async def _fetch_settings(ls: FlowServer) -> None:
    workspace = ls.client_capabilities.workspace
    if workspace is None or not workspace.configuration:
        return
    try:
        (settings,) = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="flowls")])
        )
    except Exception as error:  # an old or odd client: keep the settings we have
        ls.warn(f"flowls: could not read the settings ({error})")
        return
    ls.apply_settings(settings)
