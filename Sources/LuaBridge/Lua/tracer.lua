-- The formula tracer: calls a feature formula proven to be straight-line arithmetic once with a
-- symbolic user whose fields record the arithmetic done on them, and returns the expression tree
-- ({"col", name}, {"neg", e}, {op, a, b} or a number). Runs with the state's own globals, never
-- in the plugin's environment. Called as tracer(formula, numeric_columns) by FormulaTracer.swift.
local formula, numeric = ...
local node = {}
local function make(...) return setmetatable({ ... }, node) end
for event, op in pairs({ __add = "+", __sub = "-", __mul = "*", __div = "/", __mod = "%",
                         __pow = "^", __idiv = "//" }) do
  node[event] = function(a, b) return make(op, a, b) end
end
node.__unm = function(a) return make("neg", a) end
local user = setmetatable({}, { __index = function(_, key)
  if numeric[key] then return make("col", key) end
  error("not a numeric column: " .. tostring(key), 0)
end })
return formula(user)
