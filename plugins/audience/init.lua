-- Who the goal is about: generation, life stage, place, interests, budget and privacy.
-- These intents apply to every domain; filters() turns each recognised word into a condition on
-- the users table where the table has a column for it, and says why not where it has none.
-- (Taxonomy and age bands from seed 002; the other conditions are this plugin's choices,
-- documented next to each table below.)

-- generation: age bands, inclusive (seed 002). Several generations: one band from the youngest
-- to the oldest.
local GENERATIONS = {
  ["gen z"]      = { 18, 25 },
  millennial     = { 26, 40 },
  ["gen x"]      = { 41, 56 },
  boomer         = { 57, 120 },
}

-- geography: city tiers (seed 002). "urban" ("cities") alone is the tier-1 and tier-2 cities; with a
-- tier ("tier-1 cities") the tier says which. The table has no rural/urban column, so "rural" is
-- not applied (tier-3 cities are still cities).
local TIERS = { ["tier-1"] = "Tier-1", ["tier-2"] = "Tier-2", ["tier-3"] = "Tier-3" }
local URBAN = { "Tier-1", "Tier-2" }

-- lifestyle: occupations. Several lifestyles: any of them.
local OCCUPATIONS = {
  student = { "student" },
  retired = { "retired" },
  entrepreneur = { "business_owner", "shop_owner", "freelancer" },
  professional = { "software_engineer", "doctor", "nurse", "teacher", "consultant", "designer",
                   "civil_servant", "sales_executive" },
}

-- interests: only tech has a column (people who own 5 or more devices); the others have none.
local TECH_DEVICES = 5

-- budget: price sensitivity 0-1. "budget" and "affordable" goals mean the price-sensitive (0.6 and
-- above); "premium" and "luxury" the price-insensitive (0.4 and below).
local PRICE_SENSITIVE, PRICE_INSENSITIVE = 0.6, 0.4

-- privacy: privacy preference 0-1; a goal about privacy means 0.6 and above.
local PRIVACY_MINDED = 0.6

local function sorted_keys(set)
  local out = {}
  for k in pairs(set) do out[#out + 1] = k end
  table.sort(out)
  return out
end

-- The matched terms of `list`, sorted.
local function matched(goal, list)
  local out = {}
  for _, term in ipairs(list) do
    if goal.matched[term] then out[#out + 1] = term end
  end
  table.sort(out)
  return out
end

return {
  name = "audience",
  version = "1.1.0",
  api = 1,
  description = "Generations, life stages, geography, interests, budget and privacy in a goal",
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
    privacy = {
      terms = { "privacy", "private" },
      synonyms = { ["data protection"] = "privacy" },
    },
  },

  -- Conditions from what the goal matched: `goal.matched` holds the canonical terms found
  -- ("gen z", "tier-1", ...). Each condition names the terms it applies (`terms`); the second
  -- result says why a matched term has no condition.
  filters = function(goal)
    local where, why = {}, {}

    local generations = matched(goal, sorted_keys(GENERATIONS))
    if #generations > 0 then
      local low, high = math.huge, -math.huge
      for _, term in ipairs(generations) do
        low, high = math.min(low, GENERATIONS[term][1]), math.max(high, GENERATIONS[term][2])
      end
      where[#where + 1] = { "age", "between", { low, high }, terms = generations }
    end

    local places = matched(goal, sorted_keys(TIERS))
    local tiers = {}
    for _, term in ipairs(places) do tiers[#tiers + 1] = TIERS[term] end
    if #tiers == 0 and goal.matched.urban then tiers = URBAN end
    if goal.matched.urban then places[#places + 1] = "urban" end
    if #tiers > 0 then where[#where + 1] = { "city_tier", "in", tiers, terms = places } end
    why.rural = "the users table has no rural/urban column (city_tier covers cities only)"

    local lifestyles = matched(goal, sorted_keys(OCCUPATIONS))
    if #lifestyles > 0 then
      local jobs = {}
      for _, term in ipairs(lifestyles) do
        for _, job in ipairs(OCCUPATIONS[term]) do jobs[#jobs + 1] = job end
      end
      table.sort(jobs)
      where[#where + 1] = { "occupation", "in", jobs, terms = lifestyles }
    end

    if goal.matched.tech then
      where[#where + 1] = { "device_count", ">=", TECH_DEVICES, term = "tech" }
    end
    for _, interest in ipairs({ "fashion", "health", "education", "entertainment" }) do
      why[interest] = "the users table has no column for an interest in " .. interest
    end

    local cheap = matched(goal, { "budget", "affordable" })
    local dear = matched(goal, { "premium", "luxury" })
    if #cheap > 0 and #dear > 0 then
      for _, term in ipairs(cheap) do why[term] = "the goal asks for both budget and premium users" end
      for _, term in ipairs(dear) do why[term] = "the goal asks for both budget and premium users" end
    elseif #cheap > 0 then
      where[#where + 1] = { "price_sensitivity", ">=", PRICE_SENSITIVE, terms = cheap }
    elseif #dear > 0 then
      where[#where + 1] = { "price_sensitivity", "<=", PRICE_INSENSITIVE, terms = dear }
    end

    local privacy = matched(goal, { "privacy", "private" })
    if #privacy > 0 then
      where[#where + 1] = { "privacy_pref", ">=", PRIVACY_MINDED, terms = privacy }
    end
    return where, why
  end,
}
