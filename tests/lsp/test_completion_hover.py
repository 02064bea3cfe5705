"""Completion and hover through a real client."""

from __future__ import annotations

from lsprotocol import types

from tests.lsp.conftest import Session

URI = "file:///work/flows/complete.yaml"
FLOW = """\
id: complete
namespace: company.team
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Request
    uri: https://example.com
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ outputs.fetch.code == 200 }}"
    then:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs. }}"
"""


async def _complete(session: Session, line: int, character: int) -> list[types.CompletionItem]:
    result = await session.client.text_document_completion_async(
        types.CompletionParams(
            text_document=types.TextDocumentIdentifier(URI), position=types.Position(line, character)
        )
    )
    return list(result.items) if result else []


async def test_property_keys_are_narrowed_by_type(session: Session):
    text = FLOW.replace('    condition: "{{ outputs.fetch.code == 200 }}"\n', '    condition: "{{ true }}"\n    \n')
    session.open(URI, text)
    labels = [item.label for item in await _complete(session, 9, 4)]
    assert "else" in labels
    assert "message" not in labels
    assert "condition" not in labels  # already there


async def test_outputs_offers_tasks_that_ran_before(session: Session):
    session.open(URI, FLOW)
    items = await _complete(session, 12, 29)  # after `outputs.` in the log's message
    labels = [item.label for item in items]
    assert labels == ["fetch", "check"]  # not `log` itself; its flowable's outputs may be read
    fetch = next(item for item in items if item.label == "fetch")
    assert fetch.kind == types.CompletionItemKind.Reference


async def test_output_attributes_and_hover(session: Session):
    session.open(URI, FLOW)
    attributes = [item.label for item in await _complete(session, 8, 33)]  # after `outputs.fetch.`
    assert {"code", "body", "headers", "uri"} <= set(attributes)
    found = await session.client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(URI), position=types.Position(8, 28))
    )
    assert "io.kestra.plugin.core.http.Request" in found.contents.value
    assert found.range == types.Range(types.Position(8, 27), types.Position(8, 32))


async def test_type_values_and_property_hover(session: Session):
    session.open(URI, FLOW)
    found = await session.client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(URI), position=types.Position(8, 6))
    )
    assert "condition" in found.contents.value
    text = FLOW.replace("type: io.kestra.plugin.core.flow.If", "type: ")
    session.change(URI, 2, text)
    labels = [item.label for item in await _complete(session, 7, 10)]
    assert "io.kestra.plugin.core.flow.If" in labels
    assert "io.kestra.core.tasks.flows.If" not in labels  # deprecated aliases are hidden
