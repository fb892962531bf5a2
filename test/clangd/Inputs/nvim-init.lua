-- Neovim 0.7 headless, built-in LSP client, no plugins: start unbounded-clangd
-- for the file given on the command line, wait for its unbounded-*
-- diagnostics, write them to $UNBOUNDED_NVIM_OUT, fix the code in the buffer
-- (Neovim sends didChange), wait for them to go, write again, quit.
-- Every wait is bounded; a timeout is written to the output and exits 1.
local server = assert(os.getenv('UNBOUNDED_CLANGD'))
local cdb = assert(os.getenv('UNBOUNDED_CDB'))
local out_path = assert(os.getenv('UNBOUNDED_NVIM_OUT'))
local timeout_ms = 40000

local out = assert(io.open(out_path, 'w'))

local function finish(status)
  out:close()
  vim.cmd(status == 0 and 'qall!' or 'cquit! ' .. status)
end

local function ours(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = (d.user_data or {}).lsp or {}
    local code = lsp.code or d.code
    if type(code) == 'string' and code:find('^unbounded%-') then
      table.insert(found, { d = d, lsp = lsp, code = code })
    end
  end
  table.sort(found, function(a, b) return a.d.lnum < b.d.lnum end)
  return found
end

local function report(label, buf)
  local found = ours(buf)
  out:write(string.format('%s: %d unbounded diagnostic(s)\n', label, #found))
  for _, f in ipairs(found) do
    local href = (f.lsp.codeDescription or {}).href or '-'
    out:write(string.format('%d:%d %s %s\n  href: %s\n', f.d.lnum + 1,
      f.d.col + 1, f.code, f.d.message, href))
    for _, r in ipairs(f.lsp.relatedInformation or {}) do
      out:write(string.format('  related %d: %s\n',
        r.location.range.start.line + 1, r.message))
    end
  end
  out:flush()
end

local function wait_for(label, buf, done)
  if not vim.wait(timeout_ms, function() return done(#ours(buf)) end, 50) then
    out:write('timeout waiting for ' .. label .. '\n')
    finish(1)
    return false
  end
  return true
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local file = vim.api.nvim_buf_get_name(buf)
  local client = vim.lsp.start_client({
    name = 'unbounded-clangd',
    cmd = { server, '--background-index=false', '--compile-commands-dir=' .. cdb },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  })
  if not client then
    out:write('could not start ' .. server .. '\n')
    return finish(1)
  end
  vim.lsp.buf_attach_client(buf, client)

  if not wait_for('diagnostics on open', buf, function(n) return n > 0 end) then
    return
  end
  report('open', buf)

  -- Join the threads instead of detaching them: both findings go away.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  for i, line in ipairs(lines) do
    if line:find('%.detach%(%);') then
      local fixed = line:gsub('%.detach%(%);', '.join();')
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { fixed })
    end
  end
  if not wait_for('diagnostics after the fix', buf, function(n) return n == 0 end) then
    return
  end
  report('fixed', buf)
  vim.lsp.stop_client(client)
  finish(0)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      out:write('error: ' .. tostring(err) .. '\n')
      finish(1)
    end
  end,
})
