-- A text's style on the persona's trait scales, from the host's text measures. Rough, readable
-- rules: formal text has longer words and no contractions, exclamations or emoji; verbose text has
-- many words; complex vocabulary has many long words; enthusiasm shows in ! and emoji.

local M = {}

local function clamp(x) return math.max(0, math.min(1, x)) end

function M.profile(m)
  local words = math.max(1, m.words)
  return {
    formality = clamp(0.5 + 0.2 * (m.average_word_length - 4.5) - 3 * m.contractions / words
      - 0.1 * m.exclamations - 0.1 * m.emoji),
    verbosity = clamp(m.words / 60),
    vocabulary_complexity = clamp(m.long_word_share * 2.5),
    enthusiasm = clamp((m.exclamations + m.emoji) / math.max(1, m.sentences) / 2),
  }
end

return M
