-- Feedback read through text measures: ratings, corrections and comparisons move Echo toward
-- (or away from) the style of a text. The host measures each text (words, word length,
-- contractions, "!", long words …); style.lua turns the measures into trait values:
--   formality  = 0.5 + 0.2 x (average word length - 4.5) - 3 x contractions / words
--                - 0.1 x exclamations - 0.1 x emoji                       (clamped to 0..1)
--   verbosity  = words / 60;  vocabulary_complexity = 2.5 x share of words of 7+ letters
--   enthusiasm = (exclamations + emoji) / sentences / 2
-- Echo starts at formality 0.62, verbosity 0.5, vocabulary_complexity 0.55, enthusiasm 0.4.

-- 8 words of 48 letters (6.0 each), no contraction or "!", 3 long words (appreciate, assistance,
-- tomorrow): formality 0.5 + 0.2 x 1.5 = 0.8, verbosity 8/60, vocabulary 2.5 x 3/8 = 0.9375, enthusiasm 0.
local FORMAL = "Dear Samuel, I would appreciate your assistance tomorrow."
-- 4 words of 14 letters (3.5), one contraction, one "!", one sentence: formality
-- 0.5 - 0.2 - 0.75 - 0.1 < 0 → 0, verbosity 4/60, vocabulary 0, enthusiasm 1/1/2 = 0.5.
local CASUAL = "Hey Sam, can't wait!"

-- Checks that `outcome` has exactly the signals `expected` (trait → { adjustment, confidence,
-- weight }), whatever their order, adjustments within 1e-9.
local function expect_signals(outcome, expected)
  local got, traits = {}, {}
  for _, s in ipairs(outcome.signals) do got[s.trait] = s end
  for trait in pairs(expected) do traits[#traits + 1] = trait end
  table.sort(traits)                       -- a fixed order, so a failure is always reported the same way
  for _, trait in ipairs(traits) do
    local e = expected[trait]
    test.truthy(got[trait], "a signal for " .. trait)
    test.near(got[trait].adjustment, e[1], 1e-9, trait)
    test.equal({ got[trait].confidence, got[trait].weight }, { e[2], e[3] }, trait)
  end
  test.equal(#outcome.signals, #traits, "number of signals")
end

local function rate(stars, output)
  return test.feedback({ persona = "echo", type = "rating", value = stars,
                         interaction = { input = "Reply to Sam", output = output } })
end

test.case("a 5-star rating moves halfway toward the rated reply's style", function()
  -- (target - current) x 0.5, confidence 0.5, weight 0.5 (a rating is an implicit signal)
  expect_signals(rate(5, CASUAL), {
    formality = { (0 - 0.62) * 0.5, 0.5, 0.5 },               -- -0.31
    verbosity = { (4 / 60 - 0.5) * 0.5, 0.5, 0.5 },           -- -0.2167
    vocabulary_complexity = { (0 - 0.55) * 0.5, 0.5, 0.5 },   -- -0.275
    enthusiasm = { (0.5 - 0.4) * 0.5, 0.5, 0.5 },             -- 0.05
  })
end)

test.case("a 4-star rating moves half as far", function()
  -- direction (4 - 3) / 2 = 0.5
  expect_signals(rate(4, CASUAL), {
    formality = { -0.155, 0.5, 0.5 },
    verbosity = { (4 / 60 - 0.5) * 0.25, 0.5, 0.5 },
    vocabulary_complexity = { -0.1375, 0.5, 0.5 },
    enthusiasm = { 0.025, 0.5, 0.5 },
  })
end)

test.case("a 1-star rating moves away from the rated reply's style", function()
  expect_signals(rate(1, CASUAL), {
    formality = { 0.31, 0.5, 0.5 },
    verbosity = { -(4 / 60 - 0.5) * 0.5, 0.5, 0.5 },
    vocabulary_complexity = { 0.275, 0.5, 0.5 },
    enthusiasm = { -0.05, 0.5, 0.5 },
  })
end)

test.case("a 3-star rating says nothing", function()
  local outcome = rate(3, CASUAL)
  test.equal(outcome.signals, {})
  test.equal(outcome.changes, {})
end)

test.case("a correction moves by the style difference, with weight 2", function()
  -- The user rewrote the formal reply casually: corrected - original for each trait.
  local outcome = test.feedback({ persona = "echo", type = "correction", value = CASUAL,
                                  interaction = { input = "Reply to Sam", output = FORMAL } })
  expect_signals(outcome, {
    formality = { 0 - 0.8, 0.9, 2 },
    verbosity = { 4 / 60 - 8 / 60, 0.9, 2 },
    vocabulary_complexity = { 0 - 0.9375, 0.9, 2 },
    enthusiasm = { 0.5 - 0, 0.9, 2 },
  })
end)

test.case("a correction ignores differences under 0.02", function()
  -- "See you at noon." (12 letters / 4 words) → "See you at noon then." (16 / 5):
  -- formality 0.5 + 0.2 x (3.0 - 4.5) = 0.2 → 0.5 + 0.2 x (3.2 - 4.5) = 0.24, a move of 0.04;
  -- verbosity 4/60 → 5/60 moves only 0.0167, so it gives no signal.
  local outcome = test.feedback({ persona = "echo", type = "correction", value = "See you at noon then.",
                                  interaction = { input = "Confirm lunch", output = "See you at noon." } })
  expect_signals(outcome, { formality = { 0.04, 0.9, 2 } })
end)

test.case("a comparison moves toward the chosen answer where the two differ", function()
  -- (chosen - current) x 0.5, confidence 0.7, weight 1, on traits where the answers differ by 0.05+.
  local outcome = test.feedback({ persona = "echo", type = "comparative",
                                  value = { chosen = CASUAL, rejected = FORMAL } })
  expect_signals(outcome, {
    formality = { -0.31, 0.7, 1 },
    verbosity = { (4 / 60 - 0.5) * 0.5, 0.7, 1 },
    vocabulary_complexity = { -0.275, 0.7, 1 },
    enthusiasm = { 0.05, 0.7, 1 },
  })
end)

test.case("a comparison of two near-identical answers says nothing", function()
  -- formality 0.24 vs 0.2 and verbosity 5/60 vs 4/60: both under 0.05 apart.
  local outcome = test.feedback({ persona = "echo", type = "comparative",
                                  value = { chosen = "See you at noon then.", rejected = "See you at noon." } })
  test.equal(outcome.signals, {})
end)

test.case("text feedback never touches warmth or humour, which style.lua does not measure", function()
  local outcome = rate(5, CASUAL)
  for _, s in ipairs(outcome.signals) do
    test.truthy(s.trait ~= "warmth" and s.trait ~= "humour", s.trait)
  end
end)
