-- Geography: tiers and "urban" become a city_tier condition; "rural" has no column and is
-- reported as not applied, with the plugin's reason.

test.case("each tier is its city_tier", function()
  test.equal(test.goal("tier-1").conditions, { "city_tier in ('Tier-1')" })
  test.equal(test.goal("tier 2").conditions, { "city_tier in ('Tier-2')" })
  test.equal(test.goal("tier3").conditions, { "city_tier in ('Tier-3')" })
end)

test.case("several tiers: any of them", function()
  test.equal(test.goal("tier-2 and tier-3").conditions, { "city_tier in ('Tier-2', 'Tier-3')" })
end)

test.case("urban alone means tier-1 and tier-2 cities", function()
  test.equal(test.goal("urban").conditions, { "city_tier in ('Tier-1', 'Tier-2')" })
  -- "city" is a synonym of urban, and "cities" its plural.
  test.equal(test.goal("cities").conditions, { "city_tier in ('Tier-1', 'Tier-2')" })
end)

test.case("a tier with cities: the tier says which", function()
  local reading = test.goal("tier-1 cities")
  test.equal(reading.conditions, { "city_tier in ('Tier-1')" })
  -- One condition applies both words, so neither is reported as not applied.
  test.equal(reading.filter.conditions[1].terms, { "tier-1", "urban" })
  test.equal(reading.not_applied, {})
end)

test.case("metro is a synonym of tier-1", function()
  test.equal(test.goal("metro").conditions, { "city_tier in ('Tier-1')" })
end)

test.case("rural is recognised but not applied", function()
  for _, goal in ipairs({ "rural", "village" }) do    -- village: a synonym of rural
    local reading = test.goal(goal)
    test.equal(reading.detected, { "geography" }, goal)
    test.equal(reading.conditions, {}, goal)
    test.equal(reading.not_applied, { {
      category = "geography", term = "rural", words = goal,
      reason = "audience: the users table has no rural/urban column (city_tier covers cities only)",
    } }, goal)
  end
end)

test.case("rural fails a strict goal", function()
  test.fails(function() test.goal("rural", { strict = true }) end, "recognised but not applied: rural (geography)")
end)
