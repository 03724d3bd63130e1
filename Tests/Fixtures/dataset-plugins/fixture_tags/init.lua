-- Tagging rules for the dataset tests: small enough that every count can be worked out by hand
-- (Tests/HostTests/Dataset/DatasetFixture.swift writes the matching examples).
return {
  name = "fixture_tags",
  version = "1.0.0",
  api = 1,
  description = "Tagging rules for the dataset tests",
  tagging = {
    prefix = true,
    source_field = "source",
    fallback = "chat",
    categories = {
      { name = "Tech", target = { 0.4, 0.6 }, personas = { "coder", "fixer" } },
      { name = "Care", target = { 0.2, 0.3 }, personas = { "carer" } },
      { name = "Other", target = { 0.1, 0.3 }, personas = { "chat", "rare" } },
    },
    sources = { { match = "toolbench", persona = "fixer" } },
    rules = {
      { persona = "coder", phrases = { "python", "sql" } },
      { persona = "carer", pattern = "anxi(ous|ety)" },
      { persona = "rare", phrases = { "tarot" }, words = { min = 3 } },
    },
    traits = {
      brief = { words = { max = 5 } },
      long = { words = { min = 6 } },
      casual = { { contractions = { min = 1 } }, { phrases = { "yeah" } } },
    },
    mix = {
      personas = { coder = { cap = 0.3 } },
      upsample = { rare = 2.0 },
      traits = { brief = 0.5 },
      curriculum = {
        { name = "tech", learning_rate = 2e-5, personas = { "coder", "fixer" } },
        { name = "all", learning_rate = 5e-6, personas = "all", shuffle = true },
      },
    },
  },
}
