-- Neovim's built-in LSP client against `loclint lsp` (tests/lsp_nvim_test.cpp runs it):
--   nvim --headless --clean -u tests/editors/lsp.lua
-- with LOCLINT_SETUP (the README's setup snippet, extracted by the test), LOCLINT_DOC (the
-- document to open) and LOCLINT_OUT (where to write what happened, as JSON). It opens the
-- document, waits for diagnostics, applies the fix of link/backslash and "disable for this
-- line" through code actions (as :lua vim.lsp.buf.code_action() would), waits for the
-- diagnostics to follow the edits, and writes the buffer.
local out = { steps = {} }
local function finish(status)
  out.status = status
  local f = io.open(os.getenv("LOCLINT_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end
local function fail(why)
  out.error = why
  finish("failed")
end

local ok, err = pcall(dofile, os.getenv("LOCLINT_SETUP"))
if not ok then return fail("the README snippet failed: " .. tostring(err)) end

-- After startup, as in a user's session: filetype detection is on by then (-u runs this file
-- first), and `nested` lets the :edit below fire FileType, which starts the client.
local function main()
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("LOCLINT_DOC")))
local buf = vim.api.nvim_get_current_buf()

local function snapshot()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { code = d.code, lnum = d.lnum, col = d.col, end_col = d.end_col, severity = d.severity,
                         source = d.source, message = d.message })
  end
  table.sort(list, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return list
end
local function find(code, lnum)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then return d end
  end
end
local function wait(what, pred)
  if not vim.wait(30000, pred, 20) then fail("timed out waiting for " .. what) return false end
  return true
end

-- 1. Diagnostics on open.
if not wait("the first diagnostics", function() return find("link/backslash") ~= nil end) then return end
out.on_open = snapshot()
local client = vim.lsp.get_active_clients({ bufnr = buf })[1]
out.client = { name = client.name, offset_encoding = client.offset_encoding }

-- Runs the code action titled `title` for diagnostic `d`, the way the client's own code action
-- request builds its parameters (the cursor on the diagnostic, converted to UTF-16).
local function apply_action(d, title)
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = {} }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000)
  local titles = {}
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(titles, action.title)
      if action.title == title then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        table.insert(out.steps, { applied = title, offered = titles })
        return true
      end
    end
  end
  fail("no code action '" .. title .. "' among: " .. table.concat(titles, " | "))
  return false
end

-- 2. The fix of link/backslash; the diagnostic goes away once the server has the new text.
if not apply_action(find("link/backslash"), "Use '/' instead of '\\' in the link") then return end
if not wait("link/backslash to go", function() return find("link/backslash") == nil end) then return end
out.after_fix = snapshot()

-- 3. Disable link/missing-file for the line of the list item.
local item = find("link/missing-file", tonumber(os.getenv("LOCLINT_ITEM_LINE")))
if not item then return fail("no link/missing-file on the list item") end
local before = #vim.diagnostic.get(buf)
if not apply_action(item, "Disable link/missing-file for this line") then return end
if not wait("the suppressed diagnostic to go", function() return #vim.diagnostic.get(buf) == before - 1 end) then return end
out.after_disable = snapshot()

-- 4. Write the buffer: the test compares the file's bytes.
vim.cmd("write")
finish("ok")
end
vim.api.nvim_create_autocmd("VimEnter", { once = true, nested = true, callback = main })
