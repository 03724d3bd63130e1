-- A custom persona a user drops into plugins/skincare/personas/ (seed 000's "teen_acne" example).
return {
  name = "Teen Acne",
  description = "Teenage acne on a pocket-money budget",
  skin_type = "oily",
  primary_concerns = { "acne", "oiliness" },
  sensitivity_level = 0.5,
  budget_preference = "budget",
  ingredient_preferences = { "salicylic_acid", "zinc" },
  ingredient_aversions = { "fragrance", "comedogenic_oil" },
  safety_priority = 0.75,
}
