-- Tests of the parenting plugin's rules. Run them with `persona-host test plugins/parenting`.
--
-- Whole goals on a small users table. users.csv beside this file holds 96 users of the sample
-- generator (48 Gen Z mothers, 24 Gen Z fathers, 24 people without children), made with:
--   persona-host data init --db /tmp/x.sqlite
--   persona-host data generate --rows 5000 --seed 7 --db /tmp/x.sqlite
--   sqlite3 -header -csv /tmp/x.sqlite "SELECT user_id, age, gender, city_tier, privacy_pref,
--     price_sensitivity, brand_awareness_bose, emi_flag, device_count, has_children, parenting_stage,
--     occupation FROM (
--       SELECT * FROM (SELECT * FROM users WHERE has_children = 1 AND gender = 'female'
--                      AND age BETWEEN 18 AND 25 ORDER BY user_id LIMIT 48)
--       UNION ALL SELECT * FROM (SELECT * FROM users WHERE has_children = 1 AND gender = 'male'
--                      AND age BETWEEN 18 AND 25 ORDER BY user_id LIMIT 24)
--       UNION ALL SELECT * FROM (SELECT * FROM users WHERE has_children = 0 ORDER BY user_id LIMIT 24))
--     ORDER BY user_id" > users.csv

-- Whether every name in `names` ends with `suffix`, and no two are the same.
local function all_distinct_and_ending(names, suffix)
  local seen = {}
  for _, name in ipairs(names) do
    if seen[name] or name:sub(-#suffix) ~= suffix then return false end
    seen[name] = true
  end
  return true
end

test.case("Gen Z Moms reads as a generation and parenting, and selects young mothers", function()
  local run = test.goal("Gen Z Moms", { users = "users.csv" })
  test.equal(run.detected, { "generation", "parenting" })
  test.equal(run.domain.plugin, "parenting")
  test.contains(run.conditions, "has_children = 1")
  test.contains(run.conditions, "gender = 'female'")
  test.equal(run.matched_rows, 48)
end)

test.case("Gen Z Moms: four distinct Mom personas that share out every mother", function()
  local run = test.goal("Gen Z Moms", { users = "users.csv" })
  test.equal(#run.personas, 4)       -- k = 4 has the best silhouette on these mothers
  test.truthy(all_distinct_and_ending(run.names, " Mom"), "distinct names ending in Mom")
  local size, share = 0, 0
  for _, p in ipairs(run.personas) do
    size, share = size + p.size, share + p.share
  end
  test.equal(size, 48)
  test.near(share, 1, 1e-9)
  -- The largest persona is named after its strongest feature, tech-savviness.
  test.equal(run.personas[1].name, host.names.person(1, "female") .. " — Tech-Savvy Mom")
end)

test.case("dads select the 24 fathers and name Dad personas", function()
  local run = test.goal("dads", { users = "users.csv" })
  test.equal(run.conditions, { "has_children = 1", "gender = 'male'" })
  test.equal(run.matched_rows, 24)
  test.truthy(all_distinct_and_ending(run.names, " Dad"), "distinct names ending in Dad")
end)

test.case("families select every parent and name Parent personas", function()
  local run = test.goal("families", { users = "users.csv" })
  test.equal(run.matched_rows, 72)   -- 48 mothers and 24 fathers; the 24 without children are left out
  test.truthy(all_distinct_and_ending(run.names, " Parent"), "distinct names ending in Parent")
end)

test.case("the plugin's clustering settings are used unless the goal overrides them", function()
  local run = test.goal("families", { users = "users.csv" })
  test.equal(run.clustering.algorithm, "ward")
  test.equal(run.clustering.k_range, { 2, 6 })
  test.equal(run.clustering.min_share, 0.03)
  test.equal(run.clustering.overridden, {})
  -- tech_savvy_parent has no clustering weight: it describes the personas but shapes no cluster.
  for _, f in ipairs(run.features) do
    if f.name == "tech_savvy_parent" then test.equal(f.weight, 0) end
  end
  local two = test.goal("families", { users = "users.csv", k = 2, algo = "kmeans" })
  test.equal(#two.personas, 2)
  test.equal(two.clustering.overridden, { "algorithm", "k" })
end)

test.case("profiles summarise the parenting stage per persona", function()
  local run = test.goal("Gen Z Moms", { users = "users.csv" })
  for _, p in ipairs(run.personas) do
    test.truthy(p.profile.parenting_stage, p.name)
    test.equal(p.traits.typical_stage, p.profile.parenting_stage, p.name)
  end
end)
