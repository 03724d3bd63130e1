-- A set: duplicates, the training gate (gate.lua) and the training configuration (training.lua).
-- luacheck: read globals test

-- n good photos with distinct hashes; `x` moves every face across the frame.
local function photos(n, changes)
  local list = {}
  for i = 1, n do
    local p = { file = string.format("%02d.jpg", i), format = "jpeg", bytes = 1500000, width = 1024, height = 1024,
                sharpness = 300, brightness = 0.35 + 0.02 * (i % 10), shadows = 0.01, highlights = 0.01, faces = 1,
                face = { x = 100 + (i % 3) * 250, y = 262, width = 350, height = 450 },
                hash = string.format("%016x", i * 0x9E3779B97F4A7C15) }
    for k, v in pairs(changes or {}) do p[k] = v end
    list[i] = p
  end
  return list
end

test.case("five good photos are ready, with advice to add more", function()
  local set = test.photo_set(photos(5))
  test.truthy(set.ready)
  test.equal(set.reasons, {})
  test.contains(set.notes, "5 photos accepted; 10–20 train best")
end)

test.case("four are not ready, and the reason says how many are needed", function()
  local set = test.photo_set(photos(4))
  test.falsy(set.ready)
  test.equal(set.reasons, { "4 of 4 photos accepted; at least 5 needed" })
  test.equal(set.training, nil)
end)

test.case("rejected photos do not count towards the minimum", function()
  local list = photos(6)
  list[1].faces, list[1].face = 0, nil
  list[2].sharpness = 2
  local set = test.photo_set(list)
  test.equal(set.accepted, 4)
  test.falsy(set.ready)
end)

test.case("a near-duplicate is marked and rejected", function()
  local list = photos(6)
  list[6].hash = string.format("%016x", 0x9E3779B97F4A7C15 ~ 5) -- 2 bits from photo 1
  local set = test.photo_set(list)
  test.equal(set.duplicates, 1)
  test.equal(set.photos[6].duplicate_of, "01.jpg")
  test.contains(set.photos[6].reasons, "near-duplicate of 01.jpg")
  test.equal(set.accepted, 5)
end)

test.case("one angle and one light are noted, not blocking", function()
  local set = test.photo_set(photos(10, { brightness = 0.5, face = { x = 312, y = 262, width = 400, height = 500 } }))
  test.truthy(set.ready)
  test.contains(set.notes, "every face is seen from the same side: add 3/4 and profile views")
  test.contains(set.notes, "the lighting hardly varies: add natural, studio and indoor light")
end)

test.case("the configuration is the seed's, with steps from the photo count", function()
  local config = test.photo_set(photos(5)).training
  test.equal(config.model_base, "flux-dev")
  test.equal(config.training_steps, 1000)
  test.equal(config.learning_rate, 1e-4)
  test.equal(config.rank, 16)
  test.equal(config.alpha, 16)
  test.equal(config.batch_size, 4)
  test.equal(test.photo_set(photos(15)).training.training_steps, 1500)
  test.equal(test.photo_set(photos(30)).training.training_steps, 2000)
end)
