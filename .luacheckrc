-- Plugins run in persona-host's sandbox: `host` is the host API table.
std = "lua54"
read_globals = { "host" }
max_line_length = 120

-- The sandbox prelude hardens the real globals of each plugin state on purpose.
files["Sources/LuaBridge/Lua/sandbox.lua"] = { globals = { "os", "string", "dofile", "loadfile" } }

-- Plugin tests also see the `test` API.
files["plugins/*/tests"] = { read_globals = { "test" } }
