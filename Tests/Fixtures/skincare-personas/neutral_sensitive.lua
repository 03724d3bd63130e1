-- sensitive_skin's profile with no preferences or aversions: the neutral baseline in tests.
return {
  name = "Neutral Sensitive",
  skin_type = "sensitive",
  primary_concerns = { "sensitivity", "redness", "barrier_repair" },
  sensitivity_level = 0.9,
  budget_preference = "mid-range",
  efficacy_tolerance = 0.8,
  safety_priority = 0.95,
  natural_preference = 0.6,
}
