-- Whole goals: how the audience categories read together, and what they leave to the domain.

-- The reading of one category (reading.intents lists every category of every plugin).
local function intent(reading, category)
  for _, i in ipairs(reading.intents) do
    if i.category == category then return i end
  end
end

test.case("every category of a goal adds its condition, in the plugin's order", function()
  local reading = test.goal("privacy-minded Gen Z students in tier-1 cities on a budget")
  test.equal(reading.detected, { "budget", "generation", "geography", "lifestyle", "privacy" })
  test.equal(reading.conditions, {
    "age between 18 and 25",
    "city_tier in ('Tier-1')",
    "occupation in ('student')",
    "price_sensitivity >= 0.6",
    "privacy_pref >= 0.6",
  })
end)

test.case("a synonym counts 0.6 and still detects its category", function()
  local reading = test.goal("zoomers in tier-1 cities")
  local generation = intent(reading, "generation")
  test.near(generation.confidence, 0.6, 1e-9)          -- one synonym: 0.6, above the threshold 0.5
  test.equal(generation.matches, { { text = "zoomers", term = "gen z" } })
  -- tier-1 as written (0.9) and "cities" through the synonym city (0.6): 1 - 0.1 x 0.4 = 0.96.
  test.near(intent(reading, "geography").confidence, 0.96, 1e-9)
end)

test.case("audience alone leaves the domain to the default, tech_adoption", function()
  local reading = test.goal("millennials")
  test.equal(reading.domain.plugin, "tech_adoption")
  test.contains(reading.domain.reason, "default domain")
end)

test.case("with a parenting word, audience's conditions come first (priority 10)", function()
  local reading = test.goal("Gen Z moms")
  test.equal(reading.domain.plugin, "parenting")
  test.equal(reading.conditions, { "age between 18 and 25", "has_children = 1", "gender = 'female'" })
end)

test.case("words that are no term are listed as unrecognised", function()
  test.equal(test.goal("rural fashion lovers").unrecognised_words, { "lovers" })
end)

test.case("terms match whole words only", function()
  -- "techno" is not "tech", and no other word of the goal is a term: nothing to go on.
  test.fails(function() test.goal("techno fans") end, "could not tell what \"techno fans\" is about")
end)

test.case("a synonym covers its words even when a term inside it scores higher", function()
  -- "baby boomer" is a synonym of boomer; the exact term "boomer" is the better match, and
  -- "baby" is still understood, not listed as unrecognised.
  local reading = test.goal("baby boomer")
  test.equal(reading.detected, { "generation" })
  test.equal(reading.unrecognised_words, {})
end)
