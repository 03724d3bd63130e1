-- Persona names: "<person> — <label> <noun>". The label comes from the feature with the largest
-- |z| (its high label when z >= 0, else its low label); the noun is Student when the cluster's
-- most common occupation is student, else User. Persons are gender-neutral.

test.case("the strongest feature names the persona", function()
  local p = test.persona({ z = { tech_early_adopter = 1.1, price_sensitivity = -0.4 } })
  test.equal(p.name, host.names.person(1) .. " — Early-Adopter User")
end)

test.case("every feature's high and low label", function()
  local labels = {   -- LABELS in plugins/tech_adoption/init.lua
    { "tech_early_adopter", "Early-Adopter", "Tech-Cautious" },
    { "price_sensitivity", "Price-Sensitive", "Premium-Seeking" },
    { "brand_awareness_bose", "Brand-Loyal", "Brand-Agnostic" },
  }
  for _, l in ipairs(labels) do
    local feature, high, low = l[1], l[2], l[3]
    test.equal(test.persona({ z = { [feature] = 0.8 } }).traits.adoption, high, feature)
    test.equal(test.persona({ z = { [feature] = -0.8 } }).traits.adoption, low, feature)
  end
end)

test.case("students are Students, everyone else a User", function()
  local z = { price_sensitivity = 1.3 }
  local student = test.persona({ z = z, profile = { occupation = "student" } })
  test.equal(student.name, host.names.person(1) .. " — Price-Sensitive Student")
  test.equal(student.traits, { adoption = "Price-Sensitive", typical_occupation = "student" })
  local doctor = test.persona({ z = z, profile = { occupation = "doctor" } })
  test.equal(doctor.name, host.names.person(1) .. " — Price-Sensitive User")
end)

test.case("on a second attempt the second feature names it", function()
  local p = test.persona({ z = { tech_early_adopter = 1.1, price_sensitivity = -0.4 }, attempt = 2, index = 2 })
  test.equal(p.name, host.names.person(2) .. " — Premium-Seeking User")
end)

test.case("without any feature the persona is a Mainstream User", function()
  test.equal(test.persona({}).name, host.names.person(1) .. " — Mainstream User")
  -- A cluster at the mean on every feature (the only cluster, say) has nothing that sets it apart.
  local flat = test.persona({ z = { tech_early_adopter = 0, brand_awareness_bose = 0 } })
  test.equal(flat.name, host.names.person(1) .. " — Mainstream User")
end)
