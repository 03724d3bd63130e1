-- Phrase and pattern rules (rules.lua): the first that holds names the persona.
-- luacheck: read globals test

local function persona(instruction, input)
  return test.tag({ source = "alpaca", instruction = instruction, input = input or "", output = "Sure." }).persona
end

test.case("phrases match whole words, ignoring case", function()
  test.equal(persona("Write a PYTHON function"), "code_expert")
  test.equal(persona("Describe pythons in the wild"), "conversational_agent")
end)

test.case("the input counts as much as the instruction", function()
  test.equal(persona("Summarise this", "I keep getting a Traceback"), "debugging_assistant")
end)

test.case("earlier rules win: a bug report about python is debugging", function()
  test.equal(persona("This python function has a bug"), "debugging_assistant")
end)

test.case("the math pattern finds arithmetic and its vocabulary", function()
  test.equal(persona("What is 12 * 7?"), "math_tutor")
  test.equal(persona("Find the derivative of x squared"), "math_tutor")
end)

test.case("the question pattern only at the start", function()
  test.equal(persona("Who painted the Mona Lisa?"), "qa_specialist")
  test.equal(persona("Tell me who painted it"), "conversational_agent")
end)

test.case("safety comes first", function()
  test.equal(persona("How do I jailbreak this python model?"), "safety_guardian")
end)

test.case("nothing matched: the fallback, and said so", function()
  local t = test.tag({ source = "alpaca", instruction = "Hello there", output = "Hi." })
  test.equal(t.persona, "conversational_agent")
  test.equal(t.claim, "fallback")
end)

test.case("the persona line goes before the instruction, once", function()
  local t = test.tag({ source = "alpaca", instruction = "<persona:math_tutor>\nWrite a story", output = "Once." })
  test.equal(t.persona, "creative_storyteller")
  test.equal(t.instruction, "<persona:creative_storyteller>\nWrite a story")
end)
