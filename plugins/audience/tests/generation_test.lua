-- Generations: each term (and each synonym of one) becomes an age band on the users table,
-- and several generations in one goal become one band from the youngest to the oldest.
-- test.goal without users reads the goal with every shipped plugin and returns the conditions
-- the filters would apply, as text ("age between 18 and 25").

-- The bands of plugins/audience/init.lua (GENERATIONS), inclusive.
local BANDS = {
  ["gen z"] = "age between 18 and 25",
  millennial = "age between 26 and 40",
  ["gen x"] = "age between 41 and 56",
  boomer = "age between 57 and 120",
}

test.case("each generation is an age band", function()
  -- Lists, not pairs(), so that cases run in the same order every time.
  for _, term in ipairs({ "gen z", "millennial", "gen x", "boomer" }) do
    local reading = test.goal(term)
    test.equal(reading.detected, { "generation" }, term)
    test.equal(reading.conditions, { BANDS[term] }, term)
  end
end)

test.case("the condition names the term it applies", function()
  local reading = test.goal("millennials")
  test.equal(reading.filter.conditions, {
    { plugin = "audience", condition = "age between 26 and 40", terms = { "millennial" } },
  })
end)

test.case("synonyms give their term's band", function()
  local synonyms = {
    { "zoomer", "gen z" }, { "generation z", "gen z" }, { "gen y", "millennial" },
    { "generation x", "gen x" }, { "retiree", "boomer" },
  }
  for _, s in ipairs(synonyms) do
    local alias, term = s[1], s[2]
    test.equal(test.goal(alias).conditions, { BANDS[term] }, alias)
  end
end)

test.case("spelling variants of a term count as the term", function()
  test.equal(test.goal("genz").conditions, { "age between 18 and 25" })
  test.equal(test.goal("Gen-X").conditions, { "age between 41 and 56" })
end)

test.case("several generations make one band from the youngest to the oldest", function()
  -- gen z (18-25) and millennials (26-40): 18 to 40, one condition applying both terms.
  local reading = test.goal("Gen Z and millennials")
  test.equal(reading.conditions, { "age between 18 and 40" })
  test.equal(reading.filter.conditions[1].terms, { "gen z", "millennial" })
  -- Not adjacent: gen z (18-25) and boomers (57-120) still make one band, 18 to 120.
  test.equal(test.goal("gen z and boomers").conditions, { "age between 18 and 120" })
end)
