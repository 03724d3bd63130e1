-- Default persona 2 of seed 000: powerful anti-aging ingredients with proven efficacy.
return {
  id = "anti_aging",
  name = "Anti-Aging Enthusiast",
  description = "Seeks powerful anti-aging ingredients with proven efficacy",
  skin_type = "normal",
  primary_concerns = { "wrinkles", "firmness", "hyperpigmentation" },
  sensitivity_level = 0.3,
  budget_preference = "premium",
  ingredient_preferences = { "retinoids", "peptides", "vitamin_c" },
  ingredient_aversions = { "parabens" },
  efficacy_tolerance = 0.3,    -- wants fast results
  safety_priority = 0.6,       -- efficacy over safety, within reason
  natural_preference = 0.2,
}
