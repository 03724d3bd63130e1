-- Per-photo scores, each 0–100. The host combines them into `overall` with the weights in
-- init.lua.
local limits = require "limits"

local function clamp(x) return math.max(0, math.min(100, x)) end

local scores = {}

-- 512 px on the shorter side scores 70, 1024 px or more 100; smaller photos fall fast.
function scores.resolution(photo)
  local side = math.min(photo.width, photo.height)
  if side >= limits.recommended_side then return 100 end
  if side >= limits.min_side then
    return 70 + 30 * (side - limits.min_side) / (limits.recommended_side - limits.min_side)
  end
  return clamp(70 * (side / limits.min_side) ^ 2)
end

-- The variance of the Laplacian: edges in focus make it high, blur makes it low.
function scores.sharpness(photo)
  return clamp(100 * photo.sharpness / limits.sharp)
end

-- A mean brightness from 35% to 65% is ideal; clipped shadows and highlights cost on top.
function scores.lighting(photo)
  local b = photo.brightness
  local score = 100
  if b < 0.35 then score = 100 * (b - 0.05) / 0.30
  elseif b > 0.65 then score = 100 * (0.95 - b) / 0.30 end
  local clipped = photo.shadows + photo.highlights
  return clamp(score - 300 * math.max(0, clipped - 0.02))
end

-- One face, large enough to learn from: a face of 5% of the frame scores 70, 15% or more 100.
-- No face scores 0; several faces (a group photo) 30.
function scores.face_detection(photo)
  if photo.faces == 0 or not photo.face then return 0 end
  if photo.faces > 1 then return 30 end
  local share = photo.face.share
  if share >= 0.15 then return 100 end
  if share >= 0.05 then return 70 + 30 * (share - 0.05) / 0.10 end
  return clamp(70 * share / 0.05)
end

return scores
