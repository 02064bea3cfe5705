-- flowls for Neovim 0.11+: with this directory on 'runtimepath' (or this file copied to
-- ~/.config/nvim/lsp/flowls.lua), `vim.lsp.enable('flowls')` starts the server for Kestra flows.
--
-- Only YAML buffers that look like flows get the server (top-level `id`, `namespace`, and
-- `tasks` or `triggers`), so other YAML stays with yaml-language-server alone.

local markers = { 'flowlint.toml', '.flowlint.toml', 'pyproject.toml', '.git' }

local function looks_like_flow(bufnr)
  local seen = {}
  for _, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, 400, false)) do
    local key = line:match('^([%w_]+)%s*:')
    if key then
      seen[key] = true
    end
  end
  return seen.id and seen.namespace and (seen.tasks or seen.triggers)
end

---@type vim.lsp.Config
return {
  cmd = { 'flowls' },
  filetypes = { 'yaml' },
  root_dir = function(bufnr, on_dir)
    if looks_like_flow(bufnr) then
      on_dir(vim.fs.root(bufnr, markers) or vim.fn.getcwd())
    end
  end,
  settings = { flowls = {} },
}
