-- How fast Echo learns: the persona's learning settings in plugins/conversation/init.lua
-- (learning_rate 0.5, max_step 0.1, smoothing 0.3, at most 0.2 per trait per hour). The host
-- applies them; these cases pin the numbers they give. Feedback within one test case builds
-- on the earlier feedback of the case, and is stamped at one fixed time (so all of it falls in
-- one hour's window).

-- One too_formal, told apart from the others by `target` (the same feedback twice at the same
-- time is a duplicate, ignored).
local function too_formal(n)
  return test.feedback({ persona = "echo", type = "categorical", value = "too_formal", target = "reply " .. n })
end

test.case("each update is damped: a smoothed signal times the learning rate", function()
  -- Signal: -0.2 x confidence 0.8 x weight 1 = -0.16.
  -- 1st: average 0.3 x -0.16 = -0.048; step 0.5 x -0.048 = -0.024: 0.62 → 0.596.
  local first = too_formal(1)
  test.equal(first.version, "v1.1")
  test.near(first.changes[1].to, 0.596, 1e-9)
  -- 2nd: average 0.3 x -0.16 + 0.7 x -0.048 = -0.0816; step -0.0408: 0.596 → 0.5552.
  local second = too_formal(2)
  test.equal(second.version, "v1.2")
  test.near(second.changes[1].to, 0.5552, 1e-9)
end)

test.case("one strong signal moves a trait at most max_step / learning_rate before damping", function()
  -- A correction from a formal to a casual reply says formality -0.8 x 0.9 x 2 = -1.44; it counts as
  -- -0.2 (0.1 / 0.5), so formality moves 0.5 x 0.3 x -0.2 = -0.03: 0.62 → 0.59.
  local outcome = test.feedback({ persona = "echo", type = "correction", value = "Hey Sam, can't wait!",
    interaction = { input = "Reply to Sam", output = "Dear Samuel, I would appreciate your assistance tomorrow." } })
  for _, c in ipairs(outcome.changes) do
    if c.trait == "formality" then
      test.near(c.to, 0.59, 1e-9)
      test.equal(c.limited_by, { "max step" })
    end
  end
end)

test.case("a burst of the same complaint moves a trait by at most 0.2 an hour", function()
  local last
  for n = 1, 8 do last = too_formal(n) end
  -- 0.62 - 0.2: the window's cap holds formality at 0.42, well above the golden minimum 0.3.
  test.near(last.changes[1].to, 0.42, 1e-9)
  test.equal(last.changes[1].limited_by, { "window" })
  test.contains(last.message, "no trait moved")
end)

test.case("the same feedback twice is ignored the second time", function()
  test.equal(test.feedback({ persona = "echo", type = "categorical", value = "too_long" }).status, "applied")
  local again = test.feedback({ persona = "echo", type = "categorical", value = "too_long" })
  test.equal(again.status, "duplicate")
  test.equal(again.changes, {})
end)

test.case("every version names what changed", function()
  local outcome = test.feedback({ persona = "echo", type = "categorical", value = "too_cold" })
  -- warmth 0.6 + 0.5 x 0.3 x (0.2 x 0.8) = 0.624, shown rounded to two places.
  test.equal(outcome.message, "echo v1.1: warmth 0.60 → 0.62")
end)
