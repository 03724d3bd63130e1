-- Who the goal is about: generation, life stage, place, interests and budget.
-- These intents apply to every domain; the filters turn them into conditions
-- on the users table. (Taxonomy and age bands from seed 002.)

local GENERATIONS = {           -- age bands, inclusive
  ["gen z"]      = { 18, 25 },
  millennial     = { 26, 40 },
  ["gen x"]      = { 41, 56 },
  boomer         = { 57, 120 },
}

local TIERS = { ["tier-1"] = "Tier-1", ["tier-2"] = "Tier-2", ["tier-3"] = "Tier-3" }

return {
  name = "audience",
  version = "1.0.0",
  api = 1,
  description = "Generations, life stages, geography, interests and budget in a goal",
  priority = 10,                 -- load first: other plugins build on these intents

  intents = {
    generation = {
      terms = { "gen z", "millennial", "gen x", "boomer" },
      synonyms = { zoomer = "gen z", ["generation z"] = "gen z", ["gen y"] = "millennial",
                   ["generation x"] = "gen x", ["baby boomer"] = "boomer", retiree = "boomer" },
    },
    lifestyle = {
      terms = { "student", "professional", "entrepreneur", "retired" },
      synonyms = { founder = "entrepreneur", pensioner = "retired", undergrad = "student" },
    },
    geography = {
      terms = { "tier-1", "tier-2", "tier-3", "urban", "rural" },
      synonyms = { metro = "tier-1", city = "urban", village = "rural" },
    },
    interests = {
      terms = { "tech", "fashion", "health", "education", "entertainment" },
      synonyms = { technology = "tech", gadget = "tech", fitness = "health", wellness = "health" },
    },
    budget = {
      terms = { "premium", "budget", "affordable", "luxury" },
      synonyms = { cheap = "budget", frugal = "budget", upscale = "luxury" },
    },
  },

  -- Conditions from what the goal matched: `goal.matched` holds the canonical
  -- terms that were found ("gen z", "tier-1", ...).
  filters = function(goal)
    local where = {}
    local ages = {}
    for term, band in pairs(GENERATIONS) do
      if goal.matched[term] then ages[#ages + 1] = band end
    end
    table.sort(ages, function(a, b) return a[1] < b[1] end)
    if #ages > 0 then   -- several generations: one band from the youngest to the oldest
      where[#where + 1] = { "age", "between", { ages[1][1], ages[#ages][2] } }
    end
    local tiers = {}
    for term, tier in pairs(TIERS) do
      if goal.matched[term] then tiers[#tiers + 1] = tier end
    end
    table.sort(tiers)
    if #tiers > 0 then where[#where + 1] = { "city_tier", "in", tiers } end
    return where
  end,
}
