-- Categorical feedback (the buttons under a reply): each value moves fixed traits of Echo
-- (CATEGORICAL in plugins/conversation/mappings.lua), with confidence 0.8 and weight 1;
-- doesnt_sound_like_me is vaguer (confidence 0.5), nailed_it moves nothing.

-- The signals of one categorical feedback, as { trait, adjustment, confidence, weight } lists.
local function signals_of(value)
  local out = {}
  for _, s in ipairs(test.feedback({ persona = "echo", type = "categorical", value = value }).signals) do
    out[#out + 1] = { s.trait, s.adjustment, s.confidence, s.weight }
  end
  return out
end

test.case("each category moves its traits", function()
  local expected = {
    { "too_formal", { { "formality", -0.2, 0.8, 1 } } },
    { "too_casual", { { "formality", 0.2, 0.8, 1 } } },
    { "too_long", { { "verbosity", -0.2, 0.8, 1 } } },
    { "too_short", { { "verbosity", 0.2, 0.8, 1 } } },
    { "too_cold", { { "warmth", 0.2, 0.8, 1 } } },
    { "too_gushing", { { "warmth", -0.15, 0.8, 1 }, { "enthusiasm", -0.15, 0.8, 1 } } },
    { "too_complex", { { "vocabulary_complexity", -0.2, 0.8, 1 } } },
    { "too_simple", { { "vocabulary_complexity", 0.2, 0.8, 1 } } },
    { "not_funny", { { "humour", -0.15, 0.8, 1 } } },
    { "more_fun", { { "humour", 0.15, 0.8, 1 }, { "enthusiasm", 0.1, 0.8, 1 } } },
    { "doesnt_sound_like_me", { { "formality", -0.1, 0.5, 1 }, { "vocabulary_complexity", -0.1, 0.5, 1 } } },
  }
  for _, e in ipairs(expected) do
    test.equal(signals_of(e[1]), e[2], e[1])
  end
end)

test.case("nailed_it says the reply was right: no signal, no change", function()
  local outcome = test.feedback({ persona = "echo", type = "categorical", value = "nailed_it" })
  test.equal(outcome.status, "applied")
  test.equal(outcome.signals, {})
  test.equal(outcome.changes, {})
end)

test.case("too_formal makes Echo a little less formal", function()
  local outcome = test.feedback({ persona = "echo", type = "categorical", value = "too_formal" })
  test.equal(outcome.version, "v1.1")
  test.equal(outcome.changes[1].trait, "formality")
  test.equal(outcome.changes[1].from, 0.62)       -- the declared starting value
  test.truthy(outcome.changes[1].to < 0.62)
end)
