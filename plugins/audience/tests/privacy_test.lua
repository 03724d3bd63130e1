-- Privacy: a goal about privacy means users whose privacy preference is 0.6 or above.

test.case("privacy words select the privacy-minded", function()
  for _, goal in ipairs({ "privacy", "private", "data protection" }) do   -- data protection: a synonym
    local reading = test.goal(goal)
    test.equal(reading.detected, { "privacy" }, goal)
    test.equal(reading.conditions, { "privacy_pref >= 0.6" }, goal)
  end
end)

test.case("privacy and private together make one condition", function()
  local reading = test.goal("private people who value privacy")
  test.equal(#reading.conditions, 1)
  test.equal(reading.filter.conditions[1].terms, { "privacy", "private" })
end)
