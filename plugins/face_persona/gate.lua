-- The training gate: a set is ready when enough photos are accepted. Variety and the
-- recommended count are advice (notes), not blockers.
local limits = require "limits"

-- Where the face looks from: left of centre, centre, right of centre.
local function angle(photo)
  local x = photo.face.center_x
  if x < 0.4 then return "left" elseif x > 0.6 then return "right" end
  return "centre"
end

local function spread(values)
  local n, sum, squares = #values, 0, 0
  if n < 2 then return 0 end
  for _, v in ipairs(values) do sum = sum + v; squares = squares + v * v end
  local mean = sum / n
  return math.sqrt(math.max(0, squares / n - mean * mean))
end

return function(set)
  local reasons, notes = {}, {}
  local angles, brightness, small = {}, {}, 0
  for _, photo in ipairs(set.photos) do
    if photo.accepted then
      angles[angle(photo)] = (angles[angle(photo)] or 0) + 1
      brightness[#brightness + 1] = photo.brightness
      if math.min(photo.width, photo.height) < limits.recommended_side then small = small + 1 end
    end
  end

  local n = set.accepted
  if n < limits.min_photos then
    reasons[#reasons + 1] = string.format("%d of %d photos accepted; at least %d needed",
      n, set.total, limits.min_photos)
  end
  local low, high = limits.recommended[1], limits.recommended[2]
  if n >= limits.min_photos and n < low then
    notes[#notes + 1] = string.format("%d photos accepted; %d–%d train best", n, low, high)
  elseif n > high then
    notes[#notes + 1] = string.format("%d photos accepted; more than %d rarely helps", n, high)
  end
  local kinds = 0
  for _ in pairs(angles) do kinds = kinds + 1 end
  if n >= 2 and kinds == 1 then
    notes[#notes + 1] = "every face is seen from the same side: add 3/4 and profile views"
  end
  if n >= 2 and spread(brightness) < 0.03 then
    notes[#notes + 1] = "the lighting hardly varies: add natural, studio and indoor light"
  end
  if small > 0 then
    notes[#notes + 1] = string.format("%d accepted photo(s) under %d px: larger ones train better",
      small, limits.recommended_side)
  end
  return { ready = #reasons == 0, reasons = reasons, notes = notes }
end
