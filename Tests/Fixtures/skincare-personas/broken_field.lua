-- A persona with a misspelt field: skipped with a warning, the other personas still load.
return {
  name = "Broken",
  skin_type = "normal",
  primary_concerns = { "acne" },
  sensitivity_level = 0.5,
  budget_preferance = "budget",
}
