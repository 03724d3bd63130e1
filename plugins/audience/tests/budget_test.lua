-- Budget: "budget" and "affordable" mean the price-sensitive (price_sensitivity 0.6 and above),
-- "premium" and "luxury" the price-insensitive (0.4 and below). A goal asking for both applies
-- neither and says why.

test.case("budget words select the price-sensitive", function()
  for _, goal in ipairs({ "budget", "affordable", "cheap", "frugal" }) do   -- cheap, frugal: synonyms of budget
    test.equal(test.goal(goal).conditions, { "price_sensitivity >= 0.6" }, goal)
  end
end)

test.case("premium words select the price-insensitive", function()
  for _, goal in ipairs({ "premium", "luxury", "upscale" }) do   -- upscale: a synonym of luxury
    test.equal(test.goal(goal).conditions, { "price_sensitivity <= 0.4" }, goal)
  end
end)

test.case("budget and affordable together make one condition", function()
  local reading = test.goal("affordable budget phones")
  test.equal(reading.filter.conditions, {
    { plugin = "audience", condition = "price_sensitivity >= 0.6", terms = { "affordable", "budget" } },
  })
end)

test.case("budget and premium together: neither is applied", function()
  local reading = test.goal("cheap luxury")
  test.equal(reading.conditions, {})
  local terms = {}
  for _, n in ipairs(reading.not_applied) do
    terms[#terms + 1] = n.term
    test.equal(n.reason, "audience: the goal asks for both budget and premium users")
  end
  table.sort(terms)
  test.equal(terms, { "budget", "luxury" })
end)
