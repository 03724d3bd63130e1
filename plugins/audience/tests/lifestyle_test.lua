-- Lifestyles: each becomes an occupation condition (OCCUPATIONS in plugins/audience/init.lua);
-- several lifestyles mean any of their occupations, sorted.

test.case("each lifestyle is its occupations", function()
  test.equal(test.goal("students").conditions, { "occupation in ('student')" })
  test.equal(test.goal("retired").conditions, { "occupation in ('retired')" })
  test.equal(test.goal("entrepreneurs").conditions, { "occupation in ('business_owner', 'freelancer', 'shop_owner')" })
  test.equal(test.goal("professionals").conditions, {
    "occupation in ('civil_servant', 'consultant', 'designer', 'doctor', 'nurse', 'sales_executive', "
      .. "'software_engineer', 'teacher')",
  })
end)

test.case("synonyms give their term's occupations", function()
  test.equal(test.goal("founders").conditions, { "occupation in ('business_owner', 'freelancer', 'shop_owner')" })
  test.equal(test.goal("pensioners").conditions, { "occupation in ('retired')" })
  test.equal(test.goal("undergrads").conditions, { "occupation in ('student')" })
end)

test.case("several lifestyles: one condition with all their occupations", function()
  local reading = test.goal("student founders")
  test.equal(reading.conditions, { "occupation in ('business_owner', 'freelancer', 'shop_owner', 'student')" })
  test.equal(reading.filter.conditions[1].terms, { "entrepreneur", "student" })
end)

test.case("retired (a lifestyle) and retirees (a generation) are different words", function()
  -- "retired" is the lifestyle term; "retiree" is a synonym of boomer in the generation category.
  test.equal(test.goal("retired").detected, { "lifestyle" })
  test.equal(test.goal("retirees").detected, { "generation" })
end)
