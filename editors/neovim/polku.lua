-- Polku journey files (*.polku) in Neovim: the file type, comments, indentation, and the
-- language server `polku lsp` (errors and findings as you type, completion, ...).
--
-- Where to put it: copy this file to ~/.config/nvim/plugin/polku.lua (Neovim runs every file
-- in that folder when it starts), or paste its lines into ~/.config/nvim/init.lua.
-- `polku` must be on your PATH, for example: cp .build/release/polku ~/.local/bin/
-- Works with Neovim 0.7 (Debian 12) and later. Neovim has no highlighting for Polku: the
-- TextMate grammar in Grammar/ is for VS Code and editors like it.

vim.filetype.add({ extension = { polku = 'polku' } })
if vim.fn.has('nvim-0.8') == 0 then -- Neovim 0.7 reads vim.filetype.add only when told to
  vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, { pattern = '*.polku', command = 'setfiletype polku' })
end

local uv = vim.uv or vim.loop

-- The journey's project folder: the nearest folder above the file with a polku.toml or a
-- .git, else the file's own folder.
local function root_dir(buf)
  local dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ':p:h')
  local here = dir
  while true do
    if uv.fs_stat(here .. '/polku.toml') or uv.fs_stat(here .. '/.git') then
      return here
    end
    local parent = vim.fn.fnamemodify(here, ':h')
    if parent == here then
      return dir
    end
    here = parent
  end
end

local clients = {} -- Neovim 0.7 only: one server per project folder

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'polku',
  callback = function(args)
    local buf = args.buf
    vim.bo[buf].commentstring = '# %s'
    vim.bo[buf].comments = ':#'
    -- Polku's own layout (polku fmt): two spaces a step.
    vim.bo[buf].expandtab = true
    vim.bo[buf].shiftwidth = 2
    vim.bo[buf].softtabstop = 2
    -- Completion from the server with Ctrl-X Ctrl-O (keywords, channels, steps, rules).
    vim.bo[buf].omnifunc = 'v:lua.vim.lsp.omnifunc'

    local config = { name = 'polku', cmd = { 'polku', 'lsp' }, root_dir = root_dir(buf) }
    if vim.lsp.start then -- Neovim 0.8 and later: starts the server or reuses the running one
      vim.lsp.start(config, { bufnr = buf })
    else -- Neovim 0.7
      local id = clients[config.root_dir]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client(config)
        clients[config.root_dir] = id
      end
      if id then
        vim.lsp.buf_attach_client(buf, id)
      end
    end
  end,
})
