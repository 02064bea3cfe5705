"""The VS Code extension builds from a clean copy: `npm ci`, the TypeScript compile, and a `.vsix`
packaged by @vscode/vsce with the compiled client and the settings it contributes."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile

from tests.conftest import REPO

SOURCE = REPO / "editors" / "vscode"


def _npm(cwd, *args: str) -> None:
    run = subprocess.run(["npm", *args], cwd=cwd, capture_output=True, text=True, timeout=400)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]


def test_the_extension_compiles_and_packages(tmp_path):
    copy = tmp_path / "vscode"
    shutil.copytree(SOURCE, copy, ignore=shutil.ignore_patterns("node_modules", "out", "*.vsix"))
    _npm(copy, "ci", "--no-audit", "--no-fund")
    _npm(copy, "run", "compile")
    _npm(copy, "run", "package")
    manifest = json.loads((SOURCE / "package.json").read_text())
    with zipfile.ZipFile(copy / f"flowls-{manifest['version']}.vsix") as vsix:
        names = set(vsix.namelist())
        packaged = json.loads(vsix.read("extension/package.json"))
    assert "extension/out/extension.js" in names
    assert "extension/node_modules/vscode-languageclient/package.json" in names
    assert not any(name.startswith("extension/src/") for name in names)
    settings = packaged["contributes"]["configuration"]["properties"]
    assert {"flowls.server.command", "flowls.server.python", "flowls.schema", "flowls.ignore"} <= set(settings)
    assert [c["command"] for c in packaged["contributes"]["commands"]] == ["flowls.restart", "flowls.showOutput"]
