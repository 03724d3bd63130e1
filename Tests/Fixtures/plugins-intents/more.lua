-- Fixture for `persona-host intents`: a second plugin adding a term to a category another
-- plugin declares, without a filters hook of its own.
return {
  name = "more",
  version = "1.0.0",
  api = 1,
  description = "Fixture: one more pet",
  priority = 200,
  intents = { pets = { terms = { "parrot" }, synonyms = { polly = "parrot" } } },
}
