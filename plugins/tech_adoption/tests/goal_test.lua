-- Whole goals on a small users table, with tech_adoption as the domain.
--
-- tech_adoption is the default domain: it declares no intents, and the goal pipeline falls back
-- to it when no plugin is selected by the goal's categories (audience's words alone, say).
--
-- users.csv beside this file: 120 users of the sample generator, 30 from each of its four planted
-- segments (true_segment): 18 millennials (26-40) who are not students, 9 students aged 18 or
-- more, and 3 users over 40 who are not students; lowest user_id first in each group. Made with:
--   persona-host data init --db /tmp/x.sqlite
--   persona-host data generate --rows 5000 --seed 7 --db /tmp/x.sqlite
--   sqlite3 -header -csv /tmp/x.sqlite "WITH g AS (SELECT *, CASE
--       WHEN occupation = 'student' AND age >= 18 THEN 'student'
--       WHEN occupation != 'student' AND age BETWEEN 26 AND 40 THEN 'millennial'
--       WHEN occupation != 'student' AND age > 40 THEN 'older' END AS part FROM users),
--     r AS (SELECT *, row_number() OVER (PARTITION BY true_segment, part ORDER BY user_id) AS n FROM g)
--     SELECT user_id, age, city_tier, occupation, privacy_pref, price_sensitivity, brand_awareness_bose,
--       device_count FROM r
--     WHERE (part = 'millennial' AND n <= 18) OR (part = 'student' AND n <= 9) OR (part = 'older' AND n <= 3)
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

test.case("a goal no domain is selected by falls to tech_adoption", function()
  local reading = test.goal("millennials")
  test.equal(reading.domain, {
    plugin = "tech_adoption", reason = "default domain (no domain plugin is selected by generation)",
  })
end)

test.case("millennials: the 72 aged 26-40, in four User personas", function()
  local run = test.goal("millennials", { users = "users.csv" })
  test.equal(run.conditions, { "age between 26 and 40" })
  test.equal(run.matched_rows, 72)
  -- The four planted segments come back as four personas of 18.
  test.equal(#run.personas, 4)
  for _, p in ipairs(run.personas) do test.equal(p.size, 18, p.name) end
  test.truthy(all_distinct_and_ending(run.names, " User"), "distinct names ending in User")
end)

test.case("students: the 36 students, every persona a Student", function()
  local run = test.goal("students", { users = "users.csv" })
  test.equal(run.matched_rows, 36)
  test.truthy(all_distinct_and_ending(run.names, " Student"), "distinct names ending in Student")
end)

test.case("tech students: students with five or more devices", function()
  local run = test.goal("tech students", { users = "users.csv" })
  test.equal(run.conditions, { "occupation in ('student')", "device_count >= 5" })
  test.equal(run.matched_rows, 10)
end)

test.case("the plugin's clustering settings", function()
  local run = test.goal("millennials", { users = "users.csv" })
  test.equal(run.clustering.algorithm, "kmeans")
  test.equal(run.clustering.k_range, { 2, 6 })
  test.equal(run.clustering.min_share, 0.03)
end)

test.case("the same goal and seed give the same personas", function()
  local a = test.goal("millennials", { users = "users.csv", seed = 3 })
  local b = test.goal("millennials", { users = "users.csv", seed = 3 })
  test.equal(a.names, b.names)
  test.equal(a.personas[1].size, b.personas[1].size)
end)
