-- Technology adoption: the default domain when a goal names no other.
-- Formula and weights from seed 002.

local LABELS = {
  tech_early_adopter   = { "Early-Adopter", "Tech-Cautious" },
  price_sensitivity    = { "Price-Sensitive", "Premium-Seeking" },
  brand_awareness_bose = { "Brand-Loyal", "Brand-Agnostic" },
}

return {
  name = "tech_adoption",
  version = "1.0.0",
  api = 1,
  description = "Technology adoption: early adopters, price and brand",

  default_domain = true,
  columns = { "device_count", "brand_awareness_bose", "privacy_pref", "price_sensitivity" },

  features = {
    tech_early_adopter   = function(u)
      return u.device_count / 8 * 0.4 + u.brand_awareness_bose * 0.3 + (1 - u.privacy_pref) * 0.3
    end,
    price_sensitivity    = function(u) return u.price_sensitivity end,
    brand_awareness_bose = function(u) return u.brand_awareness_bose end,
  },

  clustering = {
    weights = { tech_early_adopter = 0.5, price_sensitivity = 0.3, brand_awareness_bose = 0.2 },
    algorithm = "kmeans",
    k = { min = 2, max = 6 },
    min_share = 0.03,
    profile = { "age", "city_tier", "occupation" },
  },

  persona = function(cluster)
    local top = cluster.distinguishing[cluster.attempt] or cluster.distinguishing[1]
    if top and top.z == 0 then top = nil end   -- at the mean on every feature: nothing sets it apart
    local label = top and LABELS[top.feature] and LABELS[top.feature][top.z >= 0 and 1 or 2] or "Mainstream"
    local noun = cluster.profile.occupation == "student" and "Student" or "User"
    return {
      name = host.names.person(cluster.index) .. " — " .. label .. " " .. noun,
      traits = { adoption = label, typical_occupation = cluster.profile.occupation },
    }
  end,
}
