-- Fixture for `persona-host intents`: a threshold above a synonym's 0.60, a term that cannot
-- reach its category's threshold alone, tagged conditions and a reason for a term not applied.
return {
  name = "words",
  version = "1.0.0",
  api = 1,
  description = "Fixture: pets and rare words",
  intents = {
    pets = { terms = { "dog", "cat" }, synonyms = { puppy = "dog" }, threshold = 0.7 },
    rare = { terms = { "unicorn" }, threshold = 0.95 },
  },
  filters = function(goal)
    local where = {}
    if goal.matched.dog then where[#where + 1] = { "pet", "=", "dog", term = "dog" } end
    return where, { cat = "the users table has no column for cats" }
  end,
}
