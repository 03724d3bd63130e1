-- The validation gate (validation.lua): every check above 0.8.
-- luacheck: read globals test

test.case("every check above 0.8 passes", function()
  local v = test.validation{ face_consistency = 0.91, quality_score = 0.85, trigger_effectiveness = 0.88 }
  test.truthy(v.passed)
  test.equal(v.reasons, {})
end)

test.case("one check at 0.8 fails, and says which", function()
  local v = test.validation{ face_consistency = 0.91, quality_score = 0.8, trigger_effectiveness = 0.88 }
  test.falsy(v.passed)
  test.equal(v.reasons, { "quality_score 0.80 is not above 0.80" })
end)

test.case("a missing check fails", function()
  local v = test.validation{ face_consistency = 0.95, quality_score = 0.95 }
  test.falsy(v.passed)
  test.equal(v.reasons, { "trigger_effectiveness is missing" })
end)
