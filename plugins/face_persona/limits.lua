-- The seed's figures in one place: edit here, run again.
return {
  min_photos = 5,            -- a set needs at least this many accepted photos
  recommended = { 10, 20 },  -- the count that trains best
  min_side = 512,            -- pixels, shorter side
  recommended_side = 1024,
  min_bytes = 500 * 1000,    -- 500 KB
  max_bytes = 10 * 1000 * 1000,
  min_overall = 70,          -- "quality above 0.7": overall must be above this
  max_age_days = 2 * 365,    -- no photos over two years old
  duplicate_bits = 6,        -- hash bits within which a photo nearly duplicates another
  sharp = 150,               -- Laplacian variance that counts as fully sharp
  min_sharpness_score = 25,  -- below this a photo is out of focus, whatever its other scores
  validation = 0.8,          -- every validation check must be above this
}
