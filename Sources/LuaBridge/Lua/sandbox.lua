-- The sandbox prelude: run once per plugin state, with the full (sandbox-safe) libraries, before
-- any plugin code. It keeps private references to what it needs, builds the plugin's environment
-- from an allow-list, protects the shared string metatable, strips the dangerous functions from
-- the real globals too, and returns `run_file`, which loads a file of the plugin in that
-- environment. Called as prelude(host_fns, spec, host_api, extra_globals) by Sandbox.swift;
-- extra_globals are added to the environment as they are (a plugin test's `test` table).
local host_fns, spec, host_api, extra_globals = ...
local load, error, type, tostring, select = load, error, type, tostring, select
local pairs, setmetatable, getmetatable, rawget = pairs, setmetatable, getmetatable, rawget
local concat = table.concat
local DOC = " (see docs/PLUGINS.md, section 'The sandbox')"

local function copy(t, except)
  local c = {}
  for k, v in pairs(t) do
    if not (except and except[k]) then c[k] = v end
  end
  return c
end

-- A table whose listed missing fields raise a clear error instead of reading as nil.
local function guarded(t, prefix, denied)
  return setmetatable(t, {
    __index = function(_, key)
      if denied[key] then
        error(prefix .. tostring(key) .. " is not available in the plugin sandbox" .. DOC, 2)
      end
    end,
    __metatable = false,
  })
end

local ENV = {}

-- string: no dump; the metatable strings share is protected and indexes its own copy.
-- By now the state's string, table, utf8 and os tables, `load` and `tonumber` already hold the
-- bounded copies installed in C when the state was created (Sources/LuaSandboxC): everything
-- below copies them, so `string.find(s, p)`, `s:find(p)` and the real globals all charge their
-- work to the call's budget.
local safe_string = copy(string, { dump = true })
local string_mt = getmetatable("")
string_mt.__index = copy(safe_string)
string_mt.__metatable = false

-- math: math.random is seeded per state; reseeding needs an explicit seed.
local real_randomseed = math.randomseed
real_randomseed(spec.seed)
local safe_math = copy(math)
safe_math.randomseed = function(x, y)
  if x == nil then
    error("math.randomseed needs an explicit seed in the plugin sandbox: runs must be reproducible", 2)
  end
  return real_randomseed(x, y)
end

local safe_os = { time = os.time, clock = os.clock, date = os.date, difftime = os.difftime }

local function sandbox_load(chunk, name, mode, env)
  if mode ~= nil and mode ~= "t" then
    return nil, "only text chunks can be loaded in the plugin sandbox (mode 't')"
  end
  if env == nil then env = ENV end
  return load(chunk, name, "t", env)
end

local function sandbox_collectgarbage(option)
  if option == "count" then return collectgarbage("count") end
  error("collectgarbage('" .. tostring(option) .. "') is not available in the plugin sandbox; only 'count' is"
    .. DOC, 2)
end

-- Finalizers could run at any allocation, outside the budgets: objects may not have them.
local function sandbox_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
    error("__gc metamethods are not available in the plugin sandbox" .. DOC, 2)
  end
  return setmetatable(t, mt)
end

-- pairs: Lua visits string keys in an order that depends on a hash seed each state draws from the
-- clock and addresses, so a plugin looping with pairs could answer differently on two runs. The
-- sandbox's pairs visits keys in a stable order instead: numbers ascending, then strings (byte
-- order), then false, true, then other keys. A table with a __pairs metamethod is left to it.
local real_pairs, next, sort = pairs, next, table.sort
local KEY_RANK = { number = 1, string = 2, boolean = 3 }
local function key_before(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (KEY_RANK[ta] or 4) < (KEY_RANK[tb] or 4) end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return b and not a end
  return false
end

local function sandbox_pairs(t)
  local mt = getmetatable(t)
  if type(t) ~= "table" or type(mt) == "table" and rawget(mt, "__pairs") ~= nil then return real_pairs(t) end
  local keys, n = {}, 0
  for k in next, t do
    n = n + 1
    keys[n] = k
  end
  sort(keys, key_before)
  local i = 0
  return function(tbl)
    repeat
      i = i + 1
      local k = keys[i]
      if k == nil then return nil end
      local v = rawget(tbl, k)
      if v ~= nil then return k, v end   -- a key removed during the loop is skipped, as with next
    until false
  end, t, nil
end

local function sandbox_print(...)
  local parts = {}
  for i = 1, select("#", ...) do parts[i] = tostring((select(i, ...))) end
  host_fns.print(concat(parts, "\t"))
end

local function load_file(relative)
  local source, why = host_fns.readfile(relative)
  if source == nil then return nil, why end
  return load(source, "@" .. spec.display_root .. "/" .. relative, "t", ENV)
end

-- require: modules come from the plugin's own folder only ("a.b" is a/b.lua).
local STDLIB = { string = true, table = true, math = true, os = true, io = true, utf8 = true,
  coroutine = true, debug = true, package = true }
local loaded, loading = {}, {}
local function sandbox_require(name)
  if type(name) ~= "string" or not name:match("^[%w_]+$") and not name:match("^[%w_]+[%w_%.]*[%w_]$")
     or name:find("..", 1, true) then
    error("require: '" .. tostring(name) .. "' is not a module name (letters, digits, _ and dots)", 2)
  end
  if STDLIB[name] then
    error("require '" .. name .. "' is not available in the plugin sandbox: the allowed libraries are "
      .. "already globals, and require loads files of this plugin's folder only" .. DOC, 2)
  end
  if not spec.allow_require then
    error("require '" .. name .. "': a single-file plugin has no folder to require from; "
      .. "make it a folder with init.lua", 2)
  end
  if loaded[name] ~= nil then return loaded[name] end
  if loading[name] then error("require: module '" .. name .. "' requires itself", 2) end
  local chunk, why = load_file(name:gsub("%.", "/") .. ".lua")
  if chunk == nil then error("require '" .. name .. "': " .. why, 2) end
  loading[name] = true
  local result = chunk(name)
  loading[name] = nil
  if result == nil then result = true end
  loaded[name] = result
  return result
end

for _, k in ipairs({ "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal",
  "rawget", "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall",
  "_VERSION" }) do
  ENV[k] = _G[k]
end
ENV._G = ENV
ENV.setmetatable = sandbox_setmetatable
ENV.pairs = sandbox_pairs
ENV.load = sandbox_load
ENV.collectgarbage = sandbox_collectgarbage
ENV.print = sandbox_print
ENV.require = sandbox_require
ENV.string = guarded(safe_string, "string.", { dump = true })
ENV.table = copy(table)
ENV.math = safe_math
ENV.utf8 = copy(utf8)
ENV.coroutine = copy(coroutine)
ENV.os = guarded(safe_os, "os.", { execute = true, exit = true, remove = true, rename = true,
  getenv = true, tmpname = true, setlocale = true })
-- host.modules(folder): the modules of a folder of this plugin, for require (a drop-in folder of files).
if type(host_api) == "table" then
  host_api.modules = function(folder)
    if not spec.allow_require then
      error("host.modules: a single-file plugin has no folder to list; make it a folder with init.lua", 2)
    end
    if type(folder) ~= "string" then error("host.modules: folder must be a string", 2) end
    local names, why = host_fns.modules(folder)
    if names == nil then error("host.modules: " .. why, 2) end
    return names
  end
end
ENV.host = host_api
for k, v in pairs(extra_globals or {}) do ENV[k] = v end
guarded(ENV, "", { io = true, debug = true, package = true, dofile = true, loadfile = true,
  loadstring = true, module = true, setfenv = true, getfenv = true, newproxy = true })

-- Defence in depth: nothing dangerous stays reachable even from the real globals.
for _, k in ipairs({ "execute", "exit", "remove", "rename", "getenv", "tmpname", "setlocale" }) do os[k] = nil end
string.dump, dofile, loadfile = nil, nil, nil

-- Runs one file of the plugin in its environment and returns what it returns.
return function(relative)
  local chunk, why = load_file(relative)
  if chunk == nil then error(why, 0) end
  return chunk()
end
