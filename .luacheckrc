-- Plugins run in persona-host's sandbox: `host` is the host API table.
std = "lua54"
read_globals = { "host" }
max_line_length = 120
