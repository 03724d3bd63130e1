-- Tests of the parenting plugin's rules. Run them with `persona-host test plugins/parenting`.
-- users.csv beside this file: 96 users from the sample generator (48 Gen Z mothers,
-- 24 young fathers, 24 people without children).

test.case("Gen Z Moms reads as a generation and parenting, and selects young mothers", function()
  local run = test.goal("Gen Z Moms", { users = "users.csv" })
  test.equal(run.detected, { "generation", "parenting" })
  test.equal(run.domain.plugin, "parenting")
  test.contains(run.conditions, "has_children = 1")
  test.contains(run.conditions, "gender = 'female'")
  test.equal(run.matched_rows, 48)
  print(#run.names, run.names[1], run.names[2])
end)
