-- The four feature formulas of plugins/parenting/init.lua on hand-computed users.
-- test.feature evaluates a formula exactly as a run does (traced into Swift, or per row).

-- A parent in the middle of most scales.
local PARENT = {
  privacy_pref = 0.5, price_sensitivity = 0.25, brand_awareness_bose = 0.8, emi_flag = 1, device_count = 4,
}

test.case("parental concern: 40 % privacy, 60 % price sensitivity", function()
  -- 0.5 x 0.4 + 0.25 x 0.6 = 0.2 + 0.15 = 0.35
  test.near(test.feature("parental_concern_score", PARENT), 0.35, 1e-9)
end)

test.case("child safety: 30 % brand awareness, 70 % privacy", function()
  -- 0.8 x 0.3 + 0.5 x 0.7 = 0.24 + 0.35 = 0.59
  test.near(test.feature("child_safety_priority", PARENT), 0.59, 1e-9)
end)

test.case("family budget: 80 % price sensitivity, 20 % buying on EMI", function()
  -- 0.25 x 0.8 + 1 x 0.2 = 0.2 + 0.2 = 0.4
  test.near(test.feature("family_budget_manager", PARENT), 0.4, 1e-9)
  -- Without EMI the second term drops: 0.25 x 0.8 = 0.2
  test.near(test.feature("family_budget_manager", { price_sensitivity = 0.25, emi_flag = 0 }), 0.2, 1e-9)
end)

test.case("tech-savvy: devices out of 8 (60 %) and openness, 1 - privacy (40 %)", function()
  -- 4 / 8 x 0.6 + (1 - 0.5) x 0.4 = 0.3 + 0.2 = 0.5
  test.near(test.feature("tech_savvy_parent", PARENT), 0.5, 1e-9)
end)

test.case("test.features gives every feature at once", function()
  local f = test.features(PARENT)
  test.near(f.parental_concern_score, 0.35, 1e-9)
  test.near(f.child_safety_priority, 0.59, 1e-9)
  test.near(f.family_budget_manager, 0.4, 1e-9)
  test.near(f.tech_savvy_parent, 0.5, 1e-9)
end)

test.case("the scales' ends", function()
  -- Everything at its top: concern, safety and budget reach 1; tech-savvy is 8/8 x 0.6 + 0 = 0.6,
  -- since a full privacy preference takes away all of its openness part.
  local top = test.features({
    privacy_pref = 1, price_sensitivity = 1, brand_awareness_bose = 1, emi_flag = 1, device_count = 8,
  })
  test.equal(top, {
    parental_concern_score = 1, child_safety_priority = 1, family_budget_manager = 1, tech_savvy_parent = 0.6,
  })
  -- Everything at zero: only openness remains, (1 - 0) x 0.4 = 0.4.
  local bottom = test.features({
    privacy_pref = 0, price_sensitivity = 0, brand_awareness_bose = 0, emi_flag = 0, device_count = 0,
  })
  test.equal(bottom, {
    parental_concern_score = 0, child_safety_priority = 0, family_budget_manager = 0, tech_savvy_parent = 0.4,
  })
end)

test.case("a formula reading a column the user lacks fails, naming it", function()
  test.fails(function() test.feature("child_safety_priority", { privacy_pref = 0.5 }) end,
    "u.brand_awareness_bose is not a column")
end)
