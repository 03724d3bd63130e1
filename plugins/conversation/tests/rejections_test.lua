-- Feedback the user got wrong is refused with host.reject (the command exits 2, naming the
-- input), never turned into a signal. test.rejects checks that it is a refusal (exit 2), not a
-- plugin error, and its message.

local function give(type, value, interaction)
  return function()
    test.feedback({ persona = "echo", type = type, value = value, interaction = interaction })
  end
end

local REPLY = { input = "Reply to Sam", output = "Hi Sam, see you soon." }

test.case("an unknown category, with a did-you-mean", function()
  test.rejects(give("categorical", "too_formall"),
    "unknown categorical feedback 'too_formall' (did you mean 'too_formal'?); known: doesnt_sound_like_me, ")
  test.rejects(give("categorical", "whatever"), "unknown categorical feedback 'whatever'; known:")
end)

test.case("a category that is not text", function()
  test.rejects(give("categorical", 3), "a categorical feedback is one of: ")
end)

test.case("a rating outside 1-5 or not a number", function()
  test.rejects(give("rating", 0, REPLY), "a rating is a number from 1 to 5, got 0")
  test.rejects(give("rating", 6, REPLY), "a rating is a number from 1 to 5, got 6")
  test.rejects(give("rating", "five", REPLY), "a rating is a number from 1 to 5, got five")
end)

test.case("a rating or a correction without its interaction", function()
  test.rejects(give("rating", 5), "a rating needs the interaction it rates")
  test.rejects(give("correction", "Hi Sam!"), "a correction needs the interaction whose output it corrects")
end)

test.case("a correction that is not text", function()
  test.rejects(give("correction", { text = "Hi" }, REPLY), "a correction's value is the corrected text, got a table")
end)

test.case("a comparison without both texts", function()
  test.rejects(give("comparative", { chosen = "Hi" }),
    'a comparative feedback is {"chosen": "text", "rejected": "text"}')
  test.rejects(give("comparative", "Hi"), "a comparative feedback is")
end)

test.case("free text that is not text", function()
  test.rejects(give("freeform", 5), "a freeform feedback is text, got a number")
end)

test.case("a type the plugin does not map (refused by the host)", function()
  test.rejects(give("thumbs", "up"), "persona 'echo' takes no feedback of type 'thumbs'")
end)

test.case("a rejected feedback changes nothing", function()
  test.rejects(give("rating", 9, REPLY), "a rating is a number from 1 to 5")
  -- The next feedback still starts from the declared formality, 0.62, and makes v1.1.
  local outcome = test.feedback({ persona = "echo", type = "categorical", value = "too_formal" })
  test.equal(outcome.version, "v1.1")
  test.equal(outcome.changes[1].from, 0.62)
end)
