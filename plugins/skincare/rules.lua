-- The rules that turn a persona into numbers for the formulation scorer (seed 000, and the
-- hypergredient framework's PersonaProfile and persona-aware predictions it documents).
-- This module is the manifest's `multipliers` table.

local classes = require "classes"
local match = require "match"
local profile = require "profile"

local PREFERRED = 1.5      -- an ingredient the persona prefers: +50 %
local AVOIDED = 0.1        -- an ingredient the persona avoids: -90 % (and never used: see exclusion)

local M = {
  base_confidence = 0.7,  -- confidence before the adjustments below
}

local BUDGET = { budget = 0.5, ["mid-range"] = 1.0, premium = 1.5 }
local SAFETY_CONSCIOUS = 0.8      -- safety_priority above this ...
local STRONG_ACTIVE_PENALTY = -0.2  -- ... lowers confidence in ingredients tagged strong_active
local CONCERN_BOOST = 0.3         -- an ingredient whose class addresses a primary concern

local DEFAULT_BUDGET = 100        -- USD of raw materials per kg of product, times M.budget(persona)
local ACTIVES = { min = 5, max = 25 }  -- % of the product the chosen ingredients make up together
local MAX_INGREDIENTS = 6

-- What a skin type (the request's --skin-type, else the persona's) rules out, and how it scales the
-- irritation limit.
local SKIN_TYPES = {
  oily = { exclude = { "comedogenic_oil", "heavy_moisturizer" } },
  combination = { exclude = { "heavy_moisturizer" } },
  dry = { exclude = { "alcohol", "sulfate" } },
  sensitive = { exclude = { "fragrance", "essential_oil", "alcohol", "sulfate" }, irritation = 0.8 },
  normal = {},
  mature = { exclude = { "alcohol" } },
}

-- preference(persona, ingredient) -> multiplier, reasons
-- 0.1 when an ingredient_aversions entry names the ingredient's id or a tag, else 1.5 when an
-- ingredient_preferences entry does, else 1.0. An aversion wins over a preference (the seed writes
-- aversions last), and several matches do not compound. reasons lists every match.
function M.preference(persona, ingredient)
  local reasons, avoided, preferred = {}, false, false
  for _, entry in ipairs(persona.ingredient_aversions or {}) do
    local hit = match.hit(entry, ingredient)
    if hit then
      avoided = true
      reasons[#reasons + 1] = ("avoids %s (%s): x%g"):format(entry, hit, AVOIDED)
    end
  end
  for _, entry in ipairs(persona.ingredient_preferences or {}) do
    local hit = match.hit(entry, ingredient)
    if hit then
      preferred = true
      reasons[#reasons + 1] = ("prefers %s (%s): x%g"):format(entry, hit, PREFERRED)
    end
  end
  if avoided then return AVOIDED, reasons end
  return preferred and PREFERRED or 1.0, reasons
end

-- weights(persona) -> { efficacy, safety, cost_efficiency, bioavailability, stability }
-- Weights of the ingredient's scores in its composite score, as the seed's get_persona_weights.
function M.weights(persona)
  local safety = profile.get(persona, "safety_priority")
  return {
    efficacy = 1 - safety,
    safety = safety,
    cost_efficiency = persona.budget_preference == "budget" and 1.0 or 0.5,
    bioavailability = profile.get(persona, "efficacy_tolerance"),
    stability = 0.8,   -- "generally important", for every persona
    natural = profile.get(persona, "natural_preference") * 0.5,   -- not in the seed: natural origin counts too
  }
end

-- budget(persona) -> multiplier of the normalised budget: 0.5 budget, 1.0 mid-range, 1.5 premium.
function M.budget(persona)
  return BUDGET[persona.budget_preference] or 1.0
end

-- confidence(persona, ingredient) -> adjustment, reasons
-- Added to the host's base confidence for the ingredient (which the host clamps to [0.1, 1]).
--  * A safety-conscious persona (safety_priority > 0.8) lowers it by 0.2 for strong actives. The seed
--    applies this to the whole cellular-turnover class; here the catalogue marks strong actives with
--    the tag strong_active (retinol, retinal, glycolic and salicylic acid, L-ascorbic acid), so gentle
--    agents such as bakuchiol or lactic acid keep their confidence.
--  * A persona raises it by 0.3 when the ingredient's class addresses one of its primary_concerns
--    (classes.concerns; the seed's four concern boosts are part of that map). Once, however many match.
function M.confidence(persona, ingredient)
  local adjustment, reasons = 0, {}
  if profile.get(persona, "safety_priority") > SAFETY_CONSCIOUS then
    for _, tag in ipairs(ingredient.tags) do
      if tag == "strong_active" then
        adjustment = adjustment + STRONG_ACTIVE_PENALTY
        reasons[#reasons + 1] = ("safety-conscious persona, strong active: %+g"):format(STRONG_ACTIVE_PENALTY)
        break
      end
    end
  end
  for _, concern in ipairs(persona.primary_concerns or {}) do
    if classes.addresses(concern, ingredient.class) then
      adjustment = adjustment + CONCERN_BOOST
      reasons[#reasons + 1] = ("%s addresses %s: %+g"):format(ingredient.class, concern, CONCERN_BOOST)
      break
    end
  end
  return adjustment, reasons
end

-- exclusion(persona, request, ingredient) -> reason or nil
-- An ingredient that may not be used at all: one the persona avoids, one the request's --exclude
-- names, or one the skin type rules out (SKIN_TYPES). Matched by id or tag, like preferences.
function M.exclusion(persona, request, ingredient)
  for _, entry in ipairs(persona.ingredient_aversions or {}) do
    local hit = match.hit(entry, ingredient)
    if hit then return ("avoided by %s (%s)"):format(persona.id, hit) end
  end
  for _, entry in ipairs(request.exclude or {}) do
    local hit = match.hit(entry, ingredient)
    if hit then return ("excluded by the request (%s)"):format(hit) end
  end
  local skin = SKIN_TYPES[request.skin_type] or {}
  for _, entry in ipairs(skin.exclude or {}) do
    local hit = match.hit(entry, ingredient)
    if hit then return ("ruled out for %s skin (%s)"):format(request.skin_type, hit) end
  end
  return nil
end

-- limits(persona, request) -> { actives = {min, max}, budget, max_irritation, max_ingredients, fired }
-- The request's hard limits. request = { concerns, skin_type, budget (nil: not given), exclude }.
--  * budget: the request's, else 100 USD/kg x M.budget(persona);
--  * max_irritation: 0.2 + 1.5 x (1 - sensitivity_level), x 0.8 for sensitive skin. One ingredient
--    of safety 6 at the top of its range brings 0.4 (see docs/PLUGINS.md, "run formulate").
-- fired lists the rules that set them, for the report.
function M.limits(persona, request)
  if request.skin_type ~= nil and SKIN_TYPES[request.skin_type] == nil then
    -- A typo would silently drop that skin type's exclusions: refuse it, naming the known types.
    local known = {}
    for name in pairs(SKIN_TYPES) do known[#known + 1] = name end
    table.sort(known)
    local close = host.suggest(request.skin_type, known)
    host.reject(("unknown skin type '%s'%s; known: %s"):format(request.skin_type,
      close and (" (did you mean '" .. close .. "'?)") or "", table.concat(known, ", ")))
  end
  local fired = {}
  local irritation = 0.2 + 1.5 * (1 - persona.sensitivity_level)
  fired[#fired + 1] = ("max irritation %.2f = 0.2 + 1.5 x (1 - sensitivity_level %.2f)")
    :format(irritation, persona.sensitivity_level)
  local skin = SKIN_TYPES[request.skin_type] or {}
  if skin.irritation then
    irritation = irritation * skin.irritation
    fired[#fired + 1] = ("%s skin: max irritation x%g = %.2f"):format(request.skin_type, skin.irritation, irritation)
  end
  if skin.exclude and #skin.exclude > 0 then
    fired[#fired + 1] = ("%s skin rules out: %s"):format(request.skin_type, table.concat(skin.exclude, ", "))
  end
  local budget = request.budget
  if budget == nil then
    budget = DEFAULT_BUDGET * M.budget(persona)
    fired[#fired + 1] = ("budget %g USD/kg = %g x %g (%s)"):format(budget, DEFAULT_BUDGET, M.budget(persona),
      persona.budget_preference)
  end
  return { actives = ACTIVES, budget = budget, max_irritation = irritation, max_ingredients = MAX_INGREDIENTS,
           fired = fired }
end

return M
