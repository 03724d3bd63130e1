-- Persona-aware training data (seed 003): which persona an instruction example belongs to,
-- its secondary traits, and what a balanced dataset should look like. The host streams the
-- examples, computes text measures, counts, samples and writes; this plugin only says the rules.
--
--   persona-host dataset tag  data/*.jsonl --out tagged/
--   persona-host dataset stats tagged/*.jsonl
--   persona-host dataset mix  tagged/*.jsonl --size 6000000 --out mix/ --seed 7
--
-- The whole contract: docs/PLUGINS.md, "tagging".

return {
  name = "dataset_personas",
  version = "1.0.0",
  api = 1,
  description = "Persona tags, traits, targets and curriculum for instruction datasets (seed 003)",

  tagging = {
    -- Write "<persona:NAME>\n" before every instruction, the control token the model learns.
    prefix = true,
    -- The field naming an example's source dataset; examples without it use their file's name.
    source_field = "source",
    -- The persona of an example that no source and no rule claims (the host counts them).
    fallback = "conversational_agent",

    categories = require "categories", -- the personas, by category, with target shares
    sources = require "sources",       -- whole datasets that belong to one persona
    rules = require "rules",           -- phrase and pattern rules, first match wins
    traits = require "traits",         -- secondary traits from the reply's text measures
    mix = require "mix",               -- caps, boosts, trait targets, upsampling, curriculum
  },
}
