"""The server keeps serving: rapid edits, malformed messages, unknown methods."""

from __future__ import annotations

import asyncio
import itertools
import json
import subprocess
import sys

from lsprotocol import types

from tests.lsp.conftest import Session

URI = "file:///work/flows/busy.yaml"
FLOW = "id: busy\nnamespace: company.team\ntasks:\n  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: '{}'\n"  # noqa: E501


async def test_a_thousand_rapid_edits_end_with_the_last_version_only(session: Session):
    session.open(URI, FLOW.format("{{ inputs.v0 }}"))
    published: list[int | None] = []
    if not session.pull:
        features = session.client.protocol.fm.features
        original = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

        def record(params: types.PublishDiagnosticsParams) -> None:
            if params.uri == URI:
                published.append(params.version)
            original(params)

        features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    for version in range(2, 1002):
        session.change(URI, version, FLOW.format(f"{{{{ inputs.v{version} }}}}"))
    (last,) = await session.diagnostics(URI, version=1001, timeout=60)
    assert last.message == "no input 'v1001' in this flow"
    if not session.pull:
        await asyncio.sleep(0.5)  # nothing older may arrive afterwards
        assert published[-1] == 1001
        assert all(earlier <= later for earlier, later in itertools.pairwise(published))
        assert len(published) < 50  # debounced, not one analysis per keystroke


def _frame(payload: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(payload) + payload


def _message(**fields: object) -> bytes:
    return _frame(json.dumps({"jsonrpc": "2.0", **fields}).encode())


def test_malformed_messages_and_unknown_methods_leave_the_server_serving():
    initialize = _message(id=1, method="initialize", params={"processId": None, "rootUri": None, "capabilities": {}})
    stream = (
        initialize
        + _message(method="initialized", params={})
        + _frame(b"{this is not json")
        + _message(id=2, method="flowls/noSuchMethod", params={})
        + _message(id=3, method="textDocument/hover", params={"textDocument": {"uri": 3}})  # invalid params
        + _message(id=4, method="shutdown")
        + _message(method="exit")
    )
    done = subprocess.run([sys.executable, "-m", "flowls"], input=stream, capture_output=True, timeout=60)
    replies = _read_frames(done.stdout)
    by_id = {reply.get("id"): reply for reply in replies if "id" in reply}
    assert "capabilities" in by_id[1]["result"]
    assert by_id[2]["error"]["code"] == -32601  # method not found
    # A message that cannot be read (bad JSON, or params of the wrong shape, whose id is then
    # unknown) is reported to the user and dropped; the next request is served.
    errors = [r["params"]["message"] for r in replies if r.get("method") == "window/showMessage"]
    assert len(errors) == 2
    assert 3 not in by_id
    assert by_id[4] == {"jsonrpc": "2.0", "id": 4, "result": None}
    assert done.returncode == 0
    assert b"Traceback" not in done.stdout


def _read_frames(data: bytes) -> list[dict]:
    frames = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        fields = dict(line.split(b":", 1) for line in header.split(b"\r\n"))
        length = int(fields[b"Content-Length"])
        frames.append(json.loads(rest[:length]))
        data = rest[length:]
    return frames
