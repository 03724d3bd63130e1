-- Face personas (seed 001): which photos a face model may be trained on, when a set is ready,
-- how it is trained, and when a trained model passes. The host decodes and measures every
-- photo (size, sharpness, exposure, faces, a perceptual hash, EXIF age); these rules judge.
--
--   persona-host photos check photos/
--   persona-host face-persona create Maya --photos photos/ --consent consent.json
--   persona-host face-persona train Maya --trainer export --out maya-training/
--
-- The whole contract: docs/PLUGINS.md, "photos".

local limits = require "limits"

return {
  name = "face_persona",
  version = "1.0.0",
  api = 1,
  description = "Photo quality scores, training and validation gates for face personas (seed 001)",

  photos = {
    scores = require "scores",          -- each 0–100 from the photo's measures
    weights = { resolution = 0.25, sharpness = 0.30, lighting = 0.20, face_detection = 0.25 },
    reject = require "reject",          -- why one photo is left out
    duplicate_distance = limits.duplicate_bits,
    gate = require "gate",              -- when a set may be trained
    training = require "training",      -- the trainer's configuration
    validation = require "validation",  -- when a trained model passes
  },
}
