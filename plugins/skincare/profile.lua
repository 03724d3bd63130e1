-- Persona profiles: the fields a persona file holds, the seed's defaults for the optional ones, and
-- a check of every field, so a typo in a persona file fails `persona-host plugins check` with the
-- file and the field named instead of silently changing scores.
--
--   id                      string, the file's name (personas/<id>.lua); may be left out
--   name, description       strings (description optional)
--   skin_type               oily | dry | normal | combination | sensitive | mature
--   primary_concerns        non-empty list of concerns from classes.lua (wrinkles, acne, dryness, ...)
--   sensitivity_level       0-1: how strongly the skin reacts to actives
--   budget_preference       budget | mid-range | premium
--   ingredient_preferences  ingredient ids or tags this persona prefers (x1.5); default {}
--   ingredient_aversions    ingredient ids or tags this persona avoids (x0.1); default {}
--   efficacy_tolerance      0-1: patience for slower, gentler results; default 0.5
--   safety_priority         0-1: safety over efficacy; default 0.8
--   natural_preference      0-1: preference for natural ingredients; default 0.3

local classes = require "classes"
local learning = require "learning"
local match = require "match"

local M = {}

M.DEFAULTS = { efficacy_tolerance = 0.5, safety_priority = 0.8, natural_preference = 0.3 }

local SKIN_TYPES = { oily = true, dry = true, normal = true, combination = true, sensitive = true, mature = true }
local BUDGETS = { budget = true, ["mid-range"] = true, premium = true }
local FRACTIONS = { "sensitivity_level", "efficacy_tolerance", "safety_priority", "natural_preference" }
local LISTS = { "ingredient_preferences", "ingredient_aversions" }
local KNOWN = { id = true, name = true, description = true, skin_type = true, primary_concerns = true,
                sensitivity_level = true, budget_preference = true, ingredient_preferences = true,
                ingredient_aversions = true, efficacy_tolerance = true, safety_priority = true,
                natural_preference = true }

-- A field of `persona`, or its default.
function M.get(persona, field)
  local v = persona[field]
  if v == nil then return M.DEFAULTS[field] end
  return v
end

local function names(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return table.concat(out, ", ")
end

local function matches_any(entry, ingredients)
  for _, ingredient in ipairs(ingredients) do
    if match.hit(entry, ingredient) then return true end
  end
  return false
end

-- Every problem of persona `p` (expected id `id`) as a list of messages; empty when it is fine.
function M.problems(p, id, ingredients)
  local out = {}
  local function bad(msg) out[#out + 1] = msg end
  local unknown = {}
  for k in pairs(p) do
    if not KNOWN[k] then unknown[#unknown + 1] = tostring(k) end
  end
  table.sort(unknown)
  for _, k in ipairs(unknown) do bad(("unknown field '%s'"):format(k)) end
  if p.id ~= nil and p.id ~= id then bad(("id is '%s' but the file is personas/%s.lua"):format(p.id, id)) end
  if type(p.name) ~= "string" then bad("name must be a string") end
  if p.description ~= nil and type(p.description) ~= "string" then bad("description must be a string") end
  if not SKIN_TYPES[p.skin_type] then bad("skin_type must be one of " .. names(SKIN_TYPES)) end
  if not BUDGETS[p.budget_preference] then bad("budget_preference must be one of " .. names(BUDGETS)) end
  if type(p.primary_concerns) ~= "table" or #p.primary_concerns == 0 then
    bad("primary_concerns must be a non-empty list")
  else
    for _, c in ipairs(p.primary_concerns) do
      if not classes.concerns[c] then
        bad(("unknown concern '%s' (known: %s)"):format(tostring(c), names(classes.concerns)))
      end
    end
  end
  for _, f in ipairs(FRACTIONS) do
    local v = M.get(p, f)
    if type(v) ~= "number" or v < 0 or v > 1 then bad(f .. " must be a number from 0 to 1") end
  end
  for _, f in ipairs(LISTS) do
    local list = p[f] or {}
    if type(list) ~= "table" then
      bad(f .. " must be a list of ingredient ids or tags")
    else
      for _, entry in ipairs(list) do
        if type(entry) ~= "string" or not matches_any(entry, ingredients) then
          bad(("%s entry '%s' names no ingredient id or tag"):format(f, tostring(entry)))
        end
      end
    end
  end
  return out
end

-- Loads personas/<id>.lua, checks it and fills in id and the defaults. Raises on any problem.
function M.load(id, ingredients)
  local declared = require("personas." .. id)
  local file = "personas/" .. id .. ".lua"
  if type(declared) ~= "table" then
    error(("%s must return a persona table, got %s"):format(file, type(declared)), 0)
  end
  local problems = M.problems(declared, id, ingredients)
  if #problems > 0 then error(file .. ": " .. table.concat(problems, "; "), 0) end
  -- A copy: require caches the file's table, which must stay as declared for the next load.
  local p = {}
  for k, v in pairs(declared) do p[k] = v end
  p.id = id
  p.description = p.description or ""
  p.ingredient_preferences = p.ingredient_preferences or {}
  p.ingredient_aversions = p.ingredient_aversions or {}
  -- What the persona learns from outcomes (learning.lua); a function, so the 58 traits are not
  -- copied into every rule call.
  p.traits = function() return learning.traits(ingredients) end
  p.learning = learning.SETTINGS
  p.golden = learning.GOLDEN[id] or {}
  for field, v in pairs(M.DEFAULTS) do
    if p[field] == nil then p[field] = v end
  end
  return p
end

return M
