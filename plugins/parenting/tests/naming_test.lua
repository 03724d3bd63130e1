-- Persona names: "<person> — <label> <noun>". The label comes from the feature that sets the
-- cluster apart most (largest |z|): its high label when z >= 0, its low label when z < 0. The
-- noun is Mom or Dad when the goal selected one gender (cluster.filter.gender), else Parent.
-- test.persona calls the plugin's persona hook on a cluster summary you describe; the
-- host computes cluster.distinguishing from z.

test.case("the strongest feature names the persona", function()
  local p = test.persona({
    z = { tech_savvy_parent = 1.2, child_safety_priority = 0.6, family_budget_manager = -0.3 },
    filter = { gender = "female" },
  })
  test.equal(p.name, host.names.person(1, "female") .. " — Tech-Savvy Mom")
  test.equal(p.traits.parenting_style, "Tech-Savvy")
end)

test.case("every feature's high and low label", function()
  local labels = {   -- LABELS in plugins/parenting/init.lua
    { "tech_savvy_parent", "Tech-Savvy", "Low-Tech" },
    { "child_safety_priority", "Safety-First", "Relaxed" },
    { "family_budget_manager", "Budget-Conscious", "Premium-Seeking" },
    { "parental_concern_score", "Watchful", "Easygoing" },
  }
  for _, l in ipairs(labels) do
    local feature, high, low = l[1], l[2], l[3]
    test.equal(test.persona({ z = { [feature] = 0.9 } }).traits.parenting_style, high, feature)
    test.equal(test.persona({ z = { [feature] = -0.9 } }).traits.parenting_style, low, feature)
  end
end)

test.case("a negative z that is largest in size wins over a smaller positive one", function()
  local p = test.persona({ z = { family_budget_manager = -1.5, parental_concern_score = 1.0 } })
  test.equal(p.traits.parenting_style, "Premium-Seeking")
end)

test.case("Mom, Dad or Parent from the goal's gender filter", function()
  local z = { child_safety_priority = 1 }
  test.equal(test.persona({ z = z, filter = { gender = "female" } }).name,
    host.names.person(1, "female") .. " — Safety-First Mom")
  test.equal(test.persona({ z = z, filter = { gender = "male" } }).name,
    host.names.person(1, "male") .. " — Safety-First Dad")
  test.equal(test.persona({ z = z }).name, host.names.person(1, "neutral") .. " — Safety-First Parent")
end)

test.case("the person differs by cluster index", function()
  local z = { child_safety_priority = 1 }
  local first = test.persona({ z = z, index = 1 }).name
  local second = test.persona({ z = z, index = 2 }).name
  test.equal(second, host.names.person(2, "neutral") .. " — Safety-First Parent")
  test.truthy(first ~= second)
end)

test.case("on a second attempt the second feature names it", function()
  -- The host asks again with attempt = 2 when the first name was already taken in the run.
  local p = test.persona({
    z = { tech_savvy_parent = 1.2, child_safety_priority = -0.6 },
    attempt = 2, index = 3, filter = { gender = "male" },
  })
  test.equal(p.name, host.names.person(3, "male") .. " — Relaxed Dad")
end)

test.case("traits: what the persona cares about and its typical stage", function()
  local p = test.persona({
    z = { tech_savvy_parent = 1.2, child_safety_priority = 0.5, family_budget_manager = 0.49,
          parental_concern_score = -2 },
    profile = { parenting_stage = "infant" },
  })
  -- care_about: the features with z >= 0.5, strongest first; the negative z does not count.
  test.equal(p.traits, {
    parenting_style = "Easygoing",
    care_about = { "tech_savvy_parent", "child_safety_priority" },
    typical_stage = "infant",
  })
end)

test.case("without any feature the persona is an Everyday Parent", function()
  local p = test.persona({})
  test.equal(p.name, host.names.person(1, "neutral") .. " — Everyday Parent")
  test.equal(p.traits.care_about, {})
end)
