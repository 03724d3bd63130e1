-- Skincare formulation: an ingredient catalogue in ten functional classes, skincare personas, and the
-- rules that turn a persona into ingredient multipliers, scoring weights and confidence adjustments.
-- Personas and rules from seed 000 (persona-based training of the hypergredient framework).
--
-- What the host reads:
--   ingredients   list of ingredient tables (fields: ingredients.lua; classes: classes.lua)
--   personas      persona id -> persona table (fields and defaults: profile.lua), one file per
--                 persona in personas/, every field filled in
--   multipliers   a table of rules (rules.lua):
--     multipliers.preference(persona, ingredient) -> multiplier, reasons
--         0.1 if an ingredient_aversions entry names the ingredient's id or one of its tags, else 1.5 if
--         an ingredient_preferences entry does, else 1.0; reasons is a list of strings
--     multipliers.weights(persona) -> { efficacy, safety, cost_efficiency, bioavailability, stability }
--     multipliers.budget(persona) -> 0.5 (budget) | 1.0 (mid-range) | 1.5 (premium)
--     multipliers.confidence(persona, ingredient) -> adjustment, reasons
--         add to the base confidence, then clamp to [0.1, 1]
--
--     multipliers.limits(persona, request) -> the request's hard limits and exclusions
--     multipliers.base_confidence: 0.7
--
-- Adding a persona: copy personas/mature_skin.lua to personas/<id>.lua and edit it. Every file in
-- personas/ is a persona; no list to update and no rebuild. A file with a mistake stops the plugin
-- from loading, with the file and the field named (`persona-host plugins check` shows it).

local ingredients = require "ingredients"
local learning = require "learning"
local profile = require "profile"
local rules = require "rules"

local personas = {}
for _, module in ipairs(host.modules("personas")) do
  local id = module:match("[^.]+$")
  personas[id] = profile.load(id, ingredients)
end

return {
  name = "skincare",
  version = "1.1.0",
  api = 1,
  description = "Skincare formulation: ingredient catalogue, skincare personas and preference rules",

  ingredients = ingredients,
  personas = personas,
  multipliers = rules,
  feedback = { outcome = learning.outcome },   -- formulation outcomes -> learned multipliers
}
