"""Symbols, folding, definition, references, rename and code actions, end to end."""

from __future__ import annotations

from lsprotocol import types

from tests.lsp.conftest import Session

URI = "file:///work/flows/etl.yaml"
FLOW = """\
id: etl
namespace: company.team
variables:
  bucket: s3://data
inputs:
  - id: region
    type: STRING
tasks:
  - id: extract
    type: io.kestra.plugin.core.debug.Return
    format: "{{ inputs.region }}"
  - id: steps
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: load
          type: io.kestra.plugin.core.log.Log
          message: "{{ outputs.extract.value }} {{ outputs['extract'].value }} {{ vars.bucket }}"
      - task:
          id: report
          type: io.kestra.plugin.core.log.Log
          message: done
        dependsOn: [load]
"""


def _doc() -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(URI)


def _range(line: int, start: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(line, end))


async def test_document_symbols_nest_tasks_by_flowable(session: Session):
    session.open(URI, FLOW)
    (flow,) = await session.client.text_document_document_symbol_async(types.DocumentSymbolParams(_doc()))
    assert (flow.name, flow.detail) == ("etl", "company.team")
    assert [c.name for c in flow.children] == ["tasks", "inputs"]
    tasks = flow.children[0]
    assert [(t.name, t.detail) for t in tasks.children] == [
        ("extract", "io.kestra.plugin.core.debug.Return"),
        ("steps", "io.kestra.plugin.core.flow.Dag"),
    ]
    assert [t.name for t in tasks.children[1].children] == ["load", "report"]
    assert tasks.children[0].selection_range == _range(8, 8, 15)


async def test_folding_ranges(session: Session):
    session.open(URI, FLOW)
    ranges = await session.client.text_document_folding_range_async(types.FoldingRangeParams(_doc()))
    assert (8, 10) in {(r.start_line, r.end_line) for r in ranges}  # the first task's mapping


async def test_definition_from_an_expression_and_from_depends_on(session: Session):
    session.open(URI, FLOW)
    params = types.DefinitionParams(_doc(), types.Position(17, 34))  # in `extract` of outputs.extract
    found = await session.client.text_document_definition_async(params)
    assert found == types.Location(URI, _range(8, 8, 15))
    found = await session.client.text_document_definition_async(types.DefinitionParams(_doc(), types.Position(22, 21)))
    assert found == types.Location(URI, _range(15, 14, 18))  # `load` in dependsOn -> its id
    found = await session.client.text_document_definition_async(types.DefinitionParams(_doc(), types.Position(10, 25)))
    assert found == types.Location(URI, _range(5, 8, 14))  # inputs.region -> the input
    found = await session.client.text_document_definition_async(types.DefinitionParams(_doc(), types.Position(17, 88)))
    assert found == types.Location(URI, _range(3, 2, 8))  # vars.bucket -> the variable


async def test_references_and_rename(session: Session):
    session.open(URI, FLOW)
    position = types.Position(8, 10)
    refs = await session.client.text_document_references_async(
        types.ReferenceParams(
            text_document=_doc(), position=position, context=types.ReferenceContext(include_declaration=True)
        )
    )
    assert [r.range for r in refs] == [_range(8, 8, 15), _range(17, 31, 38), _range(17, 60, 67)]
    prepared = await session.client.text_document_prepare_rename_async(types.PrepareRenameParams(_doc(), position))
    assert prepared.placeholder == "extract"
    edit = await session.client.text_document_rename_async(types.RenameParams(_doc(), position, "fetch"))
    assert [(e.range, e.new_text) for e in edit.changes[URI]] == [
        (_range(8, 8, 15), "fetch"),
        (_range(17, 31, 38), "fetch"),
        (_range(17, 60, 67), "fetch"),
    ]


async def test_rename_refuses_invalid_names_and_nothing_to_rename(session: Session):
    session.open(URI, FLOW)
    nothing = await session.client.text_document_prepare_rename_async(
        types.PrepareRenameParams(_doc(), types.Position(0, 1))
    )
    assert nothing is None
    try:
        await session.client.text_document_rename_async(types.RenameParams(_doc(), types.Position(8, 10), "a-b"))
    except Exception as error:  # the server answers with an error, and keeps serving
        assert "dash" in str(error)
    else:
        raise AssertionError("a dashed task id was accepted")
    assert await session.client.text_document_document_symbol_async(types.DocumentSymbolParams(_doc()))


async def test_code_actions_offer_fixes_suggestions_and_disable_comments(session: Session):
    text = FLOW.replace("io.kestra.plugin.core.debug.Return", "io.kestra.core.tasks.debugs.Return").replace(
        "format: done", "formt: done"
    )
    text = text.replace("message: done", "mesage: done")
    session.open(URI, text)
    await session.diagnostics(URI)
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(), range=_range(9, 10, 10), context=types.CodeActionContext(diagnostics=[])
        )
    )
    titles = [a.title for a in actions]
    assert titles == ["Use 'io.kestra.plugin.core.debug.Return'", "Disable deprecated-type for this line"]
    fix = actions[0]
    assert fix.is_preferred
    assert [(e.range, e.new_text) for e in fix.edit.changes[URI]] == [
        (_range(9, 10, 44), "io.kestra.plugin.core.debug.Return")
    ]
    disable = actions[1].edit.changes[URI][0]
    assert (disable.range, disable.new_text) == (_range(9, 44, 44), "  # flowlint: disable=deprecated-type")
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=_doc(), range=_range(21, 10, 10), context=types.CodeActionContext(diagnostics=[])
        )
    )
    suggestion = actions[0]
    assert suggestion.title == "Replace with 'message'"
    assert [(e.range, e.new_text) for e in suggestion.edit.changes[URI]] == [(_range(21, 10, 16), "message")]
