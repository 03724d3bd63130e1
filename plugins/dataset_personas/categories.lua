-- The seed's persona table: eight categories, each with its target share of the final mix
-- (a range) and the personas that belong to it. Order is kept in every report.
return {
  { name = "Technical", target = { 0.25, 0.30 },
    personas = { "code_expert", "debugging_assistant", "problem_solver" } },
  { name = "Empathetic", target = { 0.20, 0.25 },
    personas = { "empathetic_counselor", "supportive" } },
  { name = "Analytical", target = { 0.15, 0.20 },
    personas = { "analytical_reasoner", "critical_debater", "math_tutor" } },
  { name = "Creative", target = { 0.10, 0.15 },
    personas = { "creative_storyteller", "narrative_writer" } },
  { name = "Conversational", target = { 0.10, 0.15 },
    personas = { "conversational_agent", "multi_turn" } },
  { name = "Tool/API", target = { 0.08, 0.12 },
    personas = { "tool_orchestrator", "api_specialist" } },
  { name = "Factual", target = { 0.08, 0.12 },
    personas = { "factual_informant", "qa_specialist" } },
  { name = "Specialized", target = { 0.05, 0.10 },
    personas = { "esoteric_scholar", "safety_guardian" } },
}
