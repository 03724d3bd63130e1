-- Datasets whose every example belongs to one persona (the seed's Phase 2 downloads). `match`
-- is looked for, ignoring case, in the source name: the example's `source` field, or its file's
-- name without extensions. The first entry that matches wins; rules never see these examples.
return {
  { match = "mental_health", persona = "empathetic_counselor" },
  { match = "empathetic_dialogues", persona = "empathetic_counselor" },
  { match = "emotional_support", persona = "supportive" },
  { match = "persona_chat", persona = "conversational_agent" },
  { match = "daily_dialog", persona = "conversational_agent" },
  { match = "wizardlm", persona = "multi_turn" },
  { match = "sharegpt", persona = "multi_turn" },
  { match = "function_calling", persona = "tool_orchestrator" },
  { match = "toolbench", persona = "tool_orchestrator" },
  { match = "ethics", persona = "critical_debater" },
  { match = "moral_stories", persona = "critical_debater" },
  { match = "cot_collection", persona = "analytical_reasoner" },
  { match = "arc_challenge", persona = "analytical_reasoner" },
}
