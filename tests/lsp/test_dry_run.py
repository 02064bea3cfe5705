"""The dry run in the editor: the Simulate lens, its command, and hover on tasks that run late."""

from __future__ import annotations

import pytest
from lsprotocol import types
from pygls.exceptions import JsonRpcException

from tests.lsp.conftest import Session
from tests.simulate.test_engine import ALERTS_DEMO, STATE_DEMO

URI = "file:///work/flows/alerts.yaml"


async def _simulate(session: Session, *arguments: object) -> dict:
    return await session.client.workspace_execute_command_async(
        types.ExecuteCommandParams(command="flowls.simulate", arguments=list(arguments))
    )


async def _hover(session: Session, line: int, character: int) -> types.Hover | None:
    return await session.client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(URI), position=types.Position(line, character))
    )


async def test_simulate_lens_sits_on_the_flow_id_and_runs_the_dry_run(session: Session):
    session.open(URI, ALERTS_DEMO)
    (lens,) = await session.client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(URI))
    )
    assert lens.range == types.Range(types.Position(0, 4), types.Position(0, 15))
    assert lens.command.title == "▶ Simulate (dry run)"
    assert (lens.command.command, lens.command.arguments) == ("flowls.simulate", (URI, 0))
    assert "flowls.simulate" in session.result.capabilities.execute_command_provider.commands
    result = await _simulate(session, *lens.command.arguments)
    assert result["flow"] == "alerts_demo"
    assert result["state"] == "FAILED"
    assert [(r["taskId"], r["state"], r["executionState"]) for r in result["taskruns"]] == [
        ("fail", "FAILED", "RUNNING"),
        ("onSuccess", "SKIPPED", "FAILED"),
        ("onFailure", "SUCCESS", "FAILED"),
    ]
    shown = session.client.messages[-1]
    assert (
        shown.message == "flowls: dry run of alerts_demo ends FAILED (3 task runs; the timeline is in the output log)"
    )
    logged = next(m.message for m in reversed(session.client.log_messages) if m.message.startswith("dry run of"))
    assert logged.splitlines()[-1] == "final state: FAILED"


async def test_simulate_takes_outcomes_and_inputs(session: Session):
    session.open(URI, STATE_DEMO)
    result = await _simulate(session, URI, 0, {"fail": ["print"]})
    assert [r["taskId"] for r in result["taskruns"]] == ["print", "cleanup", "report"]


async def test_simulate_refuses_what_kestra_would_refuse(session: Session):
    session.open(URI, ALERTS_DEMO.replace("message: it worked", "mesage: it worked"))
    with pytest.raises(JsonRpcException, match="fix these errors before simulating"):
        await _simulate(session, URI)
    with pytest.raises(JsonRpcException, match="not an open flow"):
        await _simulate(session, "file:///work/flows/nowhere.yaml")
    session.change(URI, 2, ALERTS_DEMO)
    with pytest.raises(JsonRpcException, match=r"options\.fail must be a list of task ids"):
        await _simulate(session, URI, 0, {"fail": "nope"})
    with pytest.raises(JsonRpcException, match="no flow number 3 in this document"):
        await _simulate(session, URI, 3)


async def test_hover_on_a_finally_task_says_it_sees_running(session: Session):
    session.open(URI, STATE_DEMO)
    found = await _hover(session, 9, 11)  # `cleanup`
    assert found.range == types.Range(types.Position(9, 8), types.Position(9, 15))
    assert found.contents.value.splitlines()[0].startswith(
        "**cleanup** runs in `finally`, after `tasks` (and `errors`) whether they succeed or fail"
    )
    assert "| as written, `print` fails, `fail` fails | `FAILED` | `RUNNING` | `SUCCESS` |" in found.contents.value


async def test_hover_on_an_after_execution_task_shows_the_outcomes_that_run_it(session: Session):
    succeeding = ALERTS_DEMO.replace(
        "io.kestra.plugin.core.execution.Fail", "io.kestra.plugin.core.log.Log\n    message: ok"
    )
    session.open(URI, succeeding)
    found = await _hover(session, 7, 10)  # `onSuccess`
    rows = [line for line in found.contents.value.splitlines() if line.startswith("| ")]
    assert rows == [
        "| outcome | final state | execution.state here | this task |",
        "| as written | `SUCCESS` | `SUCCESS` | `SUCCESS` |",
        "| `fail` fails | `FAILED` | `FAILED` | `SKIPPED` |",
    ]
