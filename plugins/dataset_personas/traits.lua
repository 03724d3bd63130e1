-- Secondary traits of an example, from the reply (`output`) unless `fields` says otherwise. A
-- trait holds when all its conditions hold; a list of condition tables holds when any does.
-- Measure bounds read the host's text measures of the reply (docs/PLUGINS.md, "measures").
return {
  -- No contractions or exclamations, longer words.
  formal = { contractions = { max = 0 }, exclamations = { max = 0 }, average_word_length = { min = 4.7 } },
  -- Contractions, exclamations or chatty words.
  casual = {
    { contractions = { min = 2 } },
    { exclamations = { min = 1 } },
    { phrases = { "hey", "yeah", "gonna", "kinda", "lol", "awesome" } },
  },
  detailed = { words = { min = 120 } },
  brief = { words = { max = 40 } },
  supportive = { phrases = { "i understand", "you're not alone", "it's okay", "that sounds hard", "be gentle" } },
  positive = { phrases = { "great", "wonderful", "glad", "you can do", "good news" } },
  stepwise = { pattern = "(^|\n) *(1\\.|step 1|first,)" },
}
