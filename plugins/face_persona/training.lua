-- The LoRA training configuration handed to the trainer (seed 001's settings). More photos
-- train longer: 100 steps a photo, from 1000 (5–10 photos) to 2000 (20 or more).
return function(set)
  local steps = math.max(1000, math.min(2000, 100 * set.accepted))
  return {
    model_base = "flux-dev",
    training_steps = steps,
    learning_rate = 1e-4,
    batch_size = 4,
    rank = 16,
    alpha = 16,
    dropout = 0.1,
    optimizer = "adamw",
    scheduler = "cosine",
    mixed_precision = "fp16",
    gradient_checkpointing = true,
    -- Preprocessing and augmentation the trainer applies.
    crop = { square = true, padding = 0.2 },
    augment = { brightness = { 0.8, 1.2 }, contrast = { 0.8, 1.2 }, horizontal_flip = 0.5,
                rotation = { -5, 5 }, crop = { 0.9, 1.0 } },
  }
end
