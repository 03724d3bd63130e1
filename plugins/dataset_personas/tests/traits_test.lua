-- Secondary traits from the reply's text measures (traits.lua).
-- luacheck: read globals test

local function traits(output)
  return test.tag({ source = "alpaca", instruction = "Hello", output = output }).traits
end

test.case("formal: no contractions or exclamations, longer words", function()
  test.equal(traits("Certainly. The committee considered every proposal thoroughly."), { "brief", "formal" })
end)

test.case("casual: contractions, an exclamation or chatty words", function()
  test.contains(traits("Yeah, that's fine."), "casual")
  test.contains(traits("Great job!"), "casual")
  test.contains(traits("It's what we're after."), "casual")
end)

test.case("detailed and brief by word count", function()
  test.contains(traits(string.rep("word ", 130)), "detailed")
  test.excludes(traits(string.rep("word ", 60)), "brief")
  test.excludes(traits(string.rep("word ", 60)), "detailed")
end)

test.case("supportive and positive phrases", function()
  test.contains(traits("I understand. You're not alone in this."), "supportive")
  test.contains(traits("That is good news for everyone."), "positive")
end)

test.case("stepwise: a numbered list", function()
  test.contains(traits("Here is how.\n1. Open it.\n2. Close it."), "stepwise")
  test.excludes(traits("Version 1.2 is out."), "stepwise")
end)
