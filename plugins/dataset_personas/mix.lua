-- What `dataset mix` aims for (seed 003, "Advanced Features").
return {
  -- Per-persona shares: `cap` is a ceiling (no dominance), `share` a target of its own
  -- (otherwise a persona gets an equal part of its category's target).
  personas = {
    code_expert = { cap = 0.12 },
    empathetic_counselor = { share = 0.15 },
    creative_storyteller = { share = 0.08 },
  },
  -- Rare personas may be repeated up to this many times their examples (repeats are marked).
  upsample = { esoteric_scholar = 2.0, tool_orchestrator = 1.5 },
  -- Secondary-trait shares aimed at within every persona.
  traits = { formal = 0.15, casual = 0.20, detailed = 0.30, brief = 0.35 },
  -- The four-phase curriculum written beside the mix (the trainer reads it).
  curriculum = {
    { name = "foundation", purpose = "stabilise syntax and task competence", learning_rate = 2e-5,
      personas = { "code_expert", "problem_solver", "factual_informant" } },
    { name = "analytical", purpose = "build logical thinking", learning_rate = 1.5e-5,
      personas = { "analytical_reasoner", "critical_debater", "math_tutor" } },
    { name = "empathic_creative", purpose = "emotional depth and imagination", learning_rate = 1e-5,
      personas = { "empathetic_counselor", "creative_storyteller" } },
    { name = "mixed_fluency", purpose = "persona switching, all personas shuffled", learning_rate = 5e-6,
      personas = "all", shuffle = true },
  },
}
