-- Parenting words: which goals the parenting plugin reads, and the users its filters select.
-- Every parenting goal selects parents (has_children = 1); mothers alone add gender = 'female',
-- fathers alone gender = 'male'.

test.case("each term detects parenting and makes parenting the domain", function()
  for _, goal in ipairs({ "mom", "dad", "parent", "family", "kids", "children" }) do
    local reading = test.goal(goal)
    test.equal(reading.detected, { "parenting" }, goal)
    test.equal(reading.domain.plugin, "parenting", goal)
    test.contains(reading.conditions, "has_children = 1", goal)
  end
end)

test.case("mothers: parents who are female", function()
  for _, goal in ipairs({ "moms", "mothers", "mum", "mommy" }) do   -- a plural, and the synonyms of mom
    test.equal(test.goal(goal).conditions, { "has_children = 1", "gender = 'female'" }, goal)
  end
end)

test.case("fathers: parents who are male", function()
  for _, goal in ipairs({ "dads", "fathers", "daddy" }) do
    test.equal(test.goal(goal).conditions, { "has_children = 1", "gender = 'male'" }, goal)
  end
end)

test.case("mothers and fathers together: every parent", function()
  test.equal(test.goal("moms and dads").conditions, { "has_children = 1" })
end)

test.case("words about children or families: every parent", function()
  for _, goal in ipairs({ "families", "parents", "kids", "toddlers", "newborn", "child" }) do
    test.equal(test.goal(goal).conditions, { "has_children = 1" }, goal)
  end
end)

test.case("the parenting filter applies the matched terms", function()
  local reading = test.goal("mom")
  for _, c in ipairs(reading.filter.conditions) do
    test.equal(c.plugin, "parenting")
    test.equal(c.terms, { "mom" })     -- the plugin's only detected category: its terms
  end
  test.equal(reading.not_applied, {})
end)

test.case("momentum is not mom", function()
  test.fails(function() test.goal("momentum") end, "could not tell what")
end)
