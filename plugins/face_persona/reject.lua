-- Why one photo is left out of training: every reason that applies, or none.
local limits = require "limits"

local function kb(bytes) return string.format("%.0f KB", bytes / 1000) end

return function(photo)
  local reasons = {}
  local function add(...) reasons[#reasons + 1] = string.format(...) end

  if photo.bytes < limits.min_bytes then
    add("file is %s; at least %s", kb(photo.bytes), kb(limits.min_bytes))
  elseif photo.bytes > limits.max_bytes then
    add("file is %s; at most %s", kb(photo.bytes), kb(limits.max_bytes))
  end
  if math.min(photo.width, photo.height) < limits.min_side then
    add("%d×%d pixels; at least %d on each side", photo.width, photo.height, limits.min_side)
  end
  if photo.scores.sharpness < limits.min_sharpness_score then
    add("out of focus (sharpness %.0f of 100)", photo.scores.sharpness)
  end
  if photo.faces == 0 then
    add("no face found")
  elseif photo.faces > 1 then
    add("%d faces: a group photo", photo.faces)
  end
  if photo.brightness < 0.15 then
    add("too dark (mean brightness %.0f%%)", photo.brightness * 100)
  elseif photo.brightness > 0.85 then
    add("too bright (mean brightness %.0f%%)", photo.brightness * 100)
  end
  if photo.age_days and photo.age_days > limits.max_age_days then
    add("taken %.0f days ago; at most two years", photo.age_days)
  end
  if photo.duplicate_of then
    add("near-duplicate of %s", photo.duplicate_of)
  end
  if photo.overall <= limits.min_overall then
    add("overall %.0f is not above %d", photo.overall, limits.min_overall)
  end
  return reasons
end
