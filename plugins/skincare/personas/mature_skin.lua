-- A custom persona: the seed's "Creating Custom Personas" example. Copy this file to add your own:
-- every file in this folder is a persona. Fields are described in ../profile.lua; the
-- ingredient words are ids or tags from ../ingredients.lua (a plural "s" is ignored).
return {
  id = "mature_skin",
  name = "Mature Skin Expert",
  description = "Focuses on age-related skin concerns",
  skin_type = "mature",
  primary_concerns = { "fine_lines", "loss_of_elasticity", "age_spots" },
  sensitivity_level = 0.6,
  budget_preference = "premium",
  ingredient_preferences = { "retinol", "peptides", "antioxidants" },
  ingredient_aversions = { "harsh_acids" },
  -- efficacy_tolerance is not set in the seed: it takes the default, 0.5
  safety_priority = 0.75,
  natural_preference = 0.4,
}
