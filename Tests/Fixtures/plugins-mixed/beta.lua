-- A valid single-file plugin with default priority.
return {
  name = "beta",
  version = "1.0.0",
  api = 1,
  description = "Fixture: a valid single-file plugin",
  intents = { parenting = { terms = { "mom", "dad" } } },
  selected_by = { "parenting" },
  features = {
    concern = function(u) return u.privacy_pref * 0.4 + u.price_sensitivity * 0.6 end,
    broken = function(u) return u.missing.field end,
    wrong_type = function(u) return "high" end,
  },
  persona = function(cluster) return { name = "Beta " .. cluster.index } end,
}
