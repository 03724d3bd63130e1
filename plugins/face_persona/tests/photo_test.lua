-- One photo: its scores (scores.lua), overall and the reasons it is rejected (reject.lua).
-- luacheck: read globals test

-- A good photo; each case changes what it judges.
local function photo(changes)
  local p = { file = "a.jpg", format = "jpeg", bytes = 1500000, width = 1024, height = 1024,
              sharpness = 300, brightness = 0.5, shadows = 0.01, highlights = 0.01,
              faces = 1, face = { x = 312, y = 262, width = 400, height = 500 } }
  for k, v in pairs(changes or {}) do p[k] = v end
  return p
end

test.case("a good photo scores 100 everywhere and is accepted", function()
  local v = test.photo(photo())
  test.equal(v.scores, { resolution = 100, sharpness = 100, lighting = 100, face_detection = 100 })
  test.equal(v.overall, 100)
  test.truthy(v.accepted)
  test.equal(v.reasons, {})
end)

test.case("512 px scores 70 for resolution, 1024 px 100, and under 512 px is rejected", function()
  local face = { x = 156, y = 131, width = 200, height = 250 }
  test.equal(test.photo(photo{ width = 512, height = 512, face = face }).scores.resolution, 70)
  local small = test.photo(photo{ width = 400, height = 300, face = { x = 100, y = 50, width = 150, height = 180 } })
  test.truthy(small.scores.resolution < 70)
  test.contains(small.reasons, "400×300 pixels; at least 512 on each side")
end)

test.case("a softer photo loses sharpness and, with it, overall", function()
  local sharp, soft = test.photo(photo()), test.photo(photo{ sharpness = 60 })
  test.equal(soft.scores.sharpness, 40)
  test.equal(soft.overall, 82)
  test.truthy(soft.overall < sharp.overall)
  test.truthy(soft.accepted)
end)

test.case("an out-of-focus photo is rejected, however good the rest", function()
  local v = test.photo(photo{ sharpness = 15 })
  test.falsy(v.accepted)
  test.equal(v.reasons, { "out of focus (sharpness 10 of 100)" })
end)

test.case("overall at 70 or below is rejected", function()
  local small_face = { x = 480, y = 400, width = 120, height = 120 }
  local v = test.photo(photo{ sharpness = 45, brightness = 0.2, face = small_face })
  test.contains(v.reasons, string.format("overall %.0f is not above 70", v.overall))
  test.truthy(v.overall <= 70)
end)

test.case("too dark and too bright are rejected and score low on lighting", function()
  local dark = test.photo(photo{ brightness = 0.08, shadows = 0.6 })
  test.equal(dark.scores.lighting, 0)
  test.contains(dark.reasons, "too dark (mean brightness 8%)")
  local bright = test.photo(photo{ brightness = 0.9, highlights = 0.5 })
  test.contains(bright.reasons, "too bright (mean brightness 90%)")
end)

test.case("no face, or a group, is rejected", function()
  local none = test.photo(photo{ faces = 0, face = nil })
  test.equal(none.scores.face_detection, 0)
  test.contains(none.reasons, "no face found")
  test.contains(test.photo(photo{ faces = 3 }).reasons, "3 faces: a group photo")
end)

test.case("a small face scores lower than a close-up", function()
  local far = test.photo(photo{ face = { x = 480, y = 400, width = 100, height = 100 } })
  test.truthy(far.scores.face_detection < 70)
end)

test.case("file size must be from 500 KB to 10 MB", function()
  test.contains(test.photo(photo{ bytes = 320000 }).reasons, "file is 320 KB; at least 500 KB")
  test.contains(test.photo(photo{ bytes = 12000000 }).reasons, "file is 12000 KB; at most 10000 KB")
end)

test.case("photos over two years old are rejected", function()
  test.contains(test.photo(photo{ age_days = 800 }).reasons, "taken 800 days ago; at most two years")
  test.truthy(test.photo(photo{ age_days = 400 }).accepted)
end)
