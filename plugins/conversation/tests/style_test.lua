-- style.lua on its own: text measures (as the host computes them) → trait values on 0..1.
-- require finds the plugin's own modules.

local style = require("style")

-- Measures of a plain text: 10 words of 5 letters in 2 sentences, nothing else.
local function measures(changes)
  local m = { words = 10, sentences = 2, average_word_length = 5, contractions = 0, exclamations = 0,
              emoji = 0, long_word_share = 0 }
  for k, v in pairs(changes or {}) do m[k] = v end
  return m
end

test.case("a plain text", function()
  local p = style.profile(measures())
  test.near(p.formality, 0.6, 1e-9)          -- 0.5 + 0.2 x (5 - 4.5)
  test.near(p.verbosity, 10 / 60, 1e-9)
  test.equal(p.vocabulary_complexity, 0)
  test.equal(p.enthusiasm, 0)
end)

test.case("contractions, exclamations and emoji make a text less formal", function()
  -- 0.6 - 3 x 2/10 - 0.1 x 1 - 0.1 x 1 = 0.6 - 0.6 - 0.2 → clamped to 0
  test.equal(style.profile(measures({ contractions = 2, exclamations = 1, emoji = 1 })).formality, 0)
  -- 0.6 - 3 x 1/10 = 0.3
  test.near(style.profile(measures({ contractions = 1 })).formality, 0.3, 1e-9)
end)

test.case("long words make it formal and complex", function()
  local p = style.profile(measures({ average_word_length = 7, long_word_share = 0.3 }))
  test.near(p.formality, 1, 1e-9)            -- 0.5 + 0.2 x 2.5 = 1.0
  test.near(p.vocabulary_complexity, 0.75, 1e-9)   -- 2.5 x 0.3
end)

test.case("enthusiasm: exclamations and emoji per sentence, halved", function()
  test.near(style.profile(measures({ exclamations = 1, emoji = 1 })).enthusiasm, 0.5, 1e-9)   -- 2 / 2 / 2
end)

test.case("every value stays within 0..1", function()
  local p = style.profile(measures({ words = 240, long_word_share = 0.9, exclamations = 9, average_word_length = 12 }))
  test.equal(p, { formality = 1, verbosity = 1, vocabulary_complexity = 1, enthusiasm = 1 })
end)

test.case("an empty text divides by nothing", function()
  -- words and sentences 0: both are taken as at least 1.
  local p = style.profile(measures({ words = 0, sentences = 0, average_word_length = 0, exclamations = 1 }))
  test.near(p.formality, 0, 1e-9)            -- 0.5 - 0.9 - 0.1 → 0
  test.equal(p.verbosity, 0)
  test.near(p.enthusiasm, 0.5, 1e-9)
end)
