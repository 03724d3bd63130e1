-- Loads, but its manifest is wrong in several places at once.
return {
  name = "Bad Manifest",
  version = "1.0.0",
  api = 1,
  description = "Fixture: invalid fields",
  features = { score = 5 },
  clustering = { algorithm = "dbscan", k = { min = 1, max = 3 }, weights = { nothing = 1 } },
  feautres = {},
}
