-- The three feature formulas of plugins/tech_adoption/init.lua on hand-computed users.

local USER = { privacy_pref = 0.25, price_sensitivity = 0.7, brand_awareness_bose = 0.6, device_count = 6 }

test.case("early adopter: devices out of 8 (40 %), brand awareness (30 %), openness (30 %)", function()
  -- 6 / 8 x 0.4 + 0.6 x 0.3 + (1 - 0.25) x 0.3 = 0.3 + 0.18 + 0.225 = 0.705
  test.near(test.feature("tech_early_adopter", USER), 0.705, 1e-9)
end)

test.case("price sensitivity and brand awareness are the columns as they are", function()
  test.near(test.feature("price_sensitivity", USER), 0.7, 1e-12)
  test.near(test.feature("brand_awareness_bose", USER), 0.6, 1e-12)
end)

test.case("test.features gives every feature at once", function()
  local f = test.features(USER)
  test.near(f.tech_early_adopter, 0.705, 1e-9)
  test.near(f.price_sensitivity, 0.7, 1e-12)
  test.near(f.brand_awareness_bose, 0.6, 1e-12)
end)

test.case("early adopter runs from 0 to 1 over the generator's ranges", function()
  -- 8 devices, full brand awareness, no privacy preference: 0.4 + 0.3 + 0.3 = 1
  local top = { device_count = 8, brand_awareness_bose = 1, privacy_pref = 0 }
  test.near(test.feature("tech_early_adopter", top), 1, 1e-9)
  -- No devices, no brand awareness, full privacy preference: 0
  local bottom = { device_count = 0, brand_awareness_bose = 0, privacy_pref = 1 }
  test.near(test.feature("tech_early_adopter", bottom), 0, 1e-9)
end)

test.case("more devices make an earlier adopter, other things equal", function()
  -- Each device adds 0.4 / 8 = 0.05.
  local few = test.feature("tech_early_adopter", { device_count = 2, brand_awareness_bose = 0.5, privacy_pref = 0.5 })
  local many = test.feature("tech_early_adopter", { device_count = 3, brand_awareness_bose = 0.5, privacy_pref = 0.5 })
  test.near(many - few, 0.05, 1e-9)
end)
