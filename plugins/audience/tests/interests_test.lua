-- Interests: only tech has a column (people with 5 or more devices); fashion, health,
-- education and entertainment are recognised and reported as not applied, each with its reason.

test.case("tech means five or more devices", function()
  for _, goal in ipairs({ "tech", "technology", "gadgets" }) do   -- the term and its two synonyms
    local reading = test.goal(goal)
    test.equal(reading.detected, { "interests" }, goal)
    test.equal(reading.conditions, { "device_count >= 5" }, goal)
  end
end)

test.case("interests without a column are not applied, with why", function()
  local reading = test.goal("fashion education entertainment")
  test.equal(reading.conditions, {})
  test.equal(#reading.not_applied, 3)
  for _, n in ipairs(reading.not_applied) do
    test.equal(n.category, "interests")
    test.equal(n.reason, "audience: the users table has no column for an interest in " .. n.term)
  end
end)

test.case("fitness and wellness are health, which is not applied", function()
  for _, goal in ipairs({ "fitness", "wellness" }) do
    local reading = test.goal(goal)
    test.equal(reading.not_applied[1].term, "health", goal)
    test.equal(reading.not_applied[1].words, goal, goal)
  end
end)

test.case("tech applies while fashion in the same goal is reported", function()
  local reading = test.goal("tech and fashion")
  test.equal(reading.conditions, { "device_count >= 5" })
  test.equal(#reading.not_applied, 1)
  test.equal(reading.not_applied[1].term, "fashion")
end)
