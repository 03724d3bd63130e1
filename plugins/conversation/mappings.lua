-- From feedback to signals. Each function receives one feedback:
--   fb.type, fb.value, fb.target   what the user gave (value: string, number or table)
--   fb.traits                      the persona's current trait values
--   fb.interaction                 { input, output } when the feedback names an interaction
--   fb.measures                    text measures the host computed (output, original, corrected,
--                                  chosen, rejected, text): length, words, sentences, sentence_length,
--                                  average_word_length, contractions, exclamations, emoji,
--                                  long_word_share, questions
-- and returns a list of signals { trait =, adjustment =, confidence = 0..1, weight = }.
-- Weight says how much the kind of feedback counts: explicit corrections 2, buttons and choices 1,
-- ratings and free text (implicit, vaguer) 0.5.
-- Feedback the user got wrong (a misspelt category, a rating of 7, a rating without its
-- interaction) is refused with host.reject: an input error (exit 2), not this plugin's fault.

local style = require "style"

local M = {}

local CATEGORICAL = {
  too_formal = { { "formality", -0.2 } },
  too_casual = { { "formality", 0.2 } },
  too_long = { { "verbosity", -0.2 } },
  too_short = { { "verbosity", 0.2 } },
  too_cold = { { "warmth", 0.2 } },
  too_gushing = { { "warmth", -0.15 }, { "enthusiasm", -0.15 } },
  too_complex = { { "vocabulary_complexity", -0.2 } },
  too_simple = { { "vocabulary_complexity", 0.2 } },
  not_funny = { { "humour", -0.15 } },
  more_fun = { { "humour", 0.15 }, { "enthusiasm", 0.1 } },
  doesnt_sound_like_me = { { "formality", -0.1 }, { "vocabulary_complexity", -0.1 } },
  nailed_it = {},
}

-- Phrase rules for free text: the first phrase found in the text wins for its trait.
local PHRASES = {
  { "too many big words", "vocabulary_complexity", -0.2 },
  { "big words", "vocabulary_complexity", -0.15 },
  { "simpler", "vocabulary_complexity", -0.15 },
  { "stiff", "formality", -0.2 },
  { "too formal", "formality", -0.2 },
  { "too casual", "formality", 0.2 },
  { "unprofessional", "formality", 0.2 },
  { "too long", "verbosity", -0.2 },
  { "shorter", "verbosity", -0.15 },
  { "more detail", "verbosity", 0.15 },
  { "rude", "warmth", 0.2 },
  { "cold", "warmth", 0.15 },
  { "lighten up", "humour", 0.15 },
  { "jokes", "humour", -0.1 },
}

local function signal(trait, adjustment, confidence, weight)
  return { trait = trait, adjustment = adjustment, confidence = confidence, weight = weight }
end

local function names(t)
  local list = {}
  for k in pairs(t) do list[#list + 1] = k end
  table.sort(list)
  return list
end

-- The user's feedback is wrong (not this plugin): host.reject stops the call as an input error
-- (exit 2), with the message naming where the feedback came from.
local function reject(message, ...)
  host.reject(message:format(...))
end

local CATEGORIES = names(CATEGORICAL)

function M.categorical(fb)
  if type(fb.value) ~= "string" then
    reject("a categorical feedback is one of: %s (got a %s)", table.concat(CATEGORIES, ", "), type(fb.value))
  end
  local moves = CATEGORICAL[fb.value]
  if moves == nil then
    local closest = host.suggest(fb.value, CATEGORIES)
    reject("unknown categorical feedback '%s'%s; known: %s", fb.value,
      closest and (" (did you mean '" .. closest .. "'?)") or "", table.concat(CATEGORIES, ", "))
  end
  local out = {}
  local confidence = fb.value == "doesnt_sound_like_me" and 0.5 or 0.8
  for _, m in ipairs(moves) do out[#out + 1] = signal(m[1], m[2], confidence, 1) end
  return out
end

-- A rating of the interaction's output: 4-5 moves the style toward that output's measured style,
-- 1-2 away from it, 3 says nothing.
function M.rating(fb)
  local stars = tonumber(fb.value)
  if stars == nil or stars < 1 or stars > 5 then
    reject("a rating is a number from 1 to 5, got %s", tostring(fb.value))
  end
  if not fb.measures.output then
    reject("a rating needs the interaction it rates (--interaction N, or \"interaction\" in a JSON line)")
  end
  local direction = (stars - 3) / 2
  local out = {}
  for trait, target in pairs(style.profile(fb.measures.output)) do
    local current = fb.traits[trait]
    if current and direction ~= 0 then
      out[#out + 1] = signal(trait, direction * (target - current) * 0.5, 0.5, 0.5)
    end
  end
  return out
end

-- A corrected message: move by the difference between the corrected and the original style.
function M.correction(fb)
  if not fb.measures.original then
    reject("a correction needs the interaction whose output it corrects "
      .. "(--interaction N, or \"interaction\" in a JSON line)")
  end
  if not fb.measures.corrected then
    reject("a correction's value is the corrected text, got a %s", type(fb.value))
  end
  local before, after = style.profile(fb.measures.original), style.profile(fb.measures.corrected)
  local out = {}
  for trait, value in pairs(after) do
    local delta = value - before[trait]
    if math.abs(delta) >= 0.02 then out[#out + 1] = signal(trait, delta, 0.9, 2) end
  end
  return out
end

-- "Which sounds more like you, A or B?": move toward the chosen answer's style.
function M.comparative(fb)
  if not (fb.measures.chosen and fb.measures.rejected) then
    reject('a comparative feedback is {"chosen": "text", "rejected": "text"}')
  end
  local chosen, rejected = style.profile(fb.measures.chosen), style.profile(fb.measures.rejected)
  local out = {}
  for trait, value in pairs(chosen) do
    -- Only where the two answers differ does the choice say something.
    if math.abs(value - rejected[trait]) >= 0.05 and fb.traits[trait] then
      out[#out + 1] = signal(trait, (value - fb.traits[trait]) * 0.5, 0.7, 1)
    end
  end
  return out
end

function M.freeform(fb)
  if type(fb.value) ~= "string" then reject("a freeform feedback is text, got a %s", type(fb.value)) end
  local text = fb.value:lower()
  local out, seen = {}, {}
  for _, rule in ipairs(PHRASES) do
    local phrase, trait, adjustment = rule[1], rule[2], rule[3]
    if not seen[trait] and text:find(phrase, 1, true) then
      seen[trait] = true
      out[#out + 1] = signal(trait, adjustment, 0.6, 0.5)
    end
  end
  return out
end

return M
