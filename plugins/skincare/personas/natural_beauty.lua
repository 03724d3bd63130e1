-- Default persona 4 of seed 000: natural and organic ingredients.
return {
  id = "natural_beauty",
  name = "Natural Beauty Advocate",
  description = "Prefers natural and organic ingredients",
  skin_type = "normal",
  primary_concerns = { "dryness", "general_health" },
  sensitivity_level = 0.5,
  budget_preference = "mid-range",
  ingredient_preferences = { "plant_extracts", "oils", "botanicals" },
  ingredient_aversions = { "sulfates", "parabens", "synthetic_fragrances" },
  efficacy_tolerance = 0.7,
  safety_priority = 0.8,
  natural_preference = 0.9,
}
