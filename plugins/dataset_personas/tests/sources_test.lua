-- Whole source datasets belong to one persona (sources.lua), before any rule is tried.
-- luacheck: read globals test

local function tag(source, instruction)
  return test.tag({ source = source, instruction = instruction or "Hello", output = "Fine." })
end

test.case("a counselling dataset is the empathetic counsellor's", function()
  local t = tag("mental_health_counseling_v2")
  test.equal(t.persona, "empathetic_counselor")
  test.equal(t.claim, "sources[1]")
end)

test.case("the source wins over a rule that would match", function()
  test.equal(tag("toolbench", "Write python code").persona, "tool_orchestrator")
end)

test.case("matching ignores case", function()
  test.equal(tag("ShareGPT_Cleaned").persona, "multi_turn")
end)

test.case("without a source field the file's name is the source", function()
  local t = test.tag({ instruction = "Hi", output = "Hello." }, { file = "daily_dialog.jsonl.gz" })
  test.equal(t.persona, "conversational_agent")
end)

test.case("an unknown source leaves it to the rules", function()
  test.equal(tag("alpaca", "Write a story about a dragon").persona, "creative_storyteller")
end)
