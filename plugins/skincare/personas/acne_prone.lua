-- Default persona 3 of seed 000: oil control and acne treatment.
return {
  id = "acne_prone",
  name = "Acne-Prone Specialist",
  description = "Focuses on oil control and acne treatment",
  skin_type = "oily",
  primary_concerns = { "acne", "oiliness", "pore_size" },
  sensitivity_level = 0.4,
  budget_preference = "budget",
  ingredient_preferences = { "salicylic_acid", "niacinamide", "zinc" },
  ingredient_aversions = { "comedogenic_oils", "heavy_moisturizers" },
  efficacy_tolerance = 0.4,
  safety_priority = 0.7,
  natural_preference = 0.3,
}
