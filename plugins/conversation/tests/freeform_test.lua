-- Free-text feedback: phrase rules (PHRASES in plugins/conversation/mappings.lua), matched in
-- lower case. For each trait the first rule of the list whose phrase is in the text wins; each
-- signal has confidence 0.6 and weight 0.5 (free text is vague).

-- The signals of one freeform feedback, as trait → adjustment.
local function moves(text)
  local out = {}
  for _, s in ipairs(test.feedback({ persona = "echo", type = "freeform", value = text }).signals) do
    test.equal({ s.confidence, s.weight }, { 0.6, 0.5 }, s.trait)
    out[s.trait] = s.adjustment
  end
  return out
end

test.case("each phrase moves its trait", function()
  local rules = {
    { "Way too many big words.", "vocabulary_complexity", -0.2 },
    { "big words everywhere", "vocabulary_complexity", -0.15 },
    { "make it simpler", "vocabulary_complexity", -0.15 },
    { "sounds stiff", "formality", -0.2 },
    { "too formal for a friend", "formality", -0.2 },
    { "too casual for my boss", "formality", 0.2 },
    { "unprofessional", "formality", 0.2 },
    { "too long", "verbosity", -0.2 },
    { "shorter please", "verbosity", -0.15 },
    { "more detail", "verbosity", 0.15 },
    { "a bit rude", "warmth", 0.2 },
    { "cold", "warmth", 0.15 },
    { "lighten up", "humour", 0.15 },
    { "no jokes", "humour", -0.1 },
  }
  for _, r in ipairs(rules) do
    test.equal(moves(r[1]), { [r[2]] = r[3] }, r[1])
  end
end)

test.case("case does not matter", function()
  test.equal(moves("STIFF"), { formality = -0.2 })
end)

test.case("one text can move several traits", function()
  test.equal(moves("Too long, and too many big words"), { verbosity = -0.2, vocabulary_complexity = -0.2 })
end)

test.case("for one trait the earlier rule wins, not the earlier words", function()
  -- "shorter" and "too long" both speak of verbosity; "too long" comes first in PHRASES.
  test.equal(moves("shorter, it is too long"), { verbosity = -0.2 })
  -- "rude" comes before "cold": warmth +0.2, once.
  test.equal(moves("cold and rude"), { warmth = 0.2 })
end)

test.case("text without a known phrase moves nothing", function()
  test.equal(moves("thanks!"), {})
end)
