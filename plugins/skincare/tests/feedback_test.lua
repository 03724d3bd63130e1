-- What skincare personas learn from formulation outcomes (learning.lua): every ingredient the
-- formula used gets a signal on its multiplier, 0.5 x s, where
--   s = 0.6 x satisfaction + 0.2 x efficacy + 0.2 x safety, each scaled from 0..10 to -1..1,
-- with confidence 0.8 and weight 1. Outcomes apply in batches of 100.

local function outcome(persona, value, target)
  return test.feedback({ persona = persona, type = "outcome", value = value, target = target })
end

test.case("a good outcome raises the multiplier of every ingredient used", function()
  -- satisfaction 7 → 0.4, efficacy 8 → 0.6, safety 9 → 0.8:
  -- s = 0.6 x 0.4 + 0.2 x 0.6 + 0.2 x 0.8 = 0.52; adjustment 0.5 x 0.52 = 0.26.
  local o = outcome("acne_prone", { efficacy = 8, safety = 9, user_satisfaction = 7,
                                    ingredients = { "niacinamide", "zinc_pca" } })
  test.equal(#o.signals, 2)
  for i, id in ipairs({ "niacinamide", "zinc_pca" }) do
    test.equal(o.signals[i].trait, "multiplier." .. id)
    test.near(o.signals[i].adjustment, 0.26, 1e-9)
    test.equal({ o.signals[i].confidence, o.signals[i].weight }, { 0.8, 1 })
  end
end)

test.case("a terrible outcome lowers them, a middling one leaves them", function()
  local bad = outcome("acne_prone", { efficacy = 0, safety = 0, user_satisfaction = 0, ingredients = { "retinol" } })
  test.near(bad.signals[1].adjustment, -0.5, 1e-9)          -- s = -1
  local meh = outcome("acne_prone", { efficacy = 5, safety = 5, user_satisfaction = 5, ingredients = { "retinol" } })
  test.near(meh.signals[1].adjustment, 0, 1e-9)
end)

test.case("satisfaction counts three times as much as efficacy", function()
  local happy = outcome("anti_aging", { efficacy = 5, safety = 5, user_satisfaction = 10, ingredients = { "retinol" } })
  local effective = outcome("anti_aging", { efficacy = 10, safety = 5, user_satisfaction = 5,
                                            ingredients = { "retinol" } })
  test.near(happy.signals[1].adjustment, 0.3, 1e-9)         -- 0.5 x 0.6
  test.near(effective.signals[1].adjustment, 0.1, 1e-9)     -- 0.5 x 0.2
end)

test.case("an outcome waits for its batch of 100", function()
  local o = outcome("acne_prone", { efficacy = 8, safety = 9, user_satisfaction = 7, ingredients = { "niacinamide" } })
  test.equal(o.status, "pending")
  test.equal(o.changes, {})
  test.contains(o.message, "1 of 100 samples until v1.1")
end)

test.case("wrong outcomes are refused, with what was wrong", function()
  local function give(value) return function() outcome("acne_prone", value) end end
  local ok = { efficacy = 8, safety = 9, user_satisfaction = 7 }
  local function with(changes)
    local v = { ingredients = { "niacinamide" } }
    for k, x in pairs(ok) do v[k] = x end
    for k, x in pairs(changes) do v[k] = x end
    return v
  end
  test.rejects(give(with({ efficacy = 11 })), "outcome efficacy must be a number from 0 to 10, got 11")
  test.rejects(give(with({ safety = -1 })), "outcome safety must be a number from 0 to 10, got -1")
  test.rejects(give({ efficacy = 8, safety = 9, ingredients = { "niacinamide" } }),
    "outcome user_satisfaction must be a number from 0 to 10, got nothing")
  test.rejects(give(with({ efficacyy = 8 })), "unknown outcome field 'efficacyy' (did you mean 'efficacy'?)")
  test.rejects(give(with({ ingredients = { "niacinamid" } })),
    "outcome ingredients[1]: unknown ingredient 'niacinamid' (did you mean 'niacinamide'?)")
  test.rejects(give(with({ ingredients = { 3 } })), "outcome ingredients[1] must be an ingredient id, got 3")
  test.rejects(give(ok), "an outcome needs the formulation's ingredients")
  test.rejects(give("great"), 'an outcome is {"efficacy": 0-10')
end)

test.case("a full batch makes a version: multipliers move up to max_step 0.2", function()
  local last
  for n = 1, 100 do   -- `target` tells the outcomes apart (the same outcome twice is a duplicate)
    last = outcome("acne_prone", { efficacy = 10, safety = 10, user_satisfaction = 10,
                                   ingredients = { "salicylic_acid", "zinc_pca" } }, "formula " .. n)
  end
  test.equal(last.status, "applied")
  test.equal(last.version, "v1.1")
  for _, c in ipairs(last.changes) do
    test.equal({ c.from, c.to }, { 1, 1.2 }, c.trait)
  end
  -- The next formula for acne_prone uses what it learned.
  local formula = test.formulate{ persona = "acne_prone", concerns = { "acne" } }
  test.equal(formula.learned_version, "v1.1")
end)

test.case("sensitive_skin's golden scenarios keep retinol at or below 1", function()
  local last
  for n = 1, 100 do
    last = outcome("sensitive_skin", { efficacy = 10, safety = 10, user_satisfaction = 10,
                                       ingredients = { "retinol" } }, "formula " .. n)
  end
  -- The candidate v1.1 would raise multiplier.retinol to 1.2: it is rejected, v1.0 stays.
  test.equal(last.status, "rejected")
  test.contains(last.message, "retinol never exceeds multiplier 1.0 for sensitive_skin")
  test.contains(last.message, "v1.0 stays active")
end)
