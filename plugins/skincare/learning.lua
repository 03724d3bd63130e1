-- What skincare personas learn from formulation outcomes (seed 000, "persona training"): one
-- multiplier per ingredient, trait "multiplier.<id>", starting at 1 and kept within 0.1-2.
-- Outcomes accumulate and are applied in batches of 100 samples, each batch a new version
-- (v1.0 -> v1.1), checked against the golden scenarios first.

local M = {}

M.SETTINGS = { learning_rate = 0.5, max_step = 0.2, window = 86400, max_change_per_window = 1, smoothing = 0.3,
               batch_size = 100 }

M.RANGE = { min = 0.1, max = 2 }

-- persona id -> golden scenarios a candidate version must pass.
M.GOLDEN = {
  sensitive_skin = {
    { name = "retinol never exceeds multiplier 1.0 for sensitive_skin", trait = "multiplier.retinol", max = 1.0 },
    { name = "glycolic acid never exceeds multiplier 1.0 for sensitive_skin", trait = "multiplier.glycolic_acid",
      max = 1.0 },
  },
}

-- The learnable traits of a persona: every ingredient's multiplier.
function M.traits(ingredients)
  local traits = {}
  for _, ingredient in ipairs(ingredients) do
    traits["multiplier." .. ingredient.id] = { value = 1, min = M.RANGE.min, max = M.RANGE.max }
  end
  return traits
end

-- A wrong outcome is the user's input error, not this plugin's: host.reject (exit 2).
local function score(x, name)
  local v = tonumber(x)
  if v == nil or v < 0 or v > 10 then
    local got = x == nil and "nothing" or tostring(x)
    host.reject(("outcome %s must be a number from 0 to 10, got %s"):format(name, got))
  end
  return (v - 5) / 5   -- -1 (terrible) .. 1 (excellent)
end

local OUTCOME_FIELD_NAMES = { "efficacy", "ingredients", "safety", "user_satisfaction" }
local OUTCOME_FIELDS = {}
for _, name in ipairs(OUTCOME_FIELD_NAMES) do OUTCOME_FIELDS[name] = true end

-- outcome(fb): fb.value = { efficacy, safety, user_satisfaction (0-10), ingredients = { ids } }.
-- Every ingredient the formulation used moves the same way: satisfaction counts most, then
-- efficacy and safety. Over many outcomes, ingredients that keep appearing in liked formulas
-- rise and the others fall.
function M.outcome(fb)
  local v = fb.value
  if type(v) ~= "table" then
    host.reject('an outcome is {"efficacy": 0-10, "safety": 0-10, "user_satisfaction": 0-10, '
      .. '"ingredients": [...]}')
  end
  for key in pairs(v) do
    if not OUTCOME_FIELDS[key] then
      local closest = host.suggest(tostring(key), OUTCOME_FIELD_NAMES)
      local hint = closest and (" (did you mean '" .. closest .. "'?)") or ""
      host.reject(("unknown outcome field '%s'%s; an outcome has: %s"):format(tostring(key), hint,
        table.concat(OUTCOME_FIELD_NAMES, ", ")))
    end
  end
  local ingredients = v.ingredients or (fb.interaction and fb.interaction.context.ingredients)
  if type(ingredients) ~= "table" or #ingredients == 0 then
    host.reject("an outcome needs the formulation's ingredients "
      .. "(value.ingredients, or --interaction N of a logged formula)")
  end
  for i, id in ipairs(ingredients) do
    if type(id) ~= "string" then
      host.reject(("outcome ingredients[%d] must be an ingredient id, got %s"):format(i, tostring(id)))
    end
    if not fb.traits["multiplier." .. id] then
      local known = {}
      for trait in pairs(fb.traits) do known[#known + 1] = trait:match("^multiplier%.(.+)$") end
      local closest = host.suggest(id, known)
      host.reject(("outcome ingredients[%d]: unknown ingredient '%s'%s"):format(i, id,
        closest and (" (did you mean '" .. closest .. "'?)") or ""))
    end
  end
  local s = 0.6 * score(v.user_satisfaction, "user_satisfaction") + 0.2 * score(v.efficacy, "efficacy")
    + 0.2 * score(v.safety, "safety")
  local out = {}
  for _, id in ipairs(ingredients) do
    out[#out + 1] = { trait = "multiplier." .. id, adjustment = 0.5 * s, confidence = 0.8, weight = 1 }
  end
  return out
end

return M
