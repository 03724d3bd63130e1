-- Plugins run in persona-host's sandbox. The globals they may use (the sandbox's Lua globals with
-- the fields it leaves, and `host` with its fields) are not listed here: they are a std generated
-- from the plugin contract's schema by `persona-host plugins types`, which `make lint` writes to
-- .build/lua-types first (run luacheck from the repository root).
local types_file = ".build/lua-types/luacheck_std.lua"
local load_types, why = loadfile(types_file)
if not load_types then
  error("cannot read " .. types_file .. " (" .. tostring(why) .. "): `make lint` generates it "
    .. "(persona-host plugins types --out .build/lua-types)", 0)
end
local types = load_types()
stds.persona_host = types.std
stds.persona_host_tests = types.tests
std = "persona_host"
max_line_length = 120

-- Plugin test files also see the test runner's globals.
files["plugins/*/tests/*.lua"] = { std = "persona_host+persona_host_tests" }

-- The host's own Lua halves run with Lua's full libraries; the sandbox prelude hardens the real
-- globals of each plugin state on purpose.
files["Sources/LuaBridge/Lua"] = { std = "lua54" }
files["Sources/LuaBridge/Lua/sandbox.lua"] = { std = "lua54", globals = { "os", "string", "dofile", "loadfile" } }
