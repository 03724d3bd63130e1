-- Default persona 1 of seed 000: gentle, hypoallergenic formulations.
return {
  id = "sensitive_skin",
  name = "Sensitive Skin Specialist",
  description = "Prioritizes gentle, hypoallergenic formulations",
  skin_type = "sensitive",
  primary_concerns = { "sensitivity", "redness", "barrier_repair" },
  sensitivity_level = 0.9,
  budget_preference = "mid-range",
  ingredient_preferences = { "ceramides", "niacinamide", "hyaluronic_acid" },
  ingredient_aversions = { "alcohol", "fragrances", "essential_oils" },
  efficacy_tolerance = 0.8,    -- willing to wait longer for gentler results
  safety_priority = 0.95,      -- safety over efficacy
  natural_preference = 0.6,
}
