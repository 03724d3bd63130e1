-- Conversational personas that learn from what users say (seed 004: feedback capture and
-- behavioural model updates). The persona's style is a set of numeric traits; feedback of six
-- kinds maps to signals { trait, adjustment, confidence, weight } (mappings.lua); the host damps,
-- rate-limits and versions the updates, and checks the golden scenarios below before a new
-- version becomes active.

local mappings = require "mappings"

return {
  name = "conversation",
  version = "1.0.0",
  api = 1,
  description = "Conversational personas (Echo) whose style traits learn from feedback",

  personas = {
    echo = {
      name = "Echo",
      description = "The user's digital twin: writes messages the way the user would",
      -- trait = { value (starting point), min, max }
      traits = {
        formality = { value = 0.62, min = 0, max = 1 },
        verbosity = { value = 0.5, min = 0, max = 1 },
        warmth = { value = 0.6, min = 0, max = 1 },
        humour = { value = 0.3, min = 0, max = 1 },
        vocabulary_complexity = { value = 0.55, min = 0, max = 1 },
        enthusiasm = { value = 0.4, min = 0, max = 1 },
      },
      -- How fast it learns (docs/PLUGINS.md, "feedback"): small, damped steps.
      learning = { learning_rate = 0.5, max_step = 0.1, window = 3600, max_change_per_window = 0.2, smoothing = 0.3 },
      -- Checked on every candidate version; a failing one is kept as rejected and not used.
      golden = {
        { name = "echo stays at least a little formal", trait = "formality", min = 0.3 },
        { name = "echo never rambles", trait = "verbosity", max = 0.9 },
      },
    },
  },

  feedback = mappings,
}
