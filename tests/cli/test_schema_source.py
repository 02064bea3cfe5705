"""Loading a user's own schema: from a file, or pulled from an instance URL into the cache."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import REPO, flowlint

FLOW = (
    "id: hello\nnamespace: company.team\ntasks:\n"
    "  - id: s\n    type: io.kestra.plugin.scripts.shell.Commands\n    commands: [echo hi]\n"
)


def instance_schema() -> dict:
    """The bundled schema plus one plugin, as an instance that has it installed would serve."""
    schema = json.loads((REPO / "schemas" / "flow.schema.json").read_text())
    name = "io.kestra.plugin.scripts.shell.Commands"
    schema["definitions"][name] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, "type": {"const": name}, "commands": {"type": "array"}},
        "required": ["id", "type", "commands"],
    }
    schema["definitions"]["io.kestra.core.models.tasks.Task"]["anyOf"].append({"$ref": f"#/definitions/{name}"})
    return schema


class Instance(ThreadingHTTPServer):
    requests: list[tuple[str, str | None]]


@pytest.fixture
def instance() -> Iterator[Instance]:
    body = json.dumps(instance_schema()).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.server.requests.append((self.path, self.headers.get("Authorization")))  # type: ignore[attr-defined]
            if self.path != "/api/v1/plugins/schemas/flow":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = Instance(("127.0.0.1", 0), Handler)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def test_bundled_schema_only_warns_about_plugins(tmp_path):
    (tmp_path / "f.yaml").write_text(FLOW)
    run = flowlint("f.yaml", cwd=tmp_path)
    assert run.code == 0
    assert "[unknown-type]" in run.stdout


def test_schema_file_knows_the_plugin_and_makes_unknown_types_errors(tmp_path):
    (tmp_path / "schema.json").write_text(json.dumps(instance_schema()))
    (tmp_path / "f.yaml").write_text(FLOW)
    assert flowlint("--schema", "schema.json", "f.yaml", cwd=tmp_path).code == 0
    (tmp_path / "g.yaml").write_text(FLOW.replace("shell.Commands", "shell.Comands"))
    run = flowlint("--schema", "schema.json", "g.yaml", cwd=tmp_path)
    assert run.code == 1
    assert run.stdout == (
        "g.yaml:5:11: error: unknown task type 'io.kestra.plugin.scripts.shell.Comands'"
        " — did you mean 'io.kestra.plugin.scripts.shell.Commands'? [unknown-type]\n"
    )


def test_schema_from_config_file_is_relative_to_it(tmp_path):
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "schema.json").write_text(json.dumps(instance_schema()))
    (tmp_path / "flowlint.toml").write_text('schema = "conf/schema.json"\n')
    (tmp_path / "f.yaml").write_text(FLOW)
    run = flowlint("f.yaml", cwd=tmp_path)
    assert (run.code, run.stdout) == (0, "")


def test_bad_schema_files_are_usage_errors(tmp_path):
    (tmp_path / "f.yaml").write_text(FLOW)
    (tmp_path / "notjson.json").write_text("{")
    (tmp_path / "shape.json").write_text('{"type": "object"}')
    cases = {
        "missing.json": "flowlint: missing.json: No such file or directory\n",
        "notjson.json": "flowlint: notjson.json: not valid JSON (",
        "shape.json": "flowlint: shape.json: not a Kestra flow schema: no 'definitions' object\n",
    }
    for name, message in cases.items():
        run = flowlint("--schema", name, "f.yaml", cwd=tmp_path)
        assert run.code == 2
        assert run.stderr.startswith(message), run.stderr


def test_pull_caches_and_sends_the_token_without_printing_it(tmp_path, instance):
    url = f"http://127.0.0.1:{instance.server_port}"
    env = _env(tmp_path)
    run = flowlint("schema", "pull", url, "--token", "s3cr3t", cwd=tmp_path, env=env)
    assert run.code == 0
    cached = Path(run.stdout.strip())
    assert cached.is_file() and cached.is_relative_to(tmp_path / "cache")
    assert instance.requests == [("/api/v1/plugins/schemas/flow", "Bearer s3cr3t")]
    assert "s3cr3t" not in run.stdout + run.stderr
    # Linting with the URL uses the cache: no further request.
    (tmp_path / "f.yaml").write_text(FLOW)
    lint = flowlint("--schema", url, "f.yaml", cwd=tmp_path, env=env)
    assert (lint.code, lint.stdout) == (0, "")
    assert len(instance.requests) == 1


def test_lint_with_an_uncached_url_downloads_once(tmp_path, instance):
    url = f"http://127.0.0.1:{instance.server_port}/api/v1/plugins/schemas/flow"
    (tmp_path / "f.yaml").write_text(FLOW)
    assert flowlint("--schema", url, "f.yaml", cwd=tmp_path, env=_env(tmp_path)).code == 0
    assert flowlint("--schema", url, "f.yaml", cwd=tmp_path, env=_env(tmp_path)).code == 0
    assert [path for path, _ in instance.requests] == ["/api/v1/plugins/schemas/flow"]


def test_unreachable_and_failing_instances(tmp_path, instance):
    env = _env(tmp_path)
    refused = flowlint("schema", "pull", "http://127.0.0.1:9", cwd=tmp_path, env=env)
    assert refused.code == 2
    assert refused.stderr.startswith("flowlint: http://127.0.0.1:9/api/v1/plugins/schemas/flow: cannot connect (")
    missing = flowlint("schema", "pull", f"http://127.0.0.1:{instance.server_port}/nope", cwd=tmp_path, env=env)
    assert missing.code == 2
    assert "HTTP 404" in missing.stderr


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "FLOWLS_CACHE_DIR": str(tmp_path / "cache")}
